// The one relaxation kernel of every search, and the one order on paths they all break ties by.
//
// Every search in this module (Dijkstra, its distances-only form, bidirectional Dijkstra in both
// directions, breadth-first search, the hop-bounded rounds) reads a vertex's out-edges through
// `Adjacency.forEachEdge(of:_:)`, which skips banned vertices and edges; and every label-setting
// search offers a candidate label through `VertexLabel.offer`, which applies the order of
// `GraphPath`. A search's own code is only what differs between them: its queue and when it stops.

/// How a search maps the edges it walks to their position in the forward CSR graph, which is what
/// bans and results use. A search hands its labels the position in the adjacency it walks; the
/// backward side of a bidirectional search maps those only for bans, the path it returns and
/// tied candidates.
protocol EdgeNumbering {
    /// The forward CSR position of the edge at `position` in the adjacency being walked.
    func forwardPosition(_ position: Int) -> Int
}

/// The forward graph: an edge's position is its own.
struct ForwardNumbering: EdgeNumbering {
    @inline(__always)
    func forwardPosition(_ position: Int) -> Int { position }
}

/// The reversed graph of a ``ReverseIndex``: each edge maps back to the forward edge it reverses.
struct ReversedNumbering: EdgeNumbering {
    /// For each reversed edge, the forward position of the edge it reverses.
    let positions: UnsafeBufferPointer<Int32>

    @inline(__always)
    func forwardPosition(_ position: Int) -> Int { Int(positions[position]) }
}

/// One adjacency as a search walks it: unsafe views of the CSR arrays, how its edges are
/// numbered, and the bans in force. Valid only inside the `withUnsafeAdjacency` closure whose
/// views it holds.
struct Adjacency<Numbering: EdgeNumbering, Weights: SearchWeightColumn> {
    let offsets: UnsafeBufferPointer<Int>
    let targets: UnsafeBufferPointer<Int32>
    let weights: Weights
    let numbering: Numbering
    let bans: BanView

    /// Calls `body(v, edge, weight)` for every out-edge `u → v` of `u` in CSR order, skipping
    /// banned edges and banned heads; `edge` is the edge's position in this adjacency, which
    /// ``numbering`` maps to its forward CSR position.
    ///
    /// The only loop over edges in the searches. Every index it forms comes from the CSR
    /// structure itself, so it runs without bounds checks; `body` is inlined into it. An edge's
    /// forward position is read only when edges are banned: a reversed adjacency's positions
    /// are a column of their own, and a search that reads it per edge keeps most of it in
    /// memory (a snapshot maps it, 4 bytes per edge).
    ///
    /// - Complexity: O(out-degree of `u`).
    @inline(__always)
    func forEachEdge(of u: Int32, _ body: (_ v: Int32, _ edge: Int32, _ weight: Double) -> Void) {
        var position = offsets[Int(u)]
        let end = offsets[Int(u) &+ 1]
        while position < end {
            defer { position &+= 1 }
            if bans.bansEdges && bans.isBanned(edge: numbering.forwardPosition(position)) { continue }
            let v = targets[position]
            if bans.isBanned(vertex: v) { continue }
            body(v, Int32(truncatingIfNeeded: position), weights[searchWeight: position])
        }
    }
}

extension Adjacency where Numbering == ForwardNumbering {
    /// The forward adjacency of a graph, from the views of ``CSRGraph/withUnsafeAdjacency(_:)``.
    ///
    /// Made inside the search's own `withUnsafeAdjacency` closure rather than through a wrapper
    /// that takes a closure of its own: one closure level less keeps the queue's uniqueness
    /// checks out of the loop.
    @inline(__always)
    init(offsets: UnsafeBufferPointer<Int>, targets: UnsafeBufferPointer<Int32>, weights: Weights, bans: BanView) {
        self.init(offsets: offsets, targets: targets, weights: weights, numbering: ForwardNumbering(), bans: bans)
    }
}

/// The order on paths every search breaks ties by (see ``GraphPath``): by cost, then number of
/// edges, then vertex sequence, then edge sequence. Cost and edges are compared where a label is
/// offered (``VertexLabel/offer(distance:hops:parent:edge:generation:precedes:)``); the two
/// functions here decide the rest, from whichever end of the two paths the search knows.
enum PathOrder {
    /// Whether `x`'s path + edge `e` precedes `y`'s path + edge `f`, for two prefixes of equal
    /// cost and length that end in the same vertex: their vertex sequences first differ just
    /// below the node where their chains merge, and if `x == y` only the last edge differs.
    ///
    /// A node is a vertex of a search tree (Dijkstra) or a label of the hop-bounded search;
    /// `parent` walks towards the root and `vertex` names a node's vertex.
    ///
    /// - Complexity: O(depth of `x` and `y` below the node where their chains merge).
    @inline(__always)
    static func prefixPrecedes(
        _ x: Int32, _ e: Int32, _ y: Int32, _ f: Int32,
        parent: (Int32) -> Int32, vertex: (Int32) -> Int32
    ) -> Bool {
        if x == y { return e < f }
        var a = x
        var b = y
        while true {
            let pa = parent(a)
            let pb = parent(b)
            if pa == pb { return vertex(a) < vertex(b) }
            a = pa
            b = pb
        }
    }

    /// Whether edge `e` then the best suffix from `x` precedes edge `f` then the best suffix
    /// from `y`, for two suffixes of equal cost and length that start at the same vertex: the
    /// vertex sequences differ at their second vertex unless `x == y`, in which case the rest is
    /// the same suffix and only the first edge differs.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    static func suffixPrecedes(_ x: Int32, _ e: Int32, _ y: Int32, _ f: Int32) -> Bool {
        x < y || (x == y && e < f)
    }
}

extension VertexLabel {
    /// Offers the label (`distance`, `hops`, reached from `parent` over `edge`) to the vertex
    /// whose label this is, in the search stamped `generation`: it replaces the current label if
    /// the vertex is unreached, or unsettled with a worse (distance, hops) key, or the same key
    /// and a path that comes first by `precedes` (``PathOrder``). A settled label is final.
    ///
    /// - Returns: whether the key changed, so the vertex must be (re)queued.
    /// - Complexity: O(1) plus one call of `precedes` on an exact tie.
    @inline(__always)
    mutating func offer(
        distance: Double, hops: Int32, parent: Int32, edge: Int32, generation: UInt32,
        precedes: (_ parent: Int32, _ edge: Int32, _ currentParent: Int32, _ currentEdge: Int32) -> Bool
    ) -> Bool {
        if !isReached(in: generation) {
            self = VertexLabel(distance: distance, hops: hops, parent: parent, edge: edge, reachedIn: generation)
            return true
        }
        if isSettled(in: generation) { return false }
        if distance < self.distance || (distance == self.distance && hops < self.hops) {
            self.distance = distance
            self.hops = hops
            self.parent = parent
            self.edge = edge
            return true
        }
        if distance == self.distance && hops == self.hops && precedes(parent, edge, self.parent, self.edge) {
            self.parent = parent
            self.edge = edge
        }
        return false
    }
}
