/// Where each part of a graph came from in its file, so that a problem found after parsing (an
/// unknown role in a relation, a duplicate id) can still name its line and column.
struct SourceMap: Sendable {
    enum Field: Hashable, Sendable {
        case area(Int), skill(Int), role(Int)
        case roleArea(Int)
        case roleSkill(role: Int, primary: Bool, index: Int)
        case relation(Int), relationFrom(Int), relationTo(Int), relationEffort(Int)
        /// A transition the file gave no `effort` (so it is 1): a warning, at the relation.
        case relationEffortDefaulted(Int)

        /// The same field after the parts move: each closure maps an old position to the new
        /// one, or to `nil` for a part that is gone.
        func remapped(_ remap: Remap) -> Field? {
            switch self {
            case .area(let i): return remap.areas(i).map(Field.area)
            case .skill(let i): return remap.skills(i).map(Field.skill)
            case .role(let i): return remap.roles(i).map(Field.role)
            case .roleArea(let i): return remap.roles(i).map(Field.roleArea)
            case .roleSkill(let i, let primary, let index):
                return remap.roles(i).map { Field.roleSkill(role: $0, primary: primary, index: index) }
            case .relation(let i): return remap.relations(i).map(Field.relation)
            case .relationFrom(let i): return remap.relations(i).map(Field.relationFrom)
            case .relationTo(let i): return remap.relations(i).map(Field.relationTo)
            case .relationEffort(let i): return remap.relations(i).map(Field.relationEffort)
            case .relationEffortDefaulted(let i): return remap.relations(i).map(Field.relationEffortDefaulted)
            }
        }
    }

    /// Old position → new position (or `nil`: removed) for each kind of part.
    struct Remap {
        var areas: (Int) -> Int? = { $0 }
        var skills: (Int) -> Int? = { $0 }
        var roles: (Int) -> Int? = { $0 }
        var relations: (Int) -> Int? = { $0 }

        /// Positions shifted by fixed offsets: a layer's parts appended after the base's.
        static func offset(areas: Int, skills: Int, roles: Int, relations: Int) -> Remap {
            Remap(areas: { $0 + areas }, skills: { $0 + skills }, roles: { $0 + roles }, relations: { $0 + relations })
        }
    }

    var locations: [Field: SourceLocation] = [:]
    /// Fields whose problem the reader already reported (a missing id, an unreadable effort), so
    /// the validator does not report it again.
    var reported: Set<Field> = []

    subscript(field: Field) -> SourceLocation? {
        get { locations[field] }
        set { locations[field] = newValue }
    }

    /// The map after the parts move (see ``Field/remapped(_:)``); fields of removed parts are dropped.
    ///
    /// - Complexity: O(*n*) for *n* fields.
    func remapped(_ remap: Remap) -> SourceMap {
        var result = SourceMap()
        for (field, location) in locations {
            if let moved = field.remapped(remap) { result.locations[moved] = location }
        }
        for field in reported {
            if let moved = field.remapped(remap) { result.reported.insert(moved) }
        }
        return result
    }

    /// Adds another map's fields, replacing any already here.
    mutating func absorb(_ other: SourceMap) {
        locations.merge(other.locations) { $1 }
        reported.formUnion(other.reported)
    }
}

/// The semantic checks every graph passes, whether it came from a file or was built in code.
///
/// Structural problems (wrong types, unknown keys) are the reader's business; this checks what
/// only the whole graph can tell: identity, references, and the rules of each relation kind. It
/// reports every problem, never just the first.
enum GraphValidator {
    /// The largest effort a transition may declare. Large enough for any scale people use, small
    /// enough that no sum along a path can overflow to infinity.
    static let maximumEffort = 1_000_000.0
    /// The largest observed count a transition (or a role's stayers) may state: far above any real
    /// population, and small enough that sums of counts stay exact in a `Double`.
    static let maximumCount = 1e15

    /// How many unknown references get a "did you mean": each suggestion compares the reference
    /// with every id, so without a limit a file with thousands of broken references would spend
    /// almost all its time on suggestions.
    static let suggestionLimit = 100

