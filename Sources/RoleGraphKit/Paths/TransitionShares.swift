import Foundation
import RoleGraphAlgorithms

/// The share of observed moves each transition carries: of everyone observed in role A (who
/// moved out, or stayed), the fraction who moved to B.
///
/// share(A→B) = count(A→B) / (Σ counts of A's outgoing transitions + A's stayers), the standard
/// reading of a job-to-job transition file as a Markov chain. Under `--cost likely` a move costs
/// −ln(share), so the cheapest path is the most likely one: the path whose product of shares is
/// largest. Stayers (``Role/stays``) are part of the denominator, never an edge, so the shares out
/// of a role sum to 1 minus its stayers' share.
public struct TransitionShares: Sendable {
    /// The relations whose counts the shares divide, and their endpoints: what a share reads of
    /// the graph, and no more, so that a copy of the shares (as passing them to a cost function
    /// makes, once per edge weighed) is a few words rather than a whole `RoleGraph`.
    private let store: RelationStore
    private let endpoints: Column<(from: Int32, to: Int32)>
    /// Per role index: everyone observed in it (outgoing counts plus stayers).
    private let totals: [Double]
    private let stays: [Double]

    /// The shares of `graph`'s transitions. Only the totals per role are computed here; a
    /// transition's share is one division when asked for, so a network of a million counted
    /// moves holds no second array of a million shares.
    ///
    /// - Complexity: O(*R* + *E*).
    public init(graph: RoleGraph) {
        var totals = (0 ..< graph.roleCount).map { graph.roleStore.stays(at: $0) ?? 0 }
        let stays = totals
        let store = graph.relationStore
        for position in 0 ..< store.count where store.kind(at: position) == .transition {
            if let count = store.observedCount(at: position) { totals[Int(graph.endpoints(ofRelationAt: position).from)] += count }
        }
        self.store = store
        endpoints = graph.endpoints
        self.totals = totals
        self.stays = stays
    }

    /// The share of the relation at `position` in ``RoleGraph/relations``; `nil` when it has no count.
    ///
    /// - Complexity: O(1).
    public func share(ofRelationAt position: Int) -> Double? {
        guard store.kind(at: position) == .transition, let count = store.observedCount(at: position) else { return nil }
        let total = totals[Int(endpoints[position].from)]
        return total > 0 ? count / total : 0
    }

    /// The share of people observed in the role at `index` who stayed; `nil` when none were observed.
    ///
    /// - Complexity: O(1).
    public func stayShare(ofRoleAt index: Int32) -> Double? {
        let total = totals[Int(index)]
        return total > 0 ? stays[Int(index)] / total : nil
    }

    /// The cost of a move with this share under `--cost likely`: −ln(share), infinite for 0.
    ///
    /// - Complexity: O(1).
    public static func cost(ofShare share: Double) -> Double { share > 0 ? -log(share) : .infinity }
}

extension RoleGraph {
    /// Whether any transition states an observed count, which `--cost likely` needs.
    ///
    /// - Complexity: O(*E*).
    public var hasTransitionCounts: Bool {
        guard relationStore.mayHaveCounts else { return false }
        return (0 ..< relationStore.count).contains { relationStore.kind(at: $0) == .transition && relationStore.observedCount(at: $0) != nil }
    }
}
