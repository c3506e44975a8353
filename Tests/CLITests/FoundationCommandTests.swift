import Foundation
import Testing

/// End-to-end: the built binary's output, errors and exit statuses for the foundation commands.
@Suite struct FoundationCommandTests {
    @Test func helpListsCommandsAndExitStatuses() throws {
        let result = try CLI.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        try Golden.check(result.stdout, against: "help.txt")
    }

    @Test func rolesListsTenRolesInThreeAreas() throws {
        let result = try CLI.run(["roles"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        try Golden.check(result.stdout, against: "roles.txt")
        for area in ["Insights (3 roles)", "Models (4 roles)", "Systems (3 roles)"] {
            #expect(result.stdout.contains(area))
        }
    }

    @Test func rolesAsJSONIsValidAndComplete() throws {
        let result = try CLI.run(["roles", "--format", "json"])
        #expect(result.status == 0)
        let roles = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(roles.count == 10)
        #expect(roles.first?["id"] as? String == "data-analyst")
    }

    @Test func showPrintsTheFullCard() throws {
        let result = try CLI.run(["show", "ml-engineer"])
        #expect(result.status == 0)
        try Golden.check(result.stdout, against: "show-ml-engineer.txt")
    }

    @Test func sharedTitleIsExplained() throws {
        let result = try CLI.run(["show", "Data Engineer"])
        #expect(result.status == 67)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == """
            rolegraph: error: 'Data Engineer' is a title of 2 roles: 'analytics-engineer' (Analytics Engineer), \
            'data-platform-engineer' (Data Platform Engineer); name one of them by id

            """)
    }

    @Test func idsThatDifferOnlyInCaseAreExplained() throws {
        let directory = try EdgeListCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "from,to\nData Analyst,Data Scientist\ndata analyst,ML Engineer\n"
            .write(to: directory.appendingPathComponent("moves.csv"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["show", "DATA ANALYST", "--graph", "moves.csv"], in: directory)
        #expect(result.status == 67)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == """
            rolegraph: error: 'DATA ANALYST' is the id or name of 2 roles, ignoring case: 'Data Analyst' (Data Analyst), \
            'data analyst' (data analyst); name one of them by its exact id

            """)
        let exact = try CLI.run(["show", "data analyst", "--graph", "moves.csv"], in: directory)
        #expect(exact.status == 0)
        #expect(exact.stdout.hasPrefix("data analyst (data analyst)\n"))
    }

    @Test func unknownRoleSuggestsTheNearest() throws {
        let result = try CLI.run(["show", "ml-enginer"])
        #expect(result.status == 67)
        #expect(result.stderr == "rolegraph: error: no role 'ml-enginer' (did you mean 'ml-engineer'?)\n")
    }

    @Test func validateReportsEveryProblemWithItsLocation() throws {
        let file = CLI.fixture("invalid/misspelt-role.yaml")
        let result = try CLI.run(["validate", file])
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "rolegraph: error: \(file):21:48: unknown role 'ml-enginer' (did you mean 'ml-engineer'?)\n")

        let five = try CLI.run(["validate", CLI.fixture("invalid/five-problems.yaml")])
        #expect(five.status == 65)
        #expect(five.stderr.split(separator: "\n").count == 5)
        #expect(five.stderr.split(separator: "\n").allSatisfy { $0.hasPrefix("rolegraph: error: \(CLI.fixture("invalid/five-problems.yaml")):") })
    }

    @Test func validateAcceptsTheArticleGraph() throws {
        let result = try CLI.run(["validate", CLI.repositoryRoot.appendingPathComponent("Graphs/data-careers.yaml").path])
        #expect(result.status == 0)
        #expect(result.stdout.hasSuffix("ok — 10 roles in 3 areas, 40 skills, 8 stakeholder, 9 collaboration, 22 transition\n"))
    }

    @Test func missingGraphFileHasItsOwnStatus() throws {
        let result = try CLI.run(["roles", "--graph", "no-such-graph.yaml"])
        #expect(result.status == 66)
        #expect(result.stderr == "rolegraph: error: no-such-graph.yaml: no such file\n")
    }

    @Test func graphFromStandardInput() throws {
        let yaml = """
            format: 1
            name: Two roles
            areas: [{id: a, name: A}]
            roles: [{id: x, name: X, area: a}, {id: y, name: Y, area: a}]
            relations: [{kind: transition, from: x, to: y, effort: 2}]
            """
        let result = try CLI.run(["show", "x", "--graph", "-"], stdin: yaml)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Can move on to:\n  - Y (effort 2)"))
    }

    @Test(arguments: [
        (["roles", "--format", "xml"], "rolegraph: error: the value 'xml' is invalid for '--format <format>'. Please provide one of 'table' and 'json'. (see 'rolegraph roles --help')"),
        (["show"], "rolegraph: error: missing expected argument '<role>' (see 'rolegraph show --help')"),
        (["roles", "--colour"], "rolegraph: error: unknown option '--colour' (see 'rolegraph roles --help')"),
        (["next", "data-analyst", "--top", "-5"], "rolegraph: error: --top must be at least 1, found -5 (see 'rolegraph next --help')"),
        (["path", "data-analyst", "ml-engineer", "--max-steps", "-3"], "rolegraph: error: --max-steps must be at least 1, found -3"),
    ])
    func usageErrorsAreOneLine(arguments: [String], line: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr == line + "\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func nothingCrashesOnTheBadInputCorpus() throws {
        let folder = CLI.repositoryRoot.appendingPathComponent("Tests/Fixtures/invalid")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasSuffix(".expected") }
        for file in files {
            let result = try CLI.run(["roles", "--graph", folder.appendingPathComponent(file).path])
            #expect([65, 66].contains(result.status), "\(file): \(result.status)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.split(separator: "\n").allSatisfy { $0.hasPrefix("rolegraph: error: ") }, "\(file)")
        }
    }
}

/// Names are data: ids that differ only in case stay distinct, and control characters in a name
/// never reach the terminal raw.
@Suite struct HostileNameTests {
    static let yaml = """
        format: 1
        name: c
        areas: [{id: a, name: A}]
        roles:
          - {id: ML, name: First, area: a}
          - {id: ml, name: "Sec\\u001b[31mond", area: a}
        relations:
          - {kind: transition, from: ML, to: ml, effort: 1}
        """

    @Test func idsDifferingOnlyInCaseAreDistinct() throws {
        let result = try CLI.run(["path", "ML", "ml", "--graph", "-"], stdin: Self.yaml)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("First → Sec"))
    }

    @Test func controlCharactersAreEscapedInTextOutput() throws {
        let result = try CLI.run(["roles", "--graph", "-"], stdin: Self.yaml)
        #expect(result.status == 0)
        #expect(!result.stdout.unicodeScalars.contains("\u{1B}"))
        #expect(result.stdout.contains("Sec\\u{1B}[31mond"))
    }
}
