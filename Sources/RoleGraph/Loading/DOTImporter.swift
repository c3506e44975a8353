/// Reads a Graphviz DOT file into a role graph, through libcgraph (``Graphviz/parse(dot:file:)``).
///
/// Any DOT file works: every node becomes a role and every edge a transition (both ways in an
/// undirected graph). Attributes, when present, carry the rest of the model; RoleGraph's own DOT
/// export writes them, so an exported graph reads back as the same graph:
///
/// | on | attribute | meaning |
/// | --- | --- | --- |
/// | node | `role_name` (else `label`, else the node id) | the role's name |
/// | node | `area` (else the enclosing `cluster_*` subgraph) | the area id |
/// | node | `summary`, `titles` (`;`-separated), `skills` and `secondary_skills` (`,`-separated), `responsibilities` and `problems` (`;`-separated), `entry_level`, `prevalence` | the role's facts |
/// | edge | `kind` (default `transition`), `effort`, `note`, `section` | the relation; `dir=both` on a transition means both ways |
/// | subgraph | `cluster_<id>` with `label` (and `area_summary`) | an area |
///
/// A subgraph named `cluster_legend` is a legend and is skipped with its nodes. Nodes outside
/// any area get the area `unassigned`. Skills named by roles form the vocabulary.
///
/// libcgraph keeps no line numbers for objects, so a problem with a node or edge is located at
/// the first place its name appears in the text; syntax errors carry Graphviz's own line.
enum DOTImporter {
    static let defaultArea = Area(id: "unassigned", name: "Unassigned", summary: "Roles the file places in no area.")

    static func read(_ text: String, file: String) throws(GraphLoadError) -> RoleGraph {
        let document: DOTDocument
        do {
            document = try Graphviz.parse(dot: text, file: file)
        } catch {
            switch error {
            case .syntax(_, let line, let message):
                throw .invalid([Diagnostic(.other(message), at: SourceLocation(file: file, line: line ?? 1))])
            default:
                throw .invalid([Diagnostic(.other(error.description), at: SourceLocation(file: file, line: 1))])
            }
        }
        let locator = TextLocator(text: text, file: file)

        // Areas from clusters, and which nodes each encloses (innermost cluster wins).
        var areas: [Area] = []
        var areaOfNode: [String: AreaID] = [:]
        var legendNodes: Set<String> = []
        func visit(_ subgraphs: [DOTSubgraph]) {
            for subgraph in subgraphs {
                if subgraph.name == "cluster_legend" {
                    legendNodes.formUnion(subgraph.nodes)
                    continue
                }
                if subgraph.isCluster, let name = subgraph.name {
                    let id = AreaID(subgraph.attributes["area"] ?? String(name.dropFirst("cluster_".count)))
                    if !areas.contains(where: { $0.id == id }) {
                        areas.append(Area(id: id, name: subgraph.attributes["label"].flatMap { $0.isEmpty ? nil : $0 } ?? id.rawValue,
                                          summary: subgraph.attributes["area_summary"] ?? ""))
                    }
                    for node in subgraph.nodes { areaOfNode[node] = id }
                }
                visit(subgraph.subgraphs)
            }
        }
        visit(document.subgraphs)

        var roles: [Role] = []
        var skillIDs: [SkillID] = []
        var knownSkills: Set<SkillID> = []
        var usesDefaultArea = false
        for node in document.nodes where !legendNodes.contains(node.name) {
            let a = node.attributes.mapValues(unescape)
            let label = a["label"].flatMap { $0 == "\\N" || $0.isEmpty || $0.hasPrefix("<") ? nil : $0 }
            var area = a["area"].map(AreaID.init) ?? areaOfNode[node.name]
            if let id = area, !areas.contains(where: { $0.id == id }) { areas.append(Area(id: id, name: id.rawValue)) }
            if area == nil {
                area = defaultArea.id
                usesDefaultArea = true
            }
            let primary = list(a["skills"], separator: ",").map(SkillID.init)
            let secondary = list(a["secondary_skills"], separator: ",").map(SkillID.init)
            for skill in primary + secondary where knownSkills.insert(skill).inserted { skillIDs.append(skill) }
            roles.append(Role(
                id: RoleID(node.name), name: a["role_name"] ?? label ?? node.name, area: area!,
                summary: a["summary"] ?? "",
                responsibilities: list(a["responsibilities"], separator: ";"),
                problems: list(a["problems"], separator: ";"),
                titles: list(a["titles"], separator: ";"),
                primarySkills: primary, secondarySkills: secondary,
                entryLevel: a["entry_level"].flatMap { $0 == "true" ? true : $0 == "false" ? false : nil },
                prevalence: a["prevalence"].flatMap(Prevalence.init(rawValue:))))
        }
        if usesDefaultArea && !areas.contains(where: { $0.id == defaultArea.id }) { areas.append(defaultArea) }

        var relations: [Relation] = []
        var diagnostics: [Diagnostic] = []
        for edge in document.edges where !legendNodes.contains(edge.tail) && !legendNodes.contains(edge.head) {
            let a = edge.attributes.mapValues(unescape)
            let kindText = a["kind"] ?? "transition"
            guard let kind = RelationKind(rawValue: kindText) else {
                diagnostics.append(Diagnostic(.unknownRelationKind(kindText, suggestion: Suggestions.nearest(
                    to: kindText, in: RelationKind.allCases.map(\.rawValue))), at: locator.locate(kindText)))
                continue
            }
            var effort: Double?
            if let text = a["effort"] {
                guard let value = Double(text) else {
                    diagnostics.append(Diagnostic(.invalidEffort(text), at: locator.locate(edge.tail, edge.head)))
                    continue
                }
                effort = value
            } else if kind == .transition {
                effort = 1
            }
            let relation = Relation(kind: kind, from: RoleID(edge.tail), to: RoleID(edge.head), effort: effort,
                                    note: a["note"], section: a["section"])
            relations.append(relation)
            let twoWay = kind == .transition && (!document.isDirected || a["dir"] == "both")
            if twoWay { relations.append(Relation(kind: kind, from: relation.to, to: relation.from, effort: effort,
                                                  note: relation.note, section: relation.section)) }
        }

        let skills = skillIDs.map { Skill(id: $0, name: $0.rawValue) }
        var map = SourceMap()
        for (i, role) in roles.enumerated() {
            let location = locator.locate(role.id.rawValue)
            map[.role(i)] = location
            map[.roleArea(i)] = location
            for j in role.primarySkills.indices { map[.roleSkill(role: i, primary: true, index: j)] = location }
            for j in role.secondarySkills.indices { map[.roleSkill(role: i, primary: false, index: j)] = location }
        }
        for (i, relation) in relations.enumerated() {
            let location = locator.locate(relation.from.rawValue, relation.to.rawValue)
            for field in [SourceMap.Field.relation(i), .relationFrom(i), .relationTo(i), .relationEffort(i)] {
                map[field] = location
            }
        }
        diagnostics += GraphValidator.validate(areas: areas, skills: skills, roles: roles, relations: relations, locations: map)
        if !diagnostics.isEmpty { throw .invalid(diagnostics) }
        let name = document.graphAttributes["label"].flatMap { $0.isEmpty ? nil : $0 } ?? document.name ?? "Imported graph"
        return RoleGraph(unchecked: name, source: document.graphAttributes["source"] ?? file,
                         description: document.graphAttributes["description"] ?? "",
                         areas: areas, skills: skills, roles: roles, relations: relations)
    }

