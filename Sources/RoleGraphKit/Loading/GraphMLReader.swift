import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads GraphML: the files `export --to graphml` writes (see `GraphMLWriter`), and those of
/// Gephi, yEd, Cytoscape and NetworkX.
///
/// Nodes become roles and edges relations. Data are matched by their key's `attr.name` (the
/// names `GraphMLWriter` declares: `name`, `area`, `area_name`, `summary`, `titles`,
/// `responsibilities`, `problems`, `primary_skills`, `secondary_skills`, `entry_level`,
/// `prevalence`, `stays` on nodes; `kind`, `effort`, `count`, `note`, `section` on edges; `name`,
/// `source`, `description`, `areas`, `skills` on the graph), so a file RoleGraph wrote reads back as
/// the same graph. From another tool: a node's name is its `name`, else its `label` (Gephi), else
/// the text of a yEd `y:NodeLabel`, else its id; a role without an `area` goes to the area
/// `unassigned`; an edge without a `kind` is a transition with effort 1, both ways in an
/// undirected graph (`edgedefault="undirected"`, as NetworkX writes a `Graph`) or on an edge
/// marked `directed="false"`. A transition's count is its `count`, else a count alias of the edge
/// lists (`weight`, `n`, `moves`, `transitions`, `flow`: see ``EdgeListField/count``), as Gephi
/// and NetworkX write it. As in an edge list, parallel transitions with counts (a NetworkX
/// `MultiDiGraph`) are merged into the first, counts summed, and a transition from a role to
/// itself with a count is the role's stayers (``Role/stays``); both are counted in an
/// ``EdgeListSummary`` (a one-line warning), and left for validation to refuse under `--strict`.
/// Other data are ignored.
///
/// The text is parsed by Foundation's `XMLParser`. A document with a DTD (`<!DOCTYPE`) or an entity
/// declaration is refused before parsing: GraphML needs neither, and entity expansion is how an XML
/// file of a few bytes becomes gigabytes.
enum GraphMLReader {
    /// Whether `text` starts like XML (after spaces and a byte-order mark): `<`.
    static func looksLikeXML(_ bytes: some Collection<UInt8>) -> Bool {
        var rest = bytes.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        if rest.starts(with: [0xEF, 0xBB, 0xBF]) { rest = rest.dropFirst(3) }
        return rest.first == UInt8(ascii: "<")
    }

    /// Parses GraphML into a validated graph.
    ///
    /// - Throws: ``GraphLoadError/invalid(_:)``: the XML is malformed (at its line and column),
    ///   has a DTD, holds no `<graph>`, or the graph is not valid.
    /// - Complexity: O(*n* + *R* + *E* + *S*) expected for *n* bytes.
    static func read(_ bytes: [UInt8], file: String) throws(GraphLoadError) -> RoleGraph {
        try read(bytes, file: file, strict: false).graph
    }

    /// Parses GraphML into a validated graph and what was repaired (parallel transitions merged,
    /// self-moves kept as stayers; neither under `strict`).
    ///
    /// - Throws: as ``read(_:file:)``.
    /// - Complexity: O(*n* + *R* + *E* + *S*) expected for *n* bytes.
    static func read(_ bytes: [UInt8], file: String, strict: Bool) throws(GraphLoadError) -> (graph: RoleGraph, summary: EdgeListSummary) {
        if let line = declarationLine(in: bytes) {
            throw .invalid([Diagnostic(.other("a GraphML file needs no DTD or entity declarations, and they are refused (entity expansion can exhaust memory)"),
                                       at: SourceLocation(file: file, line: line))])
        }
        let collector = Collector()
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = collector
        collector.parser = parser
        // The delegate's first error counts even when `parse()` reports success, as Foundation on
        // Linux does for some malformed documents.
        if !parser.parse() || collector.error != nil {
            let (line, column) = collector.error.map { ($0.line, $0.column) } ?? (parser.lineNumber, parser.columnNumber)
            let message = collector.error?.message ?? parser.parserError.map { ($0 as NSError).localizedDescription } ?? "malformed XML"
            throw .invalid([Diagnostic(.other("not well-formed XML: \(message)"),
                                       at: SourceLocation(file: file, line: max(1, line), column: max(1, column)))])
        }
        guard collector.sawGraph else {
            throw .invalid([Diagnostic(.other("not a GraphML file: no <graph> element"), at: SourceLocation(file: file, line: 1))])
        }
        return try build(collector, file: file, strict: strict)
    }

