/// The per-vertex state of one search direction, kept together so that relaxing an edge touches
/// one cache line for its head (24 bytes a vertex: a search over a large graph writes one per
/// vertex before it starts, and keeps them all resident).
struct VertexLabel {
    /// Tentative (or, once settled, final) distance from the search's root.
    var distance: Double
    /// Number of edges on the current best path.
    var hops: Int32
    /// Forward searches: the previous vertex on the best path; backward searches: the next one.
    /// -1 at the root.
    var parent: Int32
    /// The position of the edge to or from `parent` in the adjacency the search walks: the forward
    /// graph's CSR position, or on the backward side of a bidirectional search the reversed one
    /// (mapped to the forward position when the path is read out); -1 at the root.
    var edge: Int32
    /// Twice the generation of the search that last reached the vertex, plus one once that search
    /// settled it (popped it at its final key). `distance`, `hops`, `parent` and `edge` are
    /// meaningful only when the vertex is reached in the side's current generation: that is how
    /// a search "clears" its state in O(1). One word for both facts keeps the label at 24 bytes.
    private var stamp: UInt32

    /// A label reached in the search stamped `generation`, not settled.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    init(distance: Double, hops: Int32, parent: Int32, edge: Int32, reachedIn generation: UInt32) {
        self.distance = distance
        self.hops = hops
        self.parent = parent
        self.edge = edge
        stamp = generation &<< 1
    }

    /// A label no search has reached (generations start at 1).
    static let unreached = VertexLabel(distance: .infinity, hops: -1, parent: -1, edge: -1, reachedIn: 0)

    /// Whether the search stamped `generation` has reached the vertex.
    @inline(__always)
    func isReached(in generation: UInt32) -> Bool { stamp &>> 1 == generation }

    /// Whether the search stamped `generation` has settled the vertex.
    @inline(__always)
    func isSettled(in generation: UInt32) -> Bool { stamp == generation &<< 1 | 1 }

    /// Marks the vertex settled by the search stamped `generation`, which has reached it.
    @inline(__always)
    mutating func settle(in generation: UInt32) { stamp = generation &<< 1 | 1 }
}

/// One direction of a search: labels, generation and heap.
struct SearchSide {
    /// Each vertex's label, current only where stamped with `generation`.
    var labels: Slab<VertexLabel>
    /// The stamp of the current search.
    var generation: UInt32 = 0
    /// The search's queue, kept between searches for its capacity.
    var heap = QuaternaryHeap()
    /// The vertices in the order they were settled (filled only when a caller asks for it).
    var order: ContiguousArray<Int32> = []

    /// Labels for `vertexCount` vertices, none reached.
    init(vertexCount: Int) {
        labels = Slab(count: vertexCount, repeating: .unreached)
    }

    /// Starts a new search: O(1), except once every 2³¹ searches, when the stamps (twice the
    /// generation, plus one) would wrap, and are cleared for real.
    mutating func begin() {
        generation &+= 1
        if generation == 1 << 31 {
            labels.reset(to: .unreached)
            generation = 1
        }
        heap.removeAll()
        order.removeAll(keepingCapacity: true)
    }
}

/// Per-vertex slots of the hop-bounded search (see `HopBoundedSearch.swift`).
struct RoundSlot {
    /// The cheapest cost found for the vertex in any finished round, valid when `bestStamp` is
    /// current.
    var bestCost: Double
    var bestLabel: Int32
    var bestStamp: UInt32
    /// The best candidate in the round being built, valid when `candidateStamp` is current.
    var candidateStamp: UInt32
    var candidateCost: Double
    var candidateParent: Int32
    var candidateEdge: Int32
}

/// The reverse adjacency a backward search walks: built once per graph on first use, or read in
/// place from a snapshot image that stored it.
final class ReverseIndex: Sendable {
    /// `offsets[v] ..< offsets[v + 1]` indexes the edges entering `v`.
    let offsets: Column<Int>
    /// For each entering edge, its tail: an edge *u* → *v* of the forward graph appears here as
    /// *u* in `v`'s row.
    let sources: Column<Int32>
    /// The weight of each entering edge, the forward edge's; empty when ``compact`` holds them.
    let weights: Column<Double>
    /// For each entering edge, the position of the forward edge it reverses.
    let forwardPosition: Column<Int32>
    /// The search weights both ways in fewer bytes, when a snapshot image stored them so: what
    /// the bidirectional search then reads, in place of the forward graph's weights and
    /// ``weights``.
    let compact: CompactSearchWeights?

