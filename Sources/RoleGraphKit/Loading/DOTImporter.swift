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
/// | node | `summary`, `titles` (`;`-separated), `skills` and `secondary_skills` (`,`-separated), `responsibilities` and `problems` (`;`-separated), `entry_level`, `prevalence`, `stays` | the role's facts |
/// | edge | `kind` (default `transition`), `effort`, `count`, `note`, `section` | the relation; `dir=both` on a transition means both ways, with `reverse_count` the other way's count where it differs |
/// | node, edge | `index` (and `reverse_index` for the other way of a `dir=both` edge) | the place in the graph: when every role (every relation) states a distinct one, roles (relations) are read in that order, not the text's |
/// | subgraph | `cluster_<id>` with `label` (and `area_summary`) | an area |
///
/// A subgraph named `cluster_legend` is a legend and is skipped with its nodes. Nodes outside
/// any area get the area `unassigned`. The graph attributes `areas` and `skills` (JSON lists, as
/// the export writes them) declare the areas and the skill vocabulary in order; skills named by
/// roles and not declared join the vocabulary named by their ids. `graph_name` names the graph
/// when its `label` is a caption.
///
/// Text comes back exactly as RoleGraph's export wrote it: the importer undoes its escapes
/// (`&amp;`, `\r`, `\uXXXX`, and `\;` or `\,` inside a list item; see `DOTEscaping`). Before
/// libcgraph sees the text, ``DOTPreflight`` refuses tokens longer than Graphviz accepts and
/// HTML-like labels whose tags do not nest.
///
/// libcgraph keeps no line numbers for objects, so a problem with a node is located at the first
/// place its name appears in the text, and one with an edge at the line naming both its ends (the
/// *k*-th such line for the *k*-th edge between them, a line naming a role twice for an edge from
/// it to itself); syntax errors carry Graphviz's own line. An edge that repeats an earlier one
/// fact for fact is read once, with a warning (as in a graph file of format 1).
enum DOTImporter {
    static let defaultArea = Area(id: "unassigned", name: "Unassigned", summary: "Roles the file places in no area.")

    static func read(_ text: String, file: String) throws(GraphLoadError) -> RoleGraph {
        try readWithWarnings(text, file: file).graph
    }

