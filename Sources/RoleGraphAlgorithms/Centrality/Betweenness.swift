/// How betweenness reads a ``CSRGraph``: which way edges go and what a path's length is.
public struct BetweennessOptions: Hashable, Sendable {
    /// Follow edges only from source to target (`true`), or both ways (`false`).
    public var directed: Bool
    /// Measure paths by the sum of edge weights (`true`, Dijkstra) or by edge count (`false`,
    /// breadth-first search).
    public var weighted: Bool
    /// Divide by the number of vertex pairs a path through a vertex could join (see
    /// ``CSRGraph/betweennessCentrality(_:)``), so that values lie in [0, 1].
    public var normalized: Bool

    /// Creates options; the defaults read edges as directed, count hops and do not normalise.
    ///
    /// - Complexity: O(1).
    public init(directed: Bool = true, weighted: Bool = false, normalized: Bool = false) {
        self.directed = directed
        self.weighted = weighted
        self.normalized = normalized
    }
}

extension CSRGraph {
    /// Betweenness centrality of every vertex, by Brandes' algorithm.
    ///
    /// The betweenness of *v* is `Σ_{s ≠ v ≠ t} σ_st(v) / σ_st`: over all pairs of other vertices,
    /// the share of shortest *s*–*t* paths that pass through *v* (Freeman 1977). A role with high
    /// betweenness is a gateway: many shortest transitions between other roles go through it.
    ///
    /// Brandes (2001) computes it without enumerating paths: one search per source *s* counts the
    /// shortest paths `σ_sv` to each vertex, then, walking back from the farthest vertices, sums
    /// each vertex's *dependency* `δ_s(v) = Σ_{w : v ∈ P_s(w)} σ_sv / σ_sw · (1 + δ_s(w))`.
    /// Predecessors are not stored: *v* precedes *w* when `dist(w) == dist(v) + len(v, w)`, which
    /// the walk back tests on *v*'s own out-edges.
    ///
    /// Conventions (those of networkx's `betweenness_centrality`, `endpoints=False`):
    /// - A path is a sequence of vertices: parallel edges count once (the shortest one when
    ///   weighted), and self-loops, never on a shortest path, are ignored. Undirected reading
    ///   joins *u* and *v* if an edge runs either way, with the smaller weight.
    /// - Undirected values count each unordered pair {*s*, *t*} once (half the ordered sum).
    /// - `normalized` divides by `(n − 1)(n − 2)` directed and `(n − 1)(n − 2) / 2` undirected,
    ///   the number of pairs not including *v*; graphs with fewer than 3 vertices are left as is.
    /// - Weighted distances are compared exactly, so paths tie only if their sums are equal in
    ///   floating point; weights such as integers or halves tie as expected.
    ///
    /// Exact betweenness costs a search from every vertex — O(*VE*) unweighted,
    /// O(*VE* + *V*² log *V*) weighted — so it grows quadratically with the graph. For large
    /// graphs use ``sampledBetweennessCentrality(pivots:_:using:)`` (timings of both are in
    /// `Benchmarks/README.md`).
    ///
    /// > U. Brandes, "A faster algorithm for betweenness centrality," *J. Math. Sociology* 25(2),
    /// > 163–177 (2001), doi:10.1080/0022250X.2001.9990249.
    /// > L. C. Freeman, "A set of measures of centrality based on betweenness," *Sociometry* 40,
    /// > 35–41 (1977).
    ///
    /// - Parameter options: direction, weighting and normalisation.
    /// - Precondition: when weighted, every weight is positive and finite.
    /// - Complexity: O(*VE*) unweighted; O(*V* (*E* + *V*) log *V*) weighted.
    public func betweennessCentrality(_ options: BetweennessOptions = BetweennessOptions()) -> [Double] {
        let paths = BrandesGraph(self, options: options)
        var workspace = BrandesWorkspace(vertexCount: vertexCount)
        var centrality = [Double](repeating: 0, count: vertexCount)
        for s in 0 ..< vertexCount {
            workspace.accumulateDependencies(from: Int32(s), in: paths, weighted: options.weighted,
                                             into: &centrality)
        }
        let scale = BetweennessScaling.scale(vertexCount: vertexCount, options: options, pivots: vertexCount,
                                      isPivot: false)
        if scale != 1 {
            for v in centrality.indices { centrality[v] *= scale }
        }
        return centrality
    }

