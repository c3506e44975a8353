import Testing
@testable import RoleGraphKit

/// GraphML from Gephi and NetworkX: `weight` (and the edge lists' other count names) is a
/// transition's count, parallel edges with counts are summed and a self-loop with a count is the
/// role's stayers, as in an edge list.
@Suite struct GraphMLCountTests {
    private func load(_ text: String, strict: Bool = false) throws -> GraphLoadResult {
        var options = GraphLoadOptions()
        options.strict = strict
        return try RoleGraph.parse(bytes: Array(text.utf8), format: .graphml, file: "g.graphml", options: options)
    }

    private func messages(_ text: String, strict: Bool = false) -> [String] {
        do {
            _ = try load(text, strict: strict)
            return []
        } catch {
            guard let error = error as? GraphLoadError, case .invalid(let diagnostics) = error else { return ["\(error)"] }
            return diagnostics.map(\.description)
        }
    }

    private func graphML(key: String, edges: [(String, String, String)]) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
        <key attr.name="\(key)" attr.type="double" for="edge" id="w"/>
        <graph edgedefault="directed">
        <node id="a"/><node id="b"/><node id="c"/>
        \(edges.map { "<edge source=\"\($0.0)\" target=\"\($0.1)\"><data key=\"w\">\($0.2)</data></edge>" }.joined(separator: "\n"))
        </graph>
        </graphml>
        """
    }

    @Test(arguments: ["weight", "n", "moves", "transitions", "flow", "count"])
    func aCountAliasIsTheCount(_ key: String) throws {
        let result = try load(graphML(key: key, edges: [("a", "b", "12.0"), ("a", "c", "3")]))
        #expect(result.graph.relations.map(\.count) == [12, 3])
        #expect(result.graph.relations.map(\.effort) == [1, 1])
        #expect(result.edgeListSummary == nil)
    }

    @Test func aBadWeightIsAnErrorNamingTheKey() {
        let found = messages(graphML(key: "weight", edges: [("a", "b", "many")]))
        #expect(found.count == 1 && found[0].hasSuffix(": invalid weight 'many': not a number"), "\(found)")
    }

    @Test func parallelEdgesAreSummedAndSelfLoopsAreStayers() throws {
        let result = try load(graphML(key: "count", edges: [("a", "b", "3"), ("a", "b", "4"), ("a", "a", "9"), ("b", "c", "1"), ("a", "a", "1")]))
        #expect(result.graph.relations.map { "\($0.from)>\($0.to)=\($0.count ?? -1)" } == ["a>b=7.0", "b>c=1.0"])
        #expect(result.graph.roles.map(\.stays) == [10, nil, nil])
        #expect(result.edgeListSummary?.message == "g.graphml: aggregated 1 repeated row, 2 self-moves kept as stayers")
    }

    @Test func strictRefusesParallelEdgesAndSelfLoops() {
        let text = messages(graphML(key: "count", edges: [("a", "b", "3"), ("a", "b", "4"), ("c", "c", "1")]), strict: true).joined(separator: "\n")
        #expect(text.contains("duplicate transition relation 'a' → 'b'"), "\(text)")
        #expect(text.contains("transition relation from 'c' to itself"), "\(text)")
    }

    @Test func parallelEdgesThatDisagreeBesidesTheCountStayAnError() {
        let text = """
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
        <key attr.name="count" for="edge" id="c"/><key attr.name="note" for="edge" id="n"/>
        <graph edgedefault="directed"><node id="a"/><node id="b"/>
        <edge source="a" target="b"><data key="c">1</data><data key="n">x</data></edge>
        <edge source="a" target="b"><data key="c">2</data><data key="n">y</data></edge>
        </graph></graphml>
        """
        #expect(throws: GraphLoadError.self) { try load(text) }
    }
}
