import Testing
@testable import RoleGraphAlgorithms
import RoleGraphTestSupport

/// Louvain stops only at a partition where no single vertex can raise modularity by moving to
/// another community or to a new one of its own, checked by brute force: every vertex to every
/// community, the modularity recomputed from scratch each time.
@Suite struct LocalOptimumTests {
    static func bestSingleMoveGain(_ graph: CSRGraph, _ partition: Partition) -> (gain: Double, vertex: Int) {
        let labels = partition.communityOfVertex
        let base = graph.modularity(of: partition)
        var best = (gain: -Double.infinity, vertex: -1)
        for v in 0 ..< graph.vertexCount {
            for target in 0 ... Int32(partition.count) where target != labels[v] {
                var moved = labels
                moved[v] = target
                let gain = graph.modularity(of: Partition(labels: moved)) - base
                if gain > best.gain { best = (gain, v) }
            }
        }
        return best
    }

    @Test(arguments: [1, 2])
    func louvainEndsWhereNoSingleMoveHelps(threads: Int) {
        for seed in 0 ..< UInt64(40) {
            let graph = ParallelClusteringTests.randomGraph(seed: seed)
            var rng = ClusteringTestRNG(seed: seed)
            let policy = threads == 1 ? ParallelPolicy(threads: 1, minimumVertices: .max, batchSize: 1)
                : ParallelClusteringTests.policy(threads: threads, batch: 4)
            let found = graph.communities(CommunityDetectionOptions(method: .louvain), using: &rng, parallel: policy)
            let (gain, vertex) = Self.bestSingleMoveGain(graph, found)
            #expect(gain <= 1e-9, "seed \(seed): moving vertex \(vertex) gains \(gain)")
        }
    }
}
