import Testing
@testable import RoleGraphAlgorithms
import RoleGraphTestSupport

/// `CommunityGraph.renumbered(by:parallel:)`, which stores a large graph in its first visiting
/// order, must give the same graph under new numbers, and clustering must number its result back.
@Suite struct RenumberedGraphTests {
    static func permutation(_ n: Int, seed: UInt64) -> [Int32] {
        var rng = ClusteringTestRNG(seed: seed &+ 1_000)
        return CommunityDetection.randomPermutation(n, using: &rng)
    }

    /// Every row moves whole, its neighbours renumbered and in the same order; degrees and
    /// self-loops move with their vertex; the result is the same on 1 and 3 threads.
    @Test(arguments: 0 ..< UInt64(30))
    func isTheSameGraphUnderNewNumbers(seed: UInt64) {
        let graph = CommunityGraph(ParallelClusteringTests.randomGraph(seed: seed))
        let order = Self.permutation(graph.vertexCount, seed: seed)
        let one = ParallelClusteringTests.policy(threads: 1, batch: 1)
        let (renumbered, position) = graph.renumbered(by: order, parallel: one)
        #expect(renumbered.vertexCount == graph.vertexCount)
        #expect(renumbered.totalDegree == graph.totalDegree)
        for (i, v) in order.enumerated() {
            #expect(position[Int(v)] == Int32(i))
            let old = graph.offsets[Int(v)] ..< graph.offsets[Int(v) + 1]
            let new = renumbered.offsets[i] ..< renumbered.offsets[i + 1]
            #expect(old.map { position[Int(graph.targets[$0])] } == new.map { renumbered.targets[$0] },
                    "seed \(seed), vertex \(v)")
            #expect(old.map { graph.weights[$0] } == new.map { renumbered.weights[$0] })
            #expect(renumbered.degrees[i] == graph.degrees[Int(v)])
            #expect(renumbered.selfLoops[i] == graph.selfLoops[Int(v)])
        }
        let (split, _) = graph.renumbered(by: order, parallel: ParallelClusteringTests.policy(threads: 3, batch: 1))
        #expect(split.offsets == renumbered.offsets && split.targets == renumbered.targets
                && split.weights == renumbered.weights)
    }

    /// Modularity does not depend on the numbering: a partition and its renumbered copy score
    /// the same, to rounding (the sums run in a different order).
    @Test(arguments: 0 ..< UInt64(20))
    func keepsModularity(seed: UInt64) {
        let graph = CommunityGraph(ParallelClusteringTests.randomGraph(seed: seed))
        guard graph.totalDegree > 0 else { return }
        var rng = ClusteringTestRNG(seed: seed)
        let labels = ClusteringFixtures.randomPartition(vertexCount: graph.vertexCount, labels: 1 + rng.int(5),
                                                        rng: &rng).communityOfVertex
        let order = Self.permutation(graph.vertexCount, seed: seed)
        let (renumbered, _) = graph.renumbered(by: order, parallel: .default)
        let moved = order.map { labels[Int($0)] }
        #expect(abs(renumbered.modularity(of: moved, resolution: 1) - graph.modularity(of: labels, resolution: 1))
                < 1e-12)
    }

    /// A renumbered run numbers its communities back onto the caller's vertices: the cliques of a
    /// ring of cliques come back as the cliques, and on random graphs the modularity of the
    /// returned partition on the caller's graph is within 0.05 of the unrenumbered path's (a
    /// partition numbered back wrongly would score far lower).
    @Test(arguments: CommunityDetectionTests.methods)
    func numbersTheResultBack(method: CommunityDetectionOptions.Method) {
        var renumbering = ParallelPolicy(threads: 1, minimumVertices: .max, batchSize: 1)
        renumbering.minimumRenumberVertices = 0
        var plain = renumbering
        plain.minimumRenumberVertices = .max
        let ring = ClusteringFixtures.ringOfCliques(cliques: 9, size: 6)
        let planted = Partition(labels: (0 ..< 54).map { $0 / 6 })
        for seed in 0 ..< UInt64(20) {
            var rng = ClusteringTestRNG(seed: seed)
            let found = ring.communities(CommunityDetectionOptions(method: method), using: &rng, parallel: renumbering)
            #expect(found == planted, "seed \(seed)")
        }
        for seed in 0 ..< UInt64(20) {
            let graph = ParallelClusteringTests.randomGraph(seed: seed)
            guard graph.edgeCount > 0 else { continue }
            var a = ClusteringTestRNG(seed: seed), b = ClusteringTestRNG(seed: seed)
            let options = CommunityDetectionOptions(method: method)
            let withRenumbering = graph.modularity(of: graph.communities(options, using: &a, parallel: renumbering))
            let without = graph.modularity(of: graph.communities(options, using: &b, parallel: plain))
            // Different numberings reach different local optima, but never far apart on these.
            #expect(abs(withRenumbering - without) < 0.05, "seed \(seed): \(withRenumbering) vs \(without)")
        }
    }
}
