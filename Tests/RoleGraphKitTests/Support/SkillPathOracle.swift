@testable import RoleGraphKit

/// The path-dependent skills cost, computed by brute force from the graph's relations alone (no
/// network, no search): every simple path is enumerated and costed step by step, each step
/// paying for the target's skills that neither the person nor any earlier role on the path has.
enum SkillPathOracle {
    /// One move as the oracle sees it: the target, and whether it follows a collaboration.
    struct Move: Hashable { var to: RoleID; var lateral: Bool }

    /// The moves out of each role: transitions, and collaborations both ways when lateral moves
    /// are allowed.
    static func moves(_ graph: RoleGraph, lateral: Bool) -> [RoleID: [Move]] {
        var out: [RoleID: [Move]] = [:]
        for relation in graph.relations {
            switch relation.kind {
            case .transition: out[relation.from, default: []].append(Move(to: relation.to, lateral: false))
            case .collaboration where lateral:
                out[relation.from, default: []].append(Move(to: relation.to, lateral: true))
                out[relation.to, default: []].append(Move(to: relation.from, lateral: true))
            default: break
            }
        }
        return out
    }

    /// What entering `role` costs knowing `known`: 2 per missing primary skill, 1 per secondary.
    static func gap(_ graph: RoleGraph, _ role: RoleID, knowing known: Set<SkillID>) -> Double {
        let r = graph.role(role)!
        return Double(r.primarySkills.filter { !known.contains($0) }.count * 2 + r.secondarySkills.filter { !known.contains($0) }.count)
    }

    /// The cost of the path `roles` with the given kinds of move (`lateral[i]` for step i).
    static func cost(_ graph: RoleGraph, roles: [RoleID], lateral: [Bool], have: Set<SkillID>, lateralCost: Double?) -> Double {
        var known = have.union(graph.skills(of: roles[0]))
        var total = 0.0
        for i in 1 ..< roles.count {
            total += gap(graph, roles[i], knowing: known) + (lateral[i - 1] ? (lateralCost ?? 0) : 0)
            known.formUnion(graph.skills(of: roles[i]))
        }
        return total
    }

    /// Every simple path from `start` to `goal` (to every role when `goal` is nil), with its cost.
    static func allPaths(
        _ graph: RoleGraph, from start: RoleID, to goal: RoleID?, have: Set<SkillID>, lateralCost: Double?
    ) -> [(roles: [RoleID], cost: Double)] {
        let out = moves(graph, lateral: lateralCost != nil)
        var result: [(roles: [RoleID], cost: Double)] = []
        var roles = [start]
        var kinds: [Bool] = []
        func walk() {
            let here = roles.last!
            if roles.count > 1 && (goal == nil || here == goal) {
                result.append((roles, cost(graph, roles: roles, lateral: kinds, have: have, lateralCost: lateralCost)))
            }
            if here == goal { return }
            for move in out[here] ?? [] where !roles.contains(move.to) {
                roles.append(move.to); kinds.append(move.lateral)
                walk()
                roles.removeLast(); kinds.removeLast()
            }
        }
        walk()
        return result
    }
}
