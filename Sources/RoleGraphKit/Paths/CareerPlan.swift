import RoleGraphAlgorithms

/// How well a person's skills fit a role today.
///
/// The fit is a *share*: of the weights of the skills the role lists (primary 2, secondary 1),
/// the part the person already has. A share, rather than the count of missing skills, is what
/// makes roles comparable when some list three skills and others forty: a role that lists few
/// skills, none of them the person's, is not close just because little is missing.
public struct RoleFit: Hashable, Sendable {
    /// The role measured.
    public var role: RoleID
    /// What the role needs that the person does not have.
    public var gap: SkillGap
    /// The weights of the role's skills the person has: 2 for each primary, 1 for each secondary.
    public var coveredWeight: Double
    /// The weights of all the role's skills.
    public var totalWeight: Double

    /// `coveredWeight / totalWeight`, from 0 to 1; `nil` for a role that lists no skills, which no
    /// skills can bring closer.
    public var coveredShare: Double? { totalWeight > 0 ? coveredWeight / totalWeight : nil }
}

/// Which rule chose the roles a plan may start in.
public enum StartRule: String, Hashable, Sendable {
    /// Only roles the graph marks `entry_level: true`; roles that say nothing are not entry-level.
    case entryLevelRoles = "entry-level-roles"
    /// Any role, because the graph states no `entry_level` fact at all.
    case anyRoleNoEntryLevelFacts = "any-role-no-entry-level-facts"
    /// Any role, because the person has relevant experience (``StartPolicy/any``).
    case anyRoleExperienced = "any-role-experienced"
}

/// One way to the goal: a role to start in, then moves to the goal.
public struct PlannedRoute: Hashable, Sendable {
    /// The role to get into first, and the skills that takes.
    public var start: RoleFit
    /// The moves from the start to the goal; empty when the start is the goal itself.
    public var path: CareerPath
    /// Under the `skills` cost model, the start's skill gap plus the path's cost; under any other
    /// model, the path's cost alone (a skill gap and, say, −ln of a share are not one unit).
    public var cost: Double
}

/// Which roles a plan may start in.
public enum StartPolicy: Hashable, Sendable {
    /// Only roles people commonly enter the field through (`entry_level: true`): the article's
    /// newcomer. A role that states nothing is not entry-level, unless no role in the graph
    /// states anything about it, in which case any role may be a start (``StartRule``).
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
    /// Which rule chose the starting roles.
    public var startRule: StartRule
    /// Whether the routes are the exact optimum or the best of a set of candidates.
    public var search: PathSearch
    /// What the routes minimise: ``CostModel/skills`` by default.
    public var costModel: CostModel = .skills
}

extension RoleGraph {
    /// How well `have` covers `role`: its skill gap and covered share (see ``RoleFit``).
    ///
    /// - Complexity: O(*s*) for *s* skills of the role.
    public func fit(of role: RoleID, knowing have: Set<SkillID>) -> RoleFit {
        let gap = skillGap(to: role, knowing: have)
        let listed = self.role(role).map {
            SkillGap.primaryWeight * Double($0.primarySkills.count) + SkillGap.secondaryWeight * Double($0.secondarySkills.count)
        } ?? 0
        return RoleFit(role: role, gap: gap, coveredWeight: listed - gap.cost, totalWeight: listed)
    }

    /// The rule that chooses a plan's starting roles under `policy`.
    ///
    /// - Complexity: O(*R*).
    public func startRule(for policy: StartPolicy) -> StartRule {
        if policy == .any { return .anyRoleExperienced }
        return roles.contains { $0.entryLevel != nil } ? .entryLevelRoles : .anyRoleNoEntryLevelFacts
    }

