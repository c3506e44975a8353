import Foundation
import Testing
@testable import rolegraph

/// The options every command declares, as ArgumentParser itself reports them
/// (`--experimental-dump-help`): the source of truth the tables in `CommandLineConventions` are
/// checked against.
struct DeclaredOptions {
    struct Option {
        var command: String
        var names: [String]
        var preferred: String
        var repeating: Bool
        var takesValue: Bool
        var shown: Bool
    }

    var options: [Option] = []
    var commands: [String] = []

    static let shared: DeclaredOptions = {
        let result = try! CLI.run(["--experimental-dump-help"])
        let info = try! JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        var declared = DeclaredOptions()
        func walk(_ command: [String: Any]) {
            let name = command["commandName"] as! String
            declared.commands.append(name)
            for argument in command["arguments"] as? [[String: Any]] ?? [] where argument["kind"] as? String != "positional" {
                func spelt(_ n: [String: Any]) -> String { (n["kind"] as? String == "long" ? "--" : "-") + (n["name"] as! String) }
                declared.options.append(Option(
                    command: name,
                    names: (argument["names"] as! [[String: Any]]).map(spelt),
                    preferred: spelt(argument["preferredName"] as! [String: Any]),
                    repeating: argument["isRepeating"] as! Bool,
                    takesValue: argument["kind"] as? String == "option",
                    shown: argument["shouldDisplay"] as! Bool))
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] { walk(sub) }
        }
        walk(info["command"] as! [String: Any])
        return declared
    }()
}

/// The conventions of `CommandLineConventions`: unknown commands, options given twice, options
/// before the command name; and the tables it relies on, checked against what the commands
/// really declare.
@Suite struct CommandLineConventionTests {
    // MARK: Did you mean

