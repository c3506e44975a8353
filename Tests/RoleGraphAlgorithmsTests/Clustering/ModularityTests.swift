import Testing
@testable import RoleGraphAlgorithms
import RoleGraphTestSupport

@Suite struct ModularityTests {
    /// Newman–Girvan modularity straight from its definition, on a dense matrix:
    /// Q = 1/2m Σ_ij (A_ij − γ k_i k_j / 2m) δ(c_i, c_j), with a self-loop of weight w as A_ii = 2w.
    static func bruteForceModularity(_ graph: CSRGraph, _ community: [Int32], resolution: Double) -> Double {
        let n = graph.vertexCount
        var a = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for e in graph.edges {
            let (i, j) = (Int(e.source), Int(e.target))
            a[i][j] += i == j ? 2 * e.weight : e.weight
        }
        let k = a.map { $0.reduce(0, +) }
        let twoM = k.reduce(0, +)
        var q = 0.0
        for i in 0 ..< n {
            for j in 0 ..< n where community[i] == community[j] {
                q += a[i][j] - resolution * k[i] * k[j] / twoM
            }
        }
        return q / twoM
    }

    @Test(arguments: 0 ..< UInt64(40))
    func matchesTheDefinitionOnRandomGraphsAndPartitions(seed: UInt64) {
        var rng = ClusteringTestRNG(seed: seed)
        let n = 2 + rng.int(30)
        let edges = ClusteringFixtures.randomEdges(vertexCount: n, p: 0.05 + 0.3 * rng.unit(), maxWeight: 5,
                                                   selfLoops: seed % 3 == 0, rng: &rng)
        let graph = CSRGraph(vertexCount: n, edges: edges).symmetrized()
        guard graph.edgeCount > 0 else { return }
        for resolution in [1.0, 0.5, 2.3] {
            let p = ClusteringFixtures.randomPartition(vertexCount: n, labels: 1 + rng.int(6), rng: &rng)
            let expected = Self.bruteForceModularity(graph, p.communityOfVertex, resolution: resolution)
            let reported = graph.modularity(of: p, resolution: resolution)
            #expect(abs(reported - expected) < 1e-12, "seed \(seed), γ \(resolution)")
            // The internal working graph (self-loops split out) must agree too.
            let working = CommunityGraph(graph).modularity(of: p.communityOfVertex, resolution: resolution)
            #expect(abs(working - expected) < 1e-12)
        }
    }

    @Test func selfLoopsFollowNetworkx() {
        // networkx: G.add_edge(0,0,weight=2); G.add_edge(0,1,weight=1); G.add_edge(1,1,weight=6)
        // m = 9, k = (5, 13): Q({0},{1}) = 2/9 − (5/18)² + 6/9 − (13/18)² = 0.290123…; one
        // community holds everything: 9/9 − 1 = 0.
        let g = CSRGraph(vertexCount: 2, edges: [
            WeightedEdge(0, 0, weight: 2), WeightedEdge(0, 1, weight: 1), WeightedEdge(1, 1, weight: 6),
        ]).symmetrized()
        #expect(abs(g.modularity(of: .singletons(vertexCount: 2)) - 0.2901234567901234) < 1e-15)
        #expect(abs(g.modularity(of: .whole(vertexCount: 2))) < 1e-15)
    }

    @Test func weightedTrianglePairWithResolution() {
        // Values from networkx.community.modularity on the same graph.
        let g = CSRGraph(vertexCount: 6, edges: [
            WeightedEdge(0, 1, weight: 1), WeightedEdge(1, 2, weight: 2), WeightedEdge(2, 0, weight: 1),
            WeightedEdge(2, 3, weight: 0.5), WeightedEdge(3, 4, weight: 3), WeightedEdge(4, 5, weight: 1),
            WeightedEdge(5, 3, weight: 1),
        ]).symmetrized()
        let p = Partition(labels: [0, 0, 0, 1, 1, 1])
        #expect(abs(g.modularity(of: p) - 0.4418282548476453) < 1e-12)
        #expect(abs(g.modularity(of: p, resolution: 1.7) - 0.08795013850415517) < 1e-12)
    }

    @Test func isInvariantUnderVertexRenumberingAndEdgeOrder() {
        var rng = ClusteringTestRNG(seed: 5)
        let n = 25
        let edges = ClusteringFixtures.randomEdges(vertexCount: n, p: 0.2, maxWeight: 3, rng: &rng)
        let labels = (0 ..< n).map { _ in rng.int(4) }
        let q = CSRGraph(vertexCount: n, edges: edges).symmetrized().modularity(of: Partition(labels: labels))
        var perm = Array(0 ..< n)
        perm.shuffle(using: &rng)
        var moved = edges.map { WeightedEdge(Int32(perm[Int($0.source)]), Int32(perm[Int($0.target)]), weight: $0.weight) }
        moved.shuffle(using: &rng)
        var movedLabels = [Int](repeating: 0, count: n)
        for v in 0 ..< n { movedLabels[perm[v]] = labels[v] }
        let q2 = CSRGraph(vertexCount: n, edges: moved).symmetrized().modularity(of: Partition(labels: movedLabels))
        #expect(abs(q - q2) < 1e-12)
    }

    @Test func emptyGraphHasModularityZero() {
        let g = CSRGraph(vertexCount: 3, edges: [WeightedEdge]())
        #expect(g.modularity(of: .singletons(vertexCount: 3)) == 0)
    }
}