    /// The line of the first `<!DOCTYPE` or `<!ENTITY`, if any.
    private static func declarationLine(in bytes: [UInt8]) -> Int? {
        var line = 1
        for i in bytes.indices {
            if bytes[i] == 0x0A { line += 1; continue }
            guard bytes[i] == UInt8(ascii: "<"), i + 2 < bytes.count, bytes[i + 1] == UInt8(ascii: "!") else { continue }
            let word = String(decoding: bytes[(i + 2) ..< min(bytes.count, i + 9)], as: UTF8.self).uppercased()
            if word.hasPrefix("DOCTYPE") || word.hasPrefix("ENTITY") { return line }
        }
        return nil
    }

    // MARK: Building the graph

    private static func build(_ c: Collector, file: String, strict: Bool) throws(GraphLoadError) -> (graph: RoleGraph, summary: EdgeListSummary) {
        var diagnostics: [Diagnostic] = []
        var map = SourceMap()
        func location(_ line: Int) -> SourceLocation { SourceLocation(file: file, line: line) }
        func name(_ key: String) -> String { c.keys[key]?.name ?? key }
        func fields(_ data: [(key: String, value: String)]) -> [String: String] {
            var result: [String: String] = [:]
            for (key, value) in data where result[name(key)] == nil { result[name(key)] = value }
            return result
        }

        let graphData = fields(c.graphData)
        var roles: [Role] = []
        var areaNames: [(AreaID, String?)] = []
        var seenAreas: Set<AreaID> = []
        for (i, node) in c.nodes.enumerated() {
            let a = fields(node.data)
            map[.role(i)] = location(node.line)
            map[.roleArea(i)] = location(node.line)
            let area = AreaID(a["area"] ?? DOTImporter.defaultArea.id.rawValue)
            if seenAreas.insert(area).inserted { areaNames.append((area, a["area_name"])) }
            var role = Role(id: RoleID(node.id), name: nonEmpty(a["name"]) ?? nonEmpty(a["label"]) ?? nonEmpty(node.yEdLabel) ?? node.id,
                            area: area, summary: a["summary"] ?? "",
                            responsibilities: splitList(a["responsibilities"]), problems: splitList(a["problems"]),
                            titles: splitList(a["titles"]),
                            primarySkills: splitList(a["primary_skills"]).map(SkillID.init),
                            secondarySkills: splitList(a["secondary_skills"]).map(SkillID.init))
            for j in role.primarySkills.indices { map[.roleSkill(role: i, primary: true, index: j)] = location(node.line) }
            for j in role.secondarySkills.indices { map[.roleSkill(role: i, primary: false, index: j)] = location(node.line) }
            if let text = a["entry_level"] {
                switch text.lowercased() {
                case "true", "1": role.entryLevel = true
                case "false", "0": role.entryLevel = false
                default: diagnostics.append(Diagnostic(.invalidEnumValue(key: "entry_level", value: text, valid: ["true", "false"]), at: location(node.line)))
                }
            }
            if let text = a["prevalence"] {
                role.prevalence = Prevalence(rawValue: text)
                if role.prevalence == nil {
                    diagnostics.append(Diagnostic(.invalidEnumValue(key: "prevalence", value: text, valid: Prevalence.allCases.map(\.rawValue)), at: location(node.line)))
                }
            }
            if let text = a["stays"] {
                role.stays = Double(text.trimmingWhitespace())
                if role.stays == nil { diagnostics.append(Diagnostic(.other("invalid stayers '\(text)': not a number"), at: location(node.line))) }
            }
            roles.append(role)
        }

        var relations: [Relation] = []
        for edge in c.edges {
            let a = fields(edge.data)
            var kind = RelationKind.transition
            if let text = a["kind"] {
                guard let known = RelationKind(rawValue: text) else {
                    diagnostics.append(Diagnostic(.unknownRelationKind(text, suggestion: Suggestions.nearest(
                        to: text, in: RelationKind.allCases.map(\.rawValue))), at: location(edge.line)))
                    continue
                }
                kind = known
            }
            var effort: Double?
            if let text = a["effort"] {
                guard let value = Double(text.trimmingWhitespace()) else {
                    diagnostics.append(Diagnostic(.invalidEffort(text), at: location(edge.line)))
                    continue
                }
                effort = value
            } else if kind == .transition {
                effort = 1
            }
            var count: Double?
            let countKey = a["count"] != nil || kind != .transition ? "count" : EdgeListField.count.aliases.first { a[$0] != nil }
            if let countKey, let text = a[countKey] {
                count = Double(text.trimmingWhitespace())
                if count == nil { diagnostics.append(Diagnostic(.other("invalid \(countKey) '\(text)': not a number"), at: location(edge.line))) }
            }
            for (from, to) in [(edge.source, edge.target)] + (a["kind"] == nil && !edge.directed ? [(edge.target, edge.source)] : []) {
                let i = relations.count
                for field in [SourceMap.Field.relation(i), .relationFrom(i), .relationTo(i), .relationEffort(i)] { map[field] = location(edge.line) }
                relations.append(Relation(kind: kind, from: RoleID(from), to: RoleID(to), effort: effort, count: count,
                                          note: a["note"], section: a["section"]))
            }
        }

        var summary = EdgeListSummary(file: file)
        if !strict { mergeObservedMoves(&relations, roles: &roles, map: &map, summary: &summary) }

        let areas = graphData["areas"].flatMap(decodeAreas)
            ?? areaNames.map { id, name in
                id == DOTImporter.defaultArea.id && name == nil ? DOTImporter.defaultArea : Area(id: id, name: nonEmpty(name) ?? id.rawValue)
            }
        let skills = graphData["skills"].flatMap(decodeSkills) ?? {
            var seen: Set<SkillID> = []
            return roles.flatMap(\.allSkills).compactMap { seen.insert($0).inserted ? Skill(id: $0, name: $0.rawValue) : nil }
        }()
        if !diagnostics.isEmpty { throw .invalid(GraphValidator.limited(diagnostics)) }
        let semantic = GraphValidator.validate(areas: areas, skills: skills, roles: roles, relations: relations, locations: map)
        if !semantic.isEmpty { throw .invalid(GraphValidator.limited(semantic)) }
        return (RoleGraph(unchecked: nonEmpty(graphData["name"]) ?? "Imported graph", source: graphData["source"] ?? file,
                          description: graphData["description"] ?? "",
                          areas: areas, skills: skills, roles: roles, relations: relations), summary)
    }

