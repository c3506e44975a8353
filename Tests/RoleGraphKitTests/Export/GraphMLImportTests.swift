import Testing
@testable import RoleGraphKit
import RoleGraphTestSupport

/// GraphML from other tools: a file NetworkX wrote (Tests/Fixtures/graphml/make_networkx.py
/// makes it), and files written by hand in the forms yEd and Gephi save. Each is checked against
/// what its source says, fact by fact.
@Suite struct GraphMLImportTests {
    @Test func networkXFileLoadsWithTheAttributesWeKnow() throws {
        let graph = try RoleGraph.load(contentsOf: Fixtures.path("graphml/networkx.graphml"))
        #expect(graph.name == "Team moves (NetworkX)")
        #expect(graph.roles.map(\.id) == ["analyst", "scientist", "mle", "researcher"])
        #expect(graph.roles.map(\.name) == ["Data Analyst", "Data Scientist", "ML Engineer", "researcher"])
        #expect(graph.roles.map(\.area) == ["insights", "insights", "models", "unassigned"])
        #expect(graph.areas.map(\.id) == ["insights", "models", "unassigned"])
        let analyst = try #require(graph.role("analyst"))
        #expect(analyst.titles == ["Analyst", "BI Analyst"])
        #expect(analyst.entryLevel == true)  // NetworkX writes Python's `True`
        #expect(graph.role("scientist")?.prevalence == .common)
        #expect(graph.role("mle")?.stays == 12)
        #expect(graph.relations == [
            Relation(kind: .transition, from: "analyst", to: "scientist", effort: 3, count: 40, note: "More statistics"),
            Relation(kind: .transition, from: "scientist", to: "mle", effort: 2.5),
            Relation(kind: .stakeholder, from: "scientist", to: "analyst"),
            Relation(kind: .collaboration, from: "mle", to: "scientist"),
            Relation(kind: .transition, from: "mle", to: "researcher", effort: 1),
        ])
    }

    @Test func undirectedNetworkXEdgesAreMovesBothWays() throws {
        let graph = try RoleGraph.load(contentsOf: Fixtures.path("graphml/networkx-undirected.graphml"))
        #expect(graph.relations.map { "\($0.from)>\($0.to)" } == ["a>b", "b>a", "b>c", "c>b"])
        #expect(graph.relations.allSatisfy { $0.kind == .transition && $0.effort == 1 })
        #expect(graph.name == "Imported graph")
    }

    @Test func yEdNodeLabelsNameTheRoles() throws {
        let graph = try RoleGraph.load(contentsOf: Fixtures.path("graphml/yed.graphml"))
        #expect(graph.roles.map(\.id) == ["n0", "n1", "n2"])
        #expect(graph.roles.map(\.name) == ["Data Analyst", "Data & ML Scientist", "Analytics Engineer"])
        #expect(graph.relations.map { "\($0.from)>\($0.to)" } == ["n0>n1", "n0>n2"])
        #expect(graph.relations.allSatisfy { $0.kind == .transition })
    }

    @Test func gephiLabelsNameTheRolesAndAnUndirectedEdgeGoesBothWays() throws {
        let graph = try RoleGraph.load(contentsOf: Fixtures.path("graphml/gephi.graphml"))
        #expect(graph.roles.map(\.name) == ["Backend Engineer", "Data Platform Engineer", "Infrastructure Engineer"])
        #expect(graph.roles.map(\.area) == ["systems", "systems", "unassigned"])
        // Gephi's weight is not an effort: every move costs the default 1.
        #expect(graph.relations.map { "\($0.from)>\($0.to)" } == ["0>1", "1>2", "2>1"])
        #expect(graph.relations.allSatisfy { $0.effort == 1 })
    }

    @Test func aDTDIsRefusedBeforeParsing() {
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
            <graphml><graph><node id="&lol2;"/></graph></graphml>
            """
        #expect {
            try RoleGraph.parse(text, format: .graphml, file: "bomb.graphml")
        } throws: { error in
            "\(error)".contains("bomb.graphml:2") && "\(error)".contains("DTD")
        }
    }

    @Test func malformedXMLIsReportedAtItsLine() {
        #expect {
            try RoleGraph.parse("<graphml>\n<graph>\n<node id='a'>\n</graph></graphml>", format: .graphml, file: "bad.graphml")
        } throws: { error in
            "\(error)".contains("bad.graphml:") && "\(error)".contains("not well-formed XML")
        }
    }

    @Test func anUnknownReferenceIsAValidationError() {
        let text = """
            <graphml><key id="k" for="edge" attr.name="kind"/><graph edgedefault="directed">
            <node id="a"/><edge source="a" target="b"><data key="k">transition</data></edge></graph></graphml>
            """
        #expect {
            try RoleGraph.parse(text, format: .graphml, file: "x.graphml")
        } throws: { error in
            "\(error)".contains("'b'")
        }
    }

    @Test func listsSplitOnUnescapedSemicolons() {
        #expect(RoleGraphKit.GraphMLReader.splitList("a; b\\; c;d\\\\") == ["a", "b; c", "d\\"])
        #expect(RoleGraphKit.GraphMLReader.splitList("") == [])
        #expect(GraphMLWriter.list(["x;y", "z\\"]) == "x\\;y; z\\\\")
        #expect(RoleGraphKit.GraphMLReader.splitList(GraphMLWriter.list(["x;y", "z\\", " w"])) == ["x;y", "z\\", " w"])
    }
}

/// Node-link JSON from other tools, and the dispatch between it and format-1 JSON.
@Suite struct NodeLinkImportTests {
    @Test func networkXNodeLinkDataLoads() throws {
        // As `json.dumps(nx.node_link_data(g, edges="links"))` writes a DiGraph.
        let text = """
            {"directed": true, "multigraph": false, "graph": {"name": "nx"},
             "nodes": [{"id": "a", "label": "Alpha"}, {"id": 7}],
             "links": [{"source": "a", "target": 7, "weight": 2}]}
            """
        let graph = try RoleGraph.parse(text, format: .json, file: "nx.json")
        #expect(graph.name == "nx")
        #expect(graph.roles.map(\.id) == ["a", "7"])
        #expect(graph.roles.map(\.name) == ["Alpha", "7"])
        #expect(graph.relations == [Relation(kind: .transition, from: "a", to: "7", effort: 1)])
    }

    @Test func aFormatOneJSONFileIsStillReadAsOne() throws {
        let text = """
            {"format": 1, "name": "g", "areas": [{"id": "x", "name": "X"}],
             "roles": [{"id": "a", "name": "A", "area": "x", "summary": "has \\"nodes\\" and \\"links\\" in it"}]}
            """
        let graph = try RoleGraph.parse(text, format: .json)
        #expect(graph.roles.map(\.summary) == ["has \"nodes\" and \"links\" in it"])
    }

    @Test func aNodeLinkFileMentioningRolesIsStillNodeLink() throws {
        let text = """
            {"nodes": [{"id": "a", "titles": ["roles"]}, {"id": "b"}], "links": [{"source": "a", "target": "b", "note": "\\"roles\\""}]}
            """
        let graph = try RoleGraph.parse(text, format: .json)
        #expect(graph.roles.map(\.titles) == [["roles"], []])
        #expect(graph.relations.map(\.note) == ["\"roles\""])
    }

    @Test func aBadLinkIsReportedAtItsLineAndColumn() {
        let text = """
            {"nodes": [{"id": "a"}],
             "links": [{"source": "a"}]}
            """
        #expect {
            try RoleGraph.parse(text, format: .json, file: "b.json")
        } throws: { error in
            "\(error)".contains("b.json:2:") && "\(error)".contains("target")
        }
    }
}
