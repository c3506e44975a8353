import Foundation
import Testing

/// End-to-end: drawing part of a graph, large graphs, progress and interruption, sampled
/// centrality.
@Suite struct DiagramCommandTests {
    /// DOT node ids of roles (not legend entries) in a DOT text.
    static func roleNodes(_ dot: String) -> Set<String> {
        var ids = Set<String>()
        for line in dot.split(separator: "\n") {
            let trimmed = line.drop { $0 == " " }
            guard trimmed.hasPrefix("\""), trimmed.contains(" [label="), !trimmed.contains(" -> "),
                  let end = trimmed.dropFirst().firstIndex(of: "\"") else { continue }
            let id = String(trimmed[trimmed.index(after: trimmed.startIndex) ..< end])
            if !id.hasPrefix("legend:") { ids.insert(id) }
        }
        return ids
    }

    /// A node's `<title>` in Graphviz's SVG, which writes a hyphen as `&#45;`.
    static func svgTitle(_ id: String) -> String {
        "<title>\(id.replacingOccurrences(of: "-", with: "&#45;"))</title>"
    }

    @Test func aroundDrawsTheNeighbourhoodAndSaysWhatWasLeftOut() throws {
        let result = try CLI.run(["export", "--around", "data-scientist", "--depth", "1", "--to", "dot"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.roleNodes(result.stdout) == ["data-analyst", "data-scientist", "analytics-engineer", "ml-scientist"])
        #expect(result.stderr == "rolegraph: drew 4 of 10 roles and 12 of 39 relations (those within 1 relation of Data Scientist)\n")
        let zero = try CLI.run(["export", "--around", "Data Scientist", "--depth", "0", "--to", "dot"])
        #expect(Self.roleNodes(zero.stdout) == ["data-scientist"])
    }

    /// On a transition file with counts: A→B 10, A→C 2, B→C 5, C→A 1 and 7 stayers in A, so
    /// the shares are A→B 10/19, A→C 2/19, B→C 1, C→A 1.
    @Test(arguments: [
        (["--min-count", "3"], ["\"A\" -> \"B\"", "\"B\" -> \"C\""],
         "rolegraph: drew 3 of 3 roles and 2 of 4 relations (transitions seen at least 3 times)"),
        (["--min-share", "0.3"], ["\"A\" -> \"B\"", "\"B\" -> \"C\"", "\"C\" -> \"A\""],
         "rolegraph: drew 3 of 3 roles and 3 of 4 relations (transitions with at least 30% of their role's moves)"),
    ])
    func countFiltersKeepTheObservedMoves(options: [String], kept: [String], note: String) throws {
        let moves = "from,to,count\nA,B,10\nA,C,2\nB,C,5\nC,A,1\nA,A,7\n"
        let result = try CLI.run(["export", "--graph", "-", "--graph-format", "csv", "--to", "dot"] + options, stdin: moves)
        #expect(result.status == 0, "\(result.stderr)")
        let edges = result.stdout.split(separator: "\n").filter { $0.hasPrefix("  \"") && $0.contains(" -> ") && !$0.contains("legend") }
        #expect(edges.map { String($0.prefix { $0 != "[" }).trimmingCharacters(in: .whitespaces) } == kept)
        #expect(result.stderr == "rolegraph: warning: <stdin>: 1 self-move kept as stayers\n" + note + "\n")
    }

    @Test func topDrawsTheMostRelatedRoles() throws {
        let result = try CLI.run(["export", "-n", "3", "--to", "dot"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.roleNodes(result.stdout).count == 3)
        #expect(result.stderr.hasPrefix("rolegraph: drew 3 of 10 roles"))
    }

    @Test(arguments: [
        (["export", "--min-count", "3", "--to", "dot"], "rolegraph: error: --min-count needs observed moves, and this graph's transitions have no count\n"),
        (["export", "--min-share", "0.2", "--to", "dot"], "rolegraph: error: --min-share needs observed moves, and this graph's transitions have no count\n"),
        (["export", "--around", "data-sceintist", "--to", "dot"], nil),
        (["export", "--depth", "2", "--to", "dot"], "rolegraph: error: --depth goes with --around ROLE (see 'rolegraph export --help')\n"),
        (["export", "--around", "data-scientist", "--top", "3"], "rolegraph: error: --around and --top pick different parts of the graph; give one (see 'rolegraph export --help')\n"),
        (["export", "--min-share", "2"], "rolegraph: error: --min-share must be between 0 and 1 (see 'rolegraph export --help')\n"),
        (["export", "--around", "data-scientist", "--to", "json"], "rolegraph: error: --around shapes a diagram; --to json exports the whole graph without one\n"),
        (["centrality", "--samples", "0"], "rolegraph: error: the value '0' is invalid for '--samples <k|all|auto>' (see 'rolegraph centrality --help')\n"),
    ] as [([String], String?)])
    func badSelectionsAreOneLineErrors(arguments: [String], message: String?) throws {
        let result = try CLI.run(arguments)
        #expect(result.stdout.isEmpty)
        if let message {
            #expect(result.status == 64)
            #expect(result.stderr == message)
        } else {
            #expect(result.status == 67)
            #expect(result.stderr.contains("did you mean"), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
    }

    @Test func centralitySaysWhetherItSampled() throws {
        let sampled = try CLI.run(["centrality", "--samples", "5", "--seed", "3", "-n", "3"])
        #expect(sampled.status == 0, "\(sampled.stderr)")
        #expect(sampled.stdout.hasPrefix("Gateway roles (betweenness on transitions, by moves, sampled 5 of 10 sources, seed 3):"))
        let again = try CLI.run(["centrality", "--samples", "5", "--seed", "3", "-n", "3"])
        #expect(again.stdout == sampled.stdout)
        let json = try JSONValue.parse(try CLI.run(["centrality", "--samples", "5", "--seed", "3", "--format", "json"]).stdout)
        #expect(json["method"] == .string("sampled"))
        #expect(json["sampled"] == .number(5) && json["sources"] == .number(10) && json["seed"] == .number(3))
        let exact = try JSONValue.parse(try CLI.run(["centrality", "--format", "json"]).stdout)
        #expect(exact["method"] == .string("exact") && exact["seed"] == nil)
    }

    @Test func largeGraphsDrawPartsAndStayOutOfPipes() throws {
        let directory = try TransitionNetworks.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let network = try TransitionNetworks.write(roles: 600, in: directory)
        let roles = try TransitionNetworks.roles(in: network)

        // The whole graph, laid out by sfdp: every role in the SVG, no progress in a pipe.
        let whole = try CLI.run(["--graph", network, "export", "-o", "whole.svg"], in: directory)
        #expect(whole.status == 0, "\(whole.stderr)")
        #expect(whole.stderr.isEmpty, "progress or notes in a pipe: \(whole.stderr)")
        let svg = try String(contentsOf: directory.appendingPathComponent("whole.svg"), encoding: .utf8)
        #expect(roles.allSatisfy { svg.contains(Self.svgTitle($0)) })

        // A path on a large graph: its surroundings only, with a note.
        let path = try CLI.run(["--graph", network, "path", roles[0], roles[300], "--render", "path.svg"], in: directory)
        #expect(path.status == 0, "\(path.stderr)")
        #expect(path.stderr.contains("rolegraph: drew "), "\(path.stderr)")
        #expect(path.stderr.contains(" of 600 roles"))
        let pathSVG = try String(contentsOf: directory.appendingPathComponent("path.svg"), encoding: .utf8)
        #expect(pathSVG.contains(Self.svgTitle(roles[0])) && pathSVG.contains(Self.svgTitle(roles[300])))
        #expect(pathSVG.components(separatedBy: "class=\"node").count - 1 <= 150)

        // Clusters on a large graph: one node per cluster.
        let clusters = try CLI.run(["--graph", network, "clusters", "--render", "clusters.gv"], in: directory)
        #expect(clusters.status == 0, "\(clusters.stderr)")
        #expect(clusters.stderr.contains("rolegraph: drew one node per cluster"), "\(clusters.stderr)")
        let overview = try String(contentsOf: directory.appendingPathComponent("clusters.gv"), encoding: .utf8)
        #expect(overview.contains("Text size: members"))

        // A slow choice is estimated and warned about before it starts.
        let slow = try CLI.run(["--graph", network, "export", "--splines", "spline", "-o", "slow.gv"], in: directory)
        #expect(slow.status == 0)
        #expect(slow.stderr.hasPrefix("rolegraph: warning: --splines spline on 600 roles and "), "\(slow.stderr)")
        #expect(slow.stderr.contains("minutes here"))
    }

    @Test func progressShowsOnATerminalOnly() throws {
        let directory = try TransitionNetworks.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let network = try TransitionNetworks.write(roles: 400, in: directory)
        let (status, text) = try CLI.runOnTerminal("'\(CLI.binary.path)' --graph '\(network)' export -o tty.svg", in: directory)
        #expect(status == 0, "\(text)")
        #expect(text.contains("rolegraph: laying out 400 roles with sfdp…"), "\(text)")
        #expect(text.contains("\u{1B}[K"))

        let piped = try CLI.run(["--graph", network, "export", "-o", "pipe.svg"], in: directory)
        #expect(piped.status == 0)
        #expect(!piped.stderr.contains("laying out") && !piped.stderr.contains("\r"))
    }

    @Test func anInterruptedExportLeavesNoFile() throws {
        let directory = try TransitionNetworks.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let network = try TransitionNetworks.write(roles: 3_000, in: directory)
        for signal in [SIGINT, SIGTERM] {
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = ["--graph", network, "export", "-o", "big.svg"]
            process.currentDirectoryURL = directory
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: 1.5)
            #expect(process.isRunning, "the export finished before it could be interrupted")
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            #expect(process.terminationReason == .exit)
            #expect(process.terminationStatus == 128 + signal)
            let left = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0 != "network-3000.csv" }
            #expect(left.isEmpty, "left behind: \(left)")
        }
    }
}
