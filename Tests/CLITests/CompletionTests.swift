import Foundation
import Testing
@testable import rolegraph

/// Shell completion: the generated scripts, and the binary's answers when a script calls back
/// (`rolegraph ---completion <command> -- <argument> <word index> <cursor> <words…>`, the
/// protocol of ArgumentParser 1.8).
@Suite struct CompletionTests {
    static let builtInRoles = ["data-analyst", "data-scientist", "analytics-engineer", "ml-scientist", "ml-engineer",
                               "ml-platform-engineer", "ml-accelerators-engineer", "data-platform-engineer",
                               "infrastructure-engineer", "backend-engineer"]

    /// Asks for the completions of `argument` of `command` as a shell would: `words` is the
    /// command line, the last word the one being completed, the cursor at its end.
    static func complete(_ command: String, _ argument: String, words: [String]) throws -> [String] {
        let result = try CLI.run(["---completion", command, "--", argument, "\(words.count - 1)", "\(words.last!.count)"] + words)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    @Test func roleIdsAfterShow() throws {
        #expect(try Self.complete("show", "positional@0", words: ["rolegraph", "show", ""]) == Self.builtInRoles)
        #expect(try Self.complete("show", "positional@0", words: ["rolegraph", "show", "ml-"])
                == ["ml-scientist", "ml-engineer", "ml-platform-engineer", "ml-accelerators-engineer"])
    }

    @Test func roleIdsForEveryArgumentAndOptionThatTakesARole() throws {
        for (command, argument, words) in [
            ("path", "positional@0", ["rolegraph", "path", "data-s"]),
            ("path", "positional@1", ["rolegraph", "path", "data-analyst", "data-s"]),
            ("path", "--via", ["rolegraph", "path", "a", "b", "--via", "data-s"]),
            ("path", "--avoid", ["rolegraph", "path", "a", "b", "--avoid", "data-s"]),
            ("plan", "--goal", ["rolegraph", "plan", "--goal", "data-s"]),
            ("next", "positional@0", ["rolegraph", "next", "data-s"]),
            ("reachable", "positional@0", ["rolegraph", "reachable", "data-s"]),
            ("compare", "positional@1", ["rolegraph", "compare", "x", "data-s"]),
            ("similar", "positional@0", ["rolegraph", "similar", "data-s"]),
        ] {
            #expect(try Self.complete(command, argument, words: words) == ["data-scientist"], "\(command) \(argument)")
        }
    }

    @Test func skillIdsAfterHaveCompletingTheLastItemOfAList() throws {
        let all = try Self.complete("plan", "--have", words: ["rolegraph", "plan", "--have", ""])
        #expect(all.count == 40)
        #expect(all.contains("python") && all.contains("sql"))
        #expect(try Self.complete("path", "--have", words: ["rolegraph", "path", "a", "b", "--have", "sta"]) == ["statistics"])
        #expect(try Self.complete("plan", "--have", words: ["rolegraph", "plan", "--have", "sql,py"]) == ["sql,python"])
        #expect(try Self.complete("next", "--have", words: ["rolegraph", "next", "x", "--have", "python,p"]) == [])
    }

