import Testing
@testable import RoleGraphAlgorithms
import RoleGraphTestSupport

@Suite struct CSRGraphTests {
    @Test func groupsEdgesBySourceKeepingInputOrder() {
        let g = CSRGraph(vertexCount: 3, edges: [
            WeightedEdge(2, 0, weight: 5), WeightedEdge(0, 2, weight: 1), WeightedEdge(0, 1, weight: 2),
        ])
        #expect(g.offsets == [0, 2, 2, 3])
        #expect(g.targets == [2, 1, 0])
        #expect(g.weights == [1, 2, 5])
        #expect(g.edgeIDs == [1, 2, 0])
    }

    @Test func reversedKeepsEdgeIDs() {
        let g = CSRGraph(vertexCount: 3, edges: [WeightedEdge(0, 1), WeightedEdge(0, 2), WeightedEdge(1, 2)])
        let r = g.reversed()
        #expect(r.offsets == [0, 0, 1, 3])
        #expect(r.targets == [0, 0, 1])
        #expect(r.edgeIDs == [0, 1, 2])
    }

    @Test func symmetrizedMergesParallelAndOppositeEdges() {
        let g = CSRGraph(vertexCount: 3, edges: [
            WeightedEdge(0, 1, weight: 1), WeightedEdge(1, 0, weight: 2), WeightedEdge(0, 1, weight: 0.5),
            WeightedEdge(2, 1, weight: 4),
        ])
        let s = g.symmetrized()
        #expect(s.offsets == [0, 1, 3, 4])
        #expect(s.targets == [1, 0, 2, 1])
        #expect(s.weights == [3.5, 3.5, 4, 4])
    }

    @Test func unweightedKeepsTheEdgesAndWhetherTheGraphIsKnownSymmetric() {
        let g = CSRGraph(vertexCount: 3, edges: [
            WeightedEdge(0, 1, weight: 1), WeightedEdge(1, 0, weight: 2), WeightedEdge(2, 1, weight: 4),
        ])
        #expect(!g.isKnownSymmetric && !g.unweighted().isKnownSymmetric)
        let simple = g.symmetrized().unweighted()
        #expect(simple.isKnownSymmetric)
        #expect(simple.offsets == [0, 1, 3, 4])
        #expect(simple.targets == [1, 0, 2, 1])
        #expect(simple.weights == [1, 1, 1, 1])
    }
}
