/// A weighted edge between two dense vertex indices, the input to ``CSRGraph``.
public struct WeightedEdge: Hashable, Sendable {
    /// The tail: the edge leaves this vertex.
    public var source: Int32
    /// The head: the edge enters this vertex.
    public var target: Int32
    /// The edge's weight (its cost in the searches).
    public var weight: Double

    /// An edge from `source` to `target`.
    ///
    /// - Complexity: O(1).
    public init(_ source: Int32, _ target: Int32, weight: Double = 1) {
        self.source = source
        self.target = target
        self.weight = weight
    }
}

/// A directed, weighted graph in compressed sparse row (CSR) form over dense `Int32` vertices.
///
/// Every algorithm in RoleGraph runs on this layout rather than on dictionaries of ids: the
/// out-edges of vertex `v` are the contiguous slice `offsets[v] ..< offsets[v + 1]` of `targets`,
/// `weights` and `edgeIDs`, so a traversal touches three flat arrays and does no hashing. The
/// model layer (`RoleGraph`) maps role ids to indices once, when it builds a CSR view.
///
/// Edges keep their input order within each source vertex (the build is a stable counting sort),
/// which makes every traversal, and so every tie-break, deterministic.
///
/// An undirected graph is stored as a symmetric directed one: see ``symmetrized()``.
public struct CSRGraph: Sendable {
    /// The number of vertices; vertices are `0 ..< vertexCount`.
    public let vertexCount: Int
    /// `offsets[v] ..< offsets[v + 1]` indexes the out-edges of `v`. Has `vertexCount + 1` entries.
    @usableFromInline package let offsets: Column<Int>
    /// The head of each edge, grouped by source.
    package let targets: Column<Int32>
    /// The weight of each edge, parallel to `targets`.
    package let weights: Column<Double>
    /// For each edge, its position in the sequence the graph was built from, so that a result can
    /// name the original relation (for example, to print its note).
    package let edgeIDs: Column<Int32>
    /// Whether the graph is known to be symmetric: true for a graph built by ``symmetrized()``,
    /// where every edge `u → v` has its twin `v → u` of the same weight; false means unknown.
    /// Algorithms that need the vertices pointing *to* a vertex use its own row when this is set,
    /// instead of building ``reversed()``.
    package internal(set) var isKnownSymmetric = false

    /// The number of directed edges.
    ///
    /// - Complexity: O(1).
    public var edgeCount: Int { targets.count }

    /// Builds a CSR graph from edges in any order.
    ///
    /// - Precondition: every endpoint is in `0 ..< vertexCount`, checked for every edge.
    /// - Complexity: O(*V* + *E*), a stable counting sort by source.
    public init(vertexCount: Int, edges: some Collection<WeightedEdge>) {
        self.init(vertexCount: vertexCount, collecting: edges)
    }

    /// Builds a CSR graph from an array of edges in any order: the common case, compiled here
    /// for arrays so that callers in other modules do not run the generic build unspecialised.
    ///
    /// - Precondition: every endpoint is in `0 ..< vertexCount`, checked for every edge.
    /// - Complexity: O(*V* + *E*), a stable counting sort by source.
    public init(vertexCount: Int, edges: [WeightedEdge]) {
        self.init(vertexCount: vertexCount, collecting: edges)
    }

    /// The stable counting sort behind both public initialisers.
    private init(vertexCount: Int, collecting edges: some Collection<WeightedEdge>) {
        precondition(vertexCount >= 0 && vertexCount < Int(Int32.max), "vertex count out of range")
        var counts = [Int](repeating: 0, count: vertexCount + 1)
        for edge in edges {
            precondition(
                edge.source >= 0 && Int(edge.source) < vertexCount
                    && edge.target >= 0 && Int(edge.target) < vertexCount,
                "edge endpoint out of range")
            counts[Int(edge.source) + 1] += 1
        }
        for v in 0..<vertexCount { counts[v + 1] += counts[v] }
        let edgeCount = counts[vertexCount]
        var next = counts
        var targets = [Int32](repeating: 0, count: edgeCount)
        var weights = [Double](repeating: 0, count: edgeCount)
        var ids = [Int32](repeating: 0, count: edgeCount)
        var id: Int32 = 0
        for edge in edges {
            let slot = next[Int(edge.source)]
            next[Int(edge.source)] = slot + 1
            targets[slot] = edge.target
            weights[slot] = edge.weight
            ids[slot] = id
            id += 1
        }
        self.vertexCount = vertexCount
        self.offsets = Column(counts)
        self.targets = Column(targets)
        self.weights = Column(weights)
        self.edgeIDs = Column(ids)
    }

    /// Builds a CSR graph directly from its arrays, for the engine's own derived graphs
    /// (reversed, projected, renumbered), which are valid by construction.
    ///
    /// Only the lengths are checked in release builds; debug builds check the whole layout
    /// (offsets ascending from 0, every target in range), so a broken derivation fails in tests
    /// instead of reading out of bounds later.
    ///
    /// - Complexity: O(1) in release builds; O(*V* + *E*) with assertions on.
    package init(vertexCount: Int, offsets: [Int], targets: [Int32], weights: [Double], edgeIDs: [Int32]) {
        self.init(vertexCount: vertexCount, offsets: Column(offsets), targets: Column(targets), weights: Column(weights),
                  edgeIDs: Column(edgeIDs))
    }

