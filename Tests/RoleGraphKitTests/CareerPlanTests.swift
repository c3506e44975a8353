import Testing
@testable import RoleGraphKit
import RoleGraphAlgorithms
import RoleGraphGraphviz
import RoleGraphTestSupport

@Suite struct CareerPlanTests {
    let graph = RoleGraph.builtIn

    @Test func closestRolesAreRankedByCoveredShare() throws {
        let plan = try graph.plan(have: ["sql", "data-visualisation", "spreadsheets", "business-communication"], goal: "ml-engineer")
        #expect(plan.closest.first?.role == "data-analyst")
        // Data Analyst: primary sql, data-visualisation, spreadsheets, business-communication
        // (4 × 2) and secondary statistics, python (2 × 1): 8 of 10 covered.
        #expect(plan.closest.first?.coveredWeight == 8)
        #expect(plan.closest.first?.totalWeight == 10)
        #expect(plan.closest.first?.coveredShare == 0.8)
        let shares = plan.closest.map { $0.coveredShare ?? -1 }
        #expect(shares == shares.sorted(by: >))
    }

    /// A role with few skills, none of them the person's, is not close: the share ranks a large
    /// role half covered above a small role not covered at all, although its gap is larger.
    @Test func shareBeatsAbsoluteGap() throws {
        let skills = (0 ..< 10).map { Skill(id: SkillID("s\($0)"), name: "S\($0)") }
        let big = Role(id: "big", name: "Big", area: "a", primarySkills: (0 ..< 10).map { SkillID("s\($0)") })
        let small = Role(id: "small", name: "Small", area: "a", primarySkills: ["s9"])
        let g = try RoleGraph(name: "g", areas: [Area(id: "a", name: "A")], skills: skills, roles: [small, big], relations: [])
        let plan = try g.plan(have: Set((0 ..< 5).map { SkillID("s\($0)") }), goal: "big", starts: .any)
        #expect(plan.closest.map(\.role) == ["big", "small"])
        #expect(plan.closest.map(\.gap.cost) == [10, 2])
    }

    /// Unknown is not entry-level when the graph states entry_level for some role; with no such
    /// fact anywhere, any role may start, and the plan says which rule applied.
    @Test func startRuleFollowsTheGraphsEntryLevelFacts() throws {
        let skills = [Skill(id: "s", name: "S")]
        func graph(_ entry: Bool?) throws -> RoleGraph {
            try RoleGraph(name: "g", areas: [Area(id: "a", name: "A")], skills: skills, roles: [
                Role(id: "a", name: "A", area: "a", primarySkills: ["s"], entryLevel: entry),
                Role(id: "b", name: "B", area: "a", primarySkills: ["s"]),
                Role(id: "c", name: "C", area: "a", primarySkills: ["s"]),
            ], relations: [Relation(kind: .transition, from: "b", to: "c", effort: 1), Relation(kind: .transition, from: "a", to: "c", effort: 1)])
        }
        let stated = try graph(true).plan(have: [], goal: "c", routes: 5)
        #expect(stated.startRule == .entryLevelRoles)
        #expect(stated.routes.map(\.start.role) == ["a"])
        let silent = try graph(nil).plan(have: [], goal: "c", routes: 5)
        #expect(silent.startRule == .anyRoleNoEntryLevelFacts)
        #expect(Set(silent.routes.map(\.start.role)) == ["a", "b", "c"])
        #expect(try graph(nil).plan(have: [], goal: "c", starts: .any).startRule == .anyRoleExperienced)
    }

    /// On the built-in graph the route's later steps never ask for what an earlier role had:
    /// the analyst's SQL is not learned again on the way to ML engineering.
    @Test func laterStepsRememberEarlierRoles() throws {
        let plan = try graph.plan(have: [], goal: "ml-engineer", routes: 3)
        for route in plan.routes {
            var known = graph.skills(of: route.start.role)
            for step in route.path.steps {
                #expect(known.isDisjoint(with: step.skillsToLearn.primary + step.skillsToLearn.secondary))
                known.formUnion(graph.skills(of: step.to))
            }
        }
        #expect(plan.search == .exact)
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