    @Test func areasAndRelationKinds() throws {
        #expect(try Self.complete("roles", "--area", words: ["rolegraph", "roles", "--area", ""]) == ["insights", "models", "systems"])
        #expect(try Self.complete("export", "--draw", words: ["rolegraph", "export", "--draw", "transition,"])
                == ["transition,stakeholder", "transition,collaboration"])
        #expect(try Self.complete("clusters", "--relations", words: ["rolegraph", "clusters", "--relations", "s"]) == ["stakeholder"])
    }

    @Test func aGraphNamedOnTheLineIsTheOneCompleted() throws {
        let file = GlobalOptionTests.graphFile
        let after = try Self.complete("show", "positional@0",
                                      words: ["rolegraph", "show", "--graph", file, "--graph-format", "yaml", ""])
        #expect(after == ["tech", "analyst", "lead"])
        let before = try Self.complete("show", "positional@0",
                                       words: ["rolegraph", "--graph=\(file)", "--graph-format=yaml", "show", "l"])
        #expect(before == ["lead"])
        let skills = try Self.complete("plan", "--have",
                                       words: ["rolegraph", "--graph", "'\(file)'", "--graph-format", "yaml", "plan", "--have", ""])
        #expect(skills == ["pipetting", "python"])
        // A graph that cannot be read, or standard input, offers nothing rather than the wrong ids.
        #expect(try Self.complete("show", "positional@0", words: ["rolegraph", "--graph", "/no/such.yaml", "show", ""]) == [])
        #expect(try Self.complete("show", "positional@0", words: ["rolegraph", "--graph", "-", "show", ""]) == [])
    }

    @Test func shellWordsAreUnquoted() {
        #expect(Completions.shellWord("'my graph.yaml'") == "my graph.yaml")
        #expect(Completions.shellWord("\"a\\\"b\"") == "a\"b")
        #expect(Completions.shellWord("my\\ graph.yaml") == "my graph.yaml")
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func scriptsCompleteFilesAndCallBackForIds(shell: String) throws {
        let result = try CLI.run(["--generate-completion-script", shell])
        #expect(result.status == 0, "\(result.stderr)")
        let script = result.stdout
        // Ids come from the binary.
        #expect(script.contains("---completion show -- positional@0"))
        #expect(script.contains("---completion path -- --via"))
        #expect(script.contains("---completion plan -- --have"))
        #expect(script.contains("---completion plan -- --goal"))
        // Files for --graph (graph extensions), -o and --render, in each shell's own words.
        func line(containing marker: String) -> String {
            script.split(separator: "\n").first { $0.contains(marker) }.map(String.init) ?? ""
        }
        func after(_ marker: String) -> String {
            guard let range = script.range(of: marker) else { return "" }
            return String(script[range.upperBound...].prefix(200))
        }
        switch shell {
        case "bash":
            #expect(after("'--graph')").contains("-fX '!*.@(yaml|yml|json|dot|gv|graphml|xml|csv|tsv|tab|rgx|gz)'"))
            #expect(after("'--output'|'-o')").contains("__rolegraph_add_completions -f"))
            #expect(after("'--render')").contains("__rolegraph_add_completions -f"))
        case "zsh":
            #expect(line(containing: "'*--graph[").contains(":file:_files -g '\\''*.yaml *.yml *.json"))
            #expect(line(containing: "{--output,-o}").hasSuffix(":file:_files'"))
            #expect(line(containing: "'--render[").hasSuffix(":file:_files'"))
        default:
            #expect(line(containing: "-l 'graph' ").contains("\\'yaml\\'"))
            #expect(line(containing: "-l 'output' -s 'o'").hasSuffix("-rF"))
            #expect(line(containing: "-l 'render'").hasSuffix("-rF"))
        }
    }

    /// The scripts must really work in a shell: bash runs the generated function as it would
    /// on TAB (`complete -F` passes the command, the current word and the previous one).
    @Test(arguments: [
        (["show", "ml-e"], ["ml-engineer"]),
        (["path", "data-analyst", "ml-pl"], ["ml-platform-engineer"]),
        (["plan", "--have", "sql,py"], ["sql,python"]),
        (["plan", "--goal", "backend-"], ["backend-engineer"]),
        (["pa"], ["path"]),
    ])
    func bashCompletesEndToEnd(words: [String], expected: [String]) throws {
        let script = try CLI.run(["--generate-completion-script", "bash"]).stdout
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rolegraph-completion-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let scriptFile = directory.appendingPathComponent("rolegraph.bash")
        try script.write(to: scriptFile, atomically: true, encoding: .utf8)
        let quoted = words.map { "'\($0)'" }.joined(separator: " ")
        let test = """
            source '\(scriptFile.path)'
            COMP_WORDS=('\(CLI.binary.path)' \(quoted)); COMP_CWORD=\(words.count)
            COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
            _rolegraph rolegraph "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", test]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(text.split(separator: "\n").map(String.init) == expected)
    }
}