    /// Undoes the escapes libcgraph leaves in quoted strings: `\\` is a backslash and `\n`,
    /// `\l`, `\r` are line breaks (Graphviz's own meaning in labels); `\"` was already undone.
    static func unescape(_ value: String) -> String {
        guard value.contains("\\") else { return value }
        var result = ""
        var escaped = false
        for c in value {
            if escaped {
                switch c {
                case "\\": result.append("\\")
                case "n", "l", "r": result.append("\n")
                default: result.append("\\"); result.append(c)
                }
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else {
                result.append(c)
            }
        }
        if escaped { result.append("\\") }
        return result
    }

    private static func list(_ value: String?, separator: Character) -> [String] {
        guard let value else { return [] }
        return value.split(separator: separator).map { String(String($0).trimmingWhitespace()) }.filter { !$0.isEmpty }
    }
}

/// Finds where names first appear in a text as whole tokens, for locating problems libcgraph
/// cannot place: a node at its first mention, an edge at the first line naming both its ends.
struct TextLocator {
    let lines: [String]
    let file: String

    init(text: String, file: String) {
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        self.file = file
    }

    func locate(_ names: String...) -> SourceLocation {
        for (number, line) in lines.enumerated() {
            let columns = names.map { column(of: $0, in: line) }
            if let first = columns.first, let column = first, columns.allSatisfy({ $0 != nil }) {
                return SourceLocation(file: file, line: number + 1, column: column)
            }
        }
        return SourceLocation(file: file, line: 1)
    }

    /// The 1-based column of `name` in `line` where it is not part of a longer identifier.
    private func column(of name: String, in line: String) -> Int? {
        let scalars = Array(line.unicodeScalars), target = Array(name.unicodeScalars)
        guard !target.isEmpty, scalars.count >= target.count else { return nil }
        func isWord(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_" || c == "." }
        for start in 0 ... scalars.count - target.count where Array(scalars[start ..< start + target.count]) == target {
            let before = start == 0 ? nil : scalars[start - 1]
            let after = start + target.count == scalars.count ? nil : scalars[start + target.count]
            if !(before.map(isWord) ?? false) && !(after.map(isWord) ?? false) { return start + 1 }
        }
        return nil
    }
}
