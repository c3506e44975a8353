import RoleGraphAlgorithms

/// The roles reachable from one role, nearest first, each with its best path: what
/// ``RoutePlanner/reachable(from:maxSteps:)`` finds.
///
/// A path is made when it is read. A network whose roles lie along long chains reaches each role
/// by a path of thousands of moves, and every path made at once would hold all of those moves,
/// the square of the chain's length; a table of the nearest fifty reads fifty paths, and JSON
/// writes them one at a time.
public struct ReachableRoles: RandomAccessCollection, Sendable {
    /// The planner whose network and costing make the paths.
    private let planner: RoutePlanner
    /// The search's tree; its paths are the answers for roles not in `exact`.
    private let tree: ShortestPathTree
    /// The paths an exact search over partial paths found (path-dependent costs), by role.
    private let exact: [Int32: CareerPath]
    /// The roles, nearest first: by cost, then steps, then file order.
    private let order: [Int32]

    init(planner: RoutePlanner, tree: ShortestPathTree, exact: [Int32: CareerPath], order: [Int32]) {
        self.planner = planner
        self.tree = tree
        self.exact = exact
        self.order = order
    }

    /// The position of the nearest role: 0.
    public var startIndex: Int { 0 }

    /// The number of roles reached.
    ///
    /// - Complexity: O(1).
    public var endIndex: Int { order.count }

    /// The best path to the `i`th nearest role.
    ///
    /// - Complexity: O(*h*) for a path of *h* steps, made on each call.
    public subscript(i: Int) -> CareerPath {
        let role = order[i]
        return exact[role] ?? planner.careerPath(tree.path(to: role)!)
    }
}
