/// The result of a single-source search: for every vertex, whether it can be reached, at what
/// cost, in how many steps, and by which path.
///
/// Paths are best in the order of ``GraphPath`` (cost, then fewer edges, then lexicographically
/// smallest), so `path(to:)` answers exactly what ``PathFinder/shortestPath(from:to:constraints:)``
/// would for the same source, target and constraints.
///
/// Without a step limit the paths form a tree (each vertex's path extends its predecessor's),
/// stored as one predecessor edge per vertex. With a step limit they need not: the best path to
/// *v* with at most *K* edges may reach *u* by a different route than the best path to *u*
/// itself. The result then keeps the (vertex, steps) states of ``PathFinder``'s hop-bounded
/// search, and `predecessorEdge(of:)` is still the last edge of `path(to:)`.
///
/// A search told to stop at a target (`stoppingAt:`) is not complete (``isComplete`` is
/// `false`): it answers for the target and for every vertex it had finished with before the
/// target — all of them at least as close as the target, each answer exact — and reports the
/// rest as unreached.
public struct ShortestPathTree: Sendable {
    /// The vertex the search started from.
    public let source: Int32
    /// The step limit of the search, if any.
    public let maxSteps: Int?
    /// `false` if the search stopped at a target before reaching everything it could.
    public let isComplete: Bool
    /// The cost of the best path to each vertex; `.infinity` when unreached.
    public let distances: [Double]
    /// The number of edges of the best path to each vertex; -1 when unreached.
    public let hopCounts: [Int32]
    /// The reached vertices, the source first, in non-decreasing order of (distance, hops).
    public let reachableVertices: [Int32]

    /// The graph searched, whose edge ids the paths report.
    let graph: CSRGraph
    /// The paths, as a tree or as (vertex, steps) states.
    let storage: Storage

    /// How the paths of a search are stored.
    enum Storage: Sendable {
        /// A tree: the last edge (CSR position) and previous vertex of each vertex's path.
        case tree(parents: [Int32], edges: [Int32])
        /// (vertex, steps) states: each vertex's best state, and each state's vertex, parent
        /// state and last edge.
        case states(best: [Int32], vertex: [Int32], parent: [Int32], edge: [Int32])
    }

    /// Wraps a search's results, checked with `ROLEGRAPH_INTERNAL_CHECKS`.
    init(
        source: Int32, maxSteps: Int?, isComplete: Bool, distances: [Double], hopCounts: [Int32],
        reachableVertices: [Int32], graph: CSRGraph, storage: Storage
    ) {
        self.source = source
        self.maxSteps = maxSteps
        self.isComplete = isComplete
        self.distances = distances
        self.hopCounts = hopCounts
        self.reachableVertices = reachableVertices
        self.graph = graph
        self.storage = storage
        checkInvariants()
    }

    /// The number of vertices of the graph searched.
    ///
    /// - Complexity: O(1)
    public var vertexCount: Int { distances.count }

    /// Whether the search reached `vertex`.
    ///
    /// - Precondition: `vertex` is in `0 ..< vertexCount`.
    /// - Complexity: O(1)
    public func isReachable(_ vertex: Int32) -> Bool {
        hopCounts[Int(vertex)] >= 0
    }

    /// The cost of the best path to `vertex`, or `nil` if it was not reached.
    ///
    /// - Precondition: `vertex` is in `0 ..< vertexCount`.
    /// - Complexity: O(1)
    public func distance(to vertex: Int32) -> Double? {
        isReachable(vertex) ? distances[Int(vertex)] : nil
    }

    /// The number of edges of the best path to `vertex`, or `nil` if it was not reached.
    ///
    /// - Precondition: `vertex` is in `0 ..< vertexCount`.
    /// - Complexity: O(1)
    public func hops(to vertex: Int32) -> Int? {
        isReachable(vertex) ? Int(hopCounts[Int(vertex)]) : nil
    }

    /// The CSR position of the last edge of the best path to `vertex`; `nil` for the source and
    /// for unreached vertices.
    ///
    /// - Precondition: `vertex` is in `0 ..< vertexCount`.
    /// - Complexity: O(1)
    public func predecessorEdge(of vertex: Int32) -> Int32? {
        guard isReachable(vertex) else { return nil }
        switch storage {
        case let .tree(_, edges):
            let e = edges[Int(vertex)]
            return e >= 0 ? e : nil
        case let .states(best, _, _, edges):
            let e = edges[Int(best[Int(vertex)])]
            return e >= 0 ? e : nil
        }
    }

