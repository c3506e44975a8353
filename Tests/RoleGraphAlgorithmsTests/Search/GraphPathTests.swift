import Testing
@testable import RoleGraphAlgorithms
import RoleGraphTestSupport

@Suite struct GraphPathTests {
    func path(_ vertices: [Int32], _ edges: [Int32], cost: Double) -> GraphPath {
        GraphPath(vertices: vertices, edgePositions: edges, edgeIDs: edges, cost: cost)
    }

    @Test func orderIsCostThenHopsThenVerticesThenEdges() {
        #expect(path([0, 5, 1], [0, 1], cost: 1) < path([0, 1], [0], cost: 2))
        #expect(path([0, 1], [3], cost: 2) < path([0, 0, 1], [0, 1], cost: 2))
        #expect(path([0, 1, 9], [0, 1], cost: 2) < path([0, 2, 3], [0, 1], cost: 2))
        #expect(path([0, 1, 2], [0, 4], cost: 2) < path([0, 1, 2], [1, 2], cost: 2))
        #expect(!(path([0, 1], [0], cost: 2) < path([0, 1], [0], cost: 2)))
    }

    @Test func buildsFromEdgePositions() {
        let g = graph(5, [(0, 1, 1), (0, 2, 4), (1, 2, 2), (1, 3, 6), (2, 3, 3)])
        // Positions 0 (0→1), 2 (1→2), 4 (2→3).
        let p = GraphPath(source: 0, edgePositions: [0, 2, 4], in: g)
        #expect(p.vertices == [0, 1, 2, 3])
        #expect(p.edgeIDs == [0, 2, 4])
        #expect(p.cost == 6)
        #expect(p.hops == 3)
        #expect(p.source == 0 && p.target == 3)
        #expect(p.isSimple)
        #expect(p.contains(2) && !p.contains(4))
        #expect(p.description == "0 → 1 → 2 → 3 (cost 6.0)")
    }
}
