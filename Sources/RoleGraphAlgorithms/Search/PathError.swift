/// Why a path query could not be answered.
///
/// Path searches never trap on bad input that a user can cause (a weight a cost model produced,
/// a role named in `--avoid` that is also an endpoint); they throw one of these instead, and the
/// CLI turns it into a one-line message. An unreachable target is *not* an error: the searches
/// return `nil` (or an empty list) for it.
public enum PathError: Error, Hashable, Sendable, CustomStringConvertible {
    /// An edge weight is negative, NaN or infinite. Dijkstra's algorithm, and everything built on
    /// it, is only correct for finite non-negative weights, so ``PathFinder`` checks every weight
    /// once, up front, and names the first offending edge.
    ///
    /// - Parameters:
    ///   - edgeID: the edge's position in the sequence the ``CSRGraph`` was built from
    ///     (its `CSRGraph.edgeIDs` entry), so the caller can name the relation.
    ///   - source: the edge's tail.
    ///   - target: the edge's head.
    ///   - weight: the rejected value.
    case invalidWeight(edgeID: Int32, source: Int32, target: Int32, weight: Double)

    /// A vertex passed to a query is not in `0 ..< vertexCount`.
    case vertexOutOfRange(vertex: Int32, vertexCount: Int)

    /// The source or the target of a query is in its avoid set, so no path can exist; this is
    /// almost certainly a mistake in the query rather than a question with the answer "none".
    case endpointAvoided(vertex: Int32)

    /// The via vertex of a query is in its avoid set.
    case viaAvoided(vertex: Int32)

    /// `maxSteps` is negative.
    case invalidMaxSteps(Int)

    /// A via query examined its whole budget of first legs (``PathConstraints/viaLegLimit``)
    /// without being able to prove it had found the best paths.
    ///
    /// Whether a directed graph has a simple path from *s* to *t* through *v* at all is
    /// NP-complete (Fortune, Hopcroft & Wyllie 1980), so no search for via paths can be both
    /// exact and fast on every graph; ours is exact, and gives up with this error rather than
    /// run for an unbounded time or return an answer it cannot vouch for.
    case viaSearchLimitReached(legs: Int)

    /// A one-line explanation for the user, without the `rolegraph: error:` prefix.
    ///
    /// - Complexity: O(1)
    public var description: String {
        switch self {
        case let .invalidWeight(edgeID, source, target, weight):
            let problem: String
            if weight.isNaN {
                problem = "is NaN"
            } else if weight.isInfinite {
                problem = "is infinite (\(weight))"
            } else {
                problem = "is negative (\(weight))"
            }
            return "edge \(edgeID) (\(source) → \(target)) has a weight that \(problem); "
                + "path costs must be finite and non-negative"
        case let .vertexOutOfRange(vertex, count):
            return "vertex \(vertex) is out of range (the graph has \(count) vertices)"
        case let .endpointAvoided(vertex):
            return "vertex \(vertex) is an endpoint of the path and cannot also be avoided"
        case let .viaAvoided(vertex):
            return "vertex \(vertex) is both the via vertex and avoided"
        case let .invalidMaxSteps(steps):
            return "the maximum number of steps must not be negative (got \(steps))"
        case let .viaSearchLimitReached(legs):
            return "gave up after examining \(legs) routes to the via vertex without finding "
                + "enough paths through it"
        }
    }
}
