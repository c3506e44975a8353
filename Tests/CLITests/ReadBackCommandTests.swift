import Foundation
import Testing

/// End-to-end: a graph exported to DOT answers `path` as the graph does (role order breaks ties),
/// DOT problems are reported at their own line, and GraphML from Gephi and NetworkX reads its
/// `weight` as a count and its parallel edges as summed moves.
@Suite struct ReadBackCommandTests {
    static func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rolegraph-readback-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static let tie = """
        format: 1
        name: tie
        areas:
          - {id: a, name: A}
          - {id: b, name: B}
        skills: []
        roles:
          - {id: s, name: S, area: a}
          - {id: mid-b, name: MidB, area: b}
          - {id: mid-a, name: MidA, area: a}
          - {id: t, name: T, area: b}
        relations:
          - {kind: transition, from: s, to: mid-a, effort: 2}
          - {kind: transition, from: s, to: mid-b, effort: 2}
          - {kind: transition, from: mid-a, to: t, effort: 2}
          - {kind: transition, from: mid-b, to: t, effort: 2}
          - {kind: transition, from: t, to: mid-b, effort: 2}

        """

    @Test func aGraphExportedToDOTFindsTheSamePathAmongEqualOnes() throws {
        let dir = try Self.directory()
        try Self.tie.write(to: dir.appendingPathComponent("tie.yaml"), atomically: true, encoding: .utf8)
        for format in ["dot", "graphml", "json"] {
            let export = try CLI.run(["--graph", "tie.yaml", "export", "-o", "tie.\(format)"], in: dir)
            #expect(export.status == 0, "\(export.stderr)")
            let yaml = try CLI.run(["--graph", "tie.yaml", "path", "s", "t"], in: dir)
            let back = try CLI.run(["--graph", "tie.\(format)", "path", "s", "t"], in: dir)
            #expect(yaml.status == 0 && back.status == 0)
            #expect(yaml.stdout.hasPrefix("S → MidB → T"), "\(yaml.stdout)")
            #expect(back.stdout == yaml.stdout, "\(format)")
            let shown = try CLI.run(["--graph", "tie.\(format)", "show", "mid-b", "--format", "json"], in: dir)
            let original = try CLI.run(["--graph", "tie.yaml", "show", "mid-b", "--format", "json"], in: dir)
            // The same relations in the same order; only the file named as their source differs.
            #expect(shown.stdout.replacingOccurrences(of: "\"tie.\(format)\"", with: "\"tie.yaml\"") == original.stdout, "\(format)")
        }
    }

    @Test func aDOTEdgeRepeatedFactForFactIsAWarningAtItsOwnLine() throws {
        let dir = try Self.directory()
        try "digraph {\n  a -> b;\n  a -> c;\n  b -> c;\n  a -> b;\n}\n".write(to: dir.appendingPathComponent("dup2.dot"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["validate", "dup2.dot"], in: dir)
        #expect(result.status == 0)
        #expect(result.stderr == "rolegraph: warning: dup2.dot:5:3: transition 'a' → 'b' repeats the one at 2:3 fact for fact; it is read once\n")
        let strict = try CLI.run(["validate", "--strict", "dup2.dot"], in: dir)
        #expect(strict.status == 65)
        #expect(strict.stderr.hasPrefix("rolegraph: error: dup2.dot:5:3: "))
    }

    @Test func aDOTSelfLoopIsReportedAtItsLine() throws {
        let dir = try Self.directory()
        try "digraph {\n  a -> b;\n  a -> c;\n  b -> c;\n  c -> c;\n}\n".write(to: dir.appendingPathComponent("self.dot"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["validate", "self.dot"], in: dir)
        #expect(result.status == 65)
        #expect(result.stderr == "rolegraph: error: self.dot:5:3: transition relation from 'c' to itself\n")
    }

    @Test func gephiWeightsAreCountsAndNetworkXParallelEdgesAreSummed() throws {
        let dir = try Self.directory()
        try """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
            <key attr.name="label" attr.type="string" for="node" id="label"/>
            <key attr.name="weight" attr.type="double" for="edge" id="weight"/>
            <graph edgedefault="directed">
            <node id="0"><data key="label">Analyst</data></node>
            <node id="1"><data key="label">Scientist</data></node>
            <node id="2"><data key="label">Engineer</data></node>
            <edge id="0" source="0" target="1"><data key="weight">12.0</data></edge>
            <edge id="1" source="0" target="2"><data key="weight">1.0</data></edge>
            <edge id="2" source="0" target="2"><data key="weight">3.0</data></edge>
            <edge id="3" source="0" target="0"><data key="weight">4.0</data></edge>
            </graph>
            </graphml>
            """.write(to: dir.appendingPathComponent("gephi.graphml"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["--graph", "gephi.graphml", "next", "Analyst", "--cost", "likely"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        // 12 and 1 + 3 moves out, 4 stayers: 12/20 and 4/20.
        #expect(result.stdout.contains("Scientist  [cost 0.51, 60% of moves out of Analyst]"), "\(result.stdout)")
        #expect(result.stdout.contains("Engineer  [cost 1.61, 20% of moves out of Analyst]"), "\(result.stdout)")
        #expect(result.stderr == "rolegraph: warning: gephi.graphml: aggregated 1 repeated row, 1 self-move kept as stayers\n")
    }
}
