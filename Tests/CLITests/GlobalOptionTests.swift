import Foundation
import Testing

/// `--graph` and `--graph-format` are global: the same before the command name as after it.
@Suite struct GlobalOptionTests {
    /// A small graph, unlike the built-in one, in a file whose name does not give its format
    /// (so `--graph-format` is needed, and its position is tested too).
    static let graphFile: String = {
        let yaml = """
            format: 1
            name: Three roles
            areas: [{id: lab, name: Lab}]
            skills: [{id: pipetting, name: Pipetting}, {id: python, name: Python}]
            roles:
              - {id: tech, name: Technician, area: lab, skills: {primary: [pipetting]}}
              - {id: analyst, name: Lab Analyst, area: lab, skills: {primary: [python], secondary: [pipetting]}}
              - {id: lead, name: Lab Lead, area: lab, skills: {primary: [pipetting, python]}}
            relations:
              - {kind: transition, from: tech, to: analyst, effort: 2}
              - {kind: transition, from: analyst, to: lead, effort: 3}
              - {kind: collaboration, between: [tech, lead]}
            """
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rolegraph-global-\(UUID().uuidString).graph")
        try! yaml.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }()

    static var global: [String] { ["--graph", graphFile, "--graph-format", "yaml"] }

    @Test(arguments: [
        ["roles"],
        ["show", "analyst"],
        ["path", "tech", "lead"],
        ["path", "tech", "lead", "--format", "json"],
        ["plan", "--have", "python", "--goal", "lead"],
        ["next", "tech"],
        ["reachable", "tech"],
        ["compare", "tech", "lead"],
        ["clusters"],
        ["similar", "tech"],
        ["centrality"],
        ["export", "--to", "mermaid"],
        ["stats", "--format", "json"],
    ])
    func globalOptionsWorkBeforeAndAfterTheCommand(arguments: [String]) throws {
        let before = try CLI.run(Self.global + arguments)
        let after = try CLI.run(arguments + Self.global)
        let between = try CLI.run([arguments[0]] + Self.global + arguments.dropFirst())
        let joined = try CLI.run(["--graph=\(Self.graphFile)", "--graph-format=yaml"] + arguments)
        #expect(before.status == 0, "\(before.stderr)")
        for other in [after, between, joined] {
            #expect(other.status == before.status)
            #expect(other.stderr == before.stderr)
            if arguments[0] != "stats" { #expect(other.stdout == before.stdout) }
        }
        // The options took effect: the built-in graph has none of these roles.
        #expect(before.stdout.contains("Lab") || before.stdout.contains("tech"))
    }

    /// Every global option, flags included, may stand before the command: `--strict` there
    /// refuses an edge list's repairs as it does after the command.
    @Test func strictAndTheSizeLimitWorkBeforeTheCommand() throws {
        let csv = FileManager.default.temporaryDirectory.appendingPathComponent("rolegraph-strict-\(UUID().uuidString).csv")
        try "from,to\na,b\na,b\n".write(to: csv, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: csv) }
        let before = try CLI.run(["--graph", csv.path, "--strict", "--max-input-size", "1M", "roles"])
        let after = try CLI.run(["roles", "--graph", csv.path, "--strict", "--max-input-size", "1M"])
        #expect(before.status == 65 && after.status == 65, "\(before.stderr)")
        #expect(before.stderr == after.stderr && before.stderr.contains("repeated"), "\(before.stderr)")
        let lenient = try CLI.run(["--graph", csv.path, "roles"])
        #expect(lenient.status == 0)
    }

    @Test func stdinGraphBeforeTheCommand() throws {
        let yaml = try String(contentsOfFile: Self.graphFile, encoding: .utf8)
        let result = try CLI.run(["--graph", "-", "show", "lead"], stdin: yaml)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Lab Lead (lead)"))
    }

    @Test func anErrorInAGlobalOptionNamesTheCommandsHelp() throws {
        for arguments in [["--graph-format", "xml", "roles"], ["roles", "--graph-format", "xml"]] {
            let result = try CLI.run(arguments)
            #expect(result.status == 64)
            #expect(result.stderr == "rolegraph: error: the value 'xml' is invalid for '--graph-format <graph-format>'. "
                    + "Please provide one of: yaml, json, dot, csv, tsv, graphml, snapshot (see 'rolegraph roles --help')\n")
        }
        let missing = try CLI.run(["--graph", "no-such-graph.yaml", "roles"])
        #expect(missing.status == 66)
        #expect(missing.stderr == "rolegraph: error: no-such-graph.yaml: no such file\n")
    }

    @Test func validateTakesGraphFormatButNotGraph() throws {
        let before = try CLI.run(["--graph-format", "yaml", "validate", Self.graphFile])
        let after = try CLI.run(["validate", Self.graphFile, "--graph-format", "yaml"])
        #expect(before.status == 0, "\(before.stderr)")
        #expect(before.stdout == after.stdout)
        #expect(before.stdout.hasSuffix("ok — 3 roles in 1 areas, 2 skills, 0 stakeholder, 1 collaboration, 2 transition\n"))
        let graph = try CLI.run(["--graph", Self.graphFile, "validate", Self.graphFile])
        #expect(graph.status == 64)
        #expect(graph.stderr.hasPrefix("rolegraph: error: validate checks the files named as its arguments, not --graph"))
    }

    @Test func helpShowsTheGlobalOptionsOnEveryCommand() throws {
        let root = try CLI.run(["--help"])
        #expect(root.stdout.contains("USAGE: rolegraph [--graph <file> ...] [--graph-format <graph-format>] [--max-input-size <size>] [--columns <map>] [--strict] <subcommand>"))
        for command in ["roles", "path", "export", "stats"] {
            let help = try CLI.run([command, "--help"])
            #expect(help.stdout.contains("--graph <file>"), "\(command)")
            #expect(help.stdout.contains("--graph-format <graph-format>"), "\(command)")
        }
    }
}
