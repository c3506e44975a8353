import RoleGraphAlgorithms

/// Career-path queries on a ``RoleGraph``: the model-level face of RoleGraphAlgorithms'
/// `PathFinder`.
///
/// A planner fixes one ``StepCosting`` (cost model, the person's skills, lateral moves), builds
/// the role network for it once — transitions, and collaborations both ways when lateral moves
/// are allowed, each weighted by its step cost — and answers any number of queries on it. Roles
/// are named by id; results name roles and relations, never indices.
public struct RoutePlanner: Sendable {
    let graph: RoleGraph
    let costing: StepCosting
    /// The weighted network over role indices; edge ids are positions in `graph.relations`.
    let network: CSRGraph
    /// The transitions' shares of observed moves, when the graph has counts.
    let shares: TransitionShares?
    private var finder: PathFinder
    /// How the most recent ``paths(from:to:count:constraints:)`` or ``reachable(from:maxSteps:)``
    /// was answered: ``PathSearch/exact`` unless step costs depend on the path
    /// (``StepCosting/costsDependOnPath``) and the exact search reached its budget.
    public private(set) var lastSearch: PathSearch = .exact
    /// How many partial paths the exact search of a path-dependent query may create before it
    /// answers with the best of its candidates instead (``PathSearch/bestOfCandidates``).
    public static let exactSearchBudget = SkillPathSearch.defaultBudget
    /// Partial paths a path-dependent search may create; lowered by tests to reach the fallback.
    var searchBudget = SkillPathSearch.defaultBudget

    /// A planner for `graph` under `costing`.
    ///
    /// - Throws: ``RouteError/invalidArgument(_:)`` for a negative or non-finite lateral cost, or
    ///   for ``CostModel/likely`` on a graph whose transitions have no counts.
    /// - Complexity: O(*R* + *E*), plus the skill-gap work of each edge under `skills`.
    public init(graph: RoleGraph, costing: StepCosting = StepCosting()) throws(RouteError) {
        if let lateral = costing.lateralCost, !(lateral >= 0 && lateral <= GraphValidator.maximumEffort) {
            throw .invalidArgument("--lateral-cost must be a number from 0 to \(formatNumber(GraphValidator.maximumEffort)), found \(lateral)")
        }
        let hasCounts = graph.hasTransitionCounts
        if costing.model == .likely && !hasCounts {
            throw .invalidArgument("--cost likely reads \(CostModel.likely.reads), and no transition of this graph has a count "
                                   + "(an edge list's 'count' column, or 'weight', 'n', 'moves'); use --cost effort, hops or skills")
        }
        self.graph = graph
        self.costing = costing
        let shares = hasCounts ? TransitionShares(graph: graph) : nil
        self.shares = shares
        // A snapshot image holds the default network ready-made (see `SnapshotSection`).
        if costing.model == .effort && costing.lateralCost == nil, let ready = graph.defaultNetwork {
            self.network = ready.graph
            self.finder = PathFinder(ready.graph, prepared: ready.weights, reversed: ready.reversed)
            return
        }
        let network = Self.buildNetwork(graph, costing, shares)
        self.network = network
        do {
            self.finder = try PathFinder(network)
        } catch {
            // Step costs are finite and non-negative by construction (validated efforts, counts
            // of skills, a checked lateral cost), so this cannot happen for a valid graph.
            throw .invalidArgument("invalid step cost: \(error)")
        }
    }

