import Foundation
import Testing

/// End-to-end: the `skills` command, `--have` matching and `plan` on the ESCO-like fixture (100
/// occupations with about twenty essential skills each, catalogue labels, aliases) and on the
/// built-in graph.
@Suite struct SkillsCommandTests {
    static let esco = CLI.fixture("esco/esco-like.yaml")

    @Test(arguments: [
        ("skills.txt", ["skills"]),
        ("skills-show-python.txt", ["skills", "show", "Python"]),
        ("skills-search-esco.txt", ["skills", "search", "data", "--graph", esco]),
        ("plan-esco.txt", ["plan", "--graph", esco, "--have", "data mining,statistics,Python", "--goal", "machine learning engineer", "-n", "2"]),
    ])
    func matchesGolden(golden: String, arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(!result.stdout.split(separator: "\n").contains { $0.hasSuffix(" ") }, "trailing spaces")
        try Golden.check(result.stdout, against: golden)
    }

    static func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try CLI.run(arguments + ["--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    /// The person: data mining, statistics and Python. Data occupations come first,
    /// although small occupations such as "projectionist" miss fewer skill weights in absolute
    /// terms (which is how the old ranking put them first).
    @Test func dataRolesAreClosestForADataPerson() throws {
        let plan = try Self.json(["plan", "--graph", Self.esco, "--have", "data mining,statistics,Python",
                                  "--goal", "statistician", "--closest", "100"])
        #expect(plan["have"] as? [String] == ["data-mining", "python-computer-programming", "statistics"])
        let closest = try #require(plan["closest"] as? [[String: Any]])
        #expect(closest.count == 100)
        let dataRoles: Set<String> = ["data-scientist", "data-analyst", "statistician", "business-intelligence-analyst",
                                      "data-mining-specialist", "machine-learning-engineer", "data-engineer", "econometrician",
                                      "data-quality-specialist", "research-analyst"]
        #expect(Set(closest.prefix(10).compactMap { $0["role"] as? String }) == dataRoles)
        let shares = closest.compactMap { $0["covered_share"] as? Double }
        #expect(shares == shares.sorted(by: >))
        // Absolute gaps alone would rank the projectionist above every data occupation.
        func gap(_ role: String) -> Double {
            ((closest.first { $0["role"] as? String == role }?["gap"] as? [String: Any])?["cost"] as? Double) ?? -1
        }
        #expect(gap("projectionist") < closest.prefix(10).map { (($0["gap"] as? [String: Any])?["cost"] as? Double) ?? 0 }.min()!)
        #expect(plan["start_rule"] as? String == "any-role-no-entry-level-facts")
        #expect(plan["search"] as? String == "exact")
    }

    @Test func haveResolvesAPersonsWords() throws {
        let result = try CLI.run(["path", "data-analyst", "statistician", "--graph", Self.esco, "--cost", "skills",
                                  "--have", "Python,ETL tools,data-mining", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let builtIn = try CLI.run(["path", "data-analyst", "ml-engineer", "--cost", "skills", "--have", "machine learning,Kubernetes"])
        #expect(builtIn.status == 0, "\(builtIn.stderr)")
        #expect(!builtIn.stdout.contains("Classical machine learning"))
        #expect(!builtIn.stdout.contains("Containers and Kubernetes"))
    }

    @Test(arguments: [
        (["plan", "--graph", esco, "--have", "data", "--goal", "statistician"], Int32(67),
         "rolegraph: error: 'data' matches 16 skills: 'data-mining' (data mining), 'data-models' (data models), "),
        (["plan", "--graph", esco, "--have", "Pyhton", "--goal", "statistician"], 67,
         "rolegraph: error: no skill 'Pyhton' (did you mean 'Python (computer programming)'?)"),
        (["skills", "show", "astronomy", "--graph", esco], 67, "rolegraph: error: no skill 'astronomy'"),
        (["skills", "bogus"], 64, "rolegraph: error: unknown action 'bogus'; the actions are list, search and show"),
        (["skills", "serch", "data"], 64, "rolegraph: error: unknown action 'serch'; the actions are list, search and show (did you mean 'search'?)"),
        (["skills", "search"], 64, "rolegraph: error: 'skills search' needs a word: skills search WORD"),
        (["skills", "list", "data"], 64, "rolegraph: error: 'skills list' takes no word; use 'skills search WORD'"),
    ] as [([String], Int32, String)])
    func badSkillsAreOneLineErrors(arguments: [String], status: Int32, stderr: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == status)
        #expect(result.stderr.hasPrefix(stderr), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        if status == 67 { #expect(result.stderr.split(separator: "\n").count == 1) }
    }

    @Test func aSearchWithNoMatchSaysSoAndSuggests() throws {
        let result = try CLI.run(["skills", "search", "statistcs", "--graph", Self.esco])
        #expect(result.status == 0)
        #expect(result.stdout == "No skill's id, name or alias contains 'statistcs'. Did you mean 'statistics'?\n")
        let json = try Self.json(["skills", "search", "zzz"])
        #expect((json["matches"] as? [Any])?.isEmpty == true)
    }

    @Test func skillsShowListsPrimaryRolesFirst() throws {
        let json = try Self.json(["skills", "show", "data mining", "--graph", Self.esco])
        let roles = try #require(json["roles"] as? [[String: Any]])
        let primary = roles.compactMap { $0["primary"] as? Bool }
        #expect(primary.prefix(10).allSatisfy { $0 })
        #expect(primary == primary.sorted { $0 && !$1 })
        #expect((json["skill"] as? [String: Any])?["role_count"] as? Int == roles.count)
    }

    /// Long skill lists show the ten heaviest with a count of the rest; --all shows everything.
    @Test func longSkillListsAreSummarisedUnlessAll() throws {
        let arguments = ["plan", "--graph", Self.esco, "--have", "statistics", "--goal", "statistician", "-n", "1"]
        let short = try CLI.run(arguments)
        #expect(short.status == 0)
        #expect(short.stdout.contains(" more)"))
        #expect(short.stdout.contains("(--all lists them)"))
        let all = try CLI.run(arguments + ["--all"])
        #expect(all.status == 0)
        #expect(!all.stdout.contains(" more)"))
        #expect(all.stdout.contains("Nice to have: "))
    }

    @Test func aGraphWithoutSkillsSaysSo() throws {
        let result = try CLI.run(["plan", "--graph", "-", "--graph-format", "csv", "--goal", "c"], stdin: "from,to,effort\na,b,1\nb,c,2\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("this graph lists no skills for its roles"))
        #expect(!result.stdout.contains("% covered"))
        #expect(result.stdout.contains("starting in any role (this graph marks no role entry-level or not)"))
    }

    /// The article: roles that work closely together are easier to move between, and analytics
    /// engineers serve analysts directly.
    @Test func analystToAnalyticsEngineerIsAtMostTwoSteps() throws {
        for cost in ["effort", "hops", "skills"] {
            let json = try Self.json(["path", "data-analyst", "analytics-engineer", "--cost", cost])
            let path = try #require((json["paths"] as? [[String: Any]])?.first)
            #expect(((path["steps"] as? [Any])?.count ?? 99) <= 2, "\(cost)")
            #expect(json["search"] as? String == "exact")
        }
    }
}
