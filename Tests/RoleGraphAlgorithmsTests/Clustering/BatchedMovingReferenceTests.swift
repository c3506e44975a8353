import Testing
@testable import RoleGraphAlgorithms
import RoleGraphTestSupport

/// `LocalMoving`'s batched path takes the neighbour scans out of its one-core apply step: the
/// evaluating threads list each vertex's *open* neighbours (not queued when the batch began), and
/// a move looks only at those, both to see whether a neighbour moved earlier in the batch and to
/// queue the neighbours it may have tipped. The claim is that this changes nothing. The oracle
/// here is the batched algorithm written plainly, as it was before: a "disturbed" mark on every
/// neighbour of every mover and a push loop over the mover's whole row, with its own dictionary
/// of weights and its own queue (same tie-breaks: communities in first-seen order).
@Suite struct BatchedMovingReferenceTests {
    /// What the reference found, and how many of its moves went to an empty community.
    struct Outcome {
        var community: [Int32]
        var movesToEmpty = 0
    }

    /// The batched local moving with whole-row scans, from `initial`, in `order`.
    static func reference(_ graph: CommunityGraph, initial: [Int32], order: [Int32], batchSize: Int,
                          resolution: Double) -> Outcome {
        var movesToEmpty = 0
        let n = graph.vertexCount
        var community = initial
        var degreeOf = [Double](repeating: 0, count: n)
        var sizeOf = [Int32](repeating: 0, count: n)
        for v in 0 ..< n {
            degreeOf[Int(community[v])] += graph.degrees[v]
            sizeOf[Int(community[v])] += 1
        }
        // Taken from the end: lowest first.
        var empty = (0 ..< n).reversed().filter { sizeOf[$0] == 0 }.map { Int32($0) }
        guard n > 1, graph.totalDegree > 0 else { return Outcome(community: community) }
        let penalty = resolution / graph.totalDegree
        var queue = order
        var queued = Set(order)
        var head = 0
        var disturbed = [Int](repeating: 0, count: n)

        /// (weight to each community in first-seen order, own community first)
        func weights(_ v: Int) -> [(Int32, Double)] {
            var list: [(Int32, Double)] = [(community[v], 0)]
            var at: [Int32: Int] = [community[v]: 0]
            for e in graph.offsets[v] ..< graph.offsets[v + 1] {
                let c = community[Int(graph.targets[e])]
                if let i = at[c] { list[i].1 += graph.weights[e] } else {
                    at[c] = list.count
                    list.append((c, graph.weights[e]))
                }
            }
            return list
        }
        struct Proposal { var target: Int32; var alone: Bool; var toTarget: Double; var toOwn: Double }
        func propose(_ v: Int) -> Proposal {
            let kv = graph.degrees[v], old = community[v], list = weights(v)
            var best = old, bestWeight = list[0].1
            var bestGain = list[0].1 - kv * (degreeOf[Int(old)] - kv) * penalty
            for (d, w) in list.dropFirst() {
                let gain = w - kv * degreeOf[Int(d)] * penalty
                if gain > bestGain + 1e-12 * kv { (best, bestWeight, bestGain) = (d, w, gain) }
            }
            return Proposal(target: best, alone: bestGain < -1e-12 * kv && sizeOf[Int(old)] > 1,
                            toTarget: bestWeight, toOwn: list[0].1)
        }

        var batchNumber = 0
        while head < queue.count {
            batchNumber += 1
            let batch = queue[head ..< Swift.min(queue.count, head + batchSize)].map { Int($0) }
            head += batch.count
            for v in batch { queued.remove(Int32(v)) }
            let proposals = batch.map(propose)
            for (v, p) in zip(batch, proposals) {
                let kv = graph.degrees[v], old = community[v]
                if p.target == old && !p.alone { continue }
                var target = p.target
                let stay = p.toOwn - kv * (degreeOf[Int(old)] - kv) * penalty
                let go = p.toTarget - kv * degreeOf[Int(target)] * penalty
                if p.alone || disturbed[v] == batchNumber || !(go > stay + 1e-12 * kv) {
                    let now = propose(v)
                    target = now.alone ? (empty.last ?? now.target) : now.target
                }
                guard target != old else { continue }
                if sizeOf[Int(target)] == 0 { movesToEmpty += 1 }
                degreeOf[Int(old)] -= kv
                sizeOf[Int(old)] -= 1
                if sizeOf[Int(old)] == 0 { empty.append(old) }
                if empty.last == target { empty.removeLast() }
                degreeOf[Int(target)] += kv
                sizeOf[Int(target)] += 1
                community[v] = target
                for e in graph.offsets[v] ..< graph.offsets[v + 1] {
                    let t = graph.targets[e]
                    disturbed[Int(t)] = batchNumber
                    if community[Int(t)] != target && queued.insert(t).inserted { queue.append(t) }
                }
            }
        }
        return Outcome(community: community, movesToEmpty: movesToEmpty)
    }

    /// Runs `LocalMoving` on 1, 2 and 3 threads against the reference; returns the reference's
    /// moves to an empty community. Odd seeds start from random communities at a high
    /// resolution, where vertices are often better off alone (a move to an empty community,
    /// whose proposal is always re-weighed).
    static func check(_ graph: CommunityGraph, seed: UInt64, batch: Int) -> Int {
        let n = graph.vertexCount
        var rng = ClusteringTestRNG(seed: seed)
        let order = CommunityDetection.randomPermutation(n, using: &rng)
        let crowded = seed % 2 == 1
        let initial = crowded ? (0 ..< n).map { _ in Int32(rng.int(n / 4 + 1)) } : (0 ..< n).map { Int32($0) }
        let resolution = crowded ? 2.5 : 1
        let expected = reference(graph, initial: initial, order: order, batchSize: batch, resolution: resolution)
        for threads in [1, 2, 3] {
            var moving = LocalMoving(graph: graph, initial: initial)
            var acc = NeighbourWeights(capacity: n)
            _ = moving.run(graph: graph, order: order, resolution: resolution, accumulator: &acc,
                           parallel: ParallelClusteringTests.policy(threads: threads, batch: batch))
            #expect(moving.community == expected.community, "seed \(seed), batch \(batch), \(threads) threads")
        }
        return expected.movesToEmpty
    }

    /// Small batches on small graphs, so that neighbours share batches, move before one another
    /// and are re-weighed.
    @Test(arguments: [2, 3, 7, 16])
    func openNeighboursMakeTheMovesWholeRowsMake(batch: Int) {
        var aloneMoves = 0
        for seed in 0 ..< UInt64(80) {
            aloneMoves += Self.check(CommunityGraph(ParallelClusteringTests.randomGraph(seed: seed)),
                                     seed: seed, batch: batch)
        }
        // The crowded runs did move vertices to empty communities.
        #expect(aloneMoves > 50, "\(aloneMoves) moves to an empty community")
    }

    /// Batches larger than the evaluation's slices (64 vertices), so that two or three threads
    /// really weigh one batch at once and write their proposals and open neighbours side by side.
    @Test(arguments: [130, 300])
    func threadsSharingABatchMakeTheSameMoves(batch: Int) {
        for seed in 0 ..< UInt64(8) {
            var rng = ClusteringTestRNG(seed: seed)
            let graph = ClusteringFixtures.stochasticBlockModel(blocks: 8, size: 50, pIn: 0.12, pOut: 0.01, rng: &rng)
            _ = Self.check(CommunityGraph(graph), seed: seed, batch: batch)
        }
    }
}