    /// - Complexity: O(*R* + *E* + *S*) expected, plus O(*k*) edit-distance work for each of *k*
    ///   unknown references.
    ///
    /// - Parameter provenance: which file stated each part, to say where the first copy of a
    ///   duplicate relation is when it has no place (the built-in graph).
    static func validate(
        areas: [Area], skills: [Skill], roles: [Role], relations: [Relation], locations: SourceMap?,
        provenance: GraphProvenance? = nil
    ) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func report(_ problem: GraphProblem, _ field: SourceMap.Field) {
            if locations?.reported.contains(field) == true { return }
            diagnostics.append(Diagnostic(problem, at: locations?[field]))
        }
        /// A second definition of an id: where the first is, with the file when it is another
        /// one (an overlay adding what its base has should override it instead).
        func duplicate(_ kind: ReferenceKind, _ id: String, first: Int, at i: Int,
                       field: (Int) -> SourceMap.Field, sources: [FactSource]?) -> GraphProblem {
            let firstPlace = locations?[field(first)]
            let firstFile = firstPlace?.file ?? sources.flatMap { first < $0.count ? $0[first].file : nil }
            let hereFile = locations?[field(i)]?.file ?? sources.flatMap { i < $0.count ? $0[i].file : nil }
            guard let firstFile, let hereFile, firstFile != hereFile else { return .duplicateID(kind, id, first: firstPlace) }
            return .other("duplicate \(kind.rawValue) id '\(id)' (first defined \(firstPlace.map { "at \($0)" } ?? "in \(firstFile)")); to change it, 'override' it")
        }
        var suggestionsLeft = suggestionLimit
        func nearest(_ word: String, _ candidates: [String]) -> String? {
            guard suggestionsLeft > 0 else { return nil }
            suggestionsLeft -= 1
            return Suggestions.nearest(to: word, in: candidates)
        }

        // Identity: ids are unique within their kind.
        var areaFirst: [AreaID: Int] = [:]
        for (i, area) in areas.enumerated() {
            if area.id.rawValue.isEmpty { report(.emptyValue(key: "id"), .area(i)); continue }
            if let first = areaFirst[area.id] {
                report(duplicate(.area, area.id.rawValue, first: first, at: i, field: SourceMap.Field.area,
                                 sources: provenance?.areas), .area(i))
            } else {
                areaFirst[area.id] = i
            }
        }
        var skillFirst: [SkillID: Int] = [:]
        for (i, skill) in skills.enumerated() {
            if skill.id.rawValue.isEmpty { report(.emptyValue(key: "id"), .skill(i)); continue }
            if let first = skillFirst[skill.id] {
                report(duplicate(.skill, skill.id.rawValue, first: first, at: i, field: SourceMap.Field.skill,
                                 sources: provenance?.skills), .skill(i))
            } else {
                skillFirst[skill.id] = i
            }
        }
        // Aliases: none empty, and none names two skills (an alias may repeat its own skill's name).
        // Each label → the first skill it names, and whether it is that skill's id.
        var labelOwner: [String: (index: Int, isID: Bool)] = [:]
        for (i, skill) in skills.enumerated() {
            for (label, isID) in [(skill.id.rawValue, true), (skill.name, false)] where labelOwner[SkillText.normalised(label)] == nil {
                labelOwner[SkillText.normalised(label)] = (i, isID)
            }
        }
        for (i, skill) in skills.enumerated() {
            for alias in skill.aliases {
                let key = SkillText.normalised(alias)
                if key.isEmpty { report(.emptyValue(key: "aliases"), .skill(i)); continue }
                if let owner = labelOwner[key], skills[owner.index].id != skill.id {
                    if owner.index > i {
                        // A later skill (an overlay's) takes a label an earlier one already has as
                        // an alias: the mistake is the later skill's, at its place.
                        let label = owner.isID ? "id '\(skills[owner.index].id)'" : "name '\(skills[owner.index].name)'"
                        let file = locations?[.skill(i)]?.file
                            ?? provenance.flatMap { i < $0.skills.count ? $0.skills[i].file : nil }
                        report(.other("skill \(label) is already an alias of '\(skill.id)'" + (file.map { " (\($0))" } ?? "")),
                               .skill(owner.index))
                    } else {
                        report(.other("alias '\(alias)' of skill '\(skill.id)' already names skill '\(skills[owner.index].id)'"), .skill(i))
                    }
                } else {
                    labelOwner[key] = (i, false)
                }
            }
        }
        var roleFirst: [RoleID: Int] = [:]
        for (i, role) in roles.enumerated() {
            if role.id.rawValue.isEmpty { report(.emptyValue(key: "id"), .role(i)); continue }
            if let first = roleFirst[role.id] {
                report(duplicate(.role, role.id.rawValue, first: first, at: i, field: SourceMap.Field.role,
                                 sources: provenance?.roles), .role(i))
            } else {
                roleFirst[role.id] = i
            }
        }

