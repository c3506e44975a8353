import Yams

/// One graph file of format 1 as read: a whole graph (validated on its own), or an overlay (its
/// structure checked; it is validated once applied).
enum GraphLayer: Sendable {
    case graph(GraphDocument)
    case overlay(OverlayDocument)
}

extension GraphFileReader {
    static let overrideKeys = ["areas", "skills", "roles", "relations"]
    static let removeKeys = ["roles", "relations"]
    static let relationReferenceKeys = ["kind", "from", "to"]
    static let relationOverrideKeys = ["kind", "from", "to", "effort", "count", "note", "section"]

    /// Reads a graph file of format 1 that may be an overlay: one that says `extends:`, or any
    /// file when `overlay` is true (a later `--graph`, applied to the ones before it).
    ///
    /// - Throws: ``GraphLoadError/invalid(_:)`` with every problem of the file, in file order;
    ///   an overlay's structural problems are kept in ``OverlayDocument/problems`` instead.
    /// - Complexity: O(*n*) for a file of *n* bytes, plus validation for a whole graph.
    static func readLayer(_ text: String, file: String, json: Bool, overlay: Bool) throws(GraphLoadError) -> GraphLayer {
        var reader = GraphFileReader(file: file)
        let root = try reader.compose(text, json: json)
        guard overlay || root.mapping?.keys.contains(where: { $0.string == "extends" }) == true else {
            // `override:` or `remove:` without `extends:`: one clear error, not one per schema rule.
            if let key = root.mapping?.keys.first(where: { $0.string == "override" || $0.string == "remove" }) {
                throw .invalid([Diagnostic(.other("'\(key.string ?? "")' is for an overlay, which needs 'extends: builtin' or a path"),
                                           at: reader.location(of: key))])
            }
            return .graph(try reader.readChecked(root))
        }
        return .overlay(try reader.readOverlay(root))
    }

    /// Reads a graph file of format 1 as an overlay (a later `--graph`), with or without `extends:`.
    ///
    /// - Throws: ``GraphLoadError/invalid(_:)`` when the file is not a mapping; other structural
    ///   problems are kept in ``OverlayDocument/problems``.
    static func readOverlay(_ text: String, file: String, json: Bool) throws(GraphLoadError) -> OverlayDocument {
        var reader = GraphFileReader(file: file)
        return try reader.readOverlay(try reader.compose(text, json: json))
    }

    private mutating func readOverlay(_ root: Node) throws(GraphLoadError) -> OverlayDocument {
        guard let (additions, top) = readDocument(root, overlay: true) else {
            throw .invalid(GraphValidator.limited(sorted(diagnostics)))
        }
        var document = OverlayDocument(file: file)
        document.additions = additions
        document.additions.map = map
        document.additions.stamp(file)
        if let extends = top["extends"] {
            document.extends = scalarString(extends.node, key: "extends")
            document.extendsLocation = location(of: extends.node)
        }
        if top["name"] != nil { document.name = optionalString(top, "name") }
        if top["source"] != nil { document.source = optionalString(top, "source") }
        if top["description"] != nil { document.description = optionalString(top, "description") }
        if let node = top["override"]?.node, !(node.scalar?.isNull ?? false),
           let fields = mapping(node, context: "'override'", keys: Self.overrideKeys) {
            readOverrides(fields, in: node, into: &document.overrides)
        }
        if let node = top["remove"]?.node, !(node.scalar?.isNull ?? false),
           let fields = mapping(node, context: "'remove'", keys: Self.removeKeys) {
            readRemovals(fields, in: node, into: &document.removals)
        }
        document.problems = sorted(diagnostics)
        return document
    }

    private mutating func readOverrides(_ fields: [String: (key: Node, node: Node)], in parent: Node,
                                        into overrides: inout OverlayDocument.Overrides) {
        for node in list(fields, "areas", required: false, in: parent, context: "'override'") {
            guard let entry = mapping(node, context: "an area override", keys: Self.areaKeys),
                  let id = requiredString(entry, "id", in: node, context: "an area override") else { continue }
            overrides.areas.append(.init(id: AreaID(id), name: optionalString(entry, "name"),
                                         summary: optionalString(entry, "summary"), location: location(of: entry["id"]!.node)))
        }
        for node in list(fields, "skills", required: false, in: parent, context: "'override'") {
            guard let entry = mapping(node, context: "a skill override", keys: Self.skillKeys),
                  let id = requiredString(entry, "id", in: node, context: "a skill override") else { continue }
            overrides.skills.append(.init(id: SkillID(id), name: optionalString(entry, "name"),
                                          summary: optionalString(entry, "summary"),
                                          aliases: entry["aliases"] == nil ? nil : stringList(entry, "aliases"),
                                          location: location(of: entry["id"]!.node)))
        }
        for node in list(fields, "roles", required: false, in: parent, context: "'override'") {
            if let role = readRoleOverride(node) { overrides.roles.append(role) }
        }
        for node in list(fields, "relations", required: false, in: parent, context: "'override'") {
            guard let entry = mapping(node, context: "a relation override", keys: Self.relationOverrideKeys),
                  let reference = relationReference(entry, in: node) else { continue }
            var change = OverlayDocument.RelationOverride(
                kind: reference.kind, from: reference.from, to: reference.to,
                note: optionalString(entry, "note"), section: optionalString(entry, "section"),
                location: location(of: node), fromLocation: reference.fromLocation, toLocation: reference.toLocation)
            if let effortNode = entry["effort"]?.node {
                change.effortLocation = location(of: effortNode)
                if reference.kind != .transition {
                    report(.effortOnNonTransition(reference.kind), effortNode)
                } else if case .scalar(let scalar) = effortNode, case .number(let value) = scalar.value,
                          value.isFinite && value > 0 && value <= GraphValidator.maximumEffort {
                    change.effort = value
                } else {
                    report(.invalidEffort(scalarText(effortNode)), effortNode)
                }
            }
            if let countNode = entry["count"]?.node { change.count = observedCount(countNode, kind: reference.kind) }
            overrides.relations.append(change)
        }
    }

