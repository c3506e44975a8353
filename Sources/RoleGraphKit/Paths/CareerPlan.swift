import RoleGraphAlgorithms

/// How well a person's skills fit a role today.
public struct RoleFit: Hashable, Sendable {
    /// The role measured.
    public var role: RoleID
    /// What the role needs that the person does not have.
    public var gap: SkillGap
}

/// One way to the goal: a role to start in, then moves to the goal.
public struct PlannedRoute: Hashable, Sendable {
    /// The role to get into first, and the skills that takes.
    public var start: RoleFit
    /// The moves from the start to the goal; empty when the start is the goal itself.
    public var path: CareerPath
    /// The start's skill gap plus the path's cost, under the `skills` cost model.
    public var cost: Double
}

/// Which roles a plan may start in.
public enum StartPolicy: Hashable, Sendable {
    /// Only roles people commonly enter the field through (`entry_level: true`, or not stated):
    /// the article's newcomer.
    case entryLevel
    /// Any role: for someone with relevant experience ("some of the roles … are not entry-level,
    /// but may be accessible to readers with relevant experience").
    case any
}

/// The answer to "I have these skills and want that role" — the article's advice: pick a north
/// star, see what you already have, find the stepping stones.
public struct CareerPlan: Hashable, Sendable {
    /// The person's skills, sorted by id.
    public var have: [SkillID]
    /// The role the person wants.
    public var goal: RoleID
    /// Every role, closest to the person's skills first.
    public var closest: [RoleFit]
    /// The best routes to the goal, cheapest first.
    public var routes: [PlannedRoute]
}