        // Roles: their area and skills exist; no skill is listed twice.
        let areaIDs = areas.map(\.id.rawValue)
        let skillIDs = skills.map(\.id.rawValue)
        for (i, role) in roles.enumerated() {
            if role.area.rawValue.isEmpty {
                report(.missingKey("area", context: "role '\(role.id)'"), .roleArea(i))
            } else if areaFirst[role.area] == nil {
                report(.unknownReference(.area, role.area.rawValue, suggestion: nearest(role.area.rawValue, areaIDs)),
                       .roleArea(i))
            }
            if let stays = role.stays, !(stays.isFinite && stays >= 0 && stays <= maximumCount) {
                report(.other("invalid stayers '\(formatNumber(stays))' for role '\(role.id)': a number of people, from 0 to 1e15"), .role(i))
            }
            var seen: [SkillID: Bool] = [:]  // skill → listed as primary
            for (primary, list) in [(true, role.primarySkills), (false, role.secondarySkills)] {
                for (j, skill) in list.enumerated() {
                    let field = SourceMap.Field.roleSkill(role: i, primary: primary, index: j)
                    if skillFirst[skill] == nil {
                        if let owner = labelOwner[SkillText.normalised(skill.rawValue)], !owner.isID {
                            // An alias or a name where an id belongs: the command line takes it, a file does not.
                            let named = skills[owner.index]
                            let label = named.aliases.first { SkillText.normalised($0) == SkillText.normalised(skill.rawValue) }
                            let whose = label.map { "whose alias is '\($0)'" } ?? "whose name is '\(named.name)'"
                            report(.other("unknown skill '\(skill)' (did you mean '\(named.id)', \(whose)?)"), field)
                        } else {
                            report(.unknownReference(.skill, skill.rawValue, suggestion: nearest(skill.rawValue, skillIDs)), field)
                        }
                    }
                    if let wasPrimary = seen[skill] {
                        report(wasPrimary != primary
                               ? .skillBothPrimaryAndSecondary(role: role.id, skill: skill)
                               : .skillListedTwice(role: role.id, skill: skill), field)
                    } else {
                        seen[skill] = primary
                    }
                }
            }
        }

