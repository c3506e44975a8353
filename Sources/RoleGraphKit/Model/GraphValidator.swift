/// Where each part of a graph came from in its file, so that a problem found after parsing (an
/// unknown role in a relation, a duplicate id) can still name its line and column.
struct SourceMap: Sendable {
    enum Field: Hashable, Sendable {
        case area(Int), skill(Int), role(Int)
        case roleArea(Int)
        case roleSkill(role: Int, primary: Bool, index: Int)
        case relation(Int), relationFrom(Int), relationTo(Int), relationEffort(Int)
    }

    var locations: [Field: SourceLocation] = [:]
    /// Fields whose problem the reader already reported (a missing id, an unreadable effort), so
    /// the validator does not report it again.
    var reported: Set<Field> = []

    subscript(field: Field) -> SourceLocation? {
        get { locations[field] }
        set { locations[field] = newValue }
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
    static func validate(
        areas: [Area], skills: [Skill], roles: [Role], relations: [Relation], locations: SourceMap?
    ) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func report(_ problem: GraphProblem, _ field: SourceMap.Field) {
            if locations?.reported.contains(field) == true { return }
            diagnostics.append(Diagnostic(problem, at: locations?[field]))
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
                report(.duplicateID(.area, area.id.rawValue, first: locations?[.area(first)]), .area(i))
            } else {
                areaFirst[area.id] = i
            }
        }
        var skillFirst: [SkillID: Int] = [:]
        for (i, skill) in skills.enumerated() {
            if skill.id.rawValue.isEmpty { report(.emptyValue(key: "id"), .skill(i)); continue }
            if let first = skillFirst[skill.id] {
                report(.duplicateID(.skill, skill.id.rawValue, first: locations?[.skill(first)]), .skill(i))
            } else {
                skillFirst[skill.id] = i
            }
        }
        // Aliases: none empty, and none names two skills (an alias may repeat its own skill's name).
        var labelOwner: [String: SkillID] = [:]
        for skill in skills {
            for label in [skill.id.rawValue, skill.name] where labelOwner[SkillText.normalised(label)] == nil {
                labelOwner[SkillText.normalised(label)] = skill.id
            }
        }
        for (i, skill) in skills.enumerated() {
            for alias in skill.aliases {
                let key = SkillText.normalised(alias)
                if key.isEmpty { report(.emptyValue(key: "aliases"), .skill(i)); continue }
                if let owner = labelOwner[key], owner != skill.id {
                    report(.other("alias '\(alias)' of skill '\(skill.id)' already names skill '\(owner)'"), .skill(i))
                } else {
                    labelOwner[key] = skill.id
                }
            }
        }
        var roleFirst: [RoleID: Int] = [:]
        for (i, role) in roles.enumerated() {
            if role.id.rawValue.isEmpty { report(.emptyValue(key: "id"), .role(i)); continue }
            if let first = roleFirst[role.id] {
                report(.duplicateID(.role, role.id.rawValue, first: locations?[.role(first)]), .role(i))
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
                        report(.unknownReference(.skill, skill.rawValue, suggestion: nearest(skill.rawValue, skillIDs)), field)
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
        var seenRelations: Set<RelationKey> = []
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
            if !seenRelations.insert(key).inserted {
                report(.duplicateRelation(relation.kind, from: relation.from, to: relation.to), .relation(i))
            }
        }
        return diagnostics
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