    /// Reads a DOT text into a graph, with a warning for each edge that repeats an earlier one
    /// fact for fact (read once).
    ///
    /// - Complexity: O(*n* + *R* + *E*) expected for *n* characters.
    static func readWithWarnings(_ text: String, file: String) throws(GraphLoadError) -> (graph: RoleGraph, warnings: [Diagnostic]) {
        // Tokens too long for libcgraph's lexer, and unbalanced HTML labels, are refused first.
        try DOTPreflight.check(text, file: file)
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
        // The area ids seen so far: a lookup, not a scan of `areas` (a file may name 40,000).
        var knownAreas: Set<AreaID> = []
        var areaOfNode: [String: AreaID] = [:]
        var legendNodes: Set<String> = []
        // libcgraph reports a subgraph's attribute only where it differs from the parent's, so a
        // cluster labelled like the graph (an area named as the graph) inherits its label.
        func visit(_ subgraphs: [DOTSubgraph], inheritedLabel: String?) {
            for subgraph in subgraphs {
                let label = subgraph.attributes["label"] ?? inheritedLabel
                if subgraph.name == "cluster_legend" {
                    legendNodes.formUnion(subgraph.nodes)
                    continue
                }
                if subgraph.isCluster, let name = subgraph.name {
                    let id = AreaID(subgraph.attributes["area"] ?? String(name.dropFirst("cluster_".count)))
                    if knownAreas.insert(id).inserted {
                        areas.append(Area(id: id, name: label.flatMap { $0.isEmpty || $0.hasPrefix("<") ? nil : $0 } ?? id.rawValue,
                                          summary: subgraph.attributes["area_summary"] ?? ""))
                    }
                    for node in subgraph.nodes { areaOfNode[node] = id }
                }
                visit(subgraph.subgraphs, inheritedLabel: label)
            }
        }
        visit(document.subgraphs, inheritedLabel: document.graphAttributes["label"])

        var roles: [Role] = []
        // Each role's and relation's `index` (its place in the graph RoleGraph exported), when
        // stated: the order is restored from them when every one states a distinct index.
        var roleIndexes: [Int?] = []
        var skillIDs: [SkillID] = []
        var knownSkills: Set<SkillID> = []
        var usesDefaultArea = false
        var diagnostics: [Diagnostic] = []
        var located: [(problem: GraphProblem, names: [String], ordinal: Int)] = []
        // List attributes are split before they are unescaped (an item may hold an escaped `;`),
        // so they are read from the document as libcgraph gave it.
        for (node, raw) in zip(document.nodes, parsed.nodes) where !legendNodes.contains(node.name) {
            let a = node.attributes
            func list(_ key: String, separator: Unicode.Scalar) -> [String] {
                raw.attributes[key].map { splitList($0, separator: separator) } ?? []
            }
            let label = a["label"].flatMap { $0 == "\\N" || $0.isEmpty || $0.hasPrefix("<") ? nil : $0 }
            var area = a["area"].map(AreaID.init) ?? areaOfNode[node.name]
            if let id = area, knownAreas.insert(id).inserted { areas.append(Area(id: id, name: id.rawValue)) }
            if area == nil {
                area = defaultArea.id
                usesDefaultArea = true
            }
            let primary = list("skills", separator: ",").map(SkillID.init)
            let secondary = list("secondary_skills", separator: ",").map(SkillID.init)
            for skill in primary + secondary where knownSkills.insert(skill).inserted { skillIDs.append(skill) }
            roles.append(Role(
                id: RoleID(node.name), name: a["role_name"] ?? label ?? node.name, area: area!,
                summary: a["summary"] ?? "",
                responsibilities: list("responsibilities", separator: ";"),
                problems: list("problems", separator: ";"),
                titles: list("titles", separator: ";"),
                primarySkills: primary, secondarySkills: secondary,
                entryLevel: a["entry_level"].flatMap { $0 == "true" ? true : $0 == "false" ? false : nil },
                prevalence: a["prevalence"].flatMap(Prevalence.init(rawValue:)),
                stays: a["stays"].flatMap(Double.init)))
            roleIndexes.append(a["index"].flatMap { Int($0) })
            if let value = a["stays"], Double(value) == nil {
                located.append((.other("invalid stayers '\(value)': not a number"), [node.name], 0))
            }
            if let value = a["entry_level"], value != "true" && value != "false" {
                located.append((.invalidEnumValue(key: "entry_level", value: value, valid: ["true", "false"]), [node.name], 0))
            }
            if let value = a["prevalence"], Prevalence(rawValue: value) == nil {
                located.append((.invalidEnumValue(key: "prevalence", value: value, valid: Prevalence.allCases.map(\.rawValue)), [node.name], 0))
            }
        }
        if usesDefaultArea && knownAreas.insert(defaultArea.id).inserted { areas.append(defaultArea) }

        var relations: [Relation] = []
        // For each relation, the ordinal of its edge among the edges joining the same two roles
        // (either way): the edge is located at the ordinal-th line naming both.
        var relationOrdinals: [Int] = []
        var relationIndexes: [Int?] = []
        var edgesBetween: [[String]: Int] = [:]
        for edge in document.edges where !legendNodes.contains(edge.tail) && !legendNodes.contains(edge.head) {
            let a = edge.attributes
            let pair = edge.tail < edge.head ? [edge.tail, edge.head] : [edge.head, edge.tail]
            let ordinal = edgesBetween[pair, default: 0]
            edgesBetween[pair] = ordinal + 1
            let kindText = a["kind"] ?? "transition"
            guard let kind = RelationKind(rawValue: kindText) else {
                located.append((.unknownRelationKind(kindText, suggestion: Suggestions.nearest(
                    to: kindText, in: RelationKind.allCases.map(\.rawValue))), [kindText], 0))
                continue
            }
            var effort: Double?
            if let text = a["effort"] {
                guard let value = Double(text) else {
                    located.append((.invalidEffort(text), [edge.tail, edge.head], ordinal))
                    continue
                }
                effort = value
            } else if kind == .transition {
                effort = 1
            }
            var count: Double?
            if let text = a["count"] {
                guard let value = Double(text) else {
                    located.append((.other("invalid count '\(text)': not a number"), [edge.tail, edge.head], ordinal))
                    continue
                }
                count = value
            }
            let relation = Relation(kind: kind, from: RoleID(edge.tail), to: RoleID(edge.head), effort: effort,
                                    count: count, note: a["note"], section: a["section"])
            relations.append(relation)
            relationOrdinals.append(ordinal)
            relationIndexes.append(a["index"].flatMap { Int($0) })
            let twoWay = kind == .transition && (!document.isDirected || a["dir"] == "both")
            if twoWay {
                // `reverse_count` is the other way's count where it differs (`none`: no count).
                // libcgraph gives every edge an attribute some edge declares, empty where unset.
                var back = count
                if let text = a["reverse_count"], !text.isEmpty {
                    back = text == "none" ? nil : Double(text)
                    if text != "none" && back == nil {
                        located.append((.other("invalid count '\(text)': not a number"), [edge.tail, edge.head], ordinal))
                    }
                }
                relations.append(Relation(kind: kind, from: relation.to, to: relation.from, effort: effort,
                                          count: back, note: relation.note, section: relation.section))
                relationOrdinals.append(ordinal)
                relationIndexes.append(a["reverse_index"].flatMap { Int($0) })
            }
        }

        // The vocabulary: names and summaries from the graph's `skills` attribute (RoleGraph's own
        // export writes it as JSON), every other skill named by its id.
        // Declared skills keep the vocabulary's order (unused ones too); others follow, by id.
        let declared = document.graphAttributes["skills"].map(declaredSkills) ?? []
        let declaredIDs = Set(declared.map(\.id))
        let skills = declared + skillIDs.filter { !declaredIDs.contains($0) }.map { Skill(id: $0, name: $0.rawValue) }
        // Declared areas likewise replace those read from clusters and nodes, in their order.
        if let declaredAreas = document.graphAttributes["areas"].flatMap(Self.declaredAreas) {
            let ids = Set(declaredAreas.map(\.id))
            areas = declaredAreas + areas.filter { !ids.contains($0.id) }
        }
        if let order = statedOrder(roleIndexes) { roles = order.map { roles[$0] } }
        if let order = statedOrder(relationIndexes) {
            relations = order.map { relations[$0] }
            relationOrdinals = order.map { relationOrdinals[$0] }
        }
        // Problems are located only when there are some: finding names in the text costs a pass.
        var locatorStore: TextLocator?
        func locator() -> TextLocator {
            if let locatorStore { return locatorStore }
            let made = TextLocator(text: text, file: file)
            locatorStore = made
            return made
        }
        func edgeLocation(_ i: Int) -> SourceLocation {
            locator().locateEdge(relations[i].from.rawValue, relations[i].to.rawValue, ordinal: relationOrdinals[i])
        }
        // An edge that repeats an earlier one fact for fact is read once, with a warning.
        let copies = RepeatedRelations.find(in: relations)
        let warnings = copies.map { copy, earlier in
            let there = edgeLocation(earlier)
            return Diagnostic(.other(RepeatedRelations.message(relations[copy], first: "at \(there.line):\(there.column ?? 1)")),
                              at: edgeLocation(copy), severity: .warning)
        }
        let repeated = Set(copies.map(\.copy))
        if !repeated.isEmpty {
            relations = relations.indices.filter { !repeated.contains($0) }.map { relations[$0] }
            relationOrdinals = relationOrdinals.indices.filter { !repeated.contains($0) }.map { relationOrdinals[$0] }
        }
        var semantic = GraphValidator.validate(areas: areas, skills: skills, roles: roles, relations: relations, locations: nil)
        if !semantic.isEmpty || !located.isEmpty {
            let locator = locator()
            var map = SourceMap()
            for (i, role) in roles.enumerated() {
                let location = locator.locate(role.id.rawValue)
                map[.role(i)] = location
                map[.roleArea(i)] = location
                for j in role.primarySkills.indices { map[.roleSkill(role: i, primary: true, index: j)] = location }
                for j in role.secondarySkills.indices { map[.roleSkill(role: i, primary: false, index: j)] = location }
            }
            for i in relations.indices {
                let location = edgeLocation(i)
                for field in [SourceMap.Field.relation(i), .relationFrom(i), .relationTo(i), .relationEffort(i)] {
                    map[field] = location
                }
            }
            semantic = GraphValidator.validate(areas: areas, skills: skills, roles: roles, relations: relations, locations: map)
            diagnostics = located.map { problem, names, ordinal in
                Diagnostic(problem, at: names.count == 2 ? locator.locateEdge(names[0], names[1], ordinal: ordinal) : locator.locate(names))
            } + semantic
        }
        if !diagnostics.isEmpty { throw .invalid(GraphValidator.limited(diagnostics)) }
        let name = document.graphAttributes["graph_name"] ?? document.graphAttributes["label"].flatMap { $0.isEmpty || $0.hasPrefix("<") ? nil : $0 } ?? document.name ?? "Imported graph"
        return (RoleGraph(unchecked: name, source: document.graphAttributes["source"] ?? file,
                          description: document.graphAttributes["description"] ?? "",
                          areas: areas, skills: skills, roles: roles, relations: relations), warnings)
    }

