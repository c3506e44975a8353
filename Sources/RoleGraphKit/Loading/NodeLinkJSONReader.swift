import Yams

/// Reads node-link JSON: the form `export --to json` writes (see `JSONGraphWriter`), and the
/// form NetworkX's `node_link_data` and D3 write (`nodes` with `id`s, `links` or `edges` with
/// `source` and `target`).
///
/// A node-link file is told from a format-1 JSON graph file by its content: a top-level
/// `nodes` key and no `roles` key (``readIfNodeLink(_:file:)``). Nodes and links use the graph file's key names for the facts
/// of the model (`name`, `area`, `skills: {primary, secondary}`, `effort`, `count`, …), so a file
/// RoleGraph wrote reads back as the same graph. A file from another tool may leave them out: a
/// node's name is then its `label` or its id, a role without an `area` goes to the area
/// `unassigned`, areas and skills not declared in top-level `areas` and `skills` lists are made
/// from the ids the nodes name, and a link without a `kind` is a transition (with effort 1). Keys
/// this reader does not know are ignored, since other tools add their own.
///
/// Structural problems (a node that is not an object, a link without a `target`) are reported at
/// their line and column; the graph is then checked by `GraphValidator` like every other input.
enum NodeLinkJSONReader {
    /// The graph, when `text` is node-link JSON: a top-level object with a `nodes` key and no
    /// `roles` key; `nil` for anything else (a format-1 graph file), which is left to its reader.
    /// Text that never names `"nodes"` is passed over without parsing.
    ///
    /// - Throws: ``GraphLoadError/invalid(_:)`` for node-link JSON with problems, each at its line
    ///   and column, and for text that is not JSON at all.
    /// - Complexity: O(*n* + *R* + *E* + *S*) expected for *n* bytes of text.
    static func readIfNodeLink(_ text: String, file: String) throws(GraphLoadError) -> RoleGraph? {
        guard text.contains("\"nodes\"") else { return nil }
        let root: Node
        do {
            root = try JSONNodeParser.parse(text)
        } catch {
            throw .invalid([Diagnostic(.syntax(error.message), at: SourceLocation(file: file, line: error.line, column: error.column))])
        }
        guard case .mapping(let top) = root, top["nodes"] != nil, top["roles"] == nil else { return nil }
        var walker = Walker(file: file)
        let graph = walker.read(root)
        if !walker.diagnostics.isEmpty { throw .invalid(GraphValidator.limited(walker.diagnostics)) }
        let semantic = GraphValidator.validate(areas: graph.areas, skills: graph.skills, roles: graph.roles,
                                               relations: graph.relations, locations: walker.map)
        if !semantic.isEmpty { throw .invalid(GraphValidator.limited(semantic)) }
        return RoleGraph(unchecked: graph.name, source: graph.source, description: graph.description,
                         areas: graph.areas, skills: graph.skills, roles: graph.roles, relations: graph.relations)
    }

    /// The parts of the graph as read, before validation.
    private struct Parts {
        var name = "", source = "", description = ""
        var areas: [Area] = []
        var skills: [Skill] = []
        var roles: [Role] = []
        var relations: [Relation] = []
    }

    /// Walks the node tree, collecting the parts and the problems.
    private struct Walker {
        let file: String
        var diagnostics: [Diagnostic] = []
        var map = SourceMap()

        init(file: String) { self.file = file }

