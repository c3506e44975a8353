/// Applies an overlay to a graph's parts: removals first, then overrides, then additions.
///
/// A pure function of its two documents, with no file access: what a chain of `extends:` files
/// or several `--graph` options does is this, applied once per layer. The result is not validated
/// here; the loader validates the last result as a whole, and every part keeps the place in its
/// own file, so each problem still names the file it comes from.
enum OverlayMerge {
    /// The merged parts, with what the overlay asked for that could not be done (an override or a
    /// removal of something the base does not have) and what it did that a reader might not
    /// expect (the relations removed with a role).
    struct Result: Sendable {
        var document: GraphDocument
        /// Errors, each at its place in the overlay.
        var diagnostics: [Diagnostic] = []
        /// Notes, each at its place in the overlay.
        var notes: [Diagnostic] = []
        /// The roles this overlay removed, each with the place of its removal: a later mention
        /// of one says so rather than calling it unknown.
        var removedRoles: [RoleID: SourceLocation?] = [:]
        /// The relations this overlay removed, each with the place of its removal and the role
        /// removed with it, if any.
        var removedRelations: [(relation: Relation, location: SourceLocation?, role: RoleID?)] = []
    }

    /// - Complexity: O(*R* + *E* + *S* + *n*) expected for a base of *R* roles, *E* relations
    ///   and *S* skill mentions and an overlay of *n* entries, plus edit-distance work for each
    ///   unknown id.
    static func apply(_ overlay: OverlayDocument, to base: GraphDocument) -> Result {
        var result = Result(document: base)
        result.document.provenance.layers.append(overlay.file)
        if let name = overlay.name { result.document.name = name }
        if let source = overlay.source { result.document.source = source }
        if let description = overlay.description { result.document.description = description }
        remove(overlay, from: &result)
        override(overlay, in: &result)
        add(overlay.additions, to: &result.document)
        return result
    }

    // MARK: Removals

    private static func remove(_ overlay: OverlayDocument, from result: inout Result) {
        guard !overlay.removals.isEmpty else { return }
        var document = result.document
        var roleIndex: [RoleID: Int] = [:]
        for (i, role) in document.roles.enumerated() { roleIndex[role.id] = i }
        var removedRoles = Set<Int>()
        var removedRelations = Set<Int>()
        // A removed relation → where it was removed, and the role removed with it if any.
        var relationRemovedAt: [Int: (location: SourceLocation?, role: RoleID?)] = [:]
        for removal in overlay.removals {
            switch removal {
            case .role(let id, let location):
                if let earlier = result.removedRoles[id] {
                    result.diagnostics.append(Diagnostic(.other("role '\(id)' is already removed\(place(earlier, from: location))"), at: location))
                    continue
                }
                guard let i = roleIndex[id] else {
                    result.diagnostics.append(unknownRole(id, location, in: document))
                    continue
                }
                removedRoles.insert(i)
                result.removedRoles[id] = location
                let touching = document.relations.indices.filter {
                    !removedRelations.contains($0) && (document.relations[$0].from == id || document.relations[$0].to == id)
                }
                removedRelations.formUnion(touching)
                for j in touching { relationRemovedAt[j] = (location, id) }
                if !touching.isEmpty {
                    result.notes.append(Diagnostic(
                        .other("removing role '\(id)' also removes its \(touching.count) relation\(touching.count == 1 ? "" : "s")"),
                        at: location, severity: .note))
                }
            case .relation(let kind, let from, let to, let location, let fromLocation, let toLocation):
                let matches = document.relations.indices.filter {
                    !removedRelations.contains($0) && document.relations[$0].kind == kind
                        && document.relations[$0].connects(from, to)
                }
                if matches.isEmpty {
                    let earlier = document.relations.indices.first {
                        removedRelations.contains($0) && document.relations[$0].kind == kind && document.relations[$0].connects(from, to)
                    }
                    if let earlier, let removal = relationRemovedAt[earlier] {
                        let with = removal.role.map { " with role '\($0)'" } ?? ""
                        result.diagnostics.append(Diagnostic(.other(
                            "\(kind.rawValue) relation '\(from)' → '\(to)' is already removed\(with)\(place(removal.location, from: location))"),
                            at: location))
                    } else {
                        result.diagnostics.append(contentsOf: missingRelation(
                            kind, from, to, location, fromLocation, toLocation, in: document, verb: "remove"))
                    }
                }
                removedRelations.formUnion(matches)
                for j in matches { relationRemovedAt[j] = (location, nil) }
            }
        }
        result.removedRelations = relationRemovedAt.keys.sorted().map {
            (document.relations[$0], relationRemovedAt[$0]!.location, relationRemovedAt[$0]!.role)
        }
        let roleMap = Renumbering.survivors(count: document.roles.count, removing: removedRoles)
        let relationMap = Renumbering.survivors(count: document.relations.count, removing: removedRelations)
        document.roles = document.roles.indices.filter { roleMap[$0] != nil }.map { document.roles[$0] }
        document.provenance.roles = document.provenance.roles.indices.filter { roleMap[$0] != nil }.map { document.provenance.roles[$0] }
        document.relations = document.relations.indices.filter { relationMap[$0] != nil }.map { document.relations[$0] }
        document.provenance.relations = document.provenance.relations.indices.filter { relationMap[$0] != nil }
            .map { document.provenance.relations[$0] }
        document.map = document.map.remapped(SourceMap.Remap(roles: { roleMap[$0] }, relations: { relationMap[$0] }))
        result.document = document
    }