    @Test(arguments: [
        (["patj"], "rolegraph: error: unknown command 'patj' (did you mean 'path'?) (see 'rolegraph --help')\n"),
        (["sho", "ml-engineer"], "rolegraph: error: unknown command 'sho' (did you mean 'show'?) (see 'rolegraph --help')\n"),
        (["--graph", "x.yaml", "clustres"], "rolegraph: error: unknown command 'clustres' (did you mean 'clusters'?) (see 'rolegraph --help')\n"),
        (["help", "bogus"], "rolegraph: error: unknown command 'bogus'; the commands are roles, show, path, plan, next, reachable, compare, clusters, similar, skills, centrality, export, explore, validate, stats, index, init (see 'rolegraph --help')\n"),
        (["help", "exprot"], "rolegraph: error: unknown command 'exprot' (did you mean 'export'?) (see 'rolegraph --help')\n"),
        (["help", "path", "show"], "rolegraph: error: help takes one command name, found 'path', 'show' (see 'rolegraph --help')\n"),
    ])
    func unknownCommandsAreUsageErrors(arguments: [String], stderr: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr == stderr)
        #expect(result.stdout.isEmpty)
    }

    @Test func helpForAKnownCommandStillWorks() throws {
        let help = try CLI.run(["help", "path"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: rolegraph path"))
        let bare = try CLI.run(["help"])
        #expect(bare.status == 0)
        #expect(bare.stdout.contains("SUBCOMMANDS:"))
    }

    /// The edit distance itself is tested with the library's `Suggestions` (LookupTests).
    @Test func nearestCommandIsSuggested() {
        #expect(CommandLineConventions.nearest(to: "patj", in: CommandLineConventions.commandNames) == "path")
        #expect(CommandLineConventions.nearest(to: "sohw", in: CommandLineConventions.commandNames) == "show")
        #expect(CommandLineConventions.nearest(to: "stast", in: CommandLineConventions.commandNames) == "stats")
        #expect(CommandLineConventions.nearest(to: "banana", in: CommandLineConventions.commandNames) == nil)
    }

    // MARK: Options given twice

    @Test(arguments: [
        (["path", "data-analyst", "ml-platform-engineer", "--via", "ml-engineer", "--via", "data-scientist"], "path",
         "--via is given 2 times; a path can pass through one --via role only, so give it once"),
        (["path", "data-analyst", "ml-engineer", "--via=ml-scientist", "--via", "data-scientist"], "path",
         "--via is given 2 times; a path can pass through one --via role only, so give it once"),
        (["next", "ml-engineer", "-n", "2", "--top", "3"], "next", "--top is given 2 times (as -n, --top); give it once"),
        (["next", "ml-engineer", "-n2", "-n3"], "next", "--top is given 2 times; give it once"),
        (["path", "data-analyst", "ml-engineer", "--k", "2", "--top", "3"], "path", "--top is given 2 times (as --k, --top); give it once"),
        (["roles", "--format", "json", "--format", "table"], "roles", "--format is given 2 times; give it once"),
        (["--graph-format", "yaml", "roles", "--graph-format", "json"], "roles", "--graph-format is given 2 times; give it once"),
        (["export", "-o", "a.svg", "--output", "b.svg"], "export", "--output is given 2 times (as -o, --output); give it once"),
        (["export", "-Tsvg", "--to", "png"], "export", "--to is given 2 times (as -T, --to); give it once"),
        (["path", "data-analyst", "ml-engineer", "--cost", "hops", "--cost", "skills"], "path", "--cost is given 2 times; give it once"),
        (["centrality", "--weighted", "--weighted"], "centrality", "--weighted is given 2 times; give it once"),
        (["clusters", "--seed", "1", "--seed", "2"], "clusters", "--seed is given 2 times; give it once"),
    ] as [([String], String, String)])
    func aSingleValuedOptionGivenTwiceIsRefused(arguments: [String], command: String, message: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr == "rolegraph: error: \(message) (see 'rolegraph \(command) --help')\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func repeatableOptionsCollectEveryValue() throws {
        // Two --avoid: both roles are avoided. Three ways from a to d, through b (cheapest), c
        // and e (dearest): avoiding b and c leaves only e.
        let diamond = """
            format: 1
            name: Diamond
            areas: [{id: x, name: X}]
            roles: [{id: a, name: A, area: x}, {id: b, name: B, area: x}, {id: c, name: C, area: x},
                    {id: e, name: E, area: x}, {id: d, name: D, area: x}]
            relations:
              - {kind: transition, from: a, to: b, effort: 1}
              - {kind: transition, from: b, to: d, effort: 1}
              - {kind: transition, from: a, to: c, effort: 2}
              - {kind: transition, from: c, to: d, effort: 2}
              - {kind: transition, from: a, to: e, effort: 3}
              - {kind: transition, from: e, to: d, effort: 3}
            """
        func via(_ avoid: [String]) throws -> String {
            let result = try CLI.run(["path", "a", "d", "--graph", "-"] + avoid.flatMap { ["--avoid", $0] }, stdin: diamond)
            #expect(result.status == 0, "\(result.stderr)")
            return String(result.stdout.prefix { $0 != "\n" })
        }
        #expect(try via([]) == "A → B → D")
        #expect(try via(["b"]) == "A → C → D")
        #expect(try via(["b", "c"]) == "A → E → D")
        #expect(try via(["c", "b"]) == "A → E → D")
        // --have repeated is the same as --have with a list.
        let repeated = try CLI.run(["plan", "--have", "sql", "--have", "python", "--goal", "ml-engineer"])
        let listed = try CLI.run(["plan", "--have", "sql,python", "--goal", "ml-engineer"])
        #expect(repeated.status == 0)
        #expect(repeated.stdout == listed.stdout)
        // --area repeated, on roles and on diagrams.
        let areas = try CLI.run(["roles", "--area", "insights", "--area", "systems"])
        #expect(areas.status == 0)
        #expect(areas.stdout.contains("Insights (3 roles)") && areas.stdout.contains("Systems (3 roles)"))
        #expect(!areas.stdout.contains("Models"))
        let dot = try CLI.run(["export", "--area", "insights", "--area", "models"])
        #expect(dot.status == 0)
        #expect(dot.stdout.contains("\"data-analyst\"") && dot.stdout.contains("\"ml-engineer\""))
        #expect(!dot.stdout.contains("\"backend-engineer\""))
    }

    @Test func valuesThatLookLikeOptionsAreNotCountedAsOptions() throws {
        // `-5` is the value of --top and of --lateral-cost, not an option given twice.
        let result = try CLI.run(["next", "ml-engineer", "--top", "-5", "--lateral-cost", "-5"])
        #expect(result.status == 64)
        #expect(result.stderr == "rolegraph: error: --top must be at least 1, found -5 (see 'rolegraph next --help')\n")
        // Words after -- are arguments.
        let terminator = CommandLineConventions(["show", "--", "--top"])
        #expect(terminator.options.isEmpty)
    }

    // MARK: Options before the command name

    @Test func aCommandsOptionBeforeTheCommandNameSaysWhereItGoes() throws {
        let result = try CLI.run(["--format", "json", "roles"])
        #expect(result.status == 64)
        #expect(result.stderr == "rolegraph: error: --format is an option of the command and goes after its name: "
                + "'rolegraph roles --format …'; only the global options (--graph, --graph-format, --max-input-size, --columns, --strict) may come before it (see 'rolegraph roles --help')\n")
    }

    /// A near miss of a global option before the command is reported as a typo of that option.
    @Test func misspeltGlobalOptionBeforeTheCommandIsATypo() throws {
        let result = try CLI.run(["--grph", "x.yaml", "roles"])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("rolegraph: error: unknown option '--grph' (did you mean '--graph'?)"))
    }

    // MARK: The tables, against what the commands declare

    @Test func theRepeatableOptionsAreExactlyTheOnesThatRepeat() {
        let options = DeclaredOptions.shared.options
        let repeating = Set(options.filter(\.repeating).map(\.preferred))
        #expect(repeating == CommandLineConventions.repeatable)
        // And each repeats wherever it is declared.
        for option in options where CommandLineConventions.repeatable.contains(option.preferred) {
            #expect(option.repeating, "\(option.command) \(option.preferred)")
        }
    }

    @Test func everyOtherNameOfAnOptionIsInTheAliasTable() {
        var declaredAliases: [String: String] = [:]
        // ArgumentParser's own `help` command also answers to `-help`; it takes no options.
        for option in DeclaredOptions.shared.options where option.command != "help" {
            for name in option.names where name != option.preferred { declaredAliases[name] = option.preferred }
        }
        // Short names, each standing for one long name on every command that has it.
        for (alias, long) in declaredAliases {
            #expect(CommandLineConventions.aliases[alias] == long, "\(alias)")
        }
        // The table holds nothing else but the old name --k, a hidden option of its own.
        let extra = Set(CommandLineConventions.aliases.keys).subtracting(declaredAliases.keys)
        #expect(extra == ["--k"])
        let k = DeclaredOptions.shared.options.filter { $0.preferred == "--k" }
        #expect(Set(k.map(\.command)) == ["path", "plan"])
        #expect(k.allSatisfy { !$0.shown }, "--k is not in the help")
        // Every short name but -h takes a value, as the check assumes (the rest of `-n3` is its value).
        for option in DeclaredOptions.shared.options where option.names.contains(where: { !$0.hasPrefix("--") }) {
            #expect(option.takesValue == (option.preferred != "--help"), "\(option.preferred)")
        }
    }

    @Test func theGlobalOptionsAreDeclaredByEveryCommand() {
        let declared = DeclaredOptions.shared
        for command in declared.commands where command != "help" {
            for name in GraphOptions.namesTakingValues {
                #expect(declared.options.contains { $0.command == command && $0.preferred == name && $0.takesValue }, "\(command) \(name)")
            }
        }
    }

    @Test func oneNameForHowMany() {
        // No option is called --k, --count or --limit; every "how many" is --top with -n.
        let options = DeclaredOptions.shared.options.filter(\.shown)
        for name in ["--k", "--count", "--limit", "--number"] {
            #expect(!options.contains { $0.names.contains(name) }, "\(name)")
        }
        let top = options.filter { $0.preferred == "--top" }
        #expect(Set(top.map(\.command)) == ["path", "plan", "next", "reachable", "similar", "centrality", "export", "explore"])
        for option in top { #expect(option.names.contains("-n"), "\(option.command)") }
    }
}