    /// The positions of `indexes` sorted by them, when every one is stated and no two are equal
    /// (RoleGraph's export); `nil` otherwise (the text's order stands).
    ///
    /// - Complexity: O(*k* log *k*) for *k* indexes.
    static func statedOrder(_ indexes: [Int?]) -> [Int]? {
        var stated: [(index: Int, position: Int)] = []
        stated.reserveCapacity(indexes.count)
        for (position, index) in indexes.enumerated() {
            guard let index else { return nil }
            stated.append((index, position))
        }
        stated.sort { $0.index < $1.index }
        for i in stated.indices.dropFirst() where stated[i].index == stated[i - 1].index { return nil }
        return stated.map(\.position)
    }

    /// The skills a `skills` graph attribute declares: a JSON list of `{"id", "name", "summary"}`.
    /// Anything unreadable declares nothing (the skills are then named by their ids).
    private static func declaredSkills(_ json: String) -> [Skill] {
        struct Declared: Decodable { var id: String; var name: String; var summary: String?; var aliases: [String]? }
        guard let list = try? JSONDecoder().decode([Declared].self, from: Data(json.utf8)) else { return [] }
        var seen: Set<String> = []
        return list.filter { seen.insert($0.id).inserted }
            .map { Skill(id: SkillID($0.id), name: $0.name, summary: $0.summary ?? "", aliases: $0.aliases ?? []) }
    }

