import Testing
@testable import RoleGraphKit
import RoleGraphAlgorithms
import RoleGraphGraphviz
import RoleGraphTestSupport

@Suite struct RoutePlannerTests {
    let graph = RoleGraph.builtIn

    @Test func analystToMLEngineerFollowsTheArticlesTransitions() throws {
        var planner = try RoutePlanner(graph: graph)
        let path = try #require(try planner.paths(from: "data-analyst", to: "ml-engineer").first)
        #expect(path.roles == ["data-analyst", "data-scientist", "ml-scientist", "ml-engineer"])
        // Efforts declared in Graphs/data-careers.yaml: 3 + 3 + 2.
        #expect(path.cost == 8)
        #expect(path.steps.allSatisfy { $0.relation.kind == .transition && $0.relation.note != nil })
        #expect(path.steps.map(\.cost) == path.steps.map { $0.relation.effort! })
    }

    @Test func hopsCountsMoves() throws {
        var planner = try RoutePlanner(graph: graph, costing: StepCosting(model: .hops))
        #expect(try planner.paths(from: "data-analyst", to: "ml-engineer")[0].cost == 3)
    }

    @Test func skillsCostIsTheGapFromTheRoleLeftAndTheSkillsHeld() throws {
        let have: Set<SkillID> = ["deep-learning"]
        var planner = try RoutePlanner(graph: graph, costing: StepCosting(model: .skills, have: have))
        let path = try planner.paths(from: "ml-scientist", to: "ml-engineer")[0]
        let mle = try #require(graph.role("ml-engineer"))
        let known = graph.skills(of: "ml-scientist").union(have)
        let expected = 2.0 * Double(mle.primarySkills.filter { !known.contains($0) }.count)
            + Double(mle.secondarySkills.filter { !known.contains($0) }.count)
        #expect(path.cost == expected)
        #expect(path.steps[0].skillsToLearn.cost == expected)
    }

    @Test func noPathSaysWhatEachEndReaches() throws {
        var planner = try RoutePlanner(graph: graph)
        #expect(throws: RouteError.noPath(
            from: "data-analyst", to: "ml-accelerators-engineer",
            reachableFrom: ["data-scientist", "analytics-engineer", "ml-scientist", "ml-engineer", "ml-platform-engineer",
                            "data-platform-engineer", "infrastructure-engineer", "backend-engineer"],
            reaching: [], constrained: false, lateral: false)) {
            try planner.paths(from: "data-analyst", to: "ml-accelerators-engineer")
        }
    }

    @Test func lateralMovesReachTheAcceleratorsEngineer() throws {
        var planner = try RoutePlanner(graph: graph, costing: StepCosting(lateralCost: 2))
        let path = try planner.paths(from: "data-analyst", to: "ml-accelerators-engineer")[0]
        #expect(path.steps.last?.isLateral == true)
        #expect(path.roles.last == "ml-accelerators-engineer")
    }

    @Test func constraintsAreRespected() throws {
        var planner = try RoutePlanner(graph: graph, costing: StepCosting(lateralCost: 1))
        let paths = try planner.paths(from: "data-analyst", to: "infrastructure-engineer", count: 5,
                                      constraints: RouteConstraints(avoid: ["ml-engineer"], maxSteps: 6))
        #expect(!paths.isEmpty)
        for path in paths {
            #expect(!path.roles.contains("ml-engineer"))
            #expect(path.steps.count <= 6)
            #expect(Set(path.roles).count == path.roles.count)
        }
        #expect(paths.map(\.cost) == paths.map(\.cost).sorted())
        #expect(Set(paths).count == paths.count)

        let via = try planner.paths(from: "data-analyst", to: "ml-engineer", count: 3,
                                    constraints: RouteConstraints(via: "ml-accelerators-engineer"))
        #expect(!via.isEmpty && via.allSatisfy { $0.roles.contains("ml-accelerators-engineer") })
        #expect(throws: RouteError.endpointAvoided("ml-engineer")) {
            try planner.paths(from: "data-analyst", to: "ml-engineer", constraints: RouteConstraints(avoid: ["ml-engineer"]))
        }
        #expect(throws: RouteError.invalidArgument("the number of paths must be at least 1, found 0")) {
            try planner.paths(from: "data-analyst", to: "ml-engineer", count: 0)
        }
    }

    /// The article: analytics engineers serve analysts directly, and roles that work closely
    /// together are easier to move between.
    @Test func analystToAnalyticsEngineerIsOneStep() throws {
        var planner = try RoutePlanner(graph: graph)
        let path = try planner.paths(from: "data-analyst", to: "analytics-engineer")[0]
        #expect(path.roles == ["data-analyst", "analytics-engineer"])
        #expect(path.cost == 2)
        #expect(path.steps[0].relation.section == "Working together › Data and science")
        let back = try planner.paths(from: "analytics-engineer", to: "data-analyst")[0]
        #expect(back.roles == ["analytics-engineer", "data-analyst"])
    }

    /// Under `skills`, a later step never asks for what the start or an earlier role had: the
    /// analyst's SQL is not learned again on the way to ML engineering.
    @Test func skillsGatheredOnThePathAreNotLearnedAgain() throws {
        var planner = try RoutePlanner(graph: graph, costing: StepCosting(model: .skills))
        let path = try planner.paths(from: "data-analyst", to: "ml-engineer")[0]
        #expect(planner.lastSearch == .exact)
        let asked = path.steps.flatMap { $0.skillsToLearn.primary + $0.skillsToLearn.secondary }
        #expect(!asked.contains("sql"))
        #expect(Set(asked).count == asked.count)
        #expect(path.cost == path.steps.map(\.cost).reduce(0, +))
    }

    @Test func movesAreRankedByCost() throws {
        let planner = try RoutePlanner(graph: graph)
        let moves = try planner.moves(from: "data-scientist")
        #expect(moves.map(\.to) == ["data-analyst", "analytics-engineer", "ml-scientist"])
        #expect(moves.map(\.cost) == [1, 2, 3])
    }

    @Test func reachableWithinStepsIsExact() throws {
        var planner = try RoutePlanner(graph: graph, costing: StepCosting(model: .hops))
        let within = try planner.reachable(from: "ml-engineer", maxSteps: 1)
        #expect(Set(within.map { $0.roles.last! }) == ["ml-scientist", "ml-platform-engineer"])
        #expect(within.allSatisfy { $0.steps.count == 1 })
    }
}
