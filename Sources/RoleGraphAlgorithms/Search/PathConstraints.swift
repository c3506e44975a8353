/// Restrictions on the paths a query may return: the `--avoid`, `--via` and `--max-steps`
/// options of `rolegraph path`. Every combination is allowed, with any number of paths.
///
/// - `avoid`: vertices no returned path uses. Avoiding the source or the target is an error
///   (``PathError/endpointAvoided(vertex:)``), not an empty answer.
/// - `avoidEdges`: edges no returned path uses, named by their `CSRGraph.edgeIDs` value (the
///   position of the relation in the list the graph was built from).
/// - `via`: every returned path passes through this vertex. The paths are exactly the simple
///   paths from source to target that contain `via`, in the usual order (see ``GraphPath``);
///   a via equal to the source or the target constrains nothing, and a query from a vertex to
///   itself through another vertex has no answer (its only simple path is the vertex alone).
///   Each path is a simple path to `via` followed by a simple path from it that shares no other
///   vertex with the first.
/// - `maxSteps`: no returned path has more than this many edges. The search is exact: it returns
///   the cheapest path among those with at most `maxSteps` edges, which is in general *not* the
///   cheapest path cut short, nor the path with fewest edges.
public struct PathConstraints: Hashable, Sendable {
    /// Vertices that no returned path may use.
    public var avoid: Set<Int32>
    /// Edges, by `CSRGraph.edgeIDs` value, that no returned path may use.
    public var avoidEdges: Set<Int32>
    /// A vertex every returned path must pass through.
    public var via: Int32?
    /// The largest number of edges a returned path may have; `nil` for no limit.
    public var maxSteps: Int?
    /// How many routes to the via vertex a via query may examine before it gives up with
    /// ``PathError/viaSearchLimitReached(legs:)``. Ignored without `via`.
    ///
    /// A via path is found by taking routes *s* → via in order of cost and, for each, the best
    /// continuation via → *t* that avoids it. On most graphs the first route or the first few
    /// already give the answer; the limit only matters on graphs where almost every route to
    /// the via vertex blocks every way on from it.
    public var viaLegLimit: Int

    /// No constraints.
    ///
    /// - Complexity: O(1)
    public static var none: PathConstraints { PathConstraints() }

    /// Creates constraints; the defaults constrain nothing.
    ///
    /// - Complexity: O(1) beyond storing the sets.
    public init(
        avoid: Set<Int32> = [],
        avoidEdges: Set<Int32> = [],
        via: Int32? = nil,
        maxSteps: Int? = nil,
        viaLegLimit: Int = 1_000
    ) {
        self.avoid = avoid
        self.avoidEdges = avoidEdges
        self.via = via
        self.maxSteps = maxSteps
        self.viaLegLimit = viaLegLimit
    }
}
