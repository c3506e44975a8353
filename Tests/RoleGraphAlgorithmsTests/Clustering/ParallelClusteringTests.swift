import Testing
@testable import RoleGraphAlgorithms
import RoleGraphTestSupport

/// The batched, multi-threaded paths of Louvain and Leiden, forced onto small graphs with tiny
/// batches so that stale proposals, re-evaluations and empty communities all happen, and (as on
/// every large graph) with the graph renumbered into its first visiting order.
@Suite struct ParallelClusteringTests {
    static func policy(threads: Int, batch: Int) -> ParallelPolicy {
        ParallelPolicy(threads: threads, minimumVertices: 0, batchSize: batch, minimumEdges: 0,
                       minimumRefinementEdges: 0, minimumRenumberVertices: 0)
    }

    static func randomGraph(seed: UInt64) -> CSRGraph {
        var rng = ClusteringTestRNG(seed: seed)
        if rng.int(2) == 0 {
            let blocks = 2 + rng.int(5)
            return ClusteringFixtures.stochasticBlockModel(blocks: blocks, size: 4 + rng.int(12),
                                                          pIn: 0.3 + rng.unit() * 0.4, pOut: 0.02 + rng.unit() * 0.08, rng: &rng)
        }
        let n = 3 + rng.int(70)
        let edges = ClusteringFixtures.randomEdges(vertexCount: n, p: 0.03 + rng.unit() * 0.15,
                                                   maxWeight: 1 + rng.int(4), selfLoops: rng.int(3) == 0, rng: &rng)
        return CSRGraph(vertexCount: n, edges: edges).symmetrized()
    }

    /// The number of threads changes nothing: proposals are made from a frozen state and
    /// applied in queue order by one thread.
    @Test(arguments: CommunityDetectionTests.methods)
    func threadsDoNotChangeTheResult(method: CommunityDetectionOptions.Method) {
        for seed in 0 ..< UInt64(60) {
            let graph = Self.randomGraph(seed: seed)
            let options = CommunityDetectionOptions(method: method)
            var results: [Partition] = []
            for threads in [1, 2, 3] {
                var rng = ClusteringTestRNG(seed: seed)
                results.append(graph.communities(options, using: &rng, parallel: Self.policy(threads: threads, batch: 5)))
            }
            #expect(results[0] == results[1] && results[1] == results[2], "seed \(seed)")
        }
    }

    /// The same with batches larger than a parallel step's slice (64 vertices), on graphs of 400
    /// vertices, so that two or three threads really share each batch (with batches of 5 the
    /// weighing never leaves one thread).
    @Test(arguments: CommunityDetectionTests.methods)
    func threadsSharingBatchesDoNotChangeTheResult(method: CommunityDetectionOptions.Method) {
        for seed in 0 ..< UInt64(6) {
            var graphRNG = ClusteringTestRNG(seed: seed)
            let graph = ClusteringFixtures.stochasticBlockModel(blocks: 8, size: 50, pIn: 0.12, pOut: 0.01,
                                                               rng: &graphRNG)
            var results: [Partition] = []
            for threads in [1, 2, 3] {
                var rng = ClusteringTestRNG(seed: seed)
                results.append(graph.communities(CommunityDetectionOptions(method: method), using: &rng,
                                                 parallel: Self.policy(threads: threads, batch: 130)))
            }
            #expect(results[0] == results[1] && results[1] == results[2], "seed \(seed)")
        }
    }

    static func localMoving(_ graph: CommunityGraph, seed: UInt64, parallel: ParallelPolicy) -> LocalMoving {
        let n = graph.vertexCount
        var rng = ClusteringTestRNG(seed: seed)
        var moving = LocalMoving(graph: graph, initial: (0 ..< n).map { Int32($0) })
        var acc = NeighbourWeights(capacity: n)
        _ = moving.run(graph: graph, order: CommunityDetection.randomPermutation(n, using: &rng),
                       resolution: 1, accumulator: &acc, parallel: parallel)
        return moving
    }

