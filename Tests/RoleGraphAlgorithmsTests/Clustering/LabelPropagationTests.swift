import Testing
@testable import RoleGraphAlgorithms
import RoleGraphTestSupport

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

    /// Skipping settled vertices must not change a single label: the library's result equals
    /// that of the plain algorithm, which visits every vertex in every round, drawing the same
    /// random numbers — on symmetric graphs and on directed ones, whose label readers are the
    /// in-neighbours.
    @Test(arguments: [false, true])
    func skippingSettledVerticesChangesNothing(symmetric: Bool) {
        for seed in 0 ..< UInt64(150) {
            var rng = ClusteringTestRNG(seed: seed)
            let n = 2 + rng.int(60)
            let edges = ClusteringFixtures.randomEdges(vertexCount: n, p: 0.02 + rng.unit() * 0.2,
                                                       maxWeight: 1 + rng.int(3), rng: &rng)
            let raw = CSRGraph(vertexCount: n, edges: edges)
            let graph = symmetric ? raw.symmetrized() : raw
            var a = ClusteringTestRNG(seed: seed &+ 1000), b = a
            let fast = graph.labelPropagationCommunities(maxIterations: 50, using: &a)
            let plain = Self.plainLabelPropagation(graph, maxIterations: 50, using: &b)
            #expect(fast == plain, "seed \(seed)")
            #expect(a.next() == b.next(), "seed \(seed): the same draws")
        }
    }

    /// The batched rounds weigh vertices on several threads against labels frozen at the start
    /// of the batch; they must still give the plain rounds' labels and draws exactly, whatever
    /// the batch size (tiny batches make stale weighings and woken vertices common) and thread
    /// count.
    @Test(arguments: [false, true])
    func batchedRoundsAreThePlainRounds(symmetric: Bool) {
        for seed in 0 ..< UInt64(120) {
            var rng = ClusteringTestRNG(seed: seed)
            let n = 2 + rng.int(80)
            let edges = ClusteringFixtures.randomEdges(vertexCount: n, p: 0.02 + rng.unit() * 0.2,
                                                       maxWeight: 1 + rng.int(3), selfLoops: rng.int(3) == 0,
                                                       rng: &rng)
            let raw = CSRGraph(vertexCount: n, edges: edges)
            let graph = symmetric ? raw.symmetrized() : raw
            var b = ClusteringTestRNG(seed: seed &+ 1000)
            let plain = Self.plainLabelPropagation(graph, maxIterations: 50, using: &b)
            for (threads, batch) in [(1, 1), (2, 3), (3, 7), (2, 64)] {
                var a = ClusteringTestRNG(seed: seed &+ 1000)
                let policy = ParallelPolicy(threads: threads, minimumVertices: 0, batchSize: batch)
                let batched = graph.labelPropagationCommunities(maxIterations: 50, using: &a, parallel: policy)
                #expect(batched == plain, "seed \(seed), \(threads) threads, batches of \(batch)")
                var c = b
                #expect(a.next() == c.next(), "seed \(seed): the same draws")
            }
        }
    }

    /// Graphs with no vertex or no edge: every vertex keeps its own label, on either path.
    @Test(arguments: [0, 1, 4])
    func edgelessGraphsKeepEveryLabel(vertexCount: Int) {
        let graph = CSRGraph(vertexCount: vertexCount, edges: [WeightedEdge]())
        for policy in [ParallelPolicy(threads: 2, minimumVertices: 0, batchSize: 2),
                       ParallelPolicy(threads: 1, minimumVertices: .max, batchSize: 1)] {
            var rng = ClusteringTestRNG(seed: 5)
            let partition = graph.labelPropagationCommunities(maxIterations: 10, using: &rng, parallel: policy)
            #expect(partition.count == vertexCount)
        }
    }

    /// A graph of 50,000 vertices takes the default policy's batches, on every core here, and must
    /// still give the one-vertex-at-a-time result.
    @Test func defaultPolicyBatchesLargeGraphsAndGivesTheSequentialResult() {
        // 100 blocks of 500 vertices; each vertex draws 8 partners in its block and, one time in
        // five, one anywhere (a sparse planted partition, built in O(V)).
        var rng = ClusteringTestRNG(seed: 3)
        let blocks = 100, size = 500
        var edges: [WeightedEdge] = []
        for v in 0 ..< blocks * size {
            let block = v / size
            for _ in 0 ..< 8 { edges.append(WeightedEdge(Int32(v), Int32(block * size + rng.int(size)))) }
            if rng.int(5) == 0 { edges.append(WeightedEdge(Int32(v), Int32(rng.int(blocks * size)))) }
        }
        let graph = CSRGraph(vertexCount: blocks * size, edges: edges).symmetrized()
        #expect(LabelPropagation.defaultPolicy.batches(vertexCount: graph.vertexCount))
        var a = SplitMix64(seed: 11), b = a
        let batched = graph.labelPropagationCommunities(using: &a)
        let sequential = graph.labelPropagationCommunities(
            maxIterations: 100, using: &b, parallel: ParallelPolicy(threads: 1, minimumVertices: .max, batchSize: 1))
        #expect(batched == sequential)
        #expect(batched.count >= 80 && batched.count <= 150)
    }

    /// The oracle: Raghavan et al.'s asynchronous rounds, every vertex visited every round.
    static func plainLabelPropagation(_ g: CSRGraph, maxIterations: Int,
                                      using rng: inout ClusteringTestRNG) -> Partition {
        var label = (0 ..< g.vertexCount).map { Int32($0) }
        for _ in 0 ..< maxIterations {
            var changed = false
            for v in CommunityDetection.randomPermutation(g.vertexCount, using: &rng).map(Int.init) {
                var weight: [Int32: Double] = [:]
                var firstSeen: [Int32] = []
                for e in g.offsets[v] ..< g.offsets[v + 1] where Int(g.targets[e]) != v {
                    let l = label[Int(g.targets[e])]
                    if weight[l] == nil { firstSeen.append(l) }
                    weight[l, default: 0] += g.weights[e]
                }
                guard let top = weight.values.max() else { continue }
                let heaviest = firstSeen.filter { weight[$0] == top }
                if heaviest.contains(label[v]) { continue }
                label[v] = heaviest.count == 1 ? heaviest[0] : heaviest[rng.int(heaviest.count)]
                changed = true
            }
            if !changed { break }
        }
        return Partition(denseLabels: label, labelBound: g.vertexCount)
    }
}
