import RoleGraphAlgorithms

/// How a path query whose step costs depend on the path (the `skills` cost model) was answered.
public enum PathSearch: String, Hashable, Sendable {
    /// Every path the query could return was considered: the paths are the true optimum.
    case exact
    /// The exact search reached its budget of partial paths, so the answer is the best of a set
    /// of candidate paths (found under path-independent costs, then costed exactly). Printed
    /// totals are still the true totals of the printed paths; a cheaper path may exist.
    case bestOfCandidates = "best-of-candidates"
}

/// The exact search for the cheapest simple paths when a step's cost depends on the path before
/// it: under the `skills` model a step costs what its target role needs that the person, the
/// starting role and every role passed through do not already cover.
///
/// Such costs break Dijkstra's assumption (the cost of an edge is fixed), so this is a
/// best-first search over *partial paths* rather than vertices: the cheapest partial path is
/// taken from a heap and extended by every move to a role not yet on it, with that move's cost
/// given the skills gathered so far. Costs are non-negative, so partial paths leave the heap in
/// non-decreasing cost, and the first `count` that end at the goal are the `count` cheapest
/// simple paths (ties: fewer steps, then the order in which they were found). The number of
/// partial paths can grow exponentially with the graph, so the search stops after `budget`
/// of them and reports that it did.
struct SkillPathSearch {
    /// Partial paths the search may create before it gives up on exactness.
    static let defaultBudget = 400_000

    /// A partial path: its last role, the partial path it extends, and the move that extended it.
    struct Partial {
        var vertex: Int32
        var parent: Int32
        /// The network edge followed into `vertex`; -1 for a path of one role.
        var edge: Int32
        var cost: Double
        var steps: Int32
        var passedVia: Bool
    }

    /// What a search found.
    struct Outcome {
        /// Indices into `partials` of the paths found, cheapest first.
        var found: [Int32]
        var partials: [Partial]
        /// Whether the search stopped at its budget before it could be sure of its answer.
        var budgetReached: Bool
    }

    let graph: RoleGraph
    let network: CSRGraph
    let lateralCost: Double?
    /// Each role's skills with their weights, as indices into the graph's skills.
    private let roleSkills: [[(skill: Int32, weight: Double)]]
    /// Each role's skills as a set, to test what a path has gathered.
    private let roleSkillSets: [Set<Int32>]
    private let have: Set<Int32>

    /// - Complexity: O(*R* · *s* + *S*) for *R* roles of *s* skills and *S* skills.
    init(graph: RoleGraph, network: CSRGraph, costing: StepCosting) {
        self.graph = graph
        self.network = network
        self.lateralCost = costing.lateralCost
        var index: [SkillID: Int32] = [:]
        for (i, skill) in graph.skills.enumerated() { index[skill.id] = Int32(i) }
        roleSkills = graph.roles.map { role in
            role.primarySkills.compactMap { index[$0].map { ($0, SkillGap.primaryWeight) } }
                + role.secondarySkills.compactMap { index[$0].map { ($0, SkillGap.secondaryWeight) } }
        }
        roleSkillSets = roleSkills.map { Set($0.map(\.skill)) }
        have = Set(costing.have.compactMap { index[$0] })
    }

    /// The roles of a partial path, first to last.
    func vertices(of path: Int32, in partials: [Partial]) -> [Int32] {
        var out: [Int32] = []
        var p = path
        while p >= 0 { out.append(partials[Int(p)].vertex); p = partials[Int(p)].parent }
        return out.reversed()
    }

    /// The network edges of a partial path, first to last.
    func edges(of path: Int32, in partials: [Partial]) -> [Int32] {
        var out: [Int32] = []
        var p = path
        while p >= 0, partials[Int(p)].edge >= 0 { out.append(partials[Int(p)].edge); p = partials[Int(p)].parent }
        return out.reversed()
    }

    /// What moving into `target` costs after visiting `visited`: the weights of its skills that
    /// neither the person nor any visited role has, plus the lateral cost for a collaboration.
    ///
    /// - Complexity: O(*s* · *h*) for *s* skills of the target and *h* roles visited.
    func stepCost(into target: Int32, after visited: [Int32], lateral: Bool) -> Double {
        var gap = 0.0
        for (skill, weight) in roleSkills[Int(target)] where !have.contains(skill) {
            if !visited.contains(where: { roleSkillSets[Int($0)].contains(skill) }) { gap += weight }
        }
        return lateral ? gap + (lateralCost ?? 0) : gap
    }

    /// Whether network edge `e` follows a collaboration (a lateral move).
    func isLateral(_ e: Int) -> Bool {
        graph.relations[Int(network.edgeIDs[e])].kind == .collaboration
    }