    /// Builds a CSR graph from its columns, built by the engine or read in place from a
    /// snapshot image whose reader checked the layout; checked as the array form is.
    ///
    /// - Complexity: O(1) in release builds; O(*V* + *E*) with assertions on.
    package init(vertexCount: Int, offsets: Column<Int>, targets: Column<Int32>, weights: Column<Double>, edgeIDs: Column<Int32>) {
        precondition(offsets.count == vertexCount + 1 && offsets.last == targets.count)
        precondition(weights.count == targets.count && edgeIDs.count == targets.count)
        assert(Self.isValidLayout(vertexCount: vertexCount, offsets: offsets, targets: targets))
        self.vertexCount = vertexCount
        self.offsets = offsets
        self.targets = targets
        self.weights = weights
        self.edgeIDs = edgeIDs
    }

    /// Whether `offsets` and `targets` form a CSR layout over `vertexCount` vertices.
    ///
    /// - Complexity: O(*V* + *E*).
    static func isValidLayout(vertexCount: Int, offsets: Column<Int>, targets: Column<Int32>) -> Bool {
        guard offsets.first == 0 else { return false }
        for v in 0 ..< vertexCount where offsets[v] > offsets[v + 1] { return false }
        return targets.allSatisfy { $0 >= 0 && Int($0) < vertexCount }
    }

    /// The positions of the out-edges of `v` in `targets`, `weights` and `edgeIDs`.
    ///
    /// - Complexity: O(1).
    @inlinable
    public func edgeRange(of v: Int32) -> Range<Int> {
        offsets[Int(v)] ..< offsets[Int(v) + 1]
    }

    /// The number of out-edges of `v`.
    ///
    /// - Complexity: O(1).
    @inlinable
    public func outDegree(of v: Int32) -> Int {
        offsets[Int(v) + 1] - offsets[Int(v)]
    }

    /// All edges, in CSR order (grouped by source).
    ///
    /// - Complexity: O(*E*).
    public var edges: [WeightedEdge] {
        var result: [WeightedEdge] = []
        result.reserveCapacity(edgeCount)
        for v in 0..<vertexCount {
            for e in offsets[v] ..< offsets[v + 1] {
                result.append(WeightedEdge(Int32(v), targets[e], weight: weights[e]))
            }
        }
        return result
    }

    /// The same graph with every edge reversed; edge ids are kept, so a reversed edge still names
    /// its original relation. Used by backward and bidirectional searches.
    ///
    /// - Complexity: O(*V* + *E*).
    public func reversed() -> CSRGraph {
        var counts = [Int](repeating: 0, count: vertexCount + 1)
        for t in targets { counts[Int(t) + 1] += 1 }
        for v in 0..<vertexCount { counts[v + 1] += counts[v] }
        var next = counts
        var rTargets = [Int32](repeating: 0, count: edgeCount)
        var rWeights = [Double](repeating: 0, count: edgeCount)
        var rIDs = [Int32](repeating: 0, count: edgeCount)
        for v in 0..<vertexCount {
            for e in offsets[v] ..< offsets[v + 1] {
                let t = Int(targets[e])
                let slot = next[t]
                next[t] = slot + 1
                rTargets[slot] = Int32(v)
                rWeights[slot] = weights[e]
                rIDs[slot] = edgeIDs[e]
            }
        }
        return CSRGraph(vertexCount: vertexCount, offsets: counts, targets: rTargets, weights: rWeights, edgeIDs: rIDs)
    }

    /// The same edges with every weight 1: the unweighted reading of the graph, as in
    /// networkx/igraph when no weight attribute is given. A symmetric graph stays known to be
    /// symmetric, so `symmetrized().unweighted()` is the simple undirected graph.
    ///
    /// - Complexity: O(*E*).
    public func unweighted() -> CSRGraph {
        var result = CSRGraph(vertexCount: vertexCount, offsets: offsets, targets: targets,
                              weights: Column([Double](repeating: 1, count: edgeCount)), edgeIDs: edgeIDs)
        result.isKnownSymmetric = isKnownSymmetric
        return result
    }

    /// The undirected projection: one symmetric pair of edges per unordered pair of distinct
    /// vertices, weighted by the sum of the weights of every edge between them in either
    /// direction. Self-loops are kept once, with their summed weight. Neighbours are sorted by
    /// index. Edge ids are not meaningful in the result (they are the pair's position).
    ///
    /// Clustering and modularity are defined on this projection.
    ///
    /// - Complexity: O(*V* + *E* log *d*), where *d* is the largest degree.
    public func symmetrized() -> CSRGraph {
        var both: [WeightedEdge] = []
        both.reserveCapacity(edgeCount * 2)
        for v in 0..<vertexCount {
            for e in offsets[v] ..< offsets[v + 1] {
                let t = targets[e]
                both.append(WeightedEdge(Int32(v), t, weight: weights[e]))
                if Int(t) != v { both.append(WeightedEdge(t, Int32(v), weight: weights[e])) }
            }
        }
        let raw = CSRGraph(vertexCount: vertexCount, edges: both)
        var offsets = [Int](repeating: 0, count: vertexCount + 1)
        var targets: [Int32] = []
        var weights: [Double] = []
        targets.reserveCapacity(raw.edgeCount)
        weights.reserveCapacity(raw.edgeCount)
        var row: [(Int32, Double)] = []
        for v in 0..<vertexCount {
            row.removeAll(keepingCapacity: true)
            for e in raw.edgeRange(of: Int32(v)) { row.append((raw.targets[e], raw.weights[e])) }
            row.sort { $0.0 < $1.0 }
            var i = 0
            while i < row.count {
                var w = 0.0
                let t = row[i].0
                while i < row.count && row[i].0 == t {
                    w += row[i].1
                    i += 1
                }
                targets.append(t)
                weights.append(w)
            }
            offsets[v + 1] = targets.count
        }
        let ids = (0..<targets.count).map { Int32($0) }
        var result = CSRGraph(vertexCount: vertexCount, offsets: offsets, targets: targets, weights: weights, edgeIDs: ids)
        result.isKnownSymmetric = true
        return result
    }
}
