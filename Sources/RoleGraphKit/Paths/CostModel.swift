/// How much one step of a career path costs: the `--cost` option.
public enum CostModel: String, CaseIterable, Hashable, Sendable {
    /// Every move costs 1: the fewest moves.
    case hops
    /// A move costs its declared effort (1 = a small step, 5 = a major retraining).
    case effort
    /// A move costs the skill gap to the target role: its primary skills (weight 2) and secondary
    /// skills (weight 1) that neither the person's own skills nor any role earlier on the path
    /// (the starting role included) cover.
    case skills
    /// A move costs −ln of its share of the observed moves out of its role (``TransitionShares``),
    /// so the cheapest path is the most likely one. Reads the transitions' `count`; a transition
    /// without one cannot be taken.
    case likely

    /// What the model reads from the graph, for help and errors.
    public var reads: String {
        switch self {
        case .hops: "nothing (every move costs 1)"
        case .effort: "the transitions' effort (default 1)"
        case .skills: "the roles' primary and secondary skills"
        case .likely: "the transitions' count (observed moves) and the roles' stayers"
        }
    }
}

/// Turns relations into step costs for one query: a cost model, the person's skills, and
/// whether collaborations count as lateral moves.
///
/// A lateral move (along a collaboration, in either direction) is off unless `lateralCost` is
/// set. It then costs `lateralCost` under `hops` and `effort` (a collaboration declares no
/// effort), and `lateralCost` plus the skill gap under `skills`: working beside a role is a way
/// in, but not a free one.
///
/// Under `hops` and `effort` a step's cost depends only on the step. Under `skills` it depends
/// on the path before it: a step costs what its target needs that the person, the starting role
/// and every role passed through do not already cover (see ``costsDependOnPath``), so a skill is
/// paid for once, on the first step that needs it.
public struct StepCosting: Hashable, Sendable {
    /// What a step costs.
    public var model: CostModel
    /// Skills the person already has (`--have`).
    public var have: Set<SkillID>
    /// The cost of a lateral move along a collaboration; `nil` (the default) allows none.
    public var lateralCost: Double?

    /// A costing; by default declared effort, no skills of one's own, and no lateral moves.
    public init(model: CostModel = .effort, have: Set<SkillID> = [], lateralCost: Double? = nil) {
        self.model = model
        self.have = have
        self.lateralCost = lateralCost
    }

    /// Whether a step's cost depends on the roles before it on the path, which is so under
    /// `skills`. Such queries are answered by an exact search over partial paths (see
    /// ``PathSearch``) rather than by shortest paths on fixed edge weights.
    public var costsDependOnPath: Bool { model == .skills }

    /// The relation kinds a path may follow.
    var kinds: Set<RelationKind> { lateralCost == nil ? [.transition] : [.transition, .collaboration] }

    /// The cost of moving from `from` to `to` along the relation at `position` (of `kind`, with
    /// `effort`), knowing only the role left and the person's skills: the exact cost under `hops`,
    /// `effort` and `likely` (infinite for a transition with no observed move), and under `skills`
    /// the most the step can cost on any path (skills gathered earlier only lower it). It reads
    /// the relation's facts rather than a `Relation`, so that weighing an edge list's network
    /// makes no relation values.
    func cost(kind: RelationKind, effort: Double?, at position: Int, from: RoleID, to: RoleID, in graph: RoleGraph,
              shares: TransitionShares?) -> Double {
        guard model == .skills else { return cost(kind: kind, effort: effort, at: position, shares: shares) }
        let gap = graph.skillGap(to: to, knowing: graph.skills(of: from).union(have)).cost
        return kind == .collaboration ? gap + (lateralCost ?? 0) : gap
    }

    /// The cost of a step under `hops`, `effort` or `likely`, which do not read the roles: what
    /// ``cost(kind:effort:at:from:to:in:shares:)`` gives under those models, without the ids.
    ///
    /// - Precondition: the model is not `skills`.
    @inline(__always)
    func cost(kind: RelationKind, effort: Double?, at position: Int, shares: TransitionShares?) -> Double {
        let lateral = kind == .collaboration
        switch model {
        case .likely:
            if lateral { return lateralCost ?? 1 }
            return shares?.share(ofRelationAt: position).map(TransitionShares.cost(ofShare:)) ?? .infinity
        case .hops:
            return lateral ? (lateralCost ?? 1) : 1
        case .effort:
            return lateral ? (lateralCost ?? 1) : (effort ?? 1)
        case .skills:
            preconditionFailure("the skills model reads the roles")
        }
    }
}
