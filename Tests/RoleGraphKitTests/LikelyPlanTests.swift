import Foundation
import Testing
@testable import RoleGraphKit
import RoleGraphAlgorithms
import RoleGraphTestSupport

/// `plan --cost likely`: the most likely ways into a goal from any allowed start, checked on the
/// 300-role count network against an oracle that computes the shares itself (count over the
/// role's outgoing counts plus its stayers) and runs Bellman–Ford from the goal on the reversed
/// transitions: the best route's cost is the least −ln share of any start other than the goal.
@Suite struct LikelyPlanTests {
    /// For each role, the least −ln(product of shares) of a path from it to `goal`.
    static func costsInto(_ goal: RoleID, in graph: RoleGraph) -> [Double] {
        var out: [Double] = Array(repeating: 0, count: graph.roles.count)
        for (i, role) in graph.roles.enumerated() { out[i] = role.stays ?? 0 }
        for relation in graph.relations where relation.kind == .transition {
            out[Int(graph.index(of: relation.from)!)] += relation.count ?? 0
        }
        var reversed: [WeightedEdge] = []
        for relation in graph.relations where relation.kind == .transition {
            guard let count = relation.count, count > 0 else { continue }
            let from = graph.index(of: relation.from)!, to = graph.index(of: relation.to)!
            reversed.append(WeightedEdge(to, from, weight: -log(count / out[Int(from)])))
        }
        return PathOracles.bellmanFord(CSRGraph(vertexCount: graph.roles.count, edges: reversed), from: graph.index(of: goal)!)
    }

    @Test func theBestRouteIsTheMostLikelyWayIn() throws {
        let graph = try LikelyCostOracleTests.network().graph
        var rng = SplitMix64(seed: 23)
        var compared = 0
        for _ in 0 ..< 25 {
            let goal = graph.roles[Int(rng.next() % UInt64(graph.roles.count))].id
            let oracle = Self.costsInto(goal, in: graph)
            let goalIndex = Int(graph.index(of: goal)!)
            let best = oracle.indices.filter { $0 != goalIndex }.map { oracle[$0] }.min()!
            guard best.isFinite else {
                #expect(throws: RouteError.self) { try graph.plan(have: [], goal: goal, starts: .any, cost: .likely) }
                continue
            }
            let plan = try graph.plan(have: [], goal: goal, routes: 3, starts: .any, cost: .likely)
            #expect(plan.costModel == .likely)
            #expect(abs(plan.routes[0].cost - best) <= 1e-9, "\(goal)")
            for route in plan.routes {
                #expect(route.start.role != goal)
                #expect(route.path.roles.last == goal)
                // A route's cost is its moves alone, and its probability e to the minus that.
                #expect(abs(route.cost - route.path.steps.reduce(0) { $0 - log($1.share!) }) <= 1e-9)
                #expect(abs(route.path.probability! - exp(-route.cost)) <= 1e-9)
                // No start does better than the oracle says it can.
                #expect(route.cost >= oracle[Int(graph.index(of: route.start.role)!)] - 1e-9)
            }
            #expect(plan.routes.map(\.cost) == plan.routes.map(\.cost).sorted())
            compared += 1
        }
        #expect(compared >= 15)
    }

    @Test func aGraphWithoutCountsIsRefused() {
        #expect(throws: RouteError.self) {
            try RoleGraph.builtIn.plan(have: [], goal: RoleID("ml-engineer"), cost: .likely)
        }
    }
}
