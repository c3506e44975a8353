import RoleGraphAlgorithms

/// The clustering tests' generator: the library's SplitMix64 (Steele, Lea & Flood 2014), whose
/// sequence is fixed by its code, so every seeded test graph is the same on every machine.
package typealias ClusteringTestRNG = SplitMix64

extension SplitMix64 {
    /// A uniform integer in `0 ..< bound`.
    package mutating func int(_ bound: Int) -> Int { Int(next(upperBound: UInt64(bound))) }

    /// A uniform double in [0, 1).
    package mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }
}

/// Seeded graphs shared by the clustering and centrality tests.
package enum ClusteringFixtures {
    /// `cliques` complete graphs of `size` vertices each, clique *i* holding vertices
    /// `i·size ..< (i+1)·size`, joined in a ring by one edge from the last vertex of each clique
    /// to the first vertex of the next. Symmetric, unit weights.
    package static func ringOfCliques(cliques: Int, size: Int) -> CSRGraph {
        var edges: [WeightedEdge] = []
        for c in 0 ..< cliques {
            let base = c * size
            for i in 0 ..< size {
                for j in i + 1 ..< size { edges.append(WeightedEdge(Int32(base + i), Int32(base + j))) }
            }
            let next = ((c + 1) % cliques) * size
            edges.append(WeightedEdge(Int32(base + size - 1), Int32(next)))
        }
        return CSRGraph(vertexCount: cliques * size, edges: edges).symmetrized()
    }

    /// A stochastic block model: `blocks` blocks of `size` vertices, each pair joined with
    /// probability `pIn` inside a block and `pOut` across. Symmetric, unit weights.
    package static func stochasticBlockModel(blocks: Int, size: Int, pIn: Double, pOut: Double,
                                     rng: inout ClusteringTestRNG) -> CSRGraph {
        let n = blocks * size
        var edges: [WeightedEdge] = []
        for u in 0 ..< n {
            for v in u + 1 ..< n where rng.unit() < (u / size == v / size ? pIn : pOut) {
                edges.append(WeightedEdge(Int32(u), Int32(v)))
            }
        }
        return CSRGraph(vertexCount: n, edges: edges).symmetrized()
    }

    /// A directed random graph: each ordered pair of distinct vertices gets an edge with
    /// probability `p`, weighted uniformly from `1 ... maxWeight` (integers, so that equal path
    /// lengths are exactly equal). With `selfLoops`, each vertex also gets a loop with
    /// probability `p`.
    package static func randomEdges(vertexCount n: Int, p: Double, maxWeight: Int = 1, selfLoops: Bool = false,
                            rng: inout ClusteringTestRNG) -> [WeightedEdge] {
        var edges: [WeightedEdge] = []
        for u in 0 ..< n {
            for v in 0 ..< n where (u != v || selfLoops) && rng.unit() < p {
                edges.append(WeightedEdge(Int32(u), Int32(v), weight: Double(1 + rng.int(maxWeight))))
            }
        }
        return edges
    }

    /// A uniformly random labelling of `n` vertices with labels in `0 ..< labels`.
    package static func randomPartition(vertexCount n: Int, labels: Int, rng: inout ClusteringTestRNG) -> Partition {
        Partition(labels: (0 ..< n).map { _ in rng.int(labels) })
    }

    /// Whether every community of `partition` induces a connected subgraph of `graph`
    /// (edges of positive weight, either direction), checked by a search per community.
    package static func communitiesAreConnected(_ partition: Partition, in graph: CSRGraph) -> Bool {
        let sym = graph.symmetrized()
        for c in 0 ..< partition.count {
            let members = partition.members(of: Int32(c))
            var seen: Set<Int32> = [members[0]]
            var stack = [members[0]]
            while let v = stack.popLast() {
                for e in sym.edgeRange(of: v) where sym.weights[e] > 0 {
                    let t = sym.targets[e]
                    if partition.community(of: t) == Int32(c) && seen.insert(t).inserted { stack.append(t) }
                }
            }
            if seen.count != members.count { return false }
        }
        return true
    }
}
