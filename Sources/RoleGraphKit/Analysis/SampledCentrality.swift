import RoleGraphAlgorithms

/// How many source roles betweenness is computed from.
public enum CentralitySamples: Hashable, Sendable {
    /// Every role: exact betweenness.
    case all
    /// This many roles drawn at random (Brandes–Pich): an estimate whose cost does not grow with
    /// the number of roles.
    case count(Int)
    /// Exact while roles × transitions stays under ``CentralitySamples/exactWorkLimit``, sampled
    /// above, with as many sources as that much work allows (at least ``minimumSources``).
    case automatic

    /// The most roles × transitions betweenness is computed exactly for by default: a few
    /// thousand roles with five transitions each.
    public static let exactWorkLimit = 50_000_000
    /// The fewest sources an automatic sample draws.
    public static let minimumSources = 64

    /// The number of sources for a graph of `roleCount` roles and `transitionCount` transitions,
    /// or `nil` for all of them.
    ///
    /// - Complexity: O(1).
    public func sources(roleCount: Int, transitionCount: Int) -> Int? {
        switch self {
        case .all: return nil
        case .count(let k): return k >= roleCount ? nil : k
        case .automatic:
            let work = roleCount.multipliedReportingOverflow(by: max(transitionCount, 1))
            if !work.overflow && work.partialValue <= Self.exactWorkLimit { return nil }
            let k = max(Self.minimumSources, Self.exactWorkLimit / max(transitionCount, 1))
            return k >= roleCount ? nil : k
        }
    }
}

/// The gateway roles, and how their betweenness was computed.
public struct CentralityRanking: Sendable {
    /// Every role, highest betweenness first (ties: file order).
    public var roles: [RoleCentrality]
    /// The number of source roles sampled, or `nil` when betweenness is exact.
    public var sampledSources: Int?
    /// The number of roles (the sources an exact computation would use).
    public var sourceCount: Int
    /// The seed of the sample; `nil` when betweenness is exact.
    public var seed: UInt64?

    /// The betweenness above which a role can be said to lie on most career paths between other
    /// roles: more than half of all pairs' cheapest paths pass through it.
    public static let mostPathsThreshold = 0.5

    /// The roles on most career paths between other roles (betweenness above
    /// ``mostPathsThreshold``), highest first.
    ///
    /// - Complexity: O(*R*).
    public var onMostPaths: [RoleCentrality] { roles.filter { $0.betweenness > Self.mostPathsThreshold } }
}

extension RoleGraph {
    /// Betweenness over transitions — exact, or estimated from a seeded sample of source roles —
    /// and degree per relation kind, for every role; the highest betweenness first.
    ///
    /// - Parameters:
    ///   - samples: how many source roles; by default chosen by size.
    ///   - seed: the sample's seed, so that the same seed gives the same ranking.
    ///   - weighted: measure paths by declared effort instead of by moves.
    /// - Complexity: O(*k* · *E*) unweighted, O(*k* · *E* log *R*) weighted, for *k* sources
    ///   (*R* when exact).
    public func centrality(samples: CentralitySamples, seed: UInt64, weighted: Bool = false) -> CentralityRanking {
        let transitions = relations.reduce(0) { $0 + ($1.kind == .transition ? 1 : 0) }
        guard let k = samples.sources(roleCount: roles.count, transitionCount: transitions) else {
            return CentralityRanking(roles: centrality(weighted: weighted), sampledSources: nil, sourceCount: roles.count, seed: nil)
        }
        let network = network(kinds: [.transition]) { $0.effort ?? 1 }
        var generator = SplitMix64(seed: seed)
        let betweenness = network.sampledBetweennessCentrality(
            pivots: max(1, k), BetweennessOptions(directed: true, weighted: weighted, normalized: true), using: &generator)
        var ranking = centrality(betweenness: betweenness)
        ranking = ranking.enumerated().sorted { ($0.element.betweenness, -$0.offset) > ($1.element.betweenness, -$1.offset) }.map(\.element)
        return CentralityRanking(roles: ranking, sampledSources: max(1, k), sourceCount: roles.count, seed: seed)
    }
}