    /// Merges parallel transitions with counts into the first (counts summed; only when their
    /// effort, note and section agree) and turns a transition from a role to itself with a count
    /// into the role's stayers, as an edge list does; anything else is left for validation.
    ///
    /// - Complexity: O(*R* + *E*) expected.
    private static func mergeObservedMoves(_ relations: inout [Relation], roles: inout [Role], map: inout SourceMap,
                                           summary: inout EdgeListSummary) {
        var roleIndex: [RoleID: Int] = [:]
        for (i, role) in roles.enumerated() where roleIndex[role.id] == nil { roleIndex[role.id] = i }
        var first: [Relation: Int] = [:]
        var removed: Set<Int> = []
        var staysFromLoops: Set<Int> = []
        for (i, relation) in relations.enumerated() where relation.kind == .transition {
            guard let count = relation.count else { continue }
            if relation.from == relation.to, let r = roleIndex[relation.from], roles[r].stays == nil || staysFromLoops.contains(r) {
                staysFromLoops.insert(r)
                roles[r].stays = (roles[r].stays ?? 0) + count
                summary.selfMoves += 1
                removed.insert(i)
                continue
            }
            var key = relation
            key.count = nil
            if let f = first[key] {
                relations[f].count = (relations[f].count ?? 0) + count
                summary.aggregatedRows += 1
                removed.insert(i)
            } else {
                first[key] = i
            }
        }
        guard !removed.isEmpty else { return }
        let moved = Renumbering.survivors(count: relations.count, removing: removed)
        relations = relations.indices.filter { moved[$0] != nil }.map { relations[$0] }
        map = map.remapped(SourceMap.Remap(relations: { moved[$0] }))
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.trimmingWhitespace().isEmpty else { return nil }
        return text
    }

    /// Splits a list written "a; b; c" (`\;` and `\\` inside an item are `;` and `\`); an
    /// empty or missing value is an empty list.
    ///
    /// - Complexity: O(*n*) for *n* characters.
    static func splitList(_ text: String?) -> [String] {
        guard let text, !text.isEmpty else { return [] }
        var items: [String] = []
        var current = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var skipSpace = false
        while let s = scalars.next() {
            if skipSpace {
                skipSpace = false
                if s == " " { continue }
            }
            switch s {
            case "\\":
                if let next = scalars.next() { current.append(next) } else { current.append(s) }
            case ";":
                items.append(String(current))
                current = String.UnicodeScalarView()
                skipSpace = true
            default:
                current.append(s)
            }
        }
        items.append(String(current))
        return items
    }

    private struct DeclaredArea: Decodable { var id: String; var name: String; var summary: String? }
    private struct DeclaredSkill: Decodable { var id: String; var name: String; var summary: String?; var aliases: [String]? }