    private mutating func readRoleOverride(_ node: Node) -> OverlayDocument.RoleOverride? {
        guard let fields = mapping(node, context: "a role override", keys: Self.roleKeys),
              let id = requiredString(fields, "id", in: node, context: "a role override") else { return nil }
        var change = OverlayDocument.RoleOverride(id: RoleID(id), location: location(of: fields["id"]!.node))
        if fields["name"] != nil { change.name = requiredString(fields, "name", in: node, context: "role '\(id)'") }
        if let area = fields["area"] {
            change.area = scalarString(area.node, key: "area").map(AreaID.init)
            change.areaLocation = location(of: area.node)
        }
        change.summary = optionalString(fields, "summary")
        if fields["responsibilities"] != nil { change.responsibilities = stringList(fields, "responsibilities") }
        if fields["problems"] != nil { change.problems = stringList(fields, "problems") }
        if fields["titles"] != nil { change.titles = stringList(fields, "titles") }
        if let skillsNode = fields["skills"]?.node,
           let skills = mapping(skillsNode, context: "the skills of role '\(id)'", keys: Self.roleSkillKeys) {
            for (primary, key) in [(true, "primary"), (false, "secondary")] {
                var ids: [SkillID] = []
                for item in list(skills, key, required: false, in: skillsNode, context: "role '\(id)'") {
                    guard let skill = scalarString(item, key: key) else { continue }
                    change.skillLocations[.init(primary: primary, index: ids.count)] = location(of: item)
                    ids.append(SkillID(skill))
                }
                if primary { change.primarySkills = ids } else { change.secondarySkills = ids }
            }
        }
        if let entry = fields["entry_level"]?.node {
            if case .scalar(let scalar) = entry, case .bool(let value) = scalar.value {
                change.entryLevel = value
            } else {
                report(.wrongType(key: "entry_level", expected: "true or false", found: describe(entry)), entry)
            }
        }
        if let prevalenceNode = fields["prevalence"]?.node, let value = scalarString(prevalenceNode, key: "prevalence") {
            if let prevalence = Prevalence(rawValue: value) {
                change.prevalence = prevalence
            } else {
                report(.invalidEnumValue(key: "prevalence", value: value, valid: Prevalence.allCases.map(\.rawValue)),
                       prevalenceNode)
            }
        }
        if let staysNode = fields["stays"]?.node { change.stays = stayers(staysNode, role: RoleID(id)) }
        return change
    }

    private mutating func readRemovals(_ fields: [String: (key: Node, node: Node)], in parent: Node,
                                       into removals: inout [OverlayDocument.Removal]) {
        for node in list(fields, "roles", required: false, in: parent, context: "'remove'") {
            guard let id = scalarString(node, key: "roles") else { continue }
            removals.append(.role(RoleID(id), location: location(of: node)))
        }
        for node in list(fields, "relations", required: false, in: parent, context: "'remove'") {
            guard let entry = mapping(node, context: "a relation to remove", keys: Self.relationReferenceKeys),
                  let reference = relationReference(entry, in: node) else { continue }
            removals.append(.relation(reference.kind, from: reference.from, to: reference.to, location: location(of: node),
                                      fromLocation: reference.fromLocation, toLocation: reference.toLocation))
        }
    }

    /// A relation named by its kind and endpoints, as `override` and `remove` name one.
    private mutating func relationReference(_ fields: [String: (key: Node, node: Node)], in node: Node)
        -> (kind: RelationKind, from: RoleID, to: RoleID, fromLocation: SourceLocation?, toLocation: SourceLocation?)? {
        guard let kindText = requiredString(fields, "kind", in: node, context: "a relation") else { return nil }
        guard let kind = RelationKind(rawValue: kindText) else {
            report(.unknownRelationKind(kindText, suggestion: Suggestions.nearest(
                to: kindText, in: RelationKind.allCases.map(\.rawValue))), fields["kind"]!.node)
            return nil
        }
        guard let from = requiredString(fields, "from", in: node, context: "a \(kind.rawValue) relation"),
              let to = requiredString(fields, "to", in: node, context: "a \(kind.rawValue) relation") else { return nil }
        return (kind, RoleID(from), RoleID(to), location(of: fields["from"]!.node), location(of: fields["to"]!.node))
    }
}