    /// Reverses `forward` remembering, for each reversed edge, the position it came from. Edge
    /// ids are not used for that: they need not be dense or unique (the model gives both
    /// directions of a collaboration the id of its one relation). The edge order is that of
    /// ``CSRGraph/reversed()``: each row in forward order (by source, then forward position),
    /// which lets the backward search compare two reversed edges by their positions here.
    ///
    /// - Complexity: O(*V* + *E*).
    init(_ forward: CSRGraph) {
        let n = forward.vertexCount
        var offsets = [Int](repeating: 0, count: n + 1)
        for t in forward.targets { offsets[Int(t) + 1] += 1 }
        for v in 0 ..< n { offsets[v + 1] += offsets[v] }
        var next = offsets
        var sources = [Int32](repeating: 0, count: forward.edgeCount)
        var weights = [Double](repeating: 0, count: forward.edgeCount)
        var positions = [Int32](repeating: 0, count: forward.edgeCount)
        for v in 0 ..< n {
            for e in forward.edgeRange(of: Int32(v)) {
                let t = Int(forward.targets[e])
                let slot = next[t]
                next[t] = slot + 1
                sources[slot] = Int32(v)
                weights[slot] = forward.weights[e]
                positions[slot] = Int32(e)
            }
        }
        self.offsets = Column(offsets)
        self.sources = Column(sources)
        self.weights = Column(weights)
        forwardPosition = Column(positions)
        compact = nil
    }

    /// A reverse index stated by a reader that checked it against its forward graph (see
    /// ``PathFinder/ReversedAdjacency``).
    init(offsets: Column<Int>, sources: Column<Int32>, weights: Column<Double>, forwardPosition: Column<Int32>,
         compact: CompactSearchWeights?) {
        self.offsets = offsets
        self.sources = sources
        self.weights = weights
        self.forwardPosition = forwardPosition
        self.compact = compact
    }

    /// Calls `body` with unsafe views of the reversed adjacency: offsets, sources, weights, as
    /// ``CSRGraph/withUnsafeAdjacency(_:)`` does for the forward one.
    @inline(__always)
    func withUnsafeAdjacency<R>(
        _ body: (UnsafeBufferPointer<Int>, UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Double>) throws -> R
    ) rethrows -> R {
        try withUnsafeColumns(offsets, sources, weights, body)
    }
}

/// Everything a path query needs besides the graph, allocated once and reused by later queries
/// on the same ``PathFinder``; this is what makes the searches allocation-free and lets them
/// start in O(1) instead of O(*V*).
///
/// Every array is "cleared" by bumping a generation number: an entry belongs to the current
/// search only if its stamp equals the current generation (the timestamp technique; see for
/// example Cormen et al., *Introduction to Algorithms*, 3rd ed., exercise 11.1-4).
///
/// A `SearchScratch` is owned by exactly one ``PathFinder`` value at a time: a finder that is
/// copied and then queried gets a fresh scratch (copy-on-write), so the class is never mutated
/// from two places at once. That is why its `@unchecked Sendable` is sound.
final class SearchScratch: @unchecked Sendable {
    let vertexCount: Int
    let edgeCount: Int

    private var forwardStorage: SearchSide?
    private var backwardStorage: SearchSide?
    private var roundStorage: Slab<RoundSlot>?

    /// Vertex bans: a vertex is banned when its stamp equals `vertexBanGeneration`.
    private(set) var bannedVertex: Slab<UInt32>?
    private(set) var vertexBanGeneration: UInt32 = 0
    private(set) var hasVertexBans = false
    /// Edge bans, by forward CSR position.
    private(set) var bannedEdge: Slab<UInt32>?
    private(set) var edgeBanGeneration: UInt32 = 0
    private(set) var hasEdgeBans = false