    /// Betweenness centrality estimated from a random sample of source vertices ("pivots").
    ///
    /// Brandes & Pich (2007): run Brandes' single-source stage from `pivots` vertices drawn
    /// uniformly without replacement, and extrapolate. The estimate of *v* is the sum of its
    /// dependencies on the pivots other than *v*, scaled by `(n − 1) / (number of such pivots)` —
    /// an unbiased estimate of the exact value, because those pivots are a uniform sample of the
    /// `n − 1` sources that can contribute to *v* (networkx ≥ 3.5 scales the same way). With `k`
    /// pivots a pivot's own estimate rests on `k − 1` sources, so with one pivot it is 0. With
    /// `pivots ≥ n` the result is exact. The error falls as 1/√`pivots`, and how many pivots
    /// suffice depends on the graph: where a few vertices stand out (hubs, gateways) a small
    /// sample finds them, but where betweenness is flat (a random graph with weak communities)
    /// even a large sample ranks the most central vertices poorly, since their values differ by
    /// less than the sampling error.
    ///
    /// Conventions and normalisation are those of ``betweennessCentrality(_:)``.
    ///
    /// > U. Brandes and C. Pich, "Centrality estimation in large networks," *Int. J. Bifurcation
    /// > and Chaos* 17(7), 2303–2318 (2007), doi:10.1142/S0218127407018403.
    ///
    /// - Parameters:
    ///   - pivots: how many source vertices to sample; at least 1.
    ///   - options: direction, weighting and normalisation.
    ///   - generator: the source of the sample.
    /// - Complexity: O(*kE*) unweighted, O(*k* (*E* + *V*) log *V*) weighted, for *k* pivots.
    public func sampledBetweennessCentrality(
        pivots: Int, _ options: BetweennessOptions = BetweennessOptions(),
        using generator: inout some RandomNumberGenerator
    ) -> [Double] {
        precondition(pivots >= 1, "at least one pivot is needed")
        let n = vertexCount
        let k = Swift.min(pivots, n)
        // The first k entries of a partial Fisher–Yates shuffle: a uniform sample without
        // replacement, drawn in a fixed sequence.
        var order = (0 ..< n).map { Int32($0) }
        for i in 0 ..< k {
            let j = i + generator.uniformIndex(below: n - i)
            order.swapAt(i, j)
        }
        return betweenness(pivots: Array(order.prefix(k)), options)
    }

    /// Brandes–Pich betweenness estimated from the given distinct pivots (exact when they are
    /// all the vertices); the sampling step of ``sampledBetweennessCentrality(pivots:_:using:)``.
    ///
    /// - Complexity: as ``sampledBetweennessCentrality(pivots:_:using:)``.
    func betweenness(pivots: [Int32], _ options: BetweennessOptions) -> [Double] {
        let n = vertexCount
        let paths = BrandesGraph(self, options: options)
        var workspace = BrandesWorkspace(vertexCount: n)
        var centrality = [Double](repeating: 0, count: n)
        var isPivot = [Bool](repeating: false, count: n)
        for s in pivots {
            precondition(!isPivot[Int(s)], "pivots must be distinct")
            isPivot[Int(s)] = true
            workspace.accumulateDependencies(from: s, in: paths, weighted: options.weighted, into: &centrality)
        }
        let k = pivots.count
        let pivotScale = BetweennessScaling.scale(vertexCount: n, options: options, pivots: k, isPivot: true)
        let otherScale = BetweennessScaling.scale(vertexCount: n, options: options, pivots: k, isPivot: false)
        for v in 0 ..< n {
            centrality[v] *= isPivot[v] ? pivotScale : otherScale
        }
        return centrality
    }
}

