/// One move of a career path.
public struct CareerStep: Hashable, Sendable {
    /// The role left.
    public var from: RoleID
    /// The role moved into.
    public var to: RoleID
    /// The relation followed: a transition, or a collaboration for a lateral move.
    public var relation: Relation
    /// The relation's position in ``RoleGraph/relations``, for highlighting exactly this step.
    public var relationPosition: Int
    /// What this step costs under the query's ``CostModel``.
    public var cost: Double
    /// What `to` needs that `from` and the person's own skills do not cover.
    public var skillsToLearn: SkillGap
    /// The transition's share of the observed moves out of `from` (``TransitionShares``); `nil`
    /// when the graph has no counts, or for a lateral move.
    public var share: Double? = nil

    /// Whether the step follows a collaboration rather than a transition.
    public var isLateral: Bool { relation.kind == .collaboration }
}

/// A path of career moves from one role to another, with its total cost.
public struct CareerPath: Hashable, Sendable {
    /// The role the path starts in (for a path of no steps, the only role on it).
    public var start: RoleID
    /// The moves, in order.
    public var steps: [CareerStep]
    /// The sum of the step costs.
    public var cost: Double

    /// The product of the steps' shares: how likely the whole path is for a person in the first
    /// role, reading observed moves as a Markov chain; `nil` when a step has no share.
    ///
    /// - Complexity: O(*n*) for *n* steps.
    public var probability: Double? {
        guard !steps.isEmpty else { return nil }
        var product = 1.0
        for step in steps {
            guard let share = step.share else { return nil }
            product *= share
        }
        return product
    }

    /// The roles visited, from the first to the last.
    ///
    /// - Complexity: O(*n*) for *n* steps.
    public var roles: [RoleID] { [start] + steps.map(\.to) }
}

/// Which paths a query may return: roles to avoid, a role to pass through, a step limit.
public struct RouteConstraints: Hashable, Sendable {
    /// Roles no path may pass through; neither the start nor the goal may be one of them.
    public var avoid: Set<RoleID>
    /// A role every path must pass through.
    public var via: RoleID?
    /// The most moves a path may make; at least 1.
    public var maxSteps: Int?

    /// Constraints; by default none, so any path is allowed.
    public init(avoid: Set<RoleID> = [], via: RoleID? = nil, maxSteps: Int? = nil) {
        self.avoid = avoid
        self.via = via
        self.maxSteps = maxSteps
    }

    var isEmpty: Bool { avoid.isEmpty && via == nil && maxSteps == nil }
}

/// Why a path query has no answer.
public enum RouteError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No path satisfies the query. Says which roles the start can reach and which can reach the
    /// goal (under the same kinds of move, ignoring the constraints), so the user sees where the
    /// graph breaks.
    case noPath(from: RoleID, to: RoleID, reachableFrom: [RoleID], reaching: [RoleID], constrained: Bool, lateral: Bool)
    /// A plan found no way to its goal from any allowed starting role.
    case noRoute(goal: RoleID, starts: [RoleID], reaching: [RoleID], entryLevelOnly: Bool, lateral: Bool)
    /// The start or the goal is in the avoid set.
    case endpointAvoided(RoleID)
    /// An argument out of range (no paths asked for, a step limit below 1, a negative lateral cost).
    case invalidArgument(String)
    /// A via query examined its limit of routes to the via role without finding a simple path.
    case viaSearchLimitReached(via: RoleID)

    /// The error in one line of English, with what each end can reach when there is no path.
    public var description: String {
        switch self {
        case .noPath(let from, let to, let reachable, let reaching, let constrained, let lateral):
            let moves = lateral ? "moves" : "transitions"
            var text = "no path from '\(from)' to '\(to)'" + (constrained ? " under the given constraints" : "")
            text += "; '\(from)' can reach " + Self.list(reachable) + " by \(moves)"
            text += "; '\(to)' can be reached from " + Self.list(reaching)
            if !lateral { text += "; --lateral-cost N also allows moves along collaborations" }
            return text
        case .noRoute(let goal, let starts, let reaching, let entryLevelOnly, let lateral):
            var text = "no way into '\(goal)' from " + (entryLevelOnly ? "the entry-level roles " : "any role ") + Self.list(starts)
            text += reaching.isEmpty ? "; no \(lateral ? "move" : "transition") leads into it" : "; it can be reached from " + Self.list(reaching)
            if !lateral { text += "; --lateral-cost N also allows moves along collaborations" }
            if entryLevelOnly { text += "; --experienced allows any starting role" }
            return text
        case .endpointAvoided(let role): return "'\(role)' is the start or the goal, so it cannot be avoided"
        case .invalidArgument(let message): return message
        case .viaSearchLimitReached(let via): return "gave up looking for a simple path through '\(via)' after examining the search limit of routes"
        }
    }

    private static func list(_ roles: [RoleID]) -> String {
        if roles.isEmpty { return "no other role" }
        let shown = roles.prefix(12).map { "'\($0)'" }.joined(separator: ", ")
        return roles.count > 12 ? "\(shown) and \(roles.count - 12) more" : shown
    }
}

// The JSON form: the graph file's key names; facts the graph does not state are omitted.
extension CareerStep: Encodable {
    private enum CodingKeys: String, CodingKey { case from, to, kind, effort, count, share, cost, note, section, learn }
    /// Encodes the step: its roles, its relation's kind, effort, note and section, its cost, and
    /// the skills to learn.
    ///
    /// - Throws: The encoder's errors.
    /// - Complexity: Linear in the size of the encoded value.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(from.rawValue, forKey: .from)
        try c.encode(to.rawValue, forKey: .to)
        try c.encode(relation.kind.rawValue, forKey: .kind)
        try c.encodeIfPresent(relation.effort, forKey: .effort)
        try c.encodeIfPresent(relation.count, forKey: .count)
        try c.encodeIfPresent(share, forKey: .share)
        try c.encode(cost, forKey: .cost)
        try c.encodeIfPresent(relation.note, forKey: .note)
        try c.encodeIfPresent(relation.section, forKey: .section)
        try c.encode(skillsToLearn, forKey: .learn)
    }
}

// The JSON form: the graph file's key names; facts the graph does not state are omitted.
extension CareerPath: Encodable {
    private enum CodingKeys: String, CodingKey { case roles, cost, probability, steps }
    /// Encodes the path as its roles, its cost and its steps.
    ///
    /// - Throws: The encoder's errors.
    /// - Complexity: Linear in the size of the encoded value.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(roles.map(\.rawValue), forKey: .roles)
        try c.encode(cost, forKey: .cost)
        try c.encodeIfPresent(probability, forKey: .probability)
        try c.encode(steps, forKey: .steps)
    }
}
