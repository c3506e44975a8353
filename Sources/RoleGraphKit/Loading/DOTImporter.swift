import Foundation
import RoleGraphGraphviz

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
        let parsed: DOTDocument
        do {
            parsed = try Graphviz.parse(dot: text, file: file)
        } catch {
            switch error {
            case .syntax(_, let line, let message):
                throw .invalid([Diagnostic(.other(message), at: SourceLocation(file: file, line: line ?? 1))])
            default:
                throw .invalid([Diagnostic(.other(error.description), at: SourceLocation(file: file, line: 1))])
            }
        }
        let document = parsed.unescaped()

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
                        areas.append(Area(id: id, name: subgraph.attributes["label"].flatMap { $0.isEmpty || $0.hasPrefix("<") ? nil : $0 } ?? id.rawValue,
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
        var diagnostics: [Diagnostic] = []
        var located: [(problem: GraphProblem, names: [String])] = []
        for node in document.nodes where !legendNodes.contains(node.name) {
            let a = node.attributes
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
            if let value = a["entry_level"], value != "true" && value != "false" {
                located.append((.invalidEnumValue(key: "entry_level", value: value, valid: ["true", "false"]), [node.name]))
            }
            if let value = a["prevalence"], Prevalence(rawValue: value) == nil {
                located.append((.invalidEnumValue(key: "prevalence", value: value, valid: Prevalence.allCases.map(\.rawValue)), [node.name]))
            }
        }
        if usesDefaultArea && !areas.contains(where: { $0.id == defaultArea.id }) { areas.append(defaultArea) }

        var relations: [Relation] = []
        for edge in document.edges where !legendNodes.contains(edge.tail) && !legendNodes.contains(edge.head) {
            let a = edge.attributes
            let kindText = a["kind"] ?? "transition"
            guard let kind = RelationKind(rawValue: kindText) else {
                located.append((.unknownRelationKind(kindText, suggestion: Suggestions.nearest(
                    to: kindText, in: RelationKind.allCases.map(\.rawValue))), [kindText]))
                continue
            }
            var effort: Double?
            if let text = a["effort"] {
                guard let value = Double(text) else {
                    located.append((.invalidEffort(text), [edge.tail, edge.head]))
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

        // The vocabulary: names and summaries from the graph's `skills` attribute (RoleGraph's own
        // export writes it as JSON), every other skill named by its id.
        let declared = document.graphAttributes["skills"].map(declaredSkills) ?? [:]
        let skills = skillIDs.map { declared[$0] ?? Skill(id: $0, name: $0.rawValue) }
        // Problems are located only when there are some: finding names in the text costs a pass.
        var semantic = GraphValidator.validate(areas: areas, skills: skills, roles: roles, relations: relations, locations: nil)
        if !semantic.isEmpty || !located.isEmpty {
            let locator = TextLocator(text: text, file: file)
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
            semantic = GraphValidator.validate(areas: areas, skills: skills, roles: roles, relations: relations, locations: map)
            diagnostics = located.map { Diagnostic($0.problem, at: locator.locate($0.names)) } + semantic
        }
        if !diagnostics.isEmpty { throw .invalid(GraphValidator.limited(diagnostics)) }
        let name = document.graphAttributes["label"].flatMap { $0.isEmpty || $0.hasPrefix("<") ? nil : $0 } ?? document.name ?? "Imported graph"
        return RoleGraph(unchecked: name, source: document.graphAttributes["source"] ?? file,
                         description: document.graphAttributes["description"] ?? "",
                         areas: areas, skills: skills, roles: roles, relations: relations)
    }

    /// The skills a `skills` graph attribute declares: a JSON list of `{"id", "name", "summary"}`.
    /// Anything unreadable declares nothing (the skills are then named by their ids).
    private static func declaredSkills(_ json: String) -> [SkillID: Skill] {
        struct Declared: Decodable { var id: String; var name: String; var summary: String?; var aliases: [String]? }
        guard let list = try? JSONDecoder().decode([Declared].self, from: Data(json.utf8)) else { return [:] }
        var result: [SkillID: Skill] = [:]
        for item in list { result[SkillID(item.id)] = Skill(id: SkillID(item.id), name: item.name, summary: item.summary ?? "", aliases: item.aliases ?? []) }
        return result
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
///
/// The text is split into tokens once (identifiers, numbers and quoted strings, unescaped), with
/// the lines each appears on, so locating is a dictionary lookup rather than a scan.
struct TextLocator {
    let file: String
    /// Each token's occurrences as (line, column), in text order.
    private var occurrences: [String: [(line: Int, column: Int)]] = [:]

    init(text: String, file: String) {
        self.file = file
        let scalars = Array(text.unicodeScalars)
        var i = 0, line = 1, lineStart = 0
        func isWord(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_" || c == "." || c == "-" }
        while i < scalars.count {
            let c = scalars[i]
            if c == "\n" { line += 1; i += 1; lineStart = i; continue }
            let column = i - lineStart + 1
            if c == "\"" {
                var token = ""
                var j = i + 1
                let startLine = line
                while j < scalars.count && scalars[j] != "\"" {
                    if scalars[j] == "\\" && j + 1 < scalars.count { token.unicodeScalars.append(scalars[j]); j += 1 }
                    if scalars[j] == "\n" { line += 1; lineStart = j + 1 }
                    token.unicodeScalars.append(scalars[j])
                    j += 1
                }
                occurrences[DOTImporter.unescape(token.replacingOccurrences(of: "\\\"", with: "\"")), default: []].append((startLine, column))
                i = j + 1
            } else if isWord(c) {
                var j = i
                var token = ""
                while j < scalars.count && isWord(scalars[j]) { token.unicodeScalars.append(scalars[j]); j += 1 }
                occurrences[token, default: []].append((line, column))
                i = j
            } else {
                i += 1
            }
        }
    }

    func locate(_ names: String...) -> SourceLocation { locate(names) }

    /// The first line on which every name appears (at the first name's column); else the first
    /// mention of the first name; else line 1.
    func locate(_ names: [String]) -> SourceLocation {
        guard let first = names.first, let places = occurrences[first] else { return SourceLocation(file: file, line: 1) }
        let others = names.dropFirst().map { Set((occurrences[$0] ?? []).map(\.line)) }
        let place = places.first { place in others.allSatisfy { $0.contains(place.line) } } ?? places[0]
        return SourceLocation(file: file, line: place.line, column: place.column)
    }
}

extension DOTDocument {
    /// The document with RoleGraph's escapes undone in names, labels and attribute values (see
    /// ``DOTImporter/unescape(_:)``): libcgraph undoes only `\"`.
    func unescaped() -> DOTDocument {
        func attributes(_ a: [String: String]) -> [String: String] { a.mapValues(DOTImporter.unescape) }
        func subgraph(_ s: DOTSubgraph) -> DOTSubgraph {
            var copy = s
            copy.attributes = attributes(s.attributes)
            copy.nodes = s.nodes.map(DOTImporter.unescape)
            copy.subgraphs = s.subgraphs.map(subgraph)
            return copy
        }
        var copy = self
        copy.graphAttributes = attributes(graphAttributes)
        copy.nodes = nodes.map { DOTNode(name: DOTImporter.unescape($0.name), attributes: attributes($0.attributes)) }
        copy.edges = edges.map { DOTEdge(tail: DOTImporter.unescape($0.tail), head: DOTImporter.unescape($0.head), attributes: attributes($0.attributes)) }
        copy.subgraphs = subgraphs.map(subgraph)
        return copy
    }
}