        // Relations: endpoints exist and differ; efforts only on transitions, finite and positive;
        // no relation stated twice (a collaboration in either order counts as the same).
        let roleIDs = roles.map(\.id.rawValue)
        struct RelationKey: Hashable { var kind: RelationKind; var a: RoleID; var b: RoleID }
        var seenRelations: [RelationKey: Int] = [:]
        for (i, relation) in relations.enumerated() {
            var endpointsKnown = true
            for (id, field) in [(relation.from, SourceMap.Field.relationFrom(i)), (relation.to, .relationTo(i))]
            where roleFirst[id] == nil {
                endpointsKnown = false
                report(.unknownReference(.role, id.rawValue, suggestion: nearest(id.rawValue, roleIDs)), field)
            }
            if relation.from == relation.to {
                report(.selfRelation(relation.kind, relation.from), .relation(i))
                continue
            }
            if let effort = relation.effort {
                if relation.kind != .transition {
                    report(.effortOnNonTransition(relation.kind), .relationEffort(i))
                } else if !(effort.isFinite && effort > 0 && effort <= maximumEffort) {
                    report(.invalidEffort(formatNumber(effort)), .relationEffort(i))
                }
            }
            if let count = relation.count {
                if relation.kind != .transition {
                    report(.other("a \(relation.kind.rawValue) relation has no count; only a transition counts observed moves"), .relation(i))
                } else if !(count.isFinite && count >= 0 && count <= maximumCount) {
                    report(.other("invalid count '\(formatNumber(count))': a count is a number of observed moves, from 0 to 1e15"), .relation(i))
                }
            }
            guard endpointsKnown else { continue }
            var key = RelationKey(kind: relation.kind, a: relation.from, b: relation.to)
            if relation.kind.isSymmetric && key.b < key.a { swap(&key.a, &key.b) }
            if let first = seenRelations[key] {
                func file(_ index: Int) -> String? {
                    provenance.flatMap { index < $0.relations.count ? $0.relations[index].file : nil }
                }
                report(.duplicateRelation(relation.kind, from: relation.from, to: relation.to,
                                          first: locations?[.relation(first)].map { place in
                                              // In the same file, the line and column say enough.
                                              place.file == locations?[.relation(i)]?.file
                                                  ? "at \(place.line):\(place.column ?? 1)" : "at \(place)"
                                          } ?? file(first).map { "in \($0)" },
                                          elsewhere: file(first) != file(i)), .relation(i))
            } else {
                seenRelations[key] = i
            }
        }
        return diagnostics
    }

    /// The efforts the documented scale spans: 1 (same skills, different focus) to 5 (major
    /// retraining). An effort outside it is allowed, and warned about.
    static let effortScale = 1.0...5.0

    /// What is allowed but probably a mistake, in a graph that passed ``validate(areas:skills:roles:relations:locations:)``:
    /// a role with no relation at all, a role no transition enters or leaves, an effort outside
    /// ``effortScale``, and a transition whose file gave no effort (so it is 1).
    ///
    /// - Complexity: O(*R* + *E*).
    ///
    /// - Parameter provenance: which file stated each part; a warning about a part with no place
    ///   (from the built-in graph, a DOT file) names its file in the message.
    static func warnings(roles: [Role], relations: [Relation], locations: SourceMap?,
                         provenance: GraphProvenance? = nil) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        // Under an overlay, the built-in graph's own facts are not the user's to fix.
        let overlaid = (provenance?.layers.count ?? 0) > 1
        func warn(_ message: String, at location: SourceLocation?, file: String?) {
            if overlaid && location == nil && file == RoleGraph.builtInName { return }
            let text = location == nil ? (file.map { "\($0): " } ?? "") + message : message
            warnings.append(Diagnostic(.other(text), at: location, severity: .warning))
        }
        var index: [RoleID: Int] = [:]
        for (i, role) in roles.enumerated() { index[role.id] = i }
        var related = [Bool](repeating: false, count: roles.count)
        var movesIn = [Bool](repeating: false, count: roles.count)
        var movesOut = [Bool](repeating: false, count: roles.count)
        for (i, relation) in relations.enumerated() {
            guard let from = index[relation.from], let to = index[relation.to] else { continue }
            related[from] = true
            related[to] = true
            guard relation.kind == .transition else { continue }
            movesOut[from] = true
            movesIn[to] = true
            if let location = locations?[.relationEffortDefaulted(i)] {
                warn("transition '\(relation.from)' → '\(relation.to)' has no effort; it counts as 1", at: location, file: nil)
            } else if let effort = relation.effort, !effortScale.contains(effort) {
                warn("effort \(formatNumber(effort)) of transition '\(relation.from)' → '\(relation.to)' is outside the scale of 1 (same skills) to 5 (major retraining)",
                     at: locations?[.relationEffort(i)] ?? locations?[.relation(i)],
                     file: provenance.flatMap { i < $0.relations.count ? $0.relations[i].file : nil })
            }
        }
        for (i, role) in roles.enumerated() {
            let message: String
            if !related[i] {
                message = "role '\(role.id)' has no relation: no path reaches or leaves it"
            } else if !movesIn[i] && !movesOut[i] {
                message = "role '\(role.id)' has no transition in or out: no path reaches or leaves it"
            } else if !movesIn[i] && role.entryLevel != true {
                message = "role '\(role.id)' has no transition into it and is not entry_level: no path reaches it"
            } else if !movesOut[i] {
                message = "role '\(role.id)' has no transition out of it: no path leaves it"
            } else {
                continue
            }
            warn(message, at: locations?[.role(i)], file: provenance.flatMap { i < $0.roles.count ? $0.roles[i].file : nil })
        }
        return warnings
    }

    /// At most `limit` diagnostics, then one line saying how many more there are: a file broken
    /// in thousands of places needs its first problems fixed, not a screenful per problem.
    static func limited(_ diagnostics: [Diagnostic], to limit: Int = 100) -> [Diagnostic] {
        guard diagnostics.count > limit else { return diagnostics }
        let rest = diagnostics.count - limit
        return Array(diagnostics.prefix(limit))
            + [Diagnostic(.other("… and \(rest) more problem\(rest == 1 ? "" : "s")"), at: nil)]
    }
}

/// A number as a person would write it: `2` rather than `2.0`.
func formatNumber(_ value: Double) -> String {
    if value.isFinite && value == value.rounded() && abs(value) < 1e15 {
        return String(Int64(value))
    }
    return "\(value)"
}