    /// Plans a way from a person's skills to a goal role.
    ///
    /// Roles are first ranked by the share of their weighted skills the person covers (highest
    /// first; ties: smaller gap, entry-level roles, then file order): the roles one is closest to
    /// today. Routes are then the `routes` cheapest ways of entering an allowed starting role and
    /// moving on to the goal, costed with the `skills` model: the entry costs the gap from
    /// `have`, every move what its target needs beyond `have` and the skills of every role
    /// before it on the route.
    ///
    /// Those costs depend on the route, so the routes come from the exact best-first search over
    /// partial routes (``PathSearch/exact``) — the choice of a start and of the moves after it
    /// optimised together. Should the search reach its budget, the answer is the best of Yen's
    /// candidates under path-independent costs, costed exactly (``PathSearch/bestOfCandidates``).
    ///
    /// - Throws: ``RouteError/noRoute(goal:starts:reaching:entryLevelOnly:lateral:)`` when
    ///   no allowed start leads to the goal; ``RouteError/invalidArgument(_:)`` for a route count
    ///   below 1 or a bad lateral cost.
    ///
    /// - Parameter have: the skills the person has.
    /// - Parameter goal: the role the person wants.
    /// - Parameter count: how many routes to return, at least 1.
    /// - Parameter lateralCost: the cost of a move along a collaboration; `nil` allows none.
    /// - Parameter starts: which roles a route may start in; by default entry-level ones.
    /// - Parameter model: what the routes minimise; by default `skills`. Under another model
    ///   (`likely`: the most likely way in, from observed moves) a route costs its moves alone,
    ///   starts in an allowed role other than the goal, and Yen's k shortest paths from a virtual
    ///   start answer exactly; the skill gaps are still listed, step by step.
    /// - Complexity: O(*R* log *R* + *R* · *s*) to rank the roles, plus the search: at most its
    ///   budget of partial routes, each costing O(*d* · *h* · *s*) for *d* moves out of a role and
    ///   routes of *h* steps.
    public func plan(
        have: Set<SkillID>, goal: RoleID, routes count: Int = 3, lateralCost: Double? = nil, starts: StartPolicy = .entryLevel,
        cost model: CostModel = .skills
    ) throws(RouteError) -> CareerPlan {
        try plan(have: have, goal: goal, routes: count, lateralCost: lateralCost, starts: starts,
                 searchBudget: SkillPathSearch.defaultBudget, cost: model)
    }

    func plan(
        have: Set<SkillID>, goal: RoleID, routes count: Int, lateralCost: Double?, starts: StartPolicy, searchBudget: Int,
        cost model: CostModel = .skills
    ) throws(RouteError) -> CareerPlan {
        guard count >= 1 else { throw .invalidArgument("the number of paths must be at least 1, found \(count)") }
        guard let goalIndex = index(of: goal) else { throw .invalidArgument("no role '\(goal)'") }
        let planner = try RoutePlanner(graph: self, costing: StepCosting(model: model, have: have, lateralCost: lateralCost))

        let fits = roles.map { fit(of: $0.id, knowing: have) }
        let closest = fits.enumerated().sorted { a, b in
            let ka = (-(a.element.coveredShare ?? -1), a.element.gap.cost, roles[a.offset].entryLevel == true ? 0 : 1, a.offset)
            let kb = (-(b.element.coveredShare ?? -1), b.element.gap.cost, roles[b.offset].entryLevel == true ? 0 : 1, b.offset)
            return ka < kb
        }.map(\.element)

        let rule = startRule(for: starts)
        // Under a model other than `skills` entering a role costs nothing, so the goal itself
        // would always be the best start; the question is then the best way *into* the goal.
        let allowed = roles.indices.filter {
            (rule != .entryLevelRoles || roles[$0].entryLevel == true) && (model == .skills || $0 != Int(goalIndex))
        }
        // Candidates under path-independent costs, costed exactly, bound the exact search; none
        // means no allowed start leads to the goal.
        let candidates = try candidateRoutes(planner: planner, fits: fits, allowed: allowed, goal: goalIndex, count: count)
        var routes: [PlannedRoute] = []
        var budgetReached = false
        if !planner.costing.costsDependOnPath {
            // Fixed step costs and no entry cost: Yen's routes from the virtual start are exact.
            routes = Self.best(of: candidates, count: count)
        } else if !candidates.isEmpty {
            let search = SkillPathSearch(graph: self, network: planner.network, costing: planner.costing)
            let outcome = search.search(sources: allowed.map { (Int32($0), fits[$0].gap.cost) }, goal: goalIndex,
                                        count: count, budget: searchBudget,
                                        costBound: RoutePlanner.bound(candidates.map(\.cost), count: count))
            routes = outcome.found.map {
                route(search.vertices(of: $0, in: outcome.partials), search.edges(of: $0, in: outcome.partials), planner, fits)
            }
            if outcome.budgetReached {
                budgetReached = true
                routes = Self.best(of: routes + candidates, count: count)
            }
        }
        if routes.isEmpty {
            var reaching: [RoleID] = []
            for relation in relations where planner.costing.kinds.contains(relation.kind) {
                let other = relation.to == goal ? relation.from : (relation.kind.isSymmetric && relation.from == goal ? relation.to : nil)
                if let other, !reaching.contains(other) { reaching.append(other) }
            }
            throw .noRoute(goal: goal, starts: allowed.map { roles[$0].id }, reaching: reaching,
                           entryLevelOnly: rule == .entryLevelRoles, lateral: lateralCost != nil)
        }
        return CareerPlan(have: have.sorted(), goal: goal, closest: closest, routes: routes, startRule: rule,
                          search: budgetReached ? .bestOfCandidates : .exact, costModel: model)
    }