        mutating func read(_ root: Node) -> Parts {
            var parts = Parts()
            guard let top = object(root, context: "the node-link file") else { return parts }
            if let graph = top["graph"], let fields = object(graph, context: "'graph'") {
                parts.name = string(fields["name"], key: "name") ?? ""
                parts.source = string(fields["source"], key: "source") ?? ""
                parts.description = string(fields["description"], key: "description") ?? ""
            }
            if parts.name.trimmingWhitespace().isEmpty { parts.name = "Imported graph" }

            let declaresAreas = top["areas"] != nil
            for node in list(top["areas"], key: "areas") {
                guard let fields = object(node, context: "an area"), let id = requiredString(fields, "id", in: node) else { continue }
                map[.area(parts.areas.count)] = location(of: node)
                parts.areas.append(Area(id: AreaID(id), name: string(fields["name"], key: "name") ?? id,
                                        summary: string(fields["summary"], key: "summary") ?? ""))
            }
            let declaresSkills = top["skills"] != nil
            for node in list(top["skills"], key: "skills") {
                guard let fields = object(node, context: "a skill"), let id = requiredString(fields, "id", in: node) else { continue }
                map[.skill(parts.skills.count)] = location(of: node)
                parts.skills.append(Skill(id: SkillID(id), name: string(fields["name"], key: "name") ?? id,
                                          summary: string(fields["summary"], key: "summary") ?? "",
                                          aliases: strings(fields["aliases"], key: "aliases")))
            }
            if top["nodes"] == nil { report(.missingKey("nodes", context: "a node-link file"), root) }
            for node in list(top["nodes"], key: "nodes") {
                guard let role = readRole(node, position: parts.roles.count) else { continue }
                parts.roles.append(role)
            }
            if !declaresAreas { parts.areas = Self.areas(namedBy: parts.roles) }
            if !declaresSkills { parts.skills = Self.skills(namedBy: parts.roles) }
            for node in list(top["links"] ?? top["edges"], key: "links") {
                if let relation = readRelation(node, position: parts.relations.count) { parts.relations.append(relation) }
            }
            return parts
        }

        private mutating func readRole(_ node: Node, position: Int) -> Role? {
            guard let fields = object(node, context: "a node"), let id = requiredString(fields, "id", in: node) else { return nil }
            map[.role(position)] = location(of: fields["id"] ?? node)
            map[.roleArea(position)] = location(of: fields["area"] ?? node)
            var role = Role(id: RoleID(id), name: string(fields["name"], key: "name") ?? string(fields["label"], key: "label") ?? id,
                            area: AreaID(string(fields["area"], key: "area") ?? DOTImporter.defaultArea.id.rawValue))
            role.summary = string(fields["summary"], key: "summary") ?? ""
            role.responsibilities = strings(fields["responsibilities"], key: "responsibilities")
            role.problems = strings(fields["problems"], key: "problems")
            role.titles = strings(fields["titles"], key: "titles")
            if let skillsNode = fields["skills"], let skills = object(skillsNode, context: "'skills'") {
                for (primary, key) in [(true, "primary"), (false, "secondary")] {
                    var ids: [SkillID] = []
                    for item in list(skills[key], key: key) {
                        guard let skill = string(item, key: key) else { continue }
                        map[.roleSkill(role: position, primary: primary, index: ids.count)] = location(of: item)
                        ids.append(SkillID(skill))
                    }
                    if primary { role.primarySkills = ids } else { role.secondarySkills = ids }
                }
            }
            if let entry = fields["entry_level"] {
                if case .scalar(let scalar) = entry, case .bool(let value) = scalar.value { role.entryLevel = value } else if !isNull(entry) {
                    report(.wrongType(key: "entry_level", expected: "true or false", found: describe(entry)), entry)
                }
            }
            if let node = fields["prevalence"], let value = string(node, key: "prevalence") {
                if let prevalence = Prevalence(rawValue: value) { role.prevalence = prevalence } else {
                    report(.invalidEnumValue(key: "prevalence", value: value, valid: Prevalence.allCases.map(\.rawValue)), node)
                }
            }
            role.stays = number(fields["stays"], key: "stays")
            return role
        }

        private mutating func readRelation(_ node: Node, position: Int) -> Relation? {
            guard let fields = object(node, context: "a link") else { return nil }
            guard let from = requiredString(fields, "source", in: node), let to = requiredString(fields, "target", in: node) else { return nil }
            var kind = RelationKind.transition
            if let kindNode = fields["kind"], let text = string(kindNode, key: "kind") {
                guard let known = RelationKind(rawValue: text) else {
                    report(.unknownRelationKind(text, suggestion: Suggestions.nearest(to: text, in: RelationKind.allCases.map(\.rawValue))), kindNode)
                    return nil
                }
                kind = known
            }
            map[.relation(position)] = location(of: node)
            map[.relationFrom(position)] = location(of: fields["source"] ?? node)
            map[.relationTo(position)] = location(of: fields["target"] ?? node)
            if let effortNode = fields["effort"] { map[.relationEffort(position)] = location(of: effortNode) }
            var effort = number(fields["effort"], key: "effort")
            if effort != nil && kind != .transition {
                report(.effortOnNonTransition(kind), fields["effort"]!)
                effort = nil
            }
            if kind == .transition && effort == nil { effort = 1 }
            return Relation(kind: kind, from: RoleID(from), to: RoleID(to), effort: effort,
                            count: number(fields["count"], key: "count"),
                            note: string(fields["note"], key: "note"), section: string(fields["section"], key: "section"))
        }

