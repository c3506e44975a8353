import RoleGraphAlgorithms

// Seeded generators: the library's `SplitMix64`, so a failing property test names a seed that
// reproduces it anywhere.

/// Random directed graphs for property tests, built to be awkward: many exactly tied paths
/// (unit and small integer weights), zero weights, parallel edges (some with equal weights),
/// self-loops, and graphs in two pieces with only one-way edges between them.
///
/// Weights are integers or multiples of 1/4, so every path sum is exact and the tests can compare
/// costs with `==`.
package enum RandomGraphs {
    package enum Weights: CaseIterable {
        /// All 1: every tie is decided by hops and then lexicographic order.
        case unit
        /// 0, 1 or 2: zero-weight edges and heavy ties.
        case small
        /// Multiples of 1/4 up to 3.
        case quarters
        /// Integers up to 100: few ties.
        case wide
    }

    /// A random graph with a vertex count in `vertices`; everything else is drawn from `seed`.
    package static func graph(seed: UInt64, vertices: ClosedRange<Int>) -> CSRGraph {
        var rng = SplitMix64(seed: seed)
        let n = Int.random(in: vertices, using: &rng)
        let weights = Weights.allCases.randomElement(using: &rng)!
        // Average out-degree between 0.5 and 3.
        let edgeCount = Int.random(in: n / 2 ... 3 * n, using: &rng)
        // A quarter of the graphs come in two pieces joined, if at all, by one-way edges.
        let split = n >= 4 && Int.random(in: 0 ..< 4, using: &rng) == 0 ? n / 2 : 0
        var edges: [WeightedEdge] = []
        for _ in 0 ..< edgeCount {
            var u = Int32.random(in: 0 ..< Int32(n), using: &rng)
            var v = Int32.random(in: 0 ..< Int32(n), using: &rng)
            if split > 0 && (u < split) != (v < split) {
                if Int.random(in: 0 ..< 8, using: &rng) != 0 {
                    // Most edges stay inside u's piece…
                    v = u < split
                        ? Int32.random(in: 0 ..< Int32(split), using: &rng)
                        : Int32.random(in: Int32(split) ..< Int32(n), using: &rng)
                } else {
                    // …the rest go one way only, from the first piece to the second.
                    (u, v) = (min(u, v), max(u, v))
                }
            }
            if u == v && Int.random(in: 0 ..< 4, using: &rng) != 0 { continue }  // some self-loops
            edges.append(WeightedEdge(u, v, weight: weight(weights, &rng)))
            if Int.random(in: 0 ..< 6, using: &rng) == 0 {
                // A parallel edge: half the time with the same weight.
                let w = Bool.random(using: &rng) ? edges[edges.count - 1].weight : weight(weights, &rng)
                edges.append(WeightedEdge(u, v, weight: w))
            }
        }
        // Shuffle so that parallel edges are not always adjacent in the input.
        edges.shuffle(using: &rng)
        return CSRGraph(vertexCount: n, edges: edges)
    }

    /// A graph built to be full of exact ties: layers of vertices with unit edges from each layer
    /// to the next (so many paths have equal cost and length and part ways early), some weight-2
    /// edges skipping a layer (equal cost, fewer hops), some backward edges and parallel edges —
    /// with the vertex indices shuffled, so that index order says nothing about layer order.
    /// The first vertex of the first layer has the index returned as `source`.
    package static func layered(seed: UInt64, layers: ClosedRange<Int>, width: ClosedRange<Int>) -> (graph: CSRGraph, source: Int32) {
        var rng = SplitMix64(seed: seed)
        var levels: [[Int]] = [[0]]
        var n = 1
        for _ in 0 ..< Int.random(in: layers, using: &rng) {
            let w = Int.random(in: width, using: &rng)
            levels.append(Array(n ..< n + w))
            n += w
        }
        var edges: [(Int, Int, Double)] = []
        for i in 1 ..< levels.count {
            for u in levels[i - 1] {
                for v in levels[i] where Int.random(in: 0 ..< 3, using: &rng) != 0 {
                    edges.append((u, v, 1))
                    if Int.random(in: 0 ..< 8, using: &rng) == 0 { edges.append((u, v, 1)) }
                }
            }
            if i >= 2, Int.random(in: 0 ..< 2, using: &rng) == 0 {
                edges.append((levels[i - 2].randomElement(using: &rng)!, levels[i].randomElement(using: &rng)!, 2))
            }
            if Int.random(in: 0 ..< 3, using: &rng) == 0 {
                edges.append((levels[i].randomElement(using: &rng)!, levels[i - 1].randomElement(using: &rng)!, 1))
            }
        }
        let permutation = (0 ..< n).shuffled(using: &rng).map(Int32.init)
        edges.shuffle(using: &rng)
        let graph = CSRGraph(
            vertexCount: n,
            edges: edges.map { WeightedEdge(permutation[$0.0], permutation[$0.1], weight: $0.2) })
        return (graph, permutation[0])
    }

    private static func weight(_ kind: Weights, _ rng: inout SplitMix64) -> Double {
        switch kind {
        case .unit: return 1
        case .small: return Double(Int.random(in: 0 ... 2, using: &rng))
        case .quarters: return Double(Int.random(in: 0 ... 12, using: &rng)) / 4
        case .wide: return Double(Int.random(in: 0 ... 100, using: &rng))
        }
    }

    /// A random vertex set of up to `limit` vertices, never containing `keep`.
    package static func avoidSet(seed: UInt64, vertexCount: Int, keeping keep: [Int32], limit: Int = 2) -> Set<Int32> {
        var rng = SplitMix64(seed: seed ^ 0xA5A5_A5A5)
        var result: Set<Int32> = []
        for _ in 0 ..< Int.random(in: 0 ... limit, using: &rng) {
            let v = Int32.random(in: 0 ..< Int32(vertexCount), using: &rng)
            if !keep.contains(v) { result.insert(v) }
        }
        return result
    }

    /// A deterministic pair of vertices for a seed.
    package static func endpoints(seed: UInt64, vertexCount: Int) -> (Int32, Int32) {
        var rng = SplitMix64(seed: seed ^ 0x5A5A_5A5A)
        return (
            Int32.random(in: 0 ..< Int32(vertexCount), using: &rng),
            Int32.random(in: 0 ..< Int32(vertexCount), using: &rng)
        )
    }
}
