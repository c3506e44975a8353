import Testing
@testable import RoleGraphAlgorithms
import RoleGraphTestSupport

/// Leiden's refinement on its own: the scale of its randomness, where its clusters lie, and that
/// threads do not change it.
@Suite struct LeidenRefinementTests {
    /// Vertex 0 has an edge of weight 2 to vertex 1 and of weight 1 to vertex 2; 1 and 2 have
    /// the same degree (each also reaches vertex 3). Visited first, 0 gains about 2 edges by
    /// joining {1}, about 1 by joining {2} and 0 by staying alone, all in one community. A path
    /// of 1,000 more edges, a community of its own, makes m large, so that the same gains in
    /// modularity (gain / m) would differ by only 0.001.
    static let fork: CommunityGraph = {
        var edges = [WeightedEdge(0, 1, weight: 2), WeightedEdge(0, 2, weight: 1),
                     WeightedEdge(1, 3, weight: 1), WeightedEdge(2, 3, weight: 2)]
        for v in Int32(4) ..< 1_004 { edges.append(WeightedEdge(v, v + 1)) }
        return CommunityGraph(CSRGraph(vertexCount: 1_005, edges: edges).symmetrized())
    }()

    /// Whom vertex 0 ends up with, refined with `randomness` from `seed`: 1, 2, or 0 (neither).
    static func partnerOfVertex0(randomness: Double, seed: UInt64) -> Int {
        var rng = ClusteringTestRNG(seed: seed)
        let community = (0 ..< 1_005).map { Int32($0 < 4 ? 0 : 1) }
        let (clusters, _) = LeidenRefinement.refine(
            graph: fork, community: community, communityDegree: [12, fork.totalDegree - 12],
            order: (0 ..< 1_005).map { Int32($0) }, resolution: 1, randomness: randomness, using: &rng)
        return clusters[0] == clusters[1] ? 1 : clusters[0] == clusters[2] ? 2 : 0
    }

    /// θ weighs gains in edge weight (as the reference implementation and igraph do): at the
    /// default 0.01 a merge one edge better is e¹⁰⁰ times likelier, so 0 always joins {1}.
    @Test func defaultRandomnessPicksTheMergeOneEdgeBetter() {
        for seed in 0 ..< UInt64(200) {
            #expect(Self.partnerOfVertex0(randomness: 0.01, seed: seed) == 1, "seed \(seed)")
        }
    }

    /// A large θ makes every admissible choice about equally likely: 0 joins {1}, {2} or stays
    /// alone with chance 1/3 each, and a vertex visited later may still join 0's cluster, so
    /// each outcome is common, and none certain.
    @Test func largeRandomnessSpreadsTheChoice() {
        var counts = [0, 0, 0]
        for seed in 0 ..< UInt64(300) { counts[Self.partnerOfVertex0(randomness: 1e6, seed: seed)] += 1 }
        #expect(counts.allSatisfy { $0 >= 30 }, "\(counts)")
    }

    /// θ = 0 is greedy: the best merge, every time.
    @Test func zeroRandomnessIsGreedy() {
        for seed in 0 ..< UInt64(20) {
            #expect(Self.partnerOfVertex0(randomness: 0, seed: seed) == 1, "seed \(seed)")
        }
    }

    /// Gains equal up to rounding (0.1 + 0.2 against 0.3) under the tiniest θ: the one a hair
    /// above the best counts as equal to it, so no weight becomes infinite (which would stop the
    /// draw on its precondition), and 0 joins one of the two.
    @Test func tinyRandomnessWithRoundingTiesDrawsFinitely() {
        let graph = CommunityGraph(CSRGraph(vertexCount: 4, edges: [
            WeightedEdge(0, 1, weight: 0.3), WeightedEdge(0, 2, weight: 0.1), WeightedEdge(0, 2, weight: 0.2),
            WeightedEdge(1, 3, weight: 1), WeightedEdge(2, 3, weight: 1),
        ]).symmetrized())
        for seed in 0 ..< UInt64(20) {
            var rng = ClusteringTestRNG(seed: seed)
            let (clusters, _) = LeidenRefinement.refine(
                graph: graph, community: [0, 0, 0, 0], communityDegree: [graph.totalDegree], order: [0, 1, 2, 3],
                resolution: 1, randomness: .leastNonzeroMagnitude, using: &rng)
            #expect(clusters[0] == clusters[1] || clusters[0] == clusters[2], "seed \(seed)")
        }
    }

    static func refined(_ graph: CommunityGraph, seed: UInt64, threads: Int) -> (community: [Int32], clusters: [Int32]) {
        var rng = ClusteringTestRNG(seed: seed)
        let n = graph.vertexCount
        var moving = LocalMoving(graph: graph, initial: (0 ..< n).map { Int32($0) })
        var acc = NeighbourWeights(capacity: n)
        _ = moving.run(graph: graph, order: CommunityDetection.randomPermutation(n, using: &rng),
                       resolution: 1, accumulator: &acc,
                       parallel: ParallelPolicy(threads: 1, minimumVertices: .max, batchSize: 1))
        let (community, count) = Partition.relabelled(moving.community, labelBound: n)
        var degree = [Double](repeating: 0, count: count)
        for v in 0 ..< n { degree[Int(community[v])] += graph.degrees[v] }
        var policy = ParallelPolicy(threads: threads, minimumVertices: .max, batchSize: 1)
        policy.minimumRefinementEdges = 0
        let (clusters, _) = LeidenRefinement.refine(
            graph: graph, community: community, communityDegree: degree,
            order: CommunityDetection.randomPermutation(n, using: &rng),
            resolution: 1, randomness: seed % 3 == 0 ? 0 : 0.01, parallel: policy, using: &rng)
        return (community, clusters)
    }

    /// Communities are refined independently, each from its own generator: one, two or three
    /// threads give the same clusters.
    @Test func threadsDoNotChangeTheRefinement() {
        for seed in 0 ..< UInt64(60) {
            let graph = CommunityGraph(ParallelClusteringTests.randomGraph(seed: seed))
            let results = [1, 2, 3].map { Self.refined(graph, seed: seed, threads: $0).clusters }
            #expect(results[0] == results[1] && results[1] == results[2], "seed \(seed)")
        }
    }

    /// Every refined cluster lies inside one community and is connected through its own edges of
    /// positive weight (checked by a search restricted to the cluster).
    @Test func clustersAreConnectedPiecesOfCommunities() {
        for seed in 0 ..< UInt64(60) {
            let graph = CommunityGraph(ParallelClusteringTests.randomGraph(seed: seed))
            let (community, clusters) = Self.refined(graph, seed: seed, threads: 2)
            var communityOfCluster: [Int32: Int32] = [:]
            var members: [Int32: [Int]] = [:]
            for v in 0 ..< graph.vertexCount {
                #expect(communityOfCluster[clusters[v], default: community[v]] == community[v], "seed \(seed)")
                communityOfCluster[clusters[v]] = community[v]
                members[clusters[v], default: []].append(v)
            }
            for (c, vertices) in members {
                var seen: Set<Int> = [vertices[0]]
                var stack = [vertices[0]]
                while let v = stack.popLast() {
                    for e in graph.offsets[v] ..< graph.offsets[v + 1] where graph.weights[e] > 0 {
                        let t = Int(graph.targets[e])
                        if clusters[t] == c && seen.insert(t).inserted { stack.append(t) }
                    }
                }
                #expect(seen.count == vertices.count, "seed \(seed): cluster \(c) is not connected")
            }
        }
    }
}
