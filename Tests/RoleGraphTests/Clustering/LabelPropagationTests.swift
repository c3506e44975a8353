import Testing
@testable import RoleGraph

@Suite struct LabelPropagationTests {
    @Test func recoversARingOfCliques() {
        let graph = ClusteringFixtures.ringOfCliques(cliques: 8, size: 6)
        let planted = Partition(labels: (0 ..< 48).map { $0 / 6 })
        for seed in 0 ..< UInt64(10) {
            var rng = ClusteringTestRNG(seed: seed)
            #expect(graph.labelPropagationCommunities(using: &rng) == planted, "seed \(seed)")
        }
    }

    @Test func sameSeedSamePartition() {
        var graphRNG = ClusteringTestRNG(seed: 8)
        let graph = ClusteringFixtures.stochasticBlockModel(blocks: 5, size: 20, pIn: 0.2, pOut: 0.05, rng: &graphRNG)
        var a = ClusteringTestRNG(seed: 4), b = ClusteringTestRNG(seed: 4)
        #expect(graph.labelPropagationCommunities(using: &a) == graph.labelPropagationCommunities(using: &b))
    }

    @Test func stopsAtTheMajorityCriterion() {
        // At the end every vertex holds a label of maximal weight among its neighbours.
        for seed in 0 ..< UInt64(20) {
            var rng = ClusteringTestRNG(seed: seed)
            let edges = ClusteringFixtures.randomEdges(vertexCount: 40, p: 0.1, maxWeight: 3, rng: &rng)
            let graph = CSRGraph(vertexCount: 40, edges: edges).symmetrized()
            let p = graph.labelPropagationCommunities(maxIterations: 1000, using: &rng)
            for v in 0 ..< Int32(40) where graph.outDegree(of: v) > 0 {
                var weight: [Int32: Double] = [:]
                for e in graph.edgeRange(of: v) { weight[p.community(of: graph.targets[e]), default: 0] += graph.weights[e] }
                #expect(weight[p.community(of: v), default: 0] == weight.values.max(), "seed \(seed) vertex \(v)")
            }
        }
    }

    @Test func isolatedVerticesStayAloneAndWeightsDecide() {
        // Vertex 2 has a heavy edge to 3 and two light edges to 0 and 1 (which share a label
        // from their own strong edge): weight, not count, decides.
        let g = CSRGraph(vertexCount: 5, edges: [
            WeightedEdge(0, 1, weight: 10), WeightedEdge(2, 0, weight: 1), WeightedEdge(2, 1, weight: 1),
            WeightedEdge(2, 3, weight: 5),
        ]).symmetrized()
        for seed in 0 ..< UInt64(10) {
            var rng = ClusteringTestRNG(seed: seed)
            let p = g.labelPropagationCommunities(using: &rng)
            #expect(p.community(of: 0) == p.community(of: 1))
            #expect(p.community(of: 2) == p.community(of: 3))
            #expect(p.size(of: p.community(of: 4)) == 1)
        }
    }
}
