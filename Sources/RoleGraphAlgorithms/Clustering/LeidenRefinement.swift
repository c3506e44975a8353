import Foundation

/// Leiden's refinement phase: inside each community found by local moving, build a finer
/// partition by merging single vertices into well-connected clusters.
///
/// Louvain aggregates the communities that local moving found, so a vertex that once held a
/// community together can later move out and leave the community disconnected, and aggregation
/// then freezes the damage (Traag, Waltman & van Eck 2019, Fig. 2). Leiden instead aggregates a
/// *refined* partition: each community `S` starts split into singletons, and a singleton `{v}`
/// may merge into a cluster `C ⊆ S` only if
///
/// - `v` is well connected to the rest of `S`: `w(v, S − v) ≥ γ · k_v · (K_S − k_v) / 2m`;
/// - `C` is well connected to the rest of `S`: `w(C, S − C) ≥ γ · K_C · (K_S − K_C) / 2m`;
/// - `v` has an edge of positive weight into `C`, and merging does not lower modularity.
///
/// Among the admissible clusters (and staying alone, with gain 0) `v` picks one at random with
/// probability proportional to `exp(gain / θ)`, where θ is the *randomness* and the gain is
/// in units of edge weight, `w(v, C) − γ · k_v · K_C / 2m` (modularity changes by `gain / m`).
/// That is the scale of the authors' reference implementation (CWTS `networkanalysis`, which
/// runs modularity as CPM with degrees for node weights and γ / 2m for resolution) and of
/// igraph; with their default θ = 0.01 a merge that gains one edge less is e¹⁰⁰ times less
/// likely, so the choice is random only among near-equal merges. (On the change in modularity
/// itself, *m* times smaller, θ = 0.01 would make every admissible merge about equally likely
/// on large graphs, leaving refined clusters of a few vertices and passes of many levels.)
/// θ = 0 picks the best, first one on ties. Because every merge joins a vertex
/// to a cluster it has an edge to, every refined cluster is connected, and so is every vertex
/// of the next aggregate graph.
///
/// A vertex only ever merges with vertices of its own community, so communities are refined
/// independently: each visits its vertices in the order of `order` restricted to it and draws
/// from a generator of its own, seeded from one draw of the caller's generator and the
/// community's number. Communities are spread over threads on large graphs, and the result is
/// the same on any number of threads. (igraph also refines community by community, with one
/// generator; leidenalg and networkit's ParallelLeiden refine greedily.)
///
/// > V. A. Traag, L. Waltman and N. J. van Eck, "From Louvain to Leiden: guaranteeing
/// > well-connected communities," *Scientific Reports* 9, 5233 (2019),
/// > doi:10.1038/s41598-019-41695-z. (Algorithm A.2, `RefinePartition` and `MergeNodesSubset`.)
enum LeidenRefinement {
    /// Refines `community` on `graph`.
    ///
    /// - Parameters:
    ///   - community: the partition from local moving, dense in `0 ..< communityCount`.
    ///   - communityDegree: `K_S` for each community.
    ///   - order: the order in which vertices are considered (a random permutation).
    ///   - resolution: γ.
    ///   - randomness: θ ≥ 0.
    ///   - parallel: whether to spread communities over threads (from
    ///     `parallel.minimumRefinementEdges` edges; the result does not depend on it).
    ///   - generator: one draw seeds every community's own generator.
    /// - Returns: the refined cluster of each vertex, dense and numbered in order of first
    ///   vertex, and the number of clusters. Each cluster lies inside one community.
    /// - Complexity: O(*V* + *E*).
    static func refine(
        graph: CommunityGraph, community: [Int32], communityDegree: [Double], order: [Int32],
        resolution: Double, randomness: Double, parallel: ParallelPolicy = .default,
        using generator: inout some RandomNumberGenerator
    ) -> (clusters: [Int32], count: Int) {
        let n = graph.vertexCount
        let communityCount = communityDegree.count
        // Each community's vertices in visiting order (a counting sort of `order`), largest
        // communities first, so that the longest start first and the threads, claiming them as
        // they come free, finish together.
        var start = [Int](repeating: 0, count: communityCount + 1)
        for v in 0 ..< n { start[Int(community[v]) + 1] += 1 }
        for c in 0 ..< communityCount { start[c + 1] += start[c] }
        var next = start
        var members = [Int32](repeating: 0, count: n)
        for vertex in order {
            let c = Int(community[Int(vertex)])
            members[next[c]] = vertex
            next[c] += 1
        }
        let size = (0 ..< communityCount).map { start[$0 + 1] - start[$0] }
        let bySize = (0 ..< communityCount).filter { size[$0] > 1 }.sorted { a, b in
            size[a] != size[b] ? size[a] > size[b] : a < b
        }
        let seed = generator.next()

        var cluster = (0 ..< n).map { Int32($0) }
        let threads = parallel.refinementThreads(edgeCount: graph.targets.count)
        let scratch = (0 ..< threads).map { _ in RefinementScratch(vertexCount: n) }
        cluster.withUnsafeMutableBufferPointer { clusterBuffer in
            let shared = SharedPointer(base: clusterBuffer.baseAddress!)
            let memberList = members, memberStart = start, communities = bySize
            let work = { @Sendable (thread: Int, range: Range<Int>) in
                let space = scratch[thread]
                for i in range {
                    let s = communities[i]
                    var rng = SplitMix64(seed: seed ^ (UInt64(s) &* 0xD6E8_FEB8_6659_FD93))
                    memberList.withUnsafeBufferPointer { all in
                        refine(
                            members: UnsafeBufferPointer(rebasing: all[memberStart[s] ..< memberStart[s + 1]]),
                            of: Int32(s), degree: communityDegree[s], graph: graph, community: community,
                            penalty: resolution / graph.totalDegree, randomness: randomness,
                            cluster: shared.base, scratch: space, accumulator: &space.accumulator,
                            candidates: &space.candidates, candidateGains: &space.candidateGains,
                            using: &rng)
                    }
                }
            }
            parallel.forEachSlice(count: communities.count, grain: 1, threads: threads, work)
        }
        let (clusters, count) = Partition.relabelled(cluster, labelBound: n)
        return (clusters, count)
    }