    // MARK: Overrides

    private static func override(_ overlay: OverlayDocument, in result: inout Result) {
        let file = overlay.file
        var document = result.document
        for change in overlay.overrides.areas {
            guard let i = document.areas.firstIndex(where: { $0.id == change.id }) else {
                result.diagnostics.append(Diagnostic(.unknownReference(.area, change.id.rawValue, suggestion: Suggestions.nearest(
                    to: change.id.rawValue, in: document.areas.map(\.id.rawValue))), at: change.location))
                continue
            }
            if let name = change.name { document.areas[i].name = name; document.provenance.areas[i].overrides["name"] = file }
            if let summary = change.summary { document.areas[i].summary = summary; document.provenance.areas[i].overrides["summary"] = file }
        }
        for change in overlay.overrides.skills {
            guard let i = document.skills.firstIndex(where: { $0.id == change.id }) else {
                result.diagnostics.append(Diagnostic(.unknownReference(.skill, change.id.rawValue, suggestion: Suggestions.nearest(
                    to: change.id.rawValue, in: document.skills.map(\.id.rawValue))), at: change.location))
                continue
            }
            if let name = change.name { document.skills[i].name = name; document.provenance.skills[i].overrides["name"] = file }
            if let summary = change.summary { document.skills[i].summary = summary; document.provenance.skills[i].overrides["summary"] = file }
            if let aliases = change.aliases { document.skills[i].aliases = aliases; document.provenance.skills[i].overrides["aliases"] = file }
        }
        for change in overlay.overrides.roles {
            guard let i = document.roles.firstIndex(where: { $0.id == change.id }) else {
                result.diagnostics.append(unknownRole(change.id, change.location, in: document, removed: result.removedRoles))
                continue
            }
            apply(change, to: &document.roles[i])
            for field in change.fieldNames { document.provenance.roles[i].overrides[field] = file }
            if change.area != nil { document.map[.roleArea(i)] = change.areaLocation }
            if change.primarySkills != nil || change.secondarySkills != nil {
                document.map.locations = document.map.locations.filter {
                    if case .roleSkill(let role, _, _) = $0.key { return role != i }
                    return true
                }
                for (place, location) in change.skillLocations {
                    document.map[.roleSkill(role: i, primary: place.primary, index: place.index)] = location
                }
            }
        }
        for change in overlay.overrides.relations {
            let matches = document.relations.indices.filter {
                document.relations[$0].kind == change.kind && document.relations[$0].connects(change.from, change.to)
            }
            if matches.isEmpty {
                if let removal = result.removedRelations.first(where: {
                    $0.relation.kind == change.kind && $0.relation.connects(change.from, change.to)
                }) {
                    let with = removal.role.map { " with role '\($0)'" } ?? ""
                    result.diagnostics.append(Diagnostic(.other(
                        "\(change.kind.rawValue) relation '\(change.from)' → '\(change.to)' is removed\(with) by this file\(place(removal.location, from: change.location))"),
                        at: change.location))
                } else {
                    result.diagnostics.append(contentsOf: missingRelation(
                        change.kind, change.from, change.to, change.location, change.fromLocation, change.toLocation,
                        in: document, verb: "override", removed: result.removedRoles))
                }
            }
            for i in matches {
                if let effort = change.effort {
                    document.relations[i].effort = effort
                    document.map[.relationEffort(i)] = change.effortLocation
                    document.map[.relationEffortDefaulted(i)] = nil
                }
                if let count = change.count { document.relations[i].count = count }
                if let note = change.note { document.relations[i].note = note }
                if let section = change.section { document.relations[i].section = section }
                for field in change.fieldNames { document.provenance.relations[i].overrides[field] = file }
            }
        }
        result.document = document
    }