    /// Labels of the hop-bounded search: one per (vertex, round) state worth keeping.
    var labelVertex: ContiguousArray<Int32> = []
    var labelParent: ContiguousArray<Int32> = []
    var labelEdge: ContiguousArray<Int32> = []
    var labelCost: ContiguousArray<Double> = []
    var labelHops: ContiguousArray<Int32> = []
    var roundGeneration: UInt32 = 0
    /// Scratch for materialising two candidate paths in the bidirectional search.
    var pathA: ContiguousArray<Int32> = []
    var pathB: ContiguousArray<Int32> = []
    var pathEdgesA: ContiguousArray<Int32> = []
    var pathEdgesB: ContiguousArray<Int32> = []
    /// The BFS queue of `reachable(from:)`.
    var queue: ContiguousArray<Int32> = []
    /// The queue of single-source searches on whole-number weights, kept between searches for
    /// its buckets' capacity (`nil` while a search holds it, or before the first).
    var radixHeap: RadixHeap?

    /// Shared with copies: immutable once built.
    var reverse: ReverseIndex?
    /// Whether a single-pair search has run on this scratch (or the one it was copied from):
    /// the next may build ``reverse`` (see `PathFinder`, "Which algorithm answers").
    var hasSearchedOnePair = false

    /// Scratch for a graph of these sizes; every buffer is allocated on first use.
    init(vertexCount: Int, edgeCount: Int) {
        self.vertexCount = vertexCount
        self.edgeCount = edgeCount
    }

    /// A scratch for a copy of the owning finder: the same graph-derived indexes, fresh buffers.
    func freshCopy() -> SearchScratch {
        let copy = SearchScratch(vertexCount: vertexCount, edgeCount: edgeCount)
        copy.reverse = reverse
        copy.hasSearchedOnePair = hasSearchedOnePair
        return copy
    }

    /// The forward side, allocated on first use.
    var forward: SearchSide {
        _read {
            if forwardStorage == nil { forwardStorage = SearchSide(vertexCount: vertexCount) }
            yield forwardStorage!
        }
        _modify {
            if forwardStorage == nil { forwardStorage = SearchSide(vertexCount: vertexCount) }
            yield &forwardStorage!
        }
    }

    /// The backward side, allocated on first use.
    var backward: SearchSide {
        _read {
            if backwardStorage == nil { backwardStorage = SearchSide(vertexCount: vertexCount) }
            yield backwardStorage!
        }
        _modify {
            if backwardStorage == nil { backwardStorage = SearchSide(vertexCount: vertexCount) }
            yield &backwardStorage!
        }
    }

    /// The per-vertex slots of the hop-bounded search, allocated on first use.
    var rounds: Slab<RoundSlot> {
        if let slots = roundStorage { return slots }
        let slots = Slab(
            count: vertexCount,
            repeating: RoundSlot(
                bestCost: .infinity, bestLabel: -1, bestStamp: 0, candidateStamp: 0,
                candidateCost: .infinity, candidateParent: -1, candidateEdge: -1))
        roundStorage = slots
        return slots
    }

    /// Starts a new hop-bounded search (two stamps per round are used; see `HopBoundedSearch`).
    func beginRounds(maxRounds: Int) -> UInt32 {
        let needed = UInt64(maxRounds) + 2
        if UInt64(roundGeneration) + needed >= UInt64(UInt32.max) {
            rounds.reset(to: RoundSlot(
                bestCost: .infinity, bestLabel: -1, bestStamp: 0, candidateStamp: 0,
                candidateCost: .infinity, candidateParent: -1, candidateEdge: -1))
            roundGeneration = 0
        }
        roundGeneration += 1
        labelVertex.removeAll(keepingCapacity: true)
        labelParent.removeAll(keepingCapacity: true)
        labelEdge.removeAll(keepingCapacity: true)
        labelCost.removeAll(keepingCapacity: true)
        labelHops.removeAll(keepingCapacity: true)
        return roundGeneration
    }

    /// Reserves the stamps a hop-bounded search used, so the next search starts above them.
    func endRounds(lastStamp: UInt32) {
        roundGeneration = lastStamp
    }

