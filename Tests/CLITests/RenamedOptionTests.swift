import Foundation
import Testing

/// `export --to` (was `--format`, which is table|json everywhere else), and `--draw` (the
/// relation kinds a diagram draws) apart from `clusters --relations` (the kinds it clusters on).
@Suite struct RenamedOptionTests {
    static func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rolegraph-renamed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func exportTakesItsFormatFromTo() throws {
        let long = try CLI.run(["export", "--to", "mermaid"])
        let short = try CLI.run(["export", "-T", "mermaid"])
        let joined = try CLI.run(["export", "-Tmermaid"])
        #expect(long.status == 0, "\(long.stderr)")
        #expect(long.stdout.hasPrefix("flowchart") || long.stdout.contains("flowchart"))
        #expect(long.stdout == short.stdout)
        #expect(long.stdout == joined.stdout)
        let dot = try CLI.run(["export"])
        #expect(dot.stdout.hasPrefix("// Written by RoleGraph."))
        #expect(dot.stdout != long.stdout)
    }

    @Test func toOverridesTheExtensionWhichIsStillTheDefault() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let inferred = try CLI.run(["export", "-o", "roles.png"], in: directory)
        #expect(inferred.status == 0, "\(inferred.stderr)")
        let png = [UInt8](try Data(contentsOf: directory.appendingPathComponent("roles.png")))
        #expect(Array(png.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
        let overridden = try CLI.run(["export", "-o", "roles.out", "--to", "svg"], in: directory)
        #expect(overridden.status == 0)
        #expect(try String(contentsOf: directory.appendingPathComponent("roles.out"), encoding: .utf8).contains("<svg"))
    }

    @Test func formatOnExportIsAnOldNameThatStillWorks() throws {
        let old = try CLI.run(["export", "--format", "mermaid"])
        let new = try CLI.run(["export", "--to", "mermaid"])
        #expect(old.status == 0)
        #expect(old.stdout == new.stdout)
        #expect(old.stderr == "rolegraph: warning: export --format is an old name; use --to (or -T)\n")
        let help = try CLI.run(["export", "--help"])
        #expect(help.stdout.contains("-T, --to <format>"))
        #expect(!help.stdout.contains("--format"))
    }

    @Test func drawPicksTheKindsADiagramShows() throws {
        let all = try CLI.run(["export"])
        let transitions = try CLI.run(["export", "--draw", "transition"])
        #expect(transitions.status == 0, "\(transitions.stderr)")
        #expect(all.stdout.contains("kind=stakeholder"))
        #expect(!transitions.stdout.contains("kind=stakeholder"))
        #expect(transitions.stdout.contains("kind=transition"))
        let bad = try CLI.run(["export", "--draw", "friendship"])
        #expect(bad.status == 64)
        #expect(bad.stderr == "rolegraph: error: unknown relation kind 'friendship' in --draw (expected stakeholder, collaboration or transition)\n")
    }

    @Test func relationsWhereItMeantDrawingIsRefusedNamingDraw() throws {
        for arguments in [["export", "--relations", "transition"],
                          ["path", "data-analyst", "ml-engineer", "--render", "x.svg", "--relations", "transition"]] {
            let result = try CLI.run(arguments)
            #expect(result.status == 64)
            #expect(result.stderr == "rolegraph: error: the relation kinds to draw are now --draw (--draw transition); "
                    + "--relations is clusters' option for the kinds it clusters on (see 'rolegraph \(arguments[0]) --help')\n")
        }
    }

    @Test func clustersRelationsIsWhatItClustersOnAndDrawDefaultsToIt() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CLI.run(["clusters", "--relations", "transition", "--render", "c.gv"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Leiden clusters of the transition relations"))
        let dot = try String(contentsOf: directory.appendingPathComponent("c.gv"), encoding: .utf8)
        #expect(dot.contains("kind=transition") && !dot.contains("kind=collaboration"))
        let drawn = try CLI.run(["clusters", "--relations", "transition", "--render", "d.gv", "--draw", "collaboration"], in: directory)
        #expect(drawn.status == 0)
        #expect(drawn.stdout == result.stdout)  // the same clusters
        let other = try String(contentsOf: directory.appendingPathComponent("d.gv"), encoding: .utf8)
        #expect(other.contains("kind=collaboration") && !other.contains("kind=transition"))
    }

    @Test(arguments: [
        (["path", "data-analyst", "ml-engineer", "--titles"], "--titles shapes the diagram of --render; add --render FILE (see 'rolegraph path --help')"),
        (["clusters", "--draw", "transition"], "--draw shapes the diagram of --render; add --render FILE (see 'rolegraph clusters --help')"),
        (["clusters", "--boxes"], "--boxes shapes the diagram of --render; add --render FILE (see 'rolegraph clusters --help')"),
        (["export", "--to", "json", "--layout", "neato"], "--layout shapes a diagram; --to json exports the whole graph without one"),
        (["export", "-o", "x.graphml", "--draw", "transition"], "--draw shapes a diagram; --to graphml exports the whole graph without one"),
        (["export", "--to", "mermaid", "--area", "models"], "--area is not used by --to mermaid, which takes only --rankdir, --draw and the options that pick what to draw"),
    ] as [([String], String)])
    func diagramOptionsWithoutADiagramAreRefused(arguments: [String], message: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr == "rolegraph: error: \(message)\n")
    }
}