extension RoleGraph {
    /// Plans a way from a person's skills to a goal role.
    ///
    /// Roles are first ranked by the skill gap from `have` alone (ties: entry-level roles first,
    /// then file order): the roles one is closest to today. Routes are then the `routes` cheapest
    /// ways of entering some role and moving on to the goal, costed with the `skills` model: the
    /// entry costs the gap from `have`, every move the gap from the role left and `have`.
    ///
    /// Internally a virtual start vertex gets an edge to every role weighted by its entry gap,
    /// and Yen's algorithm enumerates the best paths from it to the goal — so the choice of a
    /// start and of the moves after it are optimised together, exactly.
    ///
    /// - Throws: ``RouteError/noPath(from:to:reachableFrom:reaching:constrained:lateral:)`` when
    ///   no allowed start leads to the goal; ``RouteError/invalidArgument(_:)`` for a route count
    ///   below 1 or a bad lateral cost.
    ///
    /// - Parameter have: the skills the person has.
    /// - Parameter goal: the role the person wants.
    /// - Parameter count: how many routes to return, at least 1.
    /// - Parameter lateralCost: the cost of a move along a collaboration; `nil` allows none.
    /// - Parameter starts: which roles a route may start in; by default entry-level ones.
    /// - Complexity: O(*R* log *R* + *E* · *s*) to rank the roles and cost every move, for *s*
    ///   skills per role, plus Yen's search: O(`count` · *h* · (*R* + *E*) log *R*) for routes of
    ///   *h* steps.
    public func plan(
        have: Set<SkillID>, goal: RoleID, routes count: Int = 3, lateralCost: Double? = nil, starts: StartPolicy = .entryLevel
    ) throws(RouteError) -> CareerPlan {
        guard count >= 1 else { throw .invalidArgument("the number of paths must be at least 1, found \(count)") }
        guard let goalIndex = index(of: goal) else { throw .invalidArgument("no role '\(goal)'") }
        let planner = try RoutePlanner(graph: self, costing: StepCosting(model: .skills, have: have, lateralCost: lateralCost))

        let fits = roles.map { RoleFit(role: $0.id, gap: skillGap(to: $0.id, knowing: have)) }
        let closest = fits.enumerated().sorted { a, b in
            let ka = (a.element.gap.cost, role(a.element.role)?.entryLevel == true ? 0 : 1, a.offset)
            let kb = (b.element.gap.cost, role(b.element.role)?.entryLevel == true ? 0 : 1, b.offset)
            return ka < kb
        }.map(\.element)

        // The network plus a virtual start vertex (index R) with an entry edge to every role.
        let base = planner.network
        let start = Int32(roles.count)
        var edges = base.edges
        var ids = base.edgeIDs
        // `edges` is in CSR order, so `ids` lines up with it.
        for (i, fit) in fits.enumerated() where starts == .any || roles[i].entryLevel != false {
            edges.append(WeightedEdge(start, Int32(i), weight: fit.gap.cost))
            ids.append(-1)
        }
        let built = CSRGraph(vertexCount: roles.count + 1, edges: edges)
        let extended = CSRGraph(vertexCount: built.vertexCount, offsets: built.offsets, targets: built.targets,
                                weights: built.weights, edgeIDs: built.edgeIDs.map { ids[Int($0)] })
        var finder: PathFinder
        do { finder = try PathFinder(extended) } catch { throw .invalidArgument("invalid step cost: \(error)") }
        let found: [GraphPath]
        do {
            found = try finder.shortestPaths(from: start, to: goalIndex, count: count, constraints: .none)
        } catch {
            throw .invalidArgument(error.description)
        }
        if found.isEmpty {
            let entries = roles.filter { starts == .any || $0.entryLevel != false }.map(\.id)
            var reaching: [RoleID] = []
            for relation in relations where planner.costing.kinds.contains(relation.kind) {
                let other = relation.to == goal ? relation.from : (relation.kind.isSymmetric && relation.from == goal ? relation.to : nil)
                if let other, !reaching.contains(other) { reaching.append(other) }
            }
            throw .noRoute(goal: goal, starts: entries, reaching: reaching, entryLevelOnly: starts == .entryLevel,
                           lateral: lateralCost != nil)
        }
        let routes = found.map { path -> PlannedRoute in
            let entry = fits[Int(path.vertices[1])]
            var steps: [CareerStep] = []
            var cost = 0.0
            for i in 1 ..< path.edgePositions.count {
                let p = Int(path.edgePositions[i])
                let from = role(at: path.vertices[i]).id, to = role(at: path.vertices[i + 1]).id
                let position = Int(extended.edgeIDs[p])
                steps.append(CareerStep(from: from, to: to, relation: relations[position], relationPosition: position,
                                        cost: extended.weights[p],
                                        skillsToLearn: skillGap(to: to, knowing: skills(of: from).union(have))))
                cost += extended.weights[p]
            }
            return PlannedRoute(start: entry, path: CareerPath(start: entry.role, steps: steps, cost: cost), cost: path.cost)
        }
        return CareerPlan(have: have.sorted(), goal: goal, closest: closest, routes: routes)
    }
}

// The JSON form: the graph file's key names; facts the graph does not state are omitted.
extension RoleFit: Encodable {
    private enum CodingKeys: String, CodingKey { case role, gap }
    /// Encodes the fit as the role and its skill gap.
    ///
    /// - Throws: The encoder's errors.
    /// - Complexity: Linear in the size of the encoded value.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(role.rawValue, forKey: .role)
        try c.encode(gap, forKey: .gap)
    }
}

// The JSON form: the graph file's key names; facts the graph does not state are omitted.
extension PlannedRoute: Encodable {
    private enum CodingKeys: String, CodingKey { case start, path, cost }
    /// Encodes the route as its start, its path and its cost.
    ///
    /// - Throws: The encoder's errors.
    /// - Complexity: Linear in the size of the encoded value.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(start, forKey: .start)
        try c.encode(path, forKey: .path)
        try c.encode(cost, forKey: .cost)
    }
}

// The JSON form: the graph file's key names; facts the graph does not state are omitted.
extension CareerPlan: Encodable {
    private enum CodingKeys: String, CodingKey { case have, goal, closest, routes }
    /// Encodes the plan: the skills, the goal, the closest roles and the routes.
    ///
    /// - Throws: The encoder's errors.
    /// - Complexity: Linear in the size of the encoded value.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(have.map(\.rawValue), forKey: .have)
        try c.encode(goal.rawValue, forKey: .goal)
        try c.encode(closest, forKey: .closest)
        try c.encode(routes, forKey: .routes)
    }
}