    /// The reverse index, built on first use.
    func reverseIndex(of graph: CSRGraph) -> ReverseIndex {
        if let reverse { return reverse }
        let built = ReverseIndex(graph)
        reverse = built
        return built
    }

    // MARK: Bans

    /// Lifts every ban: O(1).
    func clearBans() {
        hasVertexBans = false
        hasEdgeBans = false
    }

    /// Replaces the current bans with these vertices and edges (forward CSR positions).
    ///
    /// - Complexity: O(number of bans); O(*V*) or O(*E*) once, when the ban arrays are first
    ///   needed, and once every 2³² ban sets.
    func setBans(vertices: some Sequence<Int32>, edges: some Sequence<Int32>) {
        hasVertexBans = false
        hasEdgeBans = false
        var vertexIterator = vertices.makeIterator()
        if let first = vertexIterator.next() {
            if bannedVertex == nil { bannedVertex = Slab(count: vertexCount, repeating: 0) }
            vertexBanGeneration &+= 1
            if vertexBanGeneration == 0 {
                bannedVertex!.reset(to: 0)
                vertexBanGeneration = 1
            }
            let slab = bannedVertex!
            slab[Int(first)] = vertexBanGeneration
            while let v = vertexIterator.next() { slab[Int(v)] = vertexBanGeneration }
            hasVertexBans = true
        }
        var edgeIterator = edges.makeIterator()
        if let first = edgeIterator.next() {
            if bannedEdge == nil { bannedEdge = Slab(count: edgeCount, repeating: 0) }
            edgeBanGeneration &+= 1
            if edgeBanGeneration == 0 {
                bannedEdge!.reset(to: 0)
                edgeBanGeneration = 1
            }
            let slab = bannedEdge!
            slab[Int(first)] = edgeBanGeneration
            while let e = edgeIterator.next() { slab[Int(e)] = edgeBanGeneration }
            hasEdgeBans = true
        }
    }

    /// A snapshot of the current bans for a hot loop: plain values, no class access per edge.
    var banView: BanView {
        BanView(
            vertices: hasVertexBans ? bannedVertex!.base : nil, vertexGeneration: vertexBanGeneration,
            edges: hasEdgeBans ? bannedEdge!.base : nil, edgeGeneration: edgeBanGeneration)
    }
}

/// The current bans, as plain values a search loop can hold in registers.
struct BanView {
    let vertices: UnsafeMutablePointer<UInt32>?
    let vertexGeneration: UInt32
    let edges: UnsafeMutablePointer<UInt32>?
    let edgeGeneration: UInt32

    @inline(__always)
    func isBanned(vertex v: Int32) -> Bool {
        if let vertices { return vertices[Int(v)] == vertexGeneration }
        return false
    }

    /// Whether any edge is banned, checked before an edge's forward position is even read.
    @inline(__always)
    var bansEdges: Bool { edges != nil }

    @inline(__always)
    func isBanned(edge e: Int) -> Bool {
        if let edges { return edges[e] == edgeGeneration }
        return false
    }
}

extension CSRGraph {
    /// Calls `body` with unsafe views of the adjacency arrays: offsets, targets, weights.
    ///
    /// The searches' inner loops run inside this so they are free of bounds and uniqueness
    /// checks; every index they form comes from the CSR structure itself.
    @inline(__always)
    func withUnsafeAdjacency<R>(
        _ body: (UnsafeBufferPointer<Int>, UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Double>) throws -> R
    ) rethrows -> R {
        try withUnsafeColumns(offsets, targets, weights, body)
    }
}

/// Calls `body` with unsafe views of an adjacency's three columns (offsets, other ends,
/// weights), valid only during the call: the one place both directions of a search get them.
@inline(__always)
func withUnsafeColumns<Weight, R>(
    _ offsets: Column<Int>, _ ends: Column<Int32>, _ weights: Column<Weight>,
    _ body: (UnsafeBufferPointer<Int>, UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Weight>) throws -> R
) rethrows -> R {
    try offsets.withUnsafeBufferPointer { offsets in
        try ends.withUnsafeBufferPointer { ends in
            try weights.withUnsafeBufferPointer { weights in
                try body(offsets, ends, weights)
            }
        }
    }
}