    /// Refines one community `s`, whose vertices are `members` in visiting order.
    ///
    /// Reads and writes only the entries of `cluster` and `scratch` that belong to the members
    /// (cluster numbers are member vertex numbers), so communities can run on different threads.
    ///
    /// - Complexity: O(the members and their edges).
    private static func refine(
        members: UnsafeBufferPointer<Int32>, of s: Int32, degree ks: Double, graph: CommunityGraph,
        community: [Int32], penalty: Double, randomness: Double,
        cluster: UnsafeMutablePointer<Int32>, scratch: RefinementScratch,
        accumulator acc: inout NeighbourWeights, candidates: inout [Int32], candidateGains: inout [Double],
        using generator: inout SplitMix64
    ) {
        let offsets = graph.offsets, targets = graph.targets, weights = graph.weights
        let degrees = graph.degrees
        let clusterDegree = scratch.clusterDegree, clusterSize = scratch.clusterSize
        let external = scratch.external, clusterExternal = scratch.clusterExternal
        // w(v, S − v) for each vertex, and w(C, S − C) for each cluster (initially the same).
        for vertex in members {
            let v = Int(vertex)
            var w = 0.0
            for e in offsets[v] ..< offsets[v + 1] where community[Int(targets[e])] == s {
                w += weights[e]
            }
            external[v] = w
            clusterExternal[v] = w
            clusterDegree[v] = degrees[v]
            clusterSize[v] = 1
        }
        for vertex in members {
            let v = Int(vertex)
            // Only vertices still alone move; a vertex others have joined anchors its cluster.
            guard clusterSize[Int(cluster[v])] == 1 else { continue }
            let kv = degrees[v]
            let tolerance = 1e-12 * Swift.max(kv, 1e-300)
            guard external[v] + tolerance >= kv * (ks - kv) * penalty else { continue }

            acc.reset()
            for e in offsets[v] ..< offsets[v + 1] where weights[e] > 0 {
                let t = Int(targets[e])
                if community[t] == s { acc.add(cluster[t], weights[e]) }
            }
            let own = cluster[v]
            clusterDegree[Int(own)] = 0
            clusterSize[Int(own)] = 0

            // Staying alone is always admissible, with gain 0.
            candidates.removeAll(keepingCapacity: true)
            candidateGains.removeAll(keepingCapacity: true)
            candidates.append(own)
            candidateGains.append(0)
            var bestGain = 0.0
            var best = own
            for d in acc.touched {
                let kd = clusterDegree[Int(d)]
                guard clusterExternal[Int(d)] + tolerance >= kd * (ks - kd) * penalty else { continue }
                let gain = acc.weight[Int(d)] - kv * kd * penalty
                guard gain >= 0 else { continue }
                candidates.append(d)
                candidateGains.append(gain)
                if gain > bestGain + tolerance {
                    bestGain = gain
                    best = d
                }
            }
            var chosen = best
            if randomness > 0 && candidates.count > 1 {
                // Weights exp((gain − gain_max) / θ), shifted by the maximum so none overflows
                // (a gain within the tolerance above `bestGain` counts as equal to it, or a tiny
                // θ would make its weight infinite). Below e⁻⁴⁰ of the best a weight cannot
                // change the sum (which is at least 1) in double precision, so it is not computed.
                let cutoff = bestGain - 40 * randomness
                var total = 0.0
                for i in candidateGains.indices {
                    let gain = candidateGains[i]
                    let p = gain < cutoff ? 0 : exp(Swift.min(0, gain - bestGain) / randomness)
                    candidateGains[i] = p
                    total += p
                }
                var r = generator.uniformDouble(below: total)
                chosen = best
                for i in candidates.indices where candidateGains[i] > 0 {
                    r -= candidateGains[i]
                    if r < 0 {
                        chosen = candidates[i]
                        break
                    }
                }
            }
            let wChosen = chosen == own ? 0 : acc.weight[Int(chosen)]
            cluster[v] = chosen
            clusterDegree[Int(chosen)] += kv
            clusterSize[Int(chosen)] += 1
            if chosen == own {
                clusterExternal[Int(own)] = external[v]
            } else {
                // v's edges into `chosen` were external to both; now they are inside.
                clusterExternal[Int(chosen)] += external[v] - 2 * wChosen
            }
        }
    }
}

/// One thread's working space for ``LeidenRefinement``, indexed by vertex (a cluster is named by
/// the vertex it started from). Each community touches only its own vertices' entries, so the
/// arrays are never cleared between communities.
private final class RefinementScratch: @unchecked Sendable {
    private let doubles: (Slab<Double>, Slab<Double>, Slab<Double>)
    private let sizes: Slab<Int32>
    let clusterDegree: UnsafeMutablePointer<Double>
    let clusterSize: UnsafeMutablePointer<Int32>
    let external: UnsafeMutablePointer<Double>
    let clusterExternal: UnsafeMutablePointer<Double>
    var accumulator: NeighbourWeights
    var candidates: [Int32] = []
    var candidateGains: [Double] = []

    /// - Complexity: O(`vertexCount`).
    init(vertexCount: Int) {
        doubles = (Slab(count: vertexCount, repeating: 0), Slab(count: vertexCount, repeating: 0),
                   Slab(count: vertexCount, repeating: 0))
        sizes = Slab(count: vertexCount, repeating: 0)
        clusterDegree = doubles.0.base
        clusterSize = sizes.base
        external = doubles.1.base
        clusterExternal = doubles.2.base
        accumulator = NeighbourWeights(capacity: vertexCount)
    }
}