    /// The network for `costing`: the relations of the kinds it follows, a collaboration both
    /// ways, each edge weighted by its step cost (an edge of infinite cost left out). It is laid
    /// out directly as a CSR graph by a stable counting sort over the relations, in two passes
    /// (a count, then a placement), rather than through an intermediate edge list: on a million
    /// relations that list, its ids and their remapping would be three more arrays of the
    /// network's size alive at once. Only the placement weighs an edge, except under `likely`,
    /// the one model that leaves edges out.
    ///
    /// - Complexity: O(*R* + *E*) for the path-independent models; under `skills`, the skill-gap
    ///   work of each edge.
    ///
    /// - Parameter parts: how the relations are split over threads (tests split short lists);
    ///   by default one part per processor on a long list, one on a short list or under `skills`.
    static func buildNetwork(_ graph: RoleGraph, _ costing: StepCosting, _ shares: TransitionShares?,
                             parts: ContiguousParts? = nil) -> CSRGraph {
        let store = graph.relationStore
        let kinds = costing.kinds
        let follows = (stakeholder: kinds.contains(.stakeholder), collaboration: kinds.contains(.collaboration),
                       transition: kinds.contains(.transition))
        let needsIDs = costing.model == .skills
        // Only `likely` leaves edges out (a transition no one was seen making costs infinity), so
        // only it weighs an edge in the counting pass.
        let mayOmit = costing.model == .likely
        @Sendable @inline(__always) func followed(_ kind: RelationKind) -> Bool {
            switch kind {
            case .stakeholder: follows.stakeholder
            case .collaboration: follows.collaboration
            case .transition: follows.transition
            }
        }
        // The cost of the step from `a` to `b` along the relation at `position`. Only the skills
        // model reads the ids; the others weigh by position and facts alone.
        @Sendable @inline(__always) func weigh(_ kind: RelationKind, _ position: Int, _ a: Int32, _ b: Int32) -> Double {
            guard needsIDs else { return costing.cost(kind: kind, effort: store.effort(at: position), at: position, shares: shares) }
            return costing.cost(kind: kind, effort: store.effort(at: position), at: position, from: graph.id(ofRoleAt: a),
                                to: graph.id(ofRoleAt: b), in: graph, shares: shares)
        }
        let vertexCount = graph.roleCount
        let relationCount = store.count
        // Both passes split the relations into consecutive parts, one per processor: each part
        // counts, then places, its own edges, and a vertex's edges from an earlier part come
        // first, so the network is the one a single pass in relation order makes. The skills
        // model, whose costs make role values on first use, stays on one thread.
        let parts = costing.model == .skills ? ContiguousParts(serial: relationCount) : parts ?? ContiguousParts(count: relationCount)
        // Under `likely` the counting pass weighs each relation's forward edge (a logarithm) to
        // leave out the infinite ones; the placing pass reads that weight here rather than
        // computing it again.
        var forwardWeights = [Double](repeating: 0, count: mayOmit ? relationCount : 0)
        // Per part, per vertex: the edges the part gives the vertex, then (after the sum below)
        // the slot where the part places the first of them.
        var next = [Int](repeating: 0, count: parts.count * vertexCount)
        next.withUnsafeMutableBufferPointer { next in
            forwardWeights.withUnsafeMutableBufferPointer { forwardWeights in
                let counts = SharedPointer(next), weighed = SharedPointer(forwardWeights)
                parts.forEach { part, range in
                    let counts = counts.base + part * vertexCount
                    for position in range {
                        let kind = store.kind(at: position)
                        guard followed(kind) else { continue }
                        let (a, b) = graph.endpoints(ofRelationAt: position)
                        if mayOmit { weighed.base[position] = weigh(kind, position, a, b) }
                        if !mayOmit || weighed.base[position].isFinite { counts[Int(a)] += 1 }
                        if kind.isSymmetric && (!mayOmit || weigh(kind, position, b, a).isFinite) { counts[Int(b)] += 1 }
                    }
                }
            }
        }
        let offsets = parts.startSlots(&next, buckets: vertexCount)
        let edgeCount = offsets[vertexCount]
        var targets = [Int32](repeating: 0, count: edgeCount)
        var weights = [Double](repeating: 0, count: edgeCount)
        var edgeIDs = [Int32](repeating: 0, count: edgeCount)
        next.withUnsafeMutableBufferPointer { next in
            targets.withUnsafeMutableBufferPointer { targets in
                weights.withUnsafeMutableBufferPointer { weights in
                    edgeIDs.withUnsafeMutableBufferPointer { edgeIDs in
                        let slots = SharedPointer(next), targets = SharedPointer(targets), weights = SharedPointer(weights)
                        let edgeIDs = SharedPointer(edgeIDs)
                        let weighed = forwardWeights
                        parts.forEach { part, range in
                            let next = slots.base + part * vertexCount
                            @inline(__always) func place(_ a: Int32, _ b: Int32, _ weight: Double, _ position: Int) {
                                guard weight.isFinite else { return }
                                let slot = next[Int(a)]
                                next[Int(a)] = slot &+ 1
                                targets.base[slot] = b
                                weights.base[slot] = weight
                                edgeIDs.base[slot] = Int32(truncatingIfNeeded: position)
                            }
                            // In the order the relations are stored, the forward edge of a
                            // collaboration before its backward one: the counting pass's order.
                            for position in range {
                                let kind = store.kind(at: position)
                                guard followed(kind) else { continue }
                                let (a, b) = graph.endpoints(ofRelationAt: position)
                                place(a, b, mayOmit ? weighed[position] : weigh(kind, position, a, b), position)
                                if kind.isSymmetric { place(b, a, weigh(kind, position, b, a), position) }
                            }
                        }
                    }
                }
            }
        }
        return CSRGraph(vertexCount: vertexCount, offsets: offsets, targets: targets, weights: weights, edgeIDs: edgeIDs)
    }

