import Foundation
import Testing

/// End-to-end: path, plan, next, reachable and compare on the built-in graph.
@Suite struct PathCommandTests {
    @Test(arguments: [
        ("path.txt", ["path", "data-analyst", "ml-engineer"]),
        ("path-top3-lateral.txt", ["path", "data-analyst", "ml-engineer", "--top", "3", "--lateral-cost", "2"]),
        ("path-skills.txt", ["path", "Data Analyst", "ML Engineer", "--cost", "skills", "--have", "python,statistics"]),
        ("plan.txt", ["plan", "--have", "sql,python,statistics", "--goal", "ml-engineer"]),
        ("next.txt", ["next", "ml-engineer"]),
        ("reachable.txt", ["reachable", "ml-engineer", "--max-steps", "2"]),
        ("compare.txt", ["compare", "analytics-engineer", "data-platform-engineer"]),
    ])
    func matchesGolden(golden: String, arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        try Golden.check(result.stdout, against: golden)
    }

    @Test func kPathsAreDistinctAndNonDecreasing() throws {
        let result = try CLI.run(["path", "data-analyst", "ml-engineer", "--top", "3", "--lateral-cost", "2", "--format", "json"])
        #expect(result.status == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let paths = try #require(report["paths"] as? [[String: Any]])
        #expect(paths.count == 3)
        let costs = paths.compactMap { $0["cost"] as? Double }
        #expect(costs == costs.sorted())
        let signatures = paths.map { path in
            (path["steps"] as? [[String: Any]] ?? []).map { "\($0["from"]!)-\($0["kind"]!)-\($0["to"]!)" }
        }
        #expect(Set(signatures).count == 3)
        for path in paths {
            let steps = path["steps"] as? [[String: Any]] ?? []
            let roles = path["roles"] as? [String] ?? []
            #expect(Set(roles).count == roles.count)
            #expect(path["cost"] as? Double == steps.compactMap { $0["cost"] as? Double }.reduce(0, +))
        }
    }

    @Test func jsonHasTheSameNumbersAsTheTable() throws {
        let json = try CLI.run(["path", "data-analyst", "ml-engineer", "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let path = try #require((report["paths"] as? [[String: Any]])?.first)
        #expect(path["roles"] as? [String] == ["data-analyst", "data-scientist", "ml-scientist", "ml-engineer"])
        #expect(path["cost"] as? Double == 8)
        let text = try CLI.run(["path", "data-analyst", "ml-engineer"])
        #expect(text.stdout.contains("Total effort: 8 over 3 steps"))
    }

    @Test func noPathHasItsOwnStatusAndSaysWhy() throws {
        let result = try CLI.run(["path", "data-analyst", "ml-accelerators-engineer"])
        #expect(result.status == 68)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "rolegraph: error: no path from 'data-analyst' to 'ml-accelerators-engineer'; "
                + "'data-analyst' can reach 'data-scientist', 'analytics-engineer', 'ml-scientist', 'ml-engineer', "
                + "'ml-platform-engineer', 'data-platform-engineer', 'infrastructure-engineer', 'backend-engineer' by transitions; "
                + "'ml-accelerators-engineer' can be reached from no other role; --lateral-cost N also allows moves along collaborations\n")
    }

    @Test(arguments: [
        (["path", "data-analyst", "ml-enginer"], 67, "rolegraph: error: no role 'ml-enginer' (did you mean 'ml-engineer'?)\n"),
        (["path", "data-analyst", "ml-engineer", "--have", "pyhton"], 67, "rolegraph: error: no skill 'pyhton' (did you mean 'python'?)\n"),
        (["path", "data-analyst", "ml-engineer", "--top", "0"], 64, "rolegraph: error: --top must be at least 1, found 0 (see 'rolegraph path --help')\n"),
        (["path", "data-analyst", "Data Analyst"], 64, "rolegraph: error: 'data-analyst' is both the start and the goal\n"),
        (["path", "data-analyst", "ml-engineer", "--avoid", "ml-engineer"], 64,
         "rolegraph: error: 'ml-engineer' is the start or the goal, so it cannot be avoided\n"),
        (["plan", "--have", "sql", "--goal", "Data Engineer"], 67,
         "rolegraph: error: 'Data Engineer' is a title of 2 roles: 'analytics-engineer' (Analytics Engineer), 'data-platform-engineer' (Data Platform Engineer); name one of them by id\n"),
    ] as [([String], Int32, String)])
    func badInputsGetOneLineAndAStatus(arguments: [String], status: Int32, stderr: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == status)
        #expect(result.stderr == stderr)
        #expect(result.stdout.isEmpty)
    }
}
