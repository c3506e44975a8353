import Testing
@testable import RoleGraphAlgorithms
import RoleGraphTestSupport

@Suite struct DegreeCentralityTests {
    // 0→1 (2), 0→2 (1), 2→1 (4), 1→1 loop (3).
    static let graph = CSRGraph(vertexCount: 4, edges: [
        WeightedEdge(0, 1, weight: 2), WeightedEdge(0, 2, weight: 1), WeightedEdge(2, 1, weight: 4),
        WeightedEdge(1, 1, weight: 3),
    ])

    @Test func countsByDirection() {
        #expect(Self.graph.degreeCentrality(.outgoing) == [2, 1, 1, 0])
        #expect(Self.graph.degreeCentrality(.incoming) == [0, 3, 1, 0])
        #expect(Self.graph.degreeCentrality(.total) == [2, 4, 2, 0])
    }

    @Test func weightedSumsWeights() {
        #expect(Self.graph.degreeCentrality(.outgoing, weighted: true) == [3, 3, 4, 0])
        #expect(Self.graph.degreeCentrality(.incoming, weighted: true) == [0, 9, 1, 0])
        #expect(Self.graph.degreeCentrality(.total, weighted: true) == [3, 12, 5, 0])
    }

    @Test func normalizedDividesByNMinusOne() {
        let third: Double = 1.0 / 3
        #expect(Self.graph.degreeCentrality(.outgoing, normalized: true) == [2 * third, third, third, 0])
        // An undirected star read through its symmetric form: the centre touches everyone.
        let star = CSRGraph(vertexCount: 4, edges: (1 ... 3).map { WeightedEdge(0, Int32($0)) }).symmetrized()
        #expect(star.degreeCentrality(.outgoing, normalized: true) == [1, third, third, third])
        #expect(CSRGraph(vertexCount: 1, edges: [WeightedEdge]()).degreeCentrality(normalized: true) == [0])
    }
}
