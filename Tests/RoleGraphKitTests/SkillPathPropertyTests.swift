import Testing
@testable import RoleGraphKit
import RoleGraphAlgorithms
import RoleGraphTestSupport

/// The path-dependent `skills` cost on random graphs with random skills, against
/// ``SkillPathOracle``'s brute force: the printed totals are the sums of the printed steps, no
/// step asks for a skill already held or gathered, and the answers are the true optimum.
@Suite struct SkillPathPropertyTests {
    /// A random graph of 3–7 roles over 8 skills, each role listing 1–4 primary and 0–3
    /// secondary skills, with transitions and collaborations; and a random person.
    static func randomCase(seed: UInt64) throws -> (graph: RoleGraph, have: Set<SkillID>, lateralCost: Double?) {
        var rng = SplitMix64(seed: seed)
        let skills = (0 ..< 8).map { Skill(id: SkillID("s\($0)"), name: "Skill \($0)") }
        let n = Int.random(in: 3 ... 7, using: &rng)
        let roles = (0 ..< n).map { i -> Role in
            let shuffled = skills.map(\.id).shuffled(using: &rng)
            let p = Int.random(in: 1 ... 4, using: &rng), s = Int.random(in: 0 ... 3, using: &rng)
            return Role(id: RoleID("r\(i)"), name: "R\(i)", area: "a", primarySkills: Array(shuffled[0 ..< p]),
                        secondarySkills: Array(shuffled[p ..< p + s]), entryLevel: Bool.random(using: &rng))
        }
        var relations: [Relation] = []
        var seen: Set<String> = []
        for _ in 0 ..< Int.random(in: n ... n * 4, using: &rng) {
            let a = Int.random(in: 0 ..< n, using: &rng), b = Int.random(in: 0 ..< n, using: &rng)
            guard a != b else { continue }
            let collaboration = Int.random(in: 0 ..< 4, using: &rng) == 0
            let key = collaboration ? "c\(min(a, b))-\(max(a, b))" : "t\(a)-\(b)"
            guard seen.insert(key).inserted else { continue }
            relations.append(Relation(kind: collaboration ? .collaboration : .transition, from: RoleID("r\(a)"), to: RoleID("r\(b)"),
                                      effort: collaboration ? nil : 1))
        }
        let have = Set(skills.map(\.id).filter { _ in Int.random(in: 0 ..< 4, using: &rng) == 0 })
        let lateral: Double? = Bool.random(using: &rng) ? Double(Int.random(in: 0 ... 2, using: &rng)) : nil
        let graph = try RoleGraph(name: "random", areas: [Area(id: "a", name: "A")], skills: skills, roles: roles, relations: relations)
        return (graph, have, lateral)
    }

    /// What every printed path must satisfy, whatever search produced it.
    static func checkPrinted(_ path: CareerPath, in graph: RoleGraph, have: Set<SkillID>, lateralCost: Double?) {
        #expect(path.cost == path.steps.map(\.cost).reduce(0, +), "total is not the sum of the steps")
        var known = have.union(graph.skills(of: path.start))
        for step in path.steps {
            let learn = Set(step.skillsToLearn.primary + step.skillsToLearn.secondary)
            #expect(learn.isDisjoint(with: known), "\(step.from) → \(step.to) asks for \(learn.intersection(known)), already held")
            #expect(step.cost == step.skillsToLearn.cost + (step.isLateral ? (lateralCost ?? 0) : 0))
            known.formUnion(graph.skills(of: step.to))
        }
        let oracle = SkillPathOracle.cost(graph, roles: path.roles, lateral: path.steps.map(\.isLateral), have: have,
                                          lateralCost: lateralCost)
        #expect(path.cost == oracle, "printed total \(path.cost), true total \(oracle)")
    }

    /// The random cases are not trivial: many have paths of several steps between the ends.
    @Test func randomCasesHaveLongPaths() throws {
        var multiStep = 0
        for seed in 0 ..< 300 {
            let (graph, have, lateral) = try Self.randomCase(seed: UInt64(seed))
            let paths = SkillPathOracle.allPaths(graph, from: graph.roles[0].id, to: graph.roles.last!.id, have: have, lateralCost: lateral)
            if paths.contains(where: { $0.roles.count >= 3 }) { multiStep += 1 }
        }
        #expect(multiStep >= 100)
    }

    @Test(arguments: 0 ..< 300)
    func pathsAreTheExactOptimum(seed: Int) throws {
        let (graph, have, lateral) = try Self.randomCase(seed: UInt64(seed))
        var planner = try RoutePlanner(graph: graph, costing: StepCosting(model: .skills, have: have, lateralCost: lateral))
        let start = graph.roles[0].id, goal = graph.roles.last!.id
        let expected = SkillPathOracle.allPaths(graph, from: start, to: goal, have: have, lateralCost: lateral)
            .map(\.cost).sorted()
        do {
            let paths = try planner.paths(from: start, to: goal, count: 3)
            #expect(planner.lastSearch == .exact)
            #expect(paths.map(\.cost) == Array(expected.prefix(3)))
            for path in paths { Self.checkPrinted(path, in: graph, have: have, lateralCost: lateral) }
        } catch {
            guard case .noPath = error else { throw error }
            #expect(expected.isEmpty)
        }
    }