    // MARK: Queries

    /// The `count` best loopless paths from `from` to `to`, cheapest first (ties: fewer steps,
    /// then file order of the roles), under `constraints`.
    ///
    /// - Throws: ``RouteError/noPath(from:to:reachableFrom:reaching:constrained:lateral:)`` when
    ///   there is none, with what each end can reach; other ``RouteError``s for bad arguments.
    /// - Complexity: O(`count` · *h* · *S*) for paths of *h* steps (Yen's algorithm), where *S* is
    ///   one single-pair search: O((*R* + *E*) log *R*), or O(*K* · *E*) under a limit of *K*
    ///   steps. A `via` query stops after a fixed number of routes.
    public mutating func paths(
        from: RoleID, to: RoleID, count: Int = 1, constraints: RouteConstraints = RouteConstraints()
    ) throws(RouteError) -> [CareerPath] {
        guard count >= 1 else { throw .invalidArgument("the number of paths must be at least 1, found \(count)") }
        if let maxSteps = constraints.maxSteps, maxSteps < 1 {
            throw .invalidArgument("--max-steps must be at least 1, found \(maxSteps)")
        }
        let source = try index(from), target = try index(to)
        if from == to { throw .invalidArgument("'\(from)' is both the start and the goal") }
        if constraints.avoid.contains(from) { throw .endpointAvoided(from) }
        if constraints.avoid.contains(to) { throw .endpointAvoided(to) }
        var avoid: Set<Int32> = []
        for role in constraints.avoid { avoid.insert(try index(role)) }
        let via = try constraints.via.map { (role: RoleID) throws(RouteError) -> Int32 in try index(role) }
        if let via, avoid.contains(via) {
            throw .invalidArgument("'\(constraints.via!)' cannot be both avoided and passed through")
        }
        let pathConstraints = PathConstraints(avoid: avoid, via: via, maxSteps: constraints.maxSteps)
        if costing.costsDependOnPath {
            let found = try pathDependentPaths(from: source, to: target, count: count, constraints: pathConstraints,
                                               via: constraints.via)
            if found.isEmpty { throw noPath(from: source, to: target, constrained: !constraints.isEmpty) }
            return found
        }
        lastSearch = .exact
        let found: [GraphPath]
        do {
            found = try finder.shortestPaths(from: source, to: target, count: count, constraints: pathConstraints)
        } catch {
            throw map(error, via: constraints.via)
        }
        if found.isEmpty { throw noPath(from: source, to: target, constrained: !constraints.isEmpty) }
        return found.map(careerPath)
    }

    /// `paths` when step costs depend on the path. First Yen's best paths under the
    /// path-independent costs (each an upper bound of its true cost), costed exactly: none means
    /// there is no path, so the error comes at once; otherwise their exact costs bound the exact
    /// best-first search over partial paths. Should that search reach its budget, the answer is
    /// the best of those candidates and of the paths the search had already proved optimal.
    private mutating func pathDependentPaths(
        from source: Int32, to target: Int32, count: Int, constraints: PathConstraints, via viaRole: RoleID?
    ) throws(RouteError) -> [CareerPath] {
        var candidates: [CareerPath] = []
        do {
            candidates = try finder.shortestPaths(from: source, to: target, count: max(count, Self.fallbackCandidates),
                                                  constraints: constraints).map(careerPath)
            if candidates.isEmpty { return [] }
        } catch .viaSearchLimitReached {
            // No candidates through the via role: the exact search alone decides.
        } catch {
            throw map(error, via: viaRole)
        }
        let search = SkillPathSearch(graph: graph, network: network, costing: costing)
        let outcome = search.search(sources: [(source, 0)], goal: target, count: count, avoid: constraints.avoid,
                                    via: constraints.via, maxSteps: constraints.maxSteps, budget: searchBudget,
                                    costBound: Self.bound(candidates.map(\.cost), count: count))
        let proven = outcome.found.map {
            careerPath(vertices: search.vertices(of: $0, in: outcome.partials), edges: search.edges(of: $0, in: outcome.partials))
        }
        if !outcome.budgetReached {
            lastSearch = .exact
            return proven
        }
        lastSearch = .bestOfCandidates
        var seen = Set(proven.map(\.roles))
        var all = proven
        for candidate in candidates where seen.insert(candidate.roles).inserted { all.append(candidate) }
        let ranked = all.enumerated().sorted {
            ($0.element.cost, $0.element.steps.count, $0.offset) < ($1.element.cost, $1.element.steps.count, $1.offset)
        }
        return ranked.prefix(count).map(\.element)
    }

