import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import RoleGraphKit
import RoleGraphAlgorithms
import RoleGraphGraphviz
import RoleGraphTestSupport

/// Reads GraphML back with Foundation's XMLParser: keys, and each node's and edge's attributes
/// and `<data>` values by key id.
final class GraphMLReader: NSObject, XMLParserDelegate {
    struct Element {
        var attributes: [String: String]
        var data: [String: String] = [:]
    }

    var keys: [String: [String: String]] = [:]
    var graph: [String: String] = [:]
    var graphData: [String: String] = [:]
    var nodes: [Element] = []
    var edges: [Element] = []
    private var current: (isNode: Bool, element: Element)?
    private var dataKey: String?
    private var text = ""
    private(set) var error: Error?

    init(_ text: String) {
        super.init()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = self
        if !parser.parse() { error = parser.parserError ?? CocoaError(.coderReadCorrupt) }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "key": keys[attributes["id"] ?? ""] = attributes
        case "graph": graph = attributes
        case "node": current = (true, Element(attributes: attributes))
        case "edge": current = (false, Element(attributes: attributes))
        case "data": dataKey = attributes["key"]; text = ""
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if dataKey != nil { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "data":
            if let key = dataKey {
                if current != nil { current!.element.data[key] = text } else { graphData[key] = text }
            }
            dataKey = nil
        case "node", "edge":
            if let (isNode, element) = current { if isNode { nodes.append(element) } else { edges.append(element) } }
            current = nil
        default: break
        }
    }
}

@Suite struct GraphMLWriterTests {
    @Test func builtInGraphMatchesGolden() throws {
        try Golden.check(GraphMLWriter().write(.builtIn), "builtin.graphml")
    }

    @Test func writingTwiceGivesTheSameBytes() {
        #expect(Array(GraphMLWriter().write(.builtIn).utf8) == Array(GraphMLWriter().write(.builtIn).utf8))
    }