    /// With a budget too small for the exact search, the answer is the best of the candidates:
    /// said so, never cheaper than the optimum, and its totals still the true totals.
    @Test(arguments: 0 ..< 100)
    func fallbackTotalsAreStillTrue(seed: Int) throws {
        let (graph, have, lateral) = try Self.randomCase(seed: UInt64(seed))
        var planner = try RoutePlanner(graph: graph, costing: StepCosting(model: .skills, have: have, lateralCost: lateral))
        planner.searchBudget = 2
        let start = graph.roles[0].id, goal = graph.roles.last!.id
        let expected = SkillPathOracle.allPaths(graph, from: start, to: goal, have: have, lateralCost: lateral).map(\.cost)
        guard let paths = try? planner.paths(from: start, to: goal, count: 2) else {
            #expect(expected.isEmpty)
            return
        }
        let best = try #require(expected.min())
        #expect(paths[0].cost >= best)
        for path in paths { Self.checkPrinted(path, in: graph, have: have, lateralCost: lateral) }
        if planner.lastSearch == .exact { #expect(paths[0].cost == best) }
    }

    @Test(arguments: 0 ..< 150)
    func reachableGivesTheCheapestPathToEachRole(seed: Int) throws {
        let (graph, have, lateral) = try Self.randomCase(seed: UInt64(seed))
        var planner = try RoutePlanner(graph: graph, costing: StepCosting(model: .skills, have: have, lateralCost: lateral))
        let start = graph.roles[0].id
        var best: [RoleID: Double] = [:]
        for path in SkillPathOracle.allPaths(graph, from: start, to: nil, have: have, lateralCost: lateral) {
            best[path.roles.last!] = min(best[path.roles.last!] ?? .infinity, path.cost)
        }
        let paths = try planner.reachable(from: start)
        #expect(planner.lastSearch == .exact)
        #expect(Dictionary(uniqueKeysWithValues: paths.map { ($0.roles.last!, $0.cost) }) == best)
        for path in paths { Self.checkPrinted(path, in: graph, have: have, lateralCost: lateral) }
    }

    /// A plan's routes: the entry gap plus the path-dependent cost, minimised over the allowed
    /// starts and the paths from them together.
    @Test(arguments: 0 ..< 200)
    func planRoutesAreTheExactOptimum(seed: Int) throws {
        let (graph, have, lateral) = try Self.randomCase(seed: UInt64(seed))
        let goal = graph.roles.last!.id
        var expected: [Double] = []
        for role in graph.roles where role.entryLevel == true {
            let entry = SkillPathOracle.gap(graph, role.id, knowing: have)
            if role.id == goal { expected.append(entry); continue }
            for path in SkillPathOracle.allPaths(graph, from: role.id, to: goal, have: have, lateralCost: lateral) {
                expected.append(entry + path.cost)
            }
        }
        expected.sort()
        do {
            let plan = try graph.plan(have: have, goal: goal, routes: 3, lateralCost: lateral)
            #expect(plan.search == .exact)
            #expect(plan.startRule == .entryLevelRoles)
            #expect(plan.routes.map(\.cost) == Array(expected.prefix(3)))
            for route in plan.routes {
                #expect(graph.role(route.start.role)?.entryLevel == true)
                #expect(route.cost == route.start.gap.cost + route.path.cost)
                Self.checkPrinted(route.path, in: graph, have: have, lateralCost: lateral)
                // The entry's gap is learned once: no later step asks for it again.
                let entry = Set(route.start.gap.primary + route.start.gap.secondary)
                for step in route.path.steps {
                    #expect(entry.isDisjoint(with: step.skillsToLearn.primary + step.skillsToLearn.secondary))
                }
            }
        } catch {
            guard case .noRoute = error else { throw error }
            #expect(expected.isEmpty)
        }
    }

    /// The fallback of a plan (a budget too small) still prints true totals and says so.
    @Test(arguments: 0 ..< 60)
    func planFallbackTotalsAreStillTrue(seed: Int) throws {
        let (graph, have, lateral) = try Self.randomCase(seed: UInt64(seed))
        let goal = graph.roles.last!.id
        guard let plan = try? graph.plan(have: have, goal: goal, routes: 2, lateralCost: lateral, starts: .any, searchBudget: 1)
        else { return }
        #expect(plan.startRule == .anyRoleExperienced)
        for route in plan.routes {
            #expect(route.cost == route.start.gap.cost + route.path.cost)
            Self.checkPrinted(route.path, in: graph, have: have, lateralCost: lateral)
        }
    }
}
