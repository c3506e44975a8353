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
/// probability proportional to `exp(ΔQ / θ)`, where ΔQ is the change in modularity and θ the
/// *randomness* (0.01 in the paper and in leidenalg; θ = 0 picks the best, first one on ties).
/// Because every merge joins a vertex to a cluster it has an edge to, every refined cluster is
/// connected, and so is every vertex of the next aggregate graph.
///
/// > V. A. Traag, L. Waltman and N. J. van Eck, "From Louvain to Leiden: guaranteeing
/// > well-connected communities," *Scientific Reports* 9, 5233 (2019),
/// > doi:10.1038/s41598-019-41695-z. (Algorithm A.2, `RefinePartition` and `MergeNodesSubset`.)
enum LeidenRefinement {
    /// Refines `community` on `graph`.
    ///
    /// - Parameters:
    ///   - community: the partition from local moving, a community per vertex in
    ///     `0 ..< graph.vertexCount`.
    ///   - communityDegree: `K_S` for each community.
    ///   - order: the order in which vertices are considered (a random permutation).
    ///   - resolution: γ.
    ///   - randomness: θ ≥ 0.
    ///   - accumulator: scratch with capacity for `graph.vertexCount` keys.
    /// - Returns: the refined cluster of each vertex, dense and numbered in order of first
    ///   vertex, and the number of clusters. Each cluster lies inside one community.
    /// - Complexity: O(*V* + *E*).
    static func refine(
        graph: CommunityGraph, community: [Int32], communityDegree: [Double], order: [Int32],
        resolution: Double, randomness: Double, accumulator acc: inout NeighbourWeights,
        using generator: inout some RandomNumberGenerator
    ) -> (clusters: [Int32], count: Int) {
        let n = graph.vertexCount
        let offsets = graph.offsets, targets = graph.targets, weights = graph.weights
        let degrees = graph.degrees
        let penalty = resolution / graph.totalDegree   // γ / 2m
        // ΔQ of a merge is gain / m = 2 · gain / 2m.
        let gainToDeltaQ = 2 / graph.totalDegree

        var cluster = (0 ..< n).map { Int32($0) }
        var clusterDegree = degrees
        var clusterSize = [Int32](repeating: 1, count: n)
        // w(v, S − v) for each vertex, and w(C, S − C) for each cluster (initially the same).
        var external = [Double](repeating: 0, count: n)
        for v in 0 ..< n {
            let s = community[v]
            var w = 0.0
            for e in offsets[v] ..< offsets[v + 1] where community[Int(targets[e])] == s {
                w += weights[e]
            }
            external[v] = w
        }
        var clusterExternal = external

        var candidates: [Int32] = []
        var candidateGains: [Double] = []
        for vertex in order {
            let v = Int(vertex)
            // Only vertices still alone move; a vertex others have joined anchors its cluster.
            guard clusterSize[Int(cluster[v])] == 1 else { continue }
            let s = community[v]
            let kv = degrees[v]
            let ks = communityDegree[Int(s)]
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
                let wd = acc.weight[Int(d)]
                let gain = wd - kv * kd * penalty
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
                // Weights exp((ΔQ − ΔQ_max) / θ), shifted by the maximum so none overflows.
                var total = 0.0
                for i in candidateGains.indices {
                    let p = exp((candidateGains[i] - bestGain) * gainToDeltaQ / randomness)
                    candidateGains[i] = p
                    total += p
                }
                var r = generator.uniformDouble(below: total)
                chosen = candidates[candidates.count - 1]
                for i in candidates.indices {
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
        let (clusters, count) = Partition.relabelled(cluster, labelBound: n)
        return (clusters, count)
    }
}