    @Test func declaresATypedKeyForEveryAttribute() throws {
        let reader = GraphMLReader(GraphMLWriter().write(.builtIn))
        #expect(reader.error == nil)
        let declared = Dictionary(uniqueKeysWithValues: reader.keys.values.map {
            ("\($0["for"]!).\($0["attr.name"]!)", $0["attr.type"]!)
        })
        let expected: [String: String] = [
            "graph.name": "string", "graph.source": "string", "graph.description": "string",
            "graph.areas": "string", "graph.skills": "string", "node.stays": "double", "edge.count": "double",
            "node.label": "string", "node.name": "string", "node.area": "string", "node.area_name": "string",
            "node.summary": "string", "node.titles": "string", "node.responsibilities": "string",
            "node.problems": "string", "node.primary_skills": "string", "node.secondary_skills": "string",
            "node.entry_level": "boolean", "node.prevalence": "string",
            "edge.kind": "string", "edge.effort": "double", "edge.note": "string", "edge.section": "string",
        ]
        #expect(declared == expected)
        // Every <data> names a declared key of the right domain.
        for node in reader.nodes { for key in node.data.keys { #expect(reader.keys[key]?["for"] == "node") } }
        for edge in reader.edges { for key in edge.data.keys { #expect(reader.keys[key]?["for"] == "edge") } }
    }

    @Test func holdsEveryRoleAndRelation() throws {
        let graph = RoleGraph.builtIn
        let reader = GraphMLReader(GraphMLWriter().write(graph))
        #expect(reader.error == nil)
        #expect(reader.graph["edgedefault"] == "directed")
        #expect(reader.graphData["g_name"] == graph.name)
        #expect(reader.nodes.map { $0.attributes["id"] } == graph.roles.map(\.id.rawValue))
        let analyst = reader.nodes[0].data
        #expect(analyst["n_name"] == "Data Analyst")
        #expect(analyst["n_area"] == "insights")
        #expect(analyst["n_area_name"] == "Insights")
        #expect(analyst["n_titles"] == "Data Analyst; BI Analyst; Product Analyst; Business Analyst")
        #expect(analyst["n_primary_skills"] == graph.roles[0].primarySkills.map(\.rawValue).joined(separator: "; "))
        #expect(analyst["n_entry_level"] == "true")
        #expect(reader.nodes[6].data["n_entry_level"] == "false")
        #expect(analyst["n_prevalence"] == "common")
        #expect(reader.edges.count == graph.relations.count)
        for (edge, relation) in zip(reader.edges, graph.relations) {
            #expect(edge.attributes["source"] == relation.from.rawValue)
            #expect(edge.attributes["target"] == relation.to.rawValue)
            #expect(edge.attributes["directed"] == nil)
            #expect(edge.data["e_kind"] == relation.kind.rawValue)
            #expect(edge.data["e_effort"].flatMap(Double.init) == relation.effort)
            #expect(edge.data["e_note"] == relation.note)
            #expect(edge.data["e_section"] == relation.section)
        }
    }

    @Test func collaborationsCanBeUndirectedForMixedGraphReaders() {
        let reader = GraphMLReader(GraphMLWriter(undirectedCollaborations: true).write(.builtIn))
        #expect(reader.error == nil)
        #expect(reader.edges.count == RoleGraph.builtIn.relations.count)
        for (edge, relation) in zip(reader.edges, RoleGraph.builtIn.relations) {
            #expect(edge.attributes["directed"] == (relation.kind == .collaboration ? "false" : nil))
        }
        #expect(reader.edges.contains { $0.data["e_kind"] == "collaboration" })
    }

    @Test func hostileTextParsesAndReadsBackExactly() throws {
        let graph = try HostileGraph.graph()
        let text = GraphMLWriter().write(graph)
        let reader = GraphMLReader(text)
        #expect(reader.error == nil, "\(String(describing: reader.error))")
        let node = try #require(reader.nodes.first { $0.attributes["id"] == HostileGraph.id.rawValue })
        #expect(node.data["n_name"] == HostileGraph.name)
        // A `;` inside an item is escaped, so the list splits back into the same items.
        #expect(node.data["n_titles"] == HostileGraph.titles.map { $0.replacingOccurrences(of: ";", with: "\\;") }.joined(separator: "; "))
        // The bell (U+0007) cannot be written in XML 1.0; it becomes U+FFFD, and the CR LF survives.
        #expect(node.data["n_summary"] == HostileGraph.summary.replacingOccurrences(of: "\u{7}", with: "\u{FFFD}"))
        #expect(node.data["n_area_name"] == "Ops \"&\" <Data>\n运维")
        let transition = try #require(reader.edges.first { $0.data["e_kind"] == "transition" })
        #expect(transition.attributes["target"] == HostileGraph.id.rawValue)
        #expect(transition.data["e_note"] == HostileGraph.note)
        #expect(transition.data["e_effort"] == "2.5")
        #expect(!text.contains("<script>"))
    }

    @Test func escapingRules() {
        #expect(XMLEscaping.text("a&b<c>d\"e'f\r\n\t\u{0}\u{FFFE}😀") == "a&amp;b&lt;c&gt;d\"e'f&#13;\n\t\u{FFFD}\u{FFFD}😀")
        #expect(XMLEscaping.attribute("x\ny\tz\r\"'<") == "x&#10;y&#9;z&#13;&quot;&apos;&lt;")
    }

    /// An id with a line break and a tab survives as an attribute value, where a parser would
    /// otherwise turn both into spaces.
    @Test func attributeValuesSurviveNormalisation() throws {
        let yaml = """
            format: 1
            name: ids
            areas: [{id: a, name: A}]
            roles:
              - {id: "two\\nlines\\tand tab", name: X, area: a}
              - {id: y, name: Y, area: a}
            relations:
              - {kind: stakeholder, from: "two\\nlines\\tand tab", to: y}
            """
        let graph = try RoleGraph.parse(yaml)
        let reader = GraphMLReader(GraphMLWriter().write(graph))
        #expect(reader.nodes.first?.attributes["id"] == "two\nlines\tand tab")
        #expect(reader.edges.first?.attributes["source"] == "two\nlines\tand tab")
    }
}
