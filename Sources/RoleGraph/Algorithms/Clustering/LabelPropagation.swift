extension CSRGraph {
    /// Communities by asynchronous label propagation (Raghavan, Albert & Kumara 2007).
    ///
    /// Every vertex starts with a label of its own. In each round the vertices are visited in a
    /// fresh random order, and each adopts the label that carries the most edge weight among its
    /// neighbours (with unit weights, the label most of its neighbours have). Updates are
    /// asynchronous — a vertex sees the labels its neighbours took earlier in the same round —
    /// which avoids the label oscillation of synchronous updates on bipartite parts.
    ///
    /// Ties are broken uniformly at random with `generator`, except that a vertex whose current
    /// label is among the heaviest keeps it (as in networkx's `asyn_lpa_communities`); without
    /// that rule, ties can flip forever. The run stops at the paper's criterion — every vertex
    /// holds a label of maximal weight among its neighbours, so a round changes nothing — or
    /// after `maxIterations` rounds.
    ///
    /// Label propagation needs no objective and runs in near-linear time, but its result varies
    /// more from seed to seed than Leiden's, a community is not guaranteed to be connected, and
    /// where structure is weak one label can flood the graph: on a 10,000-vertex planted graph
    /// with 35% of edges inside its 100 blocks it returned a single community (Leiden found 52,
    /// modularity 0.338); with 70% inside it found the blocks (102 communities, modularity 0.670).
    /// Self-loops are ignored; vertices without neighbours stay alone. The graph is read as
    /// given: pass ``symmetrized()`` for the undirected reading.
    ///
    /// > U. N. Raghavan, R. Albert and S. Kumara, "Near linear time algorithm to detect community
    /// > structures in large-scale networks," *Phys. Rev. E* 76, 036106 (2007),
    /// > doi:10.1103/PhysRevE.76.036106.
    ///
    /// - Parameters:
    ///   - maxIterations: the most rounds to run; 100 by default.
    ///   - generator: the source of the visiting orders and tie-breaks.
    /// - Precondition: weights are finite and non-negative; `maxIterations > 0`.
    /// - Complexity: O(*V* + *E*) per round.
    public func labelPropagationCommunities(
        maxIterations: Int = 100, using generator: inout some RandomNumberGenerator
    ) -> Partition {
        precondition(maxIterations > 0, "maxIterations must be positive")
        let n = vertexCount
        var label = (0 ..< n).map { Int32($0) }
        var acc = NeighbourWeights(capacity: n)
        var heaviest: [Int32] = []
        // A vertex is *settled* once it holds a heaviest label and no neighbour's label has
        // changed since: visiting it again would find the same weights and keep its label,
        // drawing nothing from `generator`. Skipping settled vertices therefore changes no
        // result, but the later rounds, where few labels still move, touch only the vertices
        // near a change (the "active nodes" of networkit's PLP).
        var settled = [Bool](repeating: false, count: n)
        // The vertices that read v's label are those with an edge *to* v: v's own row when the
        // graph is symmetric, as it is for clustering, and the reversed graph's row otherwise.
        let readers = isKnownSymmetric ? self : reversed()
        for _ in 0 ..< maxIterations {
            var changed = false
            for vertex in CommunityDetection.randomPermutation(n, using: &generator) {
                let v = Int(vertex)
                if settled[v] { continue }
                settled[v] = true
                acc.reset()
                for e in offsets[v] ..< offsets[v + 1] where Int(targets[e]) != v {
                    precondition(weights[e] >= 0 && weights[e].isFinite,
                                 "label propagation needs finite, non-negative weights")
                    acc.add(label[Int(targets[e])], weights[e])
                }
                guard !acc.touched.isEmpty else { continue }
                var best = -Double.infinity
                heaviest.removeAll(keepingCapacity: true)
                for l in acc.touched {
                    let w = acc.weight[Int(l)]
                    if w > best {
                        best = w
                        heaviest.removeAll(keepingCapacity: true)
                        heaviest.append(l)
                    } else if w == best {
                        heaviest.append(l)
                    }
                }
                if heaviest.contains(label[v]) { continue }
                let pick = heaviest.count == 1
                    ? heaviest[0]
                    : heaviest[generator.uniformIndex(below: heaviest.count)]
                label[v] = pick
                changed = true
                for e in readers.offsets[v] ..< readers.offsets[v + 1] { settled[Int(readers.targets[e])] = false }
                settled[v] = true
            }
            if !changed { break }
        }
        return Partition(denseLabels: label, labelBound: n)
    }
}
