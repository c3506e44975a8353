import Testing
@testable import RoleGraphKit
import RoleGraphAlgorithms
import RoleGraphGraphviz
import RoleGraphTestSupport

@Suite struct CareerPlanTests {
    let graph = RoleGraph.builtIn

    @Test func closestRolesAreRankedByGap() throws {
        let plan = try graph.plan(have: ["sql", "data-visualisation", "spreadsheets", "business-communication"], goal: "ml-engineer")
        #expect(plan.closest.first?.role == "data-analyst")
        #expect(plan.closest.map(\.gap.cost) == plan.closest.map(\.gap.cost).sorted())
    }

    /// The best route's cost equals an independent computation: the minimum over every start
    /// role of its entry gap plus the cheapest skills-costed path from it (Bellman-Ford).
    @Test(arguments: [
        (["sql", "python", "statistics"], "ml-engineer", StartPolicy.entryLevel),
        (["sql", "python", "statistics"], "ml-platform-engineer", .entryLevel),
        (["sql", "python", "statistics"], "ml-platform-engineer", .any),
        ([], "infrastructure-engineer", .any),
        ([], "infrastructure-engineer", .entryLevel),
        (["deep-learning", "python"], "ml-platform-engineer", .any),
        (["sql"], "backend-engineer", .entryLevel),
    ] as [([String], String, StartPolicy)])
    func bestRouteMatchesBruteForce(have: [String], goal: String, starts: StartPolicy) throws {
        let skills = Set(have.map(SkillID.init))
        let plan = try graph.plan(have: skills, goal: RoleID(goal), routes: 4, starts: starts)
        let planner = try RoutePlanner(graph: graph, costing: StepCosting(model: .skills, have: skills))
        let network = planner.network
        let goalIndex = try #require(graph.index(of: RoleID(goal)))
        var best = Double.infinity
        for start in 0 ..< Int32(graph.roles.count) where starts == .any || graph.role(at: start).entryLevel != false {
            // Bellman-Ford from start.
            var distance = [Double](repeating: .infinity, count: graph.roles.count)
            distance[Int(start)] = 0
            for _ in 0 ..< graph.roles.count {
                for v in 0 ..< Int32(graph.roles.count) where distance[Int(v)] < .infinity {
                    for e in network.edgeRange(of: v) {
                        distance[Int(network.targets[e])] = min(distance[Int(network.targets[e])], distance[Int(v)] + network.weights[e])
                    }
                }
            }
            let entry = graph.skillGap(to: graph.role(at: start).id, knowing: skills).cost
            best = min(best, entry + distance[Int(goalIndex)])
        }
        let first = try #require(plan.routes.first)
        #expect(first.cost == best)
        #expect(plan.routes.map(\.cost) == plan.routes.map(\.cost).sorted())
        for route in plan.routes {
            if starts == .entryLevel { #expect(graph.role(route.start.role)?.entryLevel != false) }
            #expect(route.cost == route.start.gap.cost + route.path.cost)
            #expect((route.path.roles.last ?? route.start.role) == RoleID(goal))
        }
    }

    @Test func noRouteFromEntryLevelRolesIsExplained() {
        #expect(throws: RouteError.noRoute(
            goal: "ml-accelerators-engineer",
            starts: ["data-analyst", "data-scientist", "analytics-engineer", "ml-engineer", "backend-engineer"],
            reaching: [], entryLevelOnly: true, lateral: false)) {
            try graph.plan(have: [], goal: "ml-accelerators-engineer")
        }
    }
}
