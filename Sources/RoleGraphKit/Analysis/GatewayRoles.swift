import RoleGraphAlgorithms

/// How central a role is: the gateway roles of `rolegraph centrality`.
public struct RoleCentrality: Hashable, Sendable {
    /// The role measured.
    public var role: RoleID
    /// Brandes betweenness on the transition network, normalised to [0, 1]: the share of
    /// shortest career paths between other roles that pass through this one.
    public var betweenness: Double
    /// Transitions into the role.
    public var transitionsIn: Int
    /// Transitions out of the role.
    public var transitionsOut: Int
    /// Stakeholder relations into the role: roles that rely on this one.
    public var reliedOnBy: Int
    /// Stakeholder relations out of the role: roles this one relies on.
    public var reliesOn: Int
    /// Collaborations the role takes part in.
    public var collaborations: Int
}

extension RoleGraph {
    /// Betweenness (Brandes 2001) over transitions, and degree per relation kind, for every role;
    /// the highest betweenness first (ties: file order).
    ///
    /// - Parameter weighted: measure paths by declared effort instead of by moves.
    /// - Complexity: O(*R* · *E*) unweighted, O(*R* · *E* log *R*) weighted.
    public func centrality(weighted: Bool = false) -> [RoleCentrality] {
        let transitions = network(kinds: [.transition]) { $0.effort ?? 1 }
        let betweenness = transitions.betweennessCentrality(BetweennessOptions(directed: true, weighted: weighted, normalized: true))
        let result = centrality(betweenness: betweenness)
        return result.enumerated().sorted { ($0.element.betweenness, -$0.offset) > ($1.element.betweenness, -$1.offset) }.map(\.element)
    }

    /// Each role's measures in file order, with the betweenness given (indexed like ``roles``).
    ///
    /// - Complexity: O(*R* + *E*).
    func centrality(betweenness: [Double]) -> [RoleCentrality] {
        var result = roles.map { RoleCentrality(role: $0.id, betweenness: 0, transitionsIn: 0, transitionsOut: 0,
                                                reliedOnBy: 0, reliesOn: 0, collaborations: 0) }
        for (position, relation) in relations.enumerated() {
            let (a, b) = endpoints[position]
            switch relation.kind {
            case .transition: result[Int(a)].transitionsOut += 1; result[Int(b)].transitionsIn += 1
            case .stakeholder: result[Int(a)].reliesOn += 1; result[Int(b)].reliedOnBy += 1
            case .collaboration: result[Int(a)].collaborations += 1; result[Int(b)].collaborations += 1
            }
        }
        for i in result.indices { result[i].betweenness = betweenness[i] }
        return result
    }
}

// The JSON form: the graph file's key names; facts the graph does not state are omitted.
extension RoleCentrality: Encodable {
    private enum CodingKeys: String, CodingKey {
        case role, betweenness, transitionsIn = "transitions_in", transitionsOut = "transitions_out"
        case reliedOnBy = "relied_on_by", reliesOn = "relies_on", collaborations
    }
    /// Encodes the measures under snake-case keys (`transitions_in`, `relied_on_by`, …).
    ///
    /// - Throws: The encoder's errors.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(role.rawValue, forKey: .role)
        try c.encode(betweenness, forKey: .betweenness)
        try c.encode(transitionsIn, forKey: .transitionsIn)
        try c.encode(transitionsOut, forKey: .transitionsOut)
        try c.encode(reliedOnBy, forKey: .reliedOnBy)
        try c.encode(reliesOn, forKey: .reliesOn)
        try c.encode(collaborations, forKey: .collaborations)
    }
}
