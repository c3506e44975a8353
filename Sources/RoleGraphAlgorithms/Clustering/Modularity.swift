extension CSRGraph {
    /// The modularity of `partition` on this graph, read as undirected and weighted.
    ///
    /// Modularity (Newman & Girvan 2004; weighted form, Newman 2004) compares the weight inside
    /// communities with what a random graph of the same degrees would put there:
    ///
    ///     Q = 1/(2m) · Σ_ij [ A_ij − γ · k_i k_j / (2m) ] · δ(c_i, c_j)
    ///       = Σ_c [ L_c / m − γ · (K_c / 2m)² ]
    ///
    /// where `A` is the symmetric weight matrix, `k_i = Σ_j A_ij` the weighted degree,
    /// `2m = Σ_i k_i`, `L_c` the weight of the edges inside community `c` (each counted once) and
    /// `K_c` the sum of its degrees. The resolution γ (Reichardt & Bornholdt 2006) trades community
    /// size: γ > 1 favours smaller communities, γ < 1 larger ones; γ = 1 is the classic measure.
    ///
    /// **Self-loops.** A self-loop of weight *w* (stored once, as ``symmetrized()`` stores it) is
    /// read as `A_ii = 2w`: it adds *w* to `m` and `L_c` and `2w` to `k_i`. This is the convention
    /// of networkx and igraph, and the one under which aggregating a community into one vertex
    /// with a self-loop of its inner weight leaves modularity unchanged — which Louvain and Leiden
    /// rely on. Role graphs have no self-loops.
    ///
    /// A graph with no edge weight has modularity 0 by convention (every partition is as good).
    ///
    /// > M. E. J. Newman and M. Girvan, "Finding and evaluating community structure in networks,"
    /// > *Phys. Rev. E* 69, 026113 (2004), doi:10.1103/PhysRevE.69.026113.
    /// > M. E. J. Newman, "Analysis of weighted networks," *Phys. Rev. E* 70, 056131 (2004).
    /// > J. Reichardt and S. Bornholdt, "Statistical mechanics of community detection,"
    /// > *Phys. Rev. E* 74, 016110 (2006).
    ///
    /// - Parameters:
    ///   - partition: a partition of this graph's vertices.
    ///   - resolution: γ ≥ 0; 1 by default.
    /// - Precondition: the graph is symmetric (every edge `u → v` of weight *w* has a twin
    ///   `v → u` of weight *w*, as ``symmetrized()`` guarantees), and
    ///   `partition.vertexCount == vertexCount`.
    /// - Complexity: O(*V* + *E*).
    public func modularity(of partition: Partition, resolution: Double = 1) -> Double {
        precondition(partition.vertexCount == vertexCount, "partition does not match the graph")
        let community = partition.communityOfVertex
        var inner = [Double](repeating: 0, count: partition.count)   // Σ_{i,j ∈ c} A_ij
        var degree = [Double](repeating: 0, count: partition.count)  // K_c
        for v in 0 ..< vertexCount {
            let c = Int(community[v])
            for e in offsets[v] ..< offsets[v + 1] {
                let t = Int(targets[e])
                let w = weights[e]
                // A self-loop's one stored entry stands for A_ii = 2w.
                let a = t == v ? 2 * w : w
                degree[c] += a
                if Int(community[t]) == c { inner[c] += a }
            }
        }
        let twoM = degree.reduce(0, +)
        guard twoM > 0 else { return 0 }
        var q = 0.0
        for c in 0 ..< partition.count {
            let share = degree[c] / twoM
            q += inner[c] / twoM - resolution * share * share
        }
        return q
    }
}