    /// A route through `vertices` along network `edges`, its steps costed with the skills
    /// gathered on it (the entry's gap first).
    private func route(_ vertices: [Int32], _ edges: [Int32], _ planner: RoutePlanner, _ fits: [RoleFit]) -> PlannedRoute {
        let entry = fits[Int(vertices[0])]
        let path = planner.careerPath(vertices: vertices, edges: edges)
        return PlannedRoute(start: entry, path: path, cost: (planner.costing.model == .skills ? entry.gap.cost : 0) + path.cost)
    }

    /// Yen's best routes from a virtual start (an edge to every allowed start, weighted by its
    /// entry gap) under path-independent costs, each an upper bound of its true cost, costed
    /// exactly: the bound for the exact search, and its fallback.
    private func candidateRoutes(
        planner: RoutePlanner, fits: [RoleFit], allowed: [Int], goal: Int32, count: Int
    ) throws(RouteError) -> [PlannedRoute] {
        let base = planner.network
        let start = Int32(roles.count)
        var edges = base.edges
        var ids = base.edgeIDs.array
        for i in allowed {
            edges.append(WeightedEdge(start, Int32(i), weight: planner.costing.model == .skills ? fits[i].gap.cost : 0))
            ids.append(-1)
        }
        let built = CSRGraph(vertexCount: roles.count + 1, edges: edges)
        let extended = CSRGraph(vertexCount: built.vertexCount, offsets: built.offsets, targets: built.targets,
                                weights: built.weights, edgeIDs: Column(built.edgeIDs.map { ids[Int($0)] }))
        var finder: PathFinder
        do { finder = try PathFinder(extended) } catch { throw .invalidArgument("invalid step cost: \(error)") }
        let found: [GraphPath]
        do {
            found = try finder.shortestPaths(from: start, to: goal, count: max(count, RoutePlanner.fallbackCandidates),
                                             constraints: .none)
        } catch {
            throw .invalidArgument(error.description)
        }
        // Map the extended graph's edges back to the planner's network by relation and target.
        var routes: [PlannedRoute] = []
        for path in found {
            let vertices = Array(path.vertices.dropFirst())
            var networkEdges: [Int32] = []
            for i in 1 ..< path.edgePositions.count {
                let relation = extended.edgeIDs[Int(path.edgePositions[i])]
                let from = path.vertices[i], to = path.vertices[i + 1]
                if let e = base.edgeRange(of: from).first(where: { base.targets[$0] == to && base.edgeIDs[$0] == relation }) {
                    networkEdges.append(Int32(e))
                }
            }
            routes.append(route(vertices, networkEdges, planner, fits))
        }
        return routes
    }

    /// The `count` cheapest of `routes`, each route once (ties: fewer steps, then the given order).
    private static func best(of routes: [PlannedRoute], count: Int) -> [PlannedRoute] {
        var seen: Set<[RoleID]> = []
        let distinct = routes.filter { seen.insert($0.path.roles).inserted }
        let ranked = distinct.enumerated().sorted {
            ($0.element.cost, $0.element.path.steps.count, $0.offset) < ($1.element.cost, $1.element.path.steps.count, $1.offset)
        }
        return ranked.prefix(count).map(\.element)
    }
}

// The JSON form: the graph file's key names; facts the graph does not state are omitted.
extension RoleFit: Encodable {
    private enum CodingKeys: String, CodingKey { case role, gap, coveredShare = "covered_share", coveredWeight = "covered_weight", totalWeight = "total_weight" }
    /// Encodes the fit as the role, its skill gap and its covered share (`null` for a role that
    /// lists no skills).
    ///
    /// - Throws: The encoder's errors.
    /// - Complexity: Linear in the size of the encoded value.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(role.rawValue, forKey: .role)
        try c.encode(gap, forKey: .gap)
        try c.encode(coveredShare, forKey: .coveredShare)
        try c.encode(coveredWeight, forKey: .coveredWeight)
        try c.encode(totalWeight, forKey: .totalWeight)
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
    private enum CodingKeys: String, CodingKey { case have, goal, closest, routes, startRule = "start_rule", search, costModel = "cost_model" }
    /// Encodes the plan: the skills, the goal, the closest roles, the routes, the rule that chose
    /// the starting roles and the search that found the routes.
    ///
    /// - Throws: The encoder's errors.
    /// - Complexity: Linear in the size of the encoded value.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(have.map(\.rawValue), forKey: .have)
        try c.encode(goal.rawValue, forKey: .goal)
        try c.encode(closest, forKey: .closest)
        try c.encode(routes, forKey: .routes)
        try c.encode(startRule.rawValue, forKey: .startRule)
        try c.encode(search.rawValue, forKey: .search)
        try c.encode(costModel.rawValue, forKey: .costModel)
    }
}