    private static func decodeAreas(_ json: String) -> [Area]? {
        (try? JSONDecoder().decode([DeclaredArea].self, from: Data(json.utf8)))?
            .map { Area(id: AreaID($0.id), name: $0.name, summary: $0.summary ?? "") }
    }

    private static func decodeSkills(_ json: String) -> [Skill]? {
        (try? JSONDecoder().decode([DeclaredSkill].self, from: Data(json.utf8)))?
            .map { Skill(id: SkillID($0.id), name: $0.name, summary: $0.summary ?? "", aliases: $0.aliases ?? []) }
    }

    // MARK: Collecting the elements

    /// A `<key>` declaration.
    struct Key {
        var name: String
        var domain: String
    }

    struct Element {
        var id: String
        var line: Int
        var data: [(key: String, value: String)] = []
        var yEdLabel: String?
        var source = "", target = ""
        var directed = true
    }

    /// The parser's delegate: keys, nodes, edges and their data, in document order.
    final class Collector: NSObject, XMLParserDelegate {
        weak var parser: XMLParser?
        var keys: [String: Key] = [:]
        var graphData: [(key: String, value: String)] = []
        var nodes: [Element] = []
        var edges: [Element] = []
        var sawGraph = false
        /// The first error the parser reported.
        var error: (message: String, line: Int, column: Int)?
        /// The edge default of each open `<graph>`, innermost last.
        private var directedStack: [Bool] = []
        /// The open node or edge (`nil` inside the graph's own data), and the open data key.
        private var current: (isNode: Bool, element: Element)?
        private var dataKey: String?
        private var text = ""
        private var inNodeLabel = 0
        private var labelText = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            let line = parser.lineNumber
            switch localName(name) {
            case "key":
                if let id = attributes["id"] {
                    keys[id] = Key(name: attributes["attr.name"] ?? id, domain: attributes["for"] ?? "all")
                }
            case "graph":
                sawGraph = true
                directedStack.append(attributes["edgedefault"].map { $0 != "undirected" } ?? (directedStack.last ?? true))
            case "node" where current == nil || current?.isNode == true:
                if let element = current, element.isNode { nodes.append(element.element) }
                current = (true, Element(id: attributes["id"] ?? "", line: line))
            case "edge":
                var element = Element(id: attributes["id"] ?? "", line: line)
                element.source = attributes["source"] ?? ""
                element.target = attributes["target"] ?? ""
                element.directed = attributes["directed"].map { $0 != "false" } ?? (directedStack.last ?? true)
                current = (false, element)
            case "data":
                dataKey = attributes["key"]
                text = ""
            case "NodeLabel":
                inNodeLabel += 1
                if inNodeLabel == 1 { labelText = "" }
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            if error == nil {
                error = (Self.describe((parseError as NSError).code), parser.lineNumber, parser.columnNumber)
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if dataKey != nil { text += string }
            if inNodeLabel > 0 { labelText += string }
        }

        func parser(_ parser: XMLParser, foundCDATA block: Data) {
            let string = String(decoding: block, as: UTF8.self)
            if dataKey != nil { text += string }
            if inNodeLabel > 0 { labelText += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch localName(name) {
            case "graph":
                _ = directedStack.popLast()
            case "node":
                if let element = current, element.isNode {
                    nodes.append(element.element)
                    current = nil
                }
            case "edge":
                if let element = current, !element.isNode { edges.append(element.element) }
                current = nil
            case "data":
                guard let key = dataKey else { break }
                dataKey = nil
                // yEd's graphics data hold a label, not text of their own.
                if (keys[key].map { $0.name == key } ?? true) && text.trimmingWhitespace().isEmpty { break }
                if current != nil { current!.element.data.append((key, text)) } else { graphData.append((key, text)) }
            case "NodeLabel":
                inNodeLabel -= 1
                if inNodeLabel == 0, current?.isNode == true, current?.element.yEdLabel == nil {
                    current!.element.yEdLabel = labelText.trimmingCharacters(in: .whitespacesAndNewlines)
                }
            default:
                break
            }
        }

        /// libxml2's most common error codes in words; the others by number.
        static func describe(_ code: Int) -> String {
            switch code {
            case 4: return "the document is empty"
            case 5: return "extra content after the document's end"
            case 76: return "an end tag does not match its start tag"
            case 77: return "the document ends inside an element"
            default: return "XML parser error \(code)"
            }
        }

        /// `y:NodeLabel` → `NodeLabel`: namespaces are not processed, so prefixes stay on names.
        private func localName(_ name: String) -> String {
            name.split(separator: ":").last.map(String.init) ?? name
        }
    }
}