/// Scaling shared by exact and sampled betweenness.
enum BetweennessScaling {
    /// The factor that turns a vertex's summed dependencies into its (estimated) betweenness.
    ///
    /// With `N = n − 1` possible sources for *v* and `K` of them sampled (`K = k − 1` when *v* is
    /// itself a pivot, else `k`), the estimate is `N / K` times the sum; undirected sums count
    /// each pair twice; normalising divides by the `N (N − 1)` ordered pairs.
    ///
    /// - Complexity: O(1).
    static func scale(vertexCount n: Int, options: BetweennessOptions, pivots k: Int, isPivot: Bool) -> Double {
        let sources = n - 1
        guard sources >= 2 else { return 1 }
        let sampled = Double(k == n ? sources : (isPivot ? k - 1 : k))
        guard sampled > 0 else { return 0 }
        if options.normalized {
            return 1 / (sampled * Double(sources - 1))
        }
        return Double(sources) / (sampled * (options.directed ? 1 : 2))
    }
}

/// The graph betweenness searches: simple (no parallel edges, no self-loops), with the reading
/// of ``BetweennessOptions`` (direction, and the shortest parallel edge as length).
struct BrandesGraph {
    let offsets: [Int]
    let targets: [Int32]
    /// The length of each edge: the shortest parallel edge's weight when weighted, else 1.
    let lengths: [Double]

    /// The simple graph of `graph` under `options`, rows sorted by target.
    ///
    /// - Complexity: O(*V* + *E* log *d*).
    init(_ graph: CSRGraph, options: BetweennessOptions) {
        let n = graph.vertexCount
        var edges: [WeightedEdge] = []
        edges.reserveCapacity(graph.edgeCount * (options.directed ? 1 : 2))
        for v in 0 ..< n {
            for e in graph.offsets[v] ..< graph.offsets[v + 1] {
                let t = graph.targets[e]
                guard Int(t) != v else { continue }
                let w = graph.weights[e]
                if options.weighted {
                    precondition(w > 0 && w.isFinite, "weighted betweenness needs positive, finite weights")
                }
                edges.append(WeightedEdge(Int32(v), t, weight: w))
                if !options.directed { edges.append(WeightedEdge(t, Int32(v), weight: w)) }
            }
        }
        let raw = CSRGraph(vertexCount: n, edges: edges)
        var offsets = [Int](repeating: 0, count: n + 1)
        var targets: [Int32] = []
        var lengths: [Double] = []
        targets.reserveCapacity(raw.edgeCount)
        lengths.reserveCapacity(raw.edgeCount)
        var row: [(Int32, Double)] = []
        for v in 0 ..< n {
            row.removeAll(keepingCapacity: true)
            for e in raw.edgeRange(of: Int32(v)) { row.append((raw.targets[e], raw.weights[e])) }
            row.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            for (i, entry) in row.enumerated() where i == 0 || row[i - 1].0 != entry.0 {
                targets.append(entry.0)
                lengths.append(options.weighted ? entry.1 : 1)
            }
            offsets[v + 1] = targets.count
        }
        self.offsets = offsets
        self.targets = targets
        self.lengths = lengths
    }
}

/// The per-source state of Brandes' algorithm, allocated once and reused for every source.
///
/// Distance, path count and dependency of a vertex sit side by side (`VertexState`), because
/// the searches reach vertices in an order the layout cannot predict: packing the three makes
/// each visit one cache line instead of three. The buffer is owned by this non-copyable value
/// and freed with it; the settle order is a second buffer, so neither pays array uniqueness
/// checks in the loops that run once per edge per source.
struct BrandesWorkspace: ~Copyable {
    /// One vertex's distance, path count and dependency coefficient, side by side.
    struct VertexState {
        /// Distance from the source; −1 marks unreached.
        var distance: Double
        /// σ: the number of shortest paths from the source (a `Double`: counts overflow integers).
        var pathCount: Double
        /// During the search, −1 marks a vertex settled by Dijkstra; in the walk back,
        /// `(1 + δ) / σ`, the share of the source's dependency that each shortest path into
        /// this vertex passes on to its predecessor (so the walk divides once per vertex, not
        /// once per edge).
        var coefficient: Double
    }