/// `--top N` / `-n N` on every command that shows "how many", and the old `--k`.
@Suite struct TopOptionTests {
    @Test(arguments: [
        ["next", "ml-engineer"],
        ["similar", "data-scientist"],
        ["reachable", "data-analyst"],
        ["centrality"],
        ["path", "data-analyst", "ml-engineer", "--lateral-cost", "2"],
        ["plan", "--have", "sql,python", "--goal", "ml-platform-engineer", "--experienced"],
    ])
    func topAndItsShortNameAgree(arguments: [String]) throws {
        let long = try CLI.run(arguments + ["--top", "2", "--format", "json"])
        let short = try CLI.run(arguments + ["-n", "2", "--format", "json"])
        let joined = try CLI.run(arguments + ["-n2", "--format", "json"])
        let one = try CLI.run(arguments + ["-n", "1", "--format", "json"])
        #expect(long.status == 0, "\(long.stderr)")
        #expect(long.stdout == short.stdout)
        #expect(long.stdout == joined.stdout)
        // The count is obeyed: 2 results, then 1.
        func count(_ text: String) throws -> Int {
            let value = try JSONValue.parse(text)
            switch value {
            case .array(let items): return items.count
            default:
                if case .array(let paths)? = value["paths"] { return paths.count }
                if case .array(let routes)? = value["routes"] { return routes.count }
                if case .array(let roles)? = value["roles"] { return roles.count }
                return -1
            }
        }
        #expect(try count(long.stdout) == 2)
        #expect(try count(one.stdout) == 1)
    }

    @Test func theOldNameKStillWorksWithAWarning() throws {
        let old = try CLI.run(["path", "data-analyst", "ml-engineer", "--k", "3", "--lateral-cost", "2"])
        let new = try CLI.run(["path", "data-analyst", "ml-engineer", "--top", "3", "--lateral-cost", "2"])
        #expect(old.status == 0)
        #expect(old.stdout == new.stdout)
        #expect(old.stderr == "rolegraph: warning: --k is an old name; use --top (or -n)\n")
        #expect(new.stderr.isEmpty)
        let plan = try CLI.run(["plan", "--have", "sql", "--goal", "ml-engineer", "--k", "1"])
        #expect(plan.status == 0)
        #expect(plan.stdout.contains("1. ") && !plan.stdout.contains("\n2. "))
        // Not in the help.
        let help = try CLI.run(["path", "--help"])
        #expect(help.stdout.contains("-n, --top <n>"))
        #expect(!help.stdout.contains("--k"))
    }

    @Test func topMustBeAtLeastOne() throws {
        for command in [["path", "data-analyst", "ml-engineer"], ["plan", "--goal", "ml-engineer"], ["similar", "data-analyst"],
                        ["reachable", "data-analyst"]] {
            let result = try CLI.run(command + ["-n", "0"])
            #expect(result.status == 64)
            #expect(result.stderr == "rolegraph: error: --top must be at least 1, found 0 (see 'rolegraph \(command[0]) --help')\n")
        }
    }
}