    /// The areas an `areas` graph attribute declares: a JSON list of `{"id", "name", "summary"}`,
    /// as RoleGraph's export writes it; `nil` when there is none or it is unreadable.
    private static func declaredAreas(_ json: String) -> [Area]? {
        struct Declared: Decodable { var id: String; var name: String; var summary: String? }
        guard let list = try? JSONDecoder().decode([Declared].self, from: Data(json.utf8)) else { return nil }
        var seen: Set<String> = []
        return list.filter { seen.insert($0.id).inserted }.map { Area(id: AreaID($0.id), name: $0.name, summary: $0.summary ?? "") }
    }

    /// Undoes RoleGraph's escapes (see `DOTEscaping`) that libcgraph leaves in quoted strings,
    /// in one pass from the left, so every text the writer escapes comes back exactly: `\\` is a
    /// backslash, `\n` and `\l` are LF (Graphviz's line breaks), `\r` is CR, `\uXXXX` is that
    /// character, `\;` and `\,` are the list separators as text, and `&amp;` is `&`. Any other
    /// backslash is kept with the character after it (`\"` was already undone by libcgraph).
    ///
    /// - Complexity: O(*n*) in the length of `value`.
    static func unescape(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "&") }) else { return value }
        let scalars = Array(value.unicodeScalars)
        var result = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "&", i + 4 < scalars.count, scalars[i + 1] == "a", scalars[i + 2] == "m", scalars[i + 3] == "p",
               scalars[i + 4] == ";" {
                result.append("&")
                i += 5
                continue
            }
            guard c == "\\", i + 1 < scalars.count else {
                result.append(c)
                i += 1
                continue
            }
            let next = scalars[i + 1]
            switch next {
            case "\\", ";", ",": result.append(next)
            case "n", "l": result.append("\n")
            case "r": result.append("\r")
            case "u":
                if i + 5 < scalars.count, let value = UInt32(String(String.UnicodeScalarView(scalars[(i + 2)...(i + 5)])), radix: 16),
                   let scalar = Unicode.Scalar(value) {
                    result.append(scalar)
                    i += 6
                    continue
                }
                result.append(c)
                result.append(next)
            default:
                result.append(c)
                result.append(next)
            }
            i += 2
        }
        return String(result)
    }

    /// The items of a list attribute, split at separators that are not escaped (an item's own
    /// `;` is written `\;`, and `&amp;`'s `;` is part of the entity), each item trimmed of its
    /// unescaped spaces and unescaped. An empty item is dropped: a DOT list cannot hold one.
    ///
    /// - Complexity: O(*n*) in the length of `value`.
    static func splitList(_ value: String, separator: Unicode.Scalar) -> [String] {
        let scalars = Array(value.unicodeScalars)
        var items: [String] = []
        var current = String.UnicodeScalarView()
        var i = 0
        func finish() {
            // Spaces are trimmed before unescaping: those the export escapes (`\u0020`) stay.
            while current.first?.properties.isWhitespace == true { current.removeFirst() }
            while current.last?.properties.isWhitespace == true { current.removeLast() }
            let item = unescape(String(current))
            if !item.isEmpty { items.append(item) }
            current = String.UnicodeScalarView()
        }
        while i < scalars.count {
            let c = scalars[i]
            if c == "\\" && i + 1 < scalars.count {
                current.append(c)
                current.append(scalars[i + 1])
                i += 2
            } else if c == "&", i + 4 < scalars.count, scalars[i + 1] == "a", scalars[i + 2] == "m",
                      scalars[i + 3] == "p", scalars[i + 4] == ";" {
                current.append(contentsOf: scalars[i...(i + 4)])
                i += 5
            } else if c == separator {
                finish()
                i += 1
            } else {
                current.append(c)
                i += 1
            }
        }
        finish()
        return items
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
    /// For each token, the column of its first occurrence on each line it appears on: whether
    /// a name is on a line is one lookup, however often the name occurs (a hub with 30,000 edges).
    private var columnOnLine: [String: [Int: Int]] = [:]
    /// For each token, how often it occurs on each line it appears on.
    private var countOnLine: [String: [Int: Int]] = [:]

    /// - Complexity: O(*n*) expected for a text of *n* characters.
    init(text: String, file: String) {
        self.file = file
        var occurrences: [String: [(line: Int, column: Int)]] = [:]
        var columnOnLine: [String: [Int: Int]] = [:]
        var countOnLine: [String: [Int: Int]] = [:]
        func record(_ token: String, _ line: Int, _ column: Int) {
            occurrences[token, default: []].append((line, column))
            countOnLine[token, default: [:]][line, default: 0] += 1
            if columnOnLine[token, default: [:]][line] == nil { columnOnLine[token, default: [:]][line] = column }
        }
        defer {
            self.occurrences = occurrences
            self.columnOnLine = columnOnLine
            self.countOnLine = countOnLine
        }
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
                record(DOTImporter.unescape(token.replacingOccurrences(of: "\\\"", with: "\"")), startLine, column)
                i = j + 1
            } else if isWord(c) {
                var j = i
                var token = ""
                while j < scalars.count && isWord(scalars[j]) { token.unicodeScalars.append(scalars[j]); j += 1 }
                record(token, line, column)
                i = j
            } else {
                i += 1
            }
        }
    }

    func locate(_ names: String...) -> SourceLocation { locate(names) }

    /// Where the `ordinal`-th edge (from 0, in text order) between `from` and `to` is: the
    /// `ordinal`-th line naming both (a line naming them twice each counts twice), or for an edge
    /// from a role to itself the `ordinal`-th line naming it twice; else the last such line;
    /// else ``locate(_:)-([String])``'s answer.
    ///
    /// - Complexity: O(*m*) expected, for the rarer name's *m* occurrences.
    func locateEdge(_ from: String, _ to: String, ordinal: Int) -> SourceLocation {
        guard let places = occurrences[from], let others = occurrences[to],
              let fromLines = countOnLine[from], let toLines = countOnLine[to] else { return locate([from, to]) }
        let driver = places.count <= others.count ? places : others
        var candidates: [Int] = []
        var previousLine = 0
        for place in driver where place.line != previousLine {
            previousLine = place.line
            let times = from == to ? fromLines[place.line, default: 0] / 2
                : min(fromLines[place.line, default: 0], toLines[place.line, default: 0])
            for _ in 0..<times { candidates.append(place.line) }
            if candidates.count > ordinal { break }
        }
        guard let line = candidates.count > ordinal ? candidates[ordinal] : candidates.last,
              let column = columnOnLine[from]?[line] else { return locate([from, to]) }
        return SourceLocation(file: file, line: line, column: column)
    }

    /// The first line on which every name appears (at the first name's column); else the first
    /// mention of the first name; else line 1.
    ///
    /// The name with the fewest occurrences drives the search and the others are looked up by
    /// line, so a relation of a hub costs as much as one of a leaf.
    ///
    /// - Complexity: O(*k* · *m*) expected for *k* names, the rarest of which occurs *m* times.
    func locate(_ names: [String]) -> SourceLocation {
        guard let first = names.first, let places = occurrences[first] else { return SourceLocation(file: file, line: 1) }
        var driver = places
        for name in names.dropFirst() {
            guard let other = occurrences[name] else { return SourceLocation(file: file, line: places[0].line, column: places[0].column) }
            if other.count < driver.count { driver = other }
        }
        for place in driver {
            if names.allSatisfy({ columnOnLine[$0]?[place.line] != nil }), let column = columnOnLine[first]?[place.line] {
                return SourceLocation(file: file, line: place.line, column: column)
            }
        }
        return SourceLocation(file: file, line: places[0].line, column: places[0].column)
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