    private let vertexCount: Int
    private let stateStorage: Slab<VertexState>
    private let settledStorage: Slab<Int32>
    private let state: UnsafeMutablePointer<VertexState>
    /// Vertices in the order they were settled, which is non-decreasing distance.
    private let settled: UnsafeMutablePointer<Int32>
    private var heap = BrandesHeap()

    /// A workspace for graphs of `n` vertices, every vertex unreached.
    ///
    /// - Complexity: O(*n*).
    init(vertexCount n: Int) {
        vertexCount = n
        stateStorage = Slab(count: n, repeating: VertexState(distance: -1, pathCount: 0, coefficient: 0))
        settledStorage = Slab(count: n, repeating: 0)
        state = stateStorage.base
        settled = settledStorage.base
    }

    /// Adds `δ_s(v)` to `centrality[v]` for every vertex `v ≠ s`.
    ///
    /// - Complexity: O(*E*) by breadth-first search, O((*E* + *V*) log *V*) by Dijkstra, plus the
    ///   walk back; only vertices reached from `s` are touched, and only they are reset.
    mutating func accumulateDependencies(from s: Int32, in graph: BrandesGraph, weighted: Bool,
                                         into centrality: inout [Double]) {
        let offsets = graph.offsets, targets = graph.targets, lengths = graph.lengths
        let state = self.state, settled = self.settled
        var count = 0
        state[Int(s)] = VertexState(distance: 0, pathCount: 1, coefficient: 0)
        if weighted {
            heap.removeAll()
            heap.push(0, s)
            while let (d, v) = heap.popMin() {
                let vi = Int(v)
                // Stale entry (v was pushed again with a shorter distance) or already settled.
                if d > state[vi].distance || state[vi].coefficient < 0 { continue }
                state[vi].coefficient = -1
                settled[count] = v
                count += 1
                let sigma = state[vi].pathCount
                for e in offsets[vi] ..< offsets[vi + 1] {
                    let w = Int(targets[e])
                    let alt = d + lengths[e]
                    let dw = state[w].distance
                    if dw < 0 || alt < dw {
                        state[w].distance = alt
                        state[w].pathCount = sigma
                        heap.push(alt, Int32(w))
                    } else if alt == dw {
                        state[w].pathCount += sigma
                    }
                }
            }
        } else {
            settled[0] = s
            count = 1
            var head = 0
            while head < count {
                let vi = Int(settled[head])
                head += 1
                let next = state[vi].distance + 1
                let sigma = state[vi].pathCount
                for e in offsets[vi] ..< offsets[vi + 1] {
                    let w = Int(targets[e])
                    let dw = state[w].distance
                    if dw < 0 {
                        state[w].distance = next
                        state[w].pathCount = sigma
                        settled[count] = Int32(w)
                        count += 1
                    } else if dw == next {
                        state[w].pathCount += sigma
                    }
                }
            }
        }
        // Walk back from the farthest: every successor w of v is settled after v, so δ(w) is
        // final, and δ(v) = σ(v) · Σ_w (1 + δ(w)) / σ(w). v precedes w on a shortest path exactly
        // when dist(w) = dist(v) + len(v, w), computed as in the search, so the comparison is
        // exact; unreached vertices (−1) never match.
        var i = count - 1
        while i >= 0 {
            let vi = Int(settled[i])
            let dv = state[vi].distance
            let sigma = state[vi].pathCount
            var sum = 0.0
            if weighted {
                for e in offsets[vi] ..< offsets[vi + 1] {
                    let w = state[Int(targets[e])]
                    if w.distance == dv + lengths[e] { sum += w.coefficient }
                }
            } else {
                let next = dv + 1
                for e in offsets[vi] ..< offsets[vi + 1] {
                    let w = state[Int(targets[e])]
                    if w.distance == next { sum += w.coefficient }
                }
            }
            let delta = sigma * sum
            state[vi].coefficient = (1 + delta) / sigma
            if vi != Int(s) { centrality[vi] += delta }
            i -= 1
        }
        // Reset only what this source touched.
        for i in 0 ..< count {
            state[Int(settled[i])] = VertexState(distance: -1, pathCount: 0, coefficient: 0)
        }
    }
}