    /// The cost of a given path of roles and edges, step by step, with skills gathered along it.
    ///
    /// - Complexity: O(*h*² · *s*) for *h* steps.
    func stepCosts(vertices: [Int32], edges: [Int32]) -> [Double] {
        var costs: [Double] = []
        for (i, e) in edges.enumerated() {
            costs.append(stepCost(into: vertices[i + 1], after: Array(vertices[...i]), lateral: isLateral(Int(e))))
        }
        return costs
    }

    /// The `count` cheapest simple paths from any of `sources` (each with the cost of starting
    /// there) to `goal`, or, with no goal, the cheapest path to each of the first `count` roles
    /// settled (pass the number of reachable roles to stop as soon as all are settled).
    ///
    /// - Complexity: O(*P* · (log *P* + *d* · *h* · *s*)) for *P* ≤ `budget` partial paths of at
    ///   most *h* steps, *d* moves out of a role and *s* skills per role.
    ///
    /// - Parameter costBound: partial paths costing more are dropped. Pass the `count`-th best
    ///   exact cost among known paths to the goal: no path costing more can be among the `count`
    ///   best, and costs never fall as a path grows, so nothing an answer needs is dropped.
    /// - Parameter roleBounds: with no goal, the exact cost of some path to each role (infinity
    ///   for none). A partial path costing more than every role not yet settled could reach can
    ///   settle nothing, so it is dropped; the bound falls as roles settle.
    func search(
        sources: [(vertex: Int32, cost: Double)], goal: Int32?, count: Int,
        avoid: Set<Int32> = [], via: Int32? = nil, maxSteps: Int? = nil, budget: Int = defaultBudget,
        costBound: Double = .infinity, roleBounds: [Double]? = nil
    ) -> Outcome {
        var costBound = costBound
        func unsettledBound(_ settled: [Bool]) -> Double {
            guard let roleBounds else { return .infinity }
            var bound = -Double.infinity
            for (v, b) in roleBounds.enumerated() where !settled[v] { bound = max(bound, b) }
            return bound
        }
        var partials: [Partial] = []
        var heap = PartialHeap()
        var found: [Int32] = []
        var settled = [Bool](repeating: false, count: network.vertexCount)
        if goal == nil { costBound = min(costBound, unsettledBound(settled)) }
        for source in sources where !avoid.contains(source.vertex) && (source.cost <= costBound || goal == nil) {
            partials.append(Partial(vertex: source.vertex, parent: -1, edge: -1, cost: source.cost, steps: 0,
                                    passedVia: source.vertex == via))
            heap.push(cost: source.cost, steps: 0, index: Int32(partials.count - 1))
        }
        while let index = heap.pop() {
            let path = partials[Int(index)]
            if let goal {
                if path.vertex == goal {
                    if via == nil || path.passedVia {
                        found.append(index)
                        if found.count == count { return Outcome(found: found, partials: partials, budgetReached: false) }
                    }
                    continue
                }
            } else if !settled[Int(path.vertex)] {
                // The first path to leave the heap at a role is the cheapest to it. Costlier ones
                // are still extended: they gathered other skills, so they may lead on more cheaply.
                settled[Int(path.vertex)] = true
                found.append(index)
                if found.count == count { return Outcome(found: found, partials: partials, budgetReached: false) }
                if let roleBounds, roleBounds[Int(path.vertex)] >= costBound { costBound = min(costBound, unsettledBound(settled)) }
            }
            if let maxSteps, Int(path.steps) >= maxSteps { continue }
            let visited = vertices(of: index, in: partials)
            for e in network.edgeRange(of: path.vertex) {
                let target = network.targets[e]
                if avoid.contains(target) || visited.contains(target) { continue }
                if partials.count >= budget { return Outcome(found: found, partials: partials, budgetReached: true) }
                let cost = path.cost + stepCost(into: target, after: visited, lateral: isLateral(e))
                if cost > costBound { continue }
                partials.append(Partial(vertex: target, parent: index, edge: Int32(e), cost: cost, steps: path.steps + 1,
                                        passedVia: path.passedVia || target == via))
                heap.push(cost: cost, steps: path.steps + 1, index: Int32(partials.count - 1))
            }
        }
        return Outcome(found: found, partials: partials, budgetReached: false)
    }
}

/// A binary min-heap of partial paths by (cost, steps, creation order): the creation order
/// makes the search, and so its answers among equal costs, deterministic.
private struct PartialHeap {
    private var items: [(cost: Double, steps: Int32, index: Int32)] = []

    private static func less(_ a: (cost: Double, steps: Int32, index: Int32), _ b: (cost: Double, steps: Int32, index: Int32)) -> Bool {
        (a.cost, a.steps, a.index) < (b.cost, b.steps, b.index)
    }

    mutating func push(cost: Double, steps: Int32, index: Int32) {
        items.append((cost, steps, index))
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.less(items[child], items[parent]) else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Int32? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < items.count && Self.less(items[left], items[smallest]) { smallest = left }
                if right < items.count && Self.less(items[right], items[smallest]) { smallest = right }
                if smallest == parent { break }
                items.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return top.index
    }
}