    private static func apply(_ change: OverlayDocument.RoleOverride, to role: inout Role) {
        if let name = change.name { role.name = name }
        if let area = change.area { role.area = area }
        if let summary = change.summary { role.summary = summary }
        if let responsibilities = change.responsibilities { role.responsibilities = responsibilities }
        if let problems = change.problems { role.problems = problems }
        if let titles = change.titles { role.titles = titles }
        if change.primarySkills != nil || change.secondarySkills != nil {
            role.primarySkills = change.primarySkills ?? []
            role.secondarySkills = change.secondarySkills ?? []
        }
        if let entryLevel = change.entryLevel { role.entryLevel = entryLevel }
        if let prevalence = change.prevalence { role.prevalence = prevalence }
        if let stays = change.stays { role.stays = stays }
    }

    // MARK: Additions

    private static func add(_ additions: GraphDocument, to document: inout GraphDocument) {
        let shift = SourceMap.Remap.offset(areas: document.areas.count, skills: document.skills.count,
                                           roles: document.roles.count, relations: document.relations.count)
        document.map.absorb(additions.map.remapped(shift))
        document.areas += additions.areas
        document.skills += additions.skills
        document.roles += additions.roles
        document.relations += additions.relations
        document.provenance.areas += additions.provenance.areas
        document.provenance.skills += additions.provenance.skills
        document.provenance.roles += additions.provenance.roles
        document.provenance.relations += additions.provenance.relations
    }

    // MARK: Messages

    /// An unknown role, or one this overlay removed (said so, with the removal's place).
    private static func unknownRole(
        _ id: RoleID, _ location: SourceLocation?, in document: GraphDocument, removed: [RoleID: SourceLocation?] = [:]
    ) -> Diagnostic {
        if let removal = removed[id] {
            return Diagnostic(.other(removedRole(id, at: removal, from: location)), at: location)
        }
        return Diagnostic(.unknownReference(.role, id.rawValue, suggestion: Suggestions.nearest(
            to: id.rawValue, in: document.roles.map(\.id.rawValue).filter { $0 != id.rawValue })), at: location)
    }

    /// `role 'x' is removed by this file at 12:7`: a mention of a role an overlay removed.
    static func removedRole(_ id: RoleID, at removal: SourceLocation?, from location: SourceLocation?) -> String {
        guard let removal else { return "role '\(id)' is removed by this file" }
        return removal.file == location?.file
            ? "role '\(id)' is removed by this file at \(removal.line):\(removal.column ?? 1)"
            : "role '\(id)' is removed by \(removal)"
    }

    /// ` at 12:7` in the same file as `location`, else ` at file:12:7`.
    private static func place(_ removal: SourceLocation?, from location: SourceLocation?) -> String {
        guard let removal else { return "" }
        return removal.file == location?.file ? " at \(removal.line):\(removal.column ?? 1)" : " at \(removal)"
    }

    /// An override or removal of a relation the graph does not have: the unknown role when an
    /// endpoint is one, else that no such relation exists.
    private static func missingRelation(
        _ kind: RelationKind, _ from: RoleID, _ to: RoleID, _ location: SourceLocation?,
        _ fromLocation: SourceLocation?, _ toLocation: SourceLocation?, in document: GraphDocument, verb: String,
        removed: [RoleID: SourceLocation?] = [:]
    ) -> [Diagnostic] {
        let known = Set(document.roles.map(\.id))
        let unknown = [(from, fromLocation), (to, toLocation)].filter { !known.contains($0.0) }
        if !unknown.isEmpty { return unknown.map { unknownRole($0.0, $0.1, in: document, removed: removed) } }
        return [Diagnostic(.other("no \(kind.rawValue) relation '\(from)' → '\(to)' to \(verb)"), at: location)]
    }
}