    /// The most a path among the `count` best can cost, given the exact costs of some paths:
    /// the `count`-th smallest of them, or, with fewer, the largest (then they may be all there
    /// are); unbounded with none.
    static func bound(_ costs: [Double], count: Int) -> Double {
        guard !costs.isEmpty else { return .infinity }
        let sorted = costs.sorted()
        return sorted[min(count, sorted.count) - 1]
    }

    /// How many candidate paths the fallback of a path-dependent search costs exactly.
    static let fallbackCandidates = 20

    /// Every role reachable from `from`, with the cheapest path to it, nearest first.
    ///
    /// - Parameter from: the role to start from.
    /// - Parameter maxSteps: only paths of at most this many steps.
    /// - Throws: ``RouteError/invalidArgument(_:)`` for an unknown role or a step limit below 1.
    /// - Complexity: O((*R* + *E*) log *R*), or O(*K* · *E*) under a limit of *K* steps; a path
    ///   is made when it is read (``ReachableRoles``). Under `skills`, the exact search over
    ///   partial paths, within its budget.
    public mutating func reachable(from: RoleID, maxSteps: Int? = nil) throws(RouteError) -> ReachableRoles {
        if let maxSteps, maxSteps < 1 { throw .invalidArgument("--max-steps must be at least 1, found \(maxSteps)") }
        let source = try index(from)
        let tree: ShortestPathTree
        do {
            tree = try finder.shortestPathTree(from: source, maxSteps: maxSteps)
        } catch {
            throw map(error, via: nil)
        }
        var best: [Int32: CareerPath] = [:]
        lastSearch = .exact
        // Each role's cost as its `CareerPath` adds it (its steps' costs, in order), for the
        // order nearest first; the paths themselves are made only when read.
        var costs: [Double]
        if costing.costsDependOnPath {
            // Every role the tree reaches (the start too) is settled by the exact search, unless
            // its budget runs out first; the rest then keep the tree's path, costed exactly.
            // The tree's paths, costed exactly, bound each role's best cost (see `roleBounds`).
            let reachable = (0 ..< Int32(graph.roleCount)).filter { tree.isReachable($0) }
            var bounds = [Double](repeating: -.infinity, count: graph.roleCount)
            for v in reachable { bounds[Int(v)] = tree.path(to: v).map { careerPath($0).cost } ?? .infinity }
            let search = SkillPathSearch(graph: graph, network: network, costing: costing)
            let outcome = search.search(sources: [(source, 0)], goal: nil, count: reachable.count, maxSteps: maxSteps,
                                        budget: searchBudget, roleBounds: bounds)
            for found in outcome.found where outcome.partials[Int(found)].vertex != source {
                best[outcome.partials[Int(found)].vertex] = careerPath(
                    vertices: search.vertices(of: found, in: outcome.partials), edges: search.edges(of: found, in: outcome.partials))
            }
            if outcome.budgetReached { lastSearch = .bestOfCandidates }
            costs = bounds
        } else {
            costs = tree.pathSums(of: network.weights)
        }
        // Nearest first: by cost, then steps, then file order.
        var steps = tree.hopCounts
        for (v, path) in best {
            costs[Int(v)] = path.cost
            steps[Int(v)] = Int32(path.steps.count)
        }
        let order = (0 ..< Int32(graph.roleCount)).filter { $0 != source && (best[$0] != nil || tree.isReachable($0)) }
            .sorted { (costs[Int($0)], steps[Int($0)], $0) < (costs[Int($1)], steps[Int($1)], $1) }
        return ReachableRoles(planner: self, tree: tree, exact: best, order: order)
    }

