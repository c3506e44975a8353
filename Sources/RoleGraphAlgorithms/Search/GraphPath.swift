/// A path in a ``CSRGraph``: its vertices, the edges between them and its total cost.
///
/// ## The order of paths, and how ties are broken
///
/// Every search in RoleGraph returns paths in one total order, which is also this type's
/// `Comparable` conformance:
///
/// 1. lower ``cost`` first;
/// 2. then fewer edges (``hops``) — of two equally expensive career moves, the one with fewer
///    steps;
/// 3. then the lexicographically smaller sequence of vertex indices (compared from the source);
/// 4. then, between paths through the same vertices over different parallel edges, the
///    lexicographically smaller sequence of CSR edge positions.
///
/// Because the model layer numbers roles in a fixed order, the same graph and query always give
/// the same path, whatever the search strategy (unidirectional, bidirectional, hop-bounded or
/// Yen's), on any machine.
///
/// Why the rule can be kept by a label-setting search at all: with non-negative weights, a prefix
/// of a path that is best in this order is itself best in this order (among paths to its last
/// vertex), because 2–4 only compare paths of equal cost and length, where a better prefix
/// makes the whole path better. So Dijkstra's algorithm can break ties locally, when two
/// equally good predecessors offer themselves to a vertex. The same argument shows that a best
/// path never repeats a vertex: cutting a cycle out never raises the cost and always removes edges.
///
/// ## Cost
///
/// ``cost`` is the sum of the edge weights added from the source, in path order. When every
/// weight is an integer, or a multiple of a common power of two (such as 0.5 or 0.25), and the
/// sums stay below 2⁵³, these sums are exact and the order above holds exactly. With other
/// weights (0.1, say) floating-point rounding can make two different paths' sums tie or differ by
/// one unit in the last place; the searches are then optimal up to that rounding.
public struct GraphPath: Hashable, Sendable {
    /// The vertices in order, from the source to the target. Never empty: a path from a vertex to
    /// itself has one vertex and no edges.
    public let vertices: [Int32]
    /// The positions in the graph's `targets` / `weights` / `edgeIDs` arrays of the edges, in
    /// order; `edgePositions[i]` goes from `vertices[i]` to `vertices[i + 1]`.
    public let edgePositions: [Int32]
    /// The `CSRGraph.edgeIDs` of the edges: for each step, the position of its relation in the
    /// sequence the graph was built from.
    public let edgeIDs: [Int32]
    /// The sum of the weights of the edges, added in path order.
    public let cost: Double

    /// Creates a path from its parts, checking nothing. Used by the searches, which build paths
    /// that are valid by construction.
    init(vertices: [Int32], edgePositions: [Int32], edgeIDs: [Int32], cost: Double) {
        self.vertices = vertices
        self.edgePositions = edgePositions
        self.edgeIDs = edgeIDs
        self.cost = cost
        #if ROLEGRAPH_INTERNAL_CHECKS
        precondition(!vertices.isEmpty && edgePositions.count == vertices.count - 1)
        precondition(edgeIDs.count == edgePositions.count)
        #endif
    }

    /// Creates the path that follows `edgePositions` in `graph`, starting at `source`, computing
    /// the vertices, the edge ids and the cost.
    ///
    /// - Precondition: each edge starts where the previous one ended, the first at `source`.
    /// - Complexity: O(*h*), where *h* is the number of edges.
    public init(source: Int32, edgePositions: [Int32], in graph: CSRGraph) {
        var vertices: [Int32] = [source]
        vertices.reserveCapacity(edgePositions.count + 1)
        var ids: [Int32] = []
        ids.reserveCapacity(edgePositions.count)
        var cost = 0.0
        var at = source
        for e in edgePositions {
            precondition(graph.edgeRange(of: at).contains(Int(e)), "edge \(e) does not start at vertex \(at)")
            at = graph.targets[Int(e)]
            vertices.append(at)
            ids.append(graph.edgeIDs[Int(e)])
            cost += graph.weights[Int(e)]
        }
        self.init(vertices: vertices, edgePositions: edgePositions, edgeIDs: ids, cost: cost)
    }

    /// The first vertex.
    ///
    /// - Complexity: O(1)
    public var source: Int32 { vertices[0] }

    /// The last vertex.
    ///
    /// - Complexity: O(1)
    public var target: Int32 { vertices[vertices.count - 1] }

    /// The number of edges.
    ///
    /// - Complexity: O(1)
    public var hops: Int { edgePositions.count }

    /// Whether no vertex occurs twice. Every path a search returns is simple.
    ///
    /// - Complexity: O(*h* log *h*).
    public var isSimple: Bool {
        Set(vertices).count == vertices.count
    }

    /// Whether the path passes through `vertex` (including its endpoints).
    ///
    /// - Complexity: O(*h*).
    public func contains(_ vertex: Int32) -> Bool {
        vertices.contains(vertex)
    }
}

extension GraphPath: Comparable {
    /// Whether `a` comes before `b` in the order the searches return paths: by cost, then number
    /// of edges, then vertex sequence, then edge positions (see ``GraphPath``).
    ///
    /// - Complexity: O(*h*) in the worst case (equal cost and length); O(1) otherwise.
    public static func < (a: GraphPath, b: GraphPath) -> Bool {
        if a.cost != b.cost { return a.cost < b.cost }
        if a.hops != b.hops { return a.hops < b.hops }
        if a.vertices != b.vertices { return a.vertices.lexicographicallyPrecedes(b.vertices) }
        return a.edgePositions.lexicographicallyPrecedes(b.edgePositions)
    }
}

extension GraphPath: CustomStringConvertible {
    /// The vertices joined by arrows, with the cost: `0 → 3 → 7 (cost 2.5)`.
    ///
    /// - Complexity: O(*h*).
    public var description: String {
        vertices.map(String.init).joined(separator: " → ") + " (cost \(cost))"
    }
}