    /// With batches of one vertex nothing is ever stale, so the batched path must make exactly
    /// the sequential algorithm's moves.
    @Test func batchesOfOneAreTheSequentialAlgorithm() {
        for seed in 0 ..< UInt64(80) {
            let graph = CommunityGraph(Self.randomGraph(seed: seed))
            let sequential = Self.localMoving(graph, seed: seed,
                                              parallel: ParallelPolicy(threads: 1, minimumVertices: .max, batchSize: 1))
            let batched = Self.localMoving(graph, seed: seed, parallel: Self.policy(threads: 2, batch: 1))
            #expect(batched.community == sequential.community, "seed \(seed)")
        }
    }

    /// With larger batches, the bookkeeping (community degrees and sizes, the free communities)
    /// still matches the partition, every applied move raised modularity, and the optima found
    /// are as good as the sequential ones on average.
    @Test(arguments: [3, 16])
    func largerBatchesKeepTheirBooksAndTheirQuality(batch: Int) {
        var batchedTotal = 0.0, sequentialTotal = 0.0
        for seed in 0 ..< UInt64(80) {
            let graph = CommunityGraph(Self.randomGraph(seed: seed))
            guard graph.totalDegree > 0 else { continue }
            let n = graph.vertexCount
            let moving = Self.localMoving(graph, seed: seed, parallel: Self.policy(threads: 2, batch: batch))
            var degree = [Double](repeating: 0, count: n), size = [Int32](repeating: 0, count: n)
            for v in 0 ..< n {
                degree[Int(moving.community[v])] += graph.degrees[v]
                size[Int(moving.community[v])] += 1
            }
            #expect(size == moving.communitySize, "seed \(seed)")
            #expect(zip(degree, moving.communityDegree).allSatisfy { abs($0 - $1) < 1e-9 }, "seed \(seed)")
            #expect(Set(moving.emptyCommunities) == Set((0 ..< n).filter { size[$0] == 0 }.map { Int32($0) }),
                    "seed \(seed)")
            let q = graph.modularity(of: moving.community, resolution: 1)
            #expect(q >= graph.modularity(of: (0 ..< n).map { Int32($0) }, resolution: 1) - 1e-12, "seed \(seed)")
            batchedTotal += q
            let sequential = Self.localMoving(graph, seed: seed,
                                              parallel: ParallelPolicy(threads: 1, minimumVertices: .max, batchSize: 1))
            sequentialTotal += graph.modularity(of: sequential.community, resolution: 1)
        }
        #expect(batchedTotal >= sequentialTotal * 0.98, "batched \(batchedTotal) vs sequential \(sequentialTotal)")
    }

    /// Splitting the aggregation over threads gives exactly the sequential graph.
    @Test func parallelAggregationEqualsSequential() {
        for seed in 0 ..< UInt64(40) {
            let graph = CommunityGraph(Self.randomGraph(seed: seed))
            var rng = ClusteringTestRNG(seed: seed)
            let clusters = Partition(labels: (0 ..< graph.vertexCount).map { _ in rng.int(graph.vertexCount / 3 + 1) })
            var acc = NeighbourWeights(capacity: graph.vertexCount)
            let one = graph.aggregated(by: clusters.communityOfVertex, clusterCount: clusters.count, accumulator: &acc,
                                       parallel: Self.policy(threads: 1, batch: 1))
            for threads in [2, 3] {
                let many = graph.aggregated(by: clusters.communityOfVertex, clusterCount: clusters.count,
                                            accumulator: &acc, parallel: Self.policy(threads: threads, batch: 1))
                #expect(many.offsets == one.offsets && many.targets == one.targets && many.weights == one.weights
                    && many.selfLoops == one.selfLoops && many.degrees == one.degrees, "seed \(seed)")
            }
        }
    }

    /// Batching changes which local optimum is found, not how good it is: on planted graphs
    /// the batched runs recover the blocks as the sequential ones do.
    @Test(arguments: CommunityDetectionTests.methods)
    func batchedRunsRecoverPlantedBlocks(method: CommunityDetectionOptions.Method) {
        let graph = ClusteringFixtures.ringOfCliques(cliques: 12, size: 7)
        let planted = Partition(labels: (0 ..< 84).map { $0 / 7 })
        for seed in 0 ..< UInt64(10) {
            var rng = ClusteringTestRNG(seed: seed)
            #expect(graph.communities(CommunityDetectionOptions(method: method), using: &rng,
                                      parallel: Self.policy(threads: 2, batch: 8)) == planted, "seed \(seed)")
        }
    }
}