    /// The moves out of a role, cheapest first (ties in file order).
    ///
    /// - Throws: ``RouteError/invalidArgument(_:)`` for an unknown role.
    /// - Complexity: O(*d* log *d*) for *d* moves out of the role, plus a skill gap for each.
    public func moves(from: RoleID) throws(RouteError) -> [CareerStep] {
        let source = try index(from)
        var steps: [CareerStep] = []
        for e in network.edgeRange(of: source) {
            steps.append(step(from: source, to: network.targets[e], relationAt: Int(network.edgeIDs[e]), cost: network.weights[e]))
        }
        return steps.enumerated().sorted { ($0.element.cost, $0.offset) < ($1.element.cost, $1.offset) }.map(\.element)
    }

    // MARK: Mapping between roles and indices

    private func index(_ role: RoleID) throws(RouteError) -> Int32 {
        guard let index = graph.index(of: role) else {
            throw .invalidArgument("no role '\(role)'")
        }
        return index
    }

    func careerPath(_ path: GraphPath) -> CareerPath {
        careerPath(vertices: path.vertices, edges: path.edgePositions)
    }

    /// The path along `edges` of the network through `vertices`. Each step's skills to learn are
    /// what its target needs beyond the person's skills and those of every role before it on the
    /// path; under a path-dependent model that gap (plus any lateral cost) is also the step's
    /// cost, so the printed steps always add up to the printed total.
    func careerPath(vertices: [Int32], edges: [Int32]) -> CareerPath {
        var steps: [CareerStep] = []
        var known = costing.have.union(graph.skills(of: graph.role(at: vertices[0]).id))
        for (i, position) in edges.enumerated() {
            let p = Int(position)
            let to = graph.role(at: vertices[i + 1]).id
            let relation = graph.relationStore.relation(at: Int(network.edgeIDs[p]))
            let gap = graph.skillGap(to: to, knowing: known)
            let cost = costing.costsDependOnPath
                ? gap.cost + (relation.kind == .collaboration ? (costing.lateralCost ?? 0) : 0)
                : network.weights[p]
            let position = Int(network.edgeIDs[p])
            steps.append(CareerStep(from: graph.role(at: vertices[i]).id, to: to, relation: relation,
                                    relationPosition: position, cost: cost, skillsToLearn: gap,
                                    share: shares?.share(ofRelationAt: position)))
            known.formUnion(graph.skills(of: to))
        }
        return CareerPath(start: graph.role(at: vertices[0]).id, steps: steps, cost: steps.reduce(0) { $0 + $1.cost })
    }

    private func step(from: Int32, to: Int32, relationAt position: Int, cost: Double) -> CareerStep {
        let a = graph.role(at: from).id, b = graph.role(at: to).id
        let known = graph.skills(of: a).union(costing.have)
        return CareerStep(from: a, to: b, relation: graph.relationStore.relation(at: position), relationPosition: position, cost: cost,
                          skillsToLearn: graph.skillGap(to: b, knowing: known),
                          share: shares?.share(ofRelationAt: position))
    }

    /// The no-path error, with what the start reaches and what reaches the goal (ignoring the
    /// constraints, so the user sees whether the graph or the constraints are to blame).
    private mutating func noPath(from source: Int32, to target: Int32, constrained: Bool) -> RouteError {
        let forward = (try? finder.shortestPathTree(from: source, maxSteps: nil))
        let reachable = (0 ..< Int32(graph.roleCount)).filter { $0 != source && forward?.isReachable($0) == true }
        let backward = network.reversed()
        var seen = [Bool](repeating: false, count: graph.roleCount)
        var stack: [Int32] = [target]
        seen[Int(target)] = true
        while let v = stack.popLast() {
            for e in backward.edgeRange(of: v) where !seen[Int(backward.targets[e])] {
                seen[Int(backward.targets[e])] = true
                stack.append(backward.targets[e])
            }
        }
        let reaching = (0 ..< Int32(graph.roleCount)).filter { $0 != target && seen[Int($0)] }
        return .noPath(from: graph.role(at: source).id, to: graph.role(at: target).id,
                       reachableFrom: reachable.map { graph.role(at: $0).id },
                       reaching: reaching.map { graph.role(at: $0).id },
                       constrained: constrained, lateral: costing.lateralCost != nil)
    }

    private func map(_ error: PathError, via: RoleID?) -> RouteError {
        switch error {
        case .endpointAvoided(let vertex): return .endpointAvoided(graph.role(at: vertex).id)
        case .viaSearchLimitReached:
            if let via { return .viaSearchLimitReached(via: via) }
            return .invalidArgument(error.description)
        default: return .invalidArgument(error.description)
        }
    }
}
