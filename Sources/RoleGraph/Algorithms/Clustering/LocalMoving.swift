/// Phase one of Louvain and Leiden: move single vertices between communities while modularity
/// rises.
///
/// This is the queue-based "fast local moving" of Traag (2015), used by Leiden's `MoveNodesFast`:
/// every vertex is queued once, in random order; a vertex is taken off the queue, moved to the
/// neighbouring community (or an empty one) that raises modularity most, and if it moved, its
/// neighbours outside its new community are queued again. Unlike the repeated full sweeps of the
/// original Louvain method (Blondel et al. 2008) it stops visiting the parts of the graph that
/// have settled, and it converges to the same kind of local optimum: no single vertex can raise
/// modularity by moving.
///
/// The gain of moving a vertex *v* (already taken out of its community) into community *D* is,
/// in units of edge weight,
///
///     gain(D) = w(v, D) − γ · k_v · K_D / 2m
///
/// (modularity changes by `gain / m`); the empty community has gain 0.
///
/// > V. A. Traag, "Faster unfolding of communities: speeding up the Louvain algorithm,"
/// > *Phys. Rev. E* 92, 032801 (2015), doi:10.1103/PhysRevE.92.032801.
struct LocalMoving {
    /// The community of each vertex, in `0 ..< vertexCount`.
    var community: [Int32]
    /// `K_c`: the sum of the degrees of the vertices of each community.
    var communityDegree: [Double]
    /// The number of vertices in each community.
    var communitySize: [Int32]
    /// Communities with no vertex, ready for a vertex that is better off alone.
    var emptyCommunities: [Int32]

    /// Starts from `initial`, a community per vertex in `0 ..< graph.vertexCount`.
    ///
    /// - Complexity: O(*V*).
    init(graph: CommunityGraph, initial: [Int32]) {
        let n = graph.vertexCount
        community = initial
        communityDegree = [Double](repeating: 0, count: n)
        communitySize = [Int32](repeating: 0, count: n)
        for v in 0 ..< n {
            let c = Int(initial[v])
            communityDegree[c] += graph.degrees[v]
            communitySize[c] += 1
        }
        emptyCommunities = []
        // Popped from the end: lowest ids first.
        for c in stride(from: n - 1, through: 0, by: -1) where communitySize[c] == 0 {
            emptyCommunities.append(Int32(c))
        }
    }

    /// Moves vertices until none can raise modularity by moving.
    ///
    /// - Parameters:
    ///   - order: the vertices in the order they are first queued (a random permutation).
    ///   - resolution: γ.
    ///   - accumulator: scratch with capacity for `graph.vertexCount` keys.
    /// - Returns: whether any vertex moved.
    /// - Complexity: O(*E*) per round over the queue; the number of rounds is small in practice.
    mutating func run(graph: CommunityGraph, order: [Int32], resolution: Double,
                      accumulator acc: inout NeighbourWeights) -> Bool {
        let n = graph.vertexCount
        guard n > 1, graph.totalDegree > 0 else { return false }
        let penalty = resolution / graph.totalDegree   // γ / 2m
        // A ring buffer holds at most n vertices, since a vertex is never queued twice.
        var queue = order
        var inQueue = [Bool](repeating: true, count: n)
        var head = 0
        var queued = n
        var moved = false
        let offsets = graph.offsets, targets = graph.targets, weights = graph.weights
        while queued > 0 {
            let v = Int(queue[head])
            head = head + 1 == n ? 0 : head + 1
            queued -= 1
            inQueue[v] = false

            let kv = graph.degrees[v]
            let old = community[v]
            acc.reset()
            acc.add(old, 0)
            for e in offsets[v] ..< offsets[v + 1] {
                acc.add(community[Int(targets[e])], weights[e])
            }
            // Take v out of its community.
            communityDegree[Int(old)] -= kv
            communitySize[Int(old)] -= 1

            var best = old
            var bestGain = acc.weight[Int(old)] - kv * communityDegree[Int(old)] * penalty
            // Moves must win by more than rounding, or equal-gain moves could cycle.
            let tolerance = 1e-12 * kv
            for d in acc.touched where d != old {
                let gain = acc.weight[Int(d)] - kv * communityDegree[Int(d)] * penalty
                if gain > bestGain + tolerance {
                    best = d
                    bestGain = gain
                }
            }
            if bestGain < -tolerance && communitySize[Int(old)] > 0, let empty = emptyCommunities.last {
                // Alone is better than anywhere (gain 0); `old` is not empty, so use a fresh one.
                emptyCommunities.removeLast()
                best = empty
                bestGain = 0
            }
            communityDegree[Int(best)] += kv
            communitySize[Int(best)] += 1
            if best != old {
                moved = true
                community[v] = best
                if communitySize[Int(old)] == 0 { emptyCommunities.append(old) }
                for e in offsets[v] ..< offsets[v + 1] {
                    let t = Int(targets[e])
                    if !inQueue[t] && community[t] != best {
                        inQueue[t] = true
                        var tail = head + queued
                        if tail >= n { tail -= n }
                        queue[tail] = Int32(t)
                        queued += 1
                    }
                }
            }
        }
        return moved
    }
}