    /// The best path from ``source`` to `vertex`, or `nil` if it was not reached.
    ///
    /// - Precondition: `vertex` is in `0 ..< vertexCount`.
    /// - Complexity: O(*h*), the number of edges of the path.
    public func path(to vertex: Int32) -> GraphPath? {
        guard let hops = hops(to: vertex) else { return nil }
        var vertices = [Int32](repeating: 0, count: hops + 1)
        var edges = [Int32](repeating: 0, count: hops)
        var ids = [Int32](repeating: 0, count: hops)
        switch storage {
        case let .tree(parents, edgeOf):
            var at = vertex
            for i in stride(from: hops, to: 0, by: -1) {
                vertices[i] = at
                edges[i - 1] = edgeOf[Int(at)]
                ids[i - 1] = graph.edgeIDs[Int(edgeOf[Int(at)])]
                at = parents[Int(at)]
            }
            vertices[0] = at
        case let .states(best, vertexOf, parentOf, edgeOf):
            var state = best[Int(vertex)]
            for i in stride(from: hops, to: 0, by: -1) {
                vertices[i] = vertexOf[Int(state)]
                edges[i - 1] = edgeOf[Int(state)]
                ids[i - 1] = graph.edgeIDs[Int(edgeOf[Int(state)])]
                state = parentOf[Int(state)]
            }
            vertices[0] = vertexOf[Int(state)]
        }
        return GraphPath(vertices: vertices, edgePositions: edges, edgeIDs: ids, cost: distances[Int(vertex)])
    }

    /// For each vertex, the sum of `weights` (one per edge of the graph searched, in its CSR
    /// order) along its best path, added from the source as a walk along the path adds them
    /// (`.nan` when unreached); and its number of edges.
    ///
    /// It gives what summing each ``path(to:)``'s weights gives, without making the paths: a
    /// search that reaches every vertex of a long, thin network has paths of thousands of edges
    /// each, and making them all at once would hold all of those edges.
    ///
    /// - Complexity: O(*V*) for a tree; O(*V* · *h*) for a search under a step limit, whose
    ///   paths are at most *h* edges long.
    package func pathSums(of weights: Column<Double>) -> [Double] {
        var sums = [Double](repeating: .nan, count: vertexCount)
        switch storage {
        case let .tree(parents, edges):
            // A vertex is reached after its parent (a larger (distance, hops)), so the sum at the
            // parent is known when the vertex comes.
            for v in reachableVertices {
                let parent = parents[Int(v)]
                sums[Int(v)] = parent < 0 ? 0 : sums[Int(parent)] + weights[Int(edges[Int(v)])]
            }
        case let .states(best, _, parentOf, edgeOf):
            var edges: [Int32] = []
            for v in reachableVertices {
                edges.removeAll(keepingCapacity: true)
                var state = best[Int(v)]
                while parentOf[Int(state)] >= 0 {
                    edges.append(edgeOf[Int(state)])
                    state = parentOf[Int(state)]
                }
                sums[Int(v)] = edges.reversed().reduce(0) { $0 + weights[Int($1)] }
            }
        }
        return sums
    }

    /// Checks, when built with `ROLEGRAPH_INTERNAL_CHECKS`, that every reached vertex's path
    /// starts at the source, follows real edges, and has the recorded cost and length.
    ///
    /// - Complexity: O(*V* · *h*) when enabled; free otherwise.
    func checkInvariants() {
        #if ROLEGRAPH_INTERNAL_CHECKS
        precondition(distances.count == hopCounts.count)
        precondition(reachableVertices.first == source)
        for v in reachableVertices {
            let p = path(to: v)!
            precondition(p.source == source && p.target == v && p.isSimple)
            let rebuilt = GraphPath(source: source, edgePositions: p.edgePositions, in: graph)
            precondition(rebuilt.vertices == p.vertices && rebuilt.cost == p.cost)
            precondition(maxSteps.map { p.hops <= $0 } ?? true)
        }
        #endif
    }
}