        /// The areas the roles name, in order of first mention, each named by its id.
        private static func areas(namedBy roles: [Role]) -> [Area] {
            var seen: Set<AreaID> = []
            return roles.compactMap { role in
                guard seen.insert(role.area).inserted else { return nil }
                return role.area == DOTImporter.defaultArea.id ? DOTImporter.defaultArea : Area(id: role.area, name: role.area.rawValue)
            }
        }

        /// The skills the roles name, in order of first mention, each named by its id.
        private static func skills(namedBy roles: [Role]) -> [Skill] {
            var seen: Set<SkillID> = []
            return roles.flatMap(\.allSkills).compactMap { id in
                seen.insert(id).inserted ? Skill(id: id, name: id.rawValue) : nil
            }
        }

        // MARK: Typed access

        private mutating func object(_ node: Node, context: String) -> [String: Node]? {
            guard case .mapping(let mapping) = node else {
                report(.wrongType(key: context, expected: "an object", found: describe(node)), node)
                return nil
            }
            var result: [String: Node] = [:]
            for (key, value) in mapping {
                guard case .scalar(let scalar) = key else { continue }
                if result[scalar.string] != nil {
                    report(.other("key '\(scalar.string)' appears twice in \(context)"), key)
                    continue
                }
                result[scalar.string] = value
            }
            return result
        }

        private mutating func list(_ node: Node?, key: String) -> [Node] {
            guard let node else { return [] }
            switch node {
            case .sequence(let items): return Array(items)
            case .scalar(let scalar) where scalar.isNull: return []
            default:
                report(.wrongType(key: key, expected: "a list", found: describe(node)), node)
                return []
            }
        }

        private mutating func requiredString(_ fields: [String: Node], _ key: String, in parent: Node) -> String? {
            guard let node = fields[key] else {
                report(.missingKey(key, context: "a \(key == "id" ? "node" : "link")"), parent)
                return nil
            }
            guard let value = string(node, key: key) else { return nil }
            if value.trimmingWhitespace().isEmpty {
                report(.emptyValue(key: key), node)
                return nil
            }
            return value
        }

        /// A string, or a number's text (NetworkX writes integer node ids); `nil` for null.
        private mutating func string(_ node: Node?, key: String) -> String? {
            guard let node, !isNull(node) else { return nil }
            guard case .scalar(let scalar) = node else {
                report(.wrongType(key: key, expected: "a string", found: describe(node)), node)
                return nil
            }
            return scalar.string
        }

        private mutating func strings(_ node: Node?, key: String) -> [String] {
            list(node, key: key).compactMap { string($0, key: key) }
        }

        private mutating func number(_ node: Node?, key: String) -> Double? {
            guard let node, !isNull(node) else { return nil }
            guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any,
                  case .number(let value) = scalar.value else {
                report(.wrongType(key: key, expected: "a number", found: describe(node)), node)
                return nil
            }
            return value
        }

        private func isNull(_ node: Node) -> Bool {
            if case .scalar(let scalar) = node { return scalar.isNull }
            return false
        }

        private mutating func report(_ problem: GraphProblem, _ node: Node) {
            diagnostics.append(Diagnostic(problem, at: location(of: node)))
        }

        private func location(of node: Node) -> SourceLocation? {
            node.mark.map { SourceLocation(file: file, line: $0.line, column: $0.column) }
        }

        private func describe(_ node: Node) -> String {
            switch node {
            case .mapping: return "an object"
            case .sequence: return "a list"
            case .alias: return "an alias"
            case .scalar(let scalar):
                switch scalar.value {
                case .null: return "null"
                case .bool: return "a boolean (\(scalar.string))"
                case .number: return "a number (\(scalar.string))"
                case .string: return "a string ('\(scalar.string.prefix(40))')"
                }
            }
        }
    }
}
