import Foundation
import Testing
@testable import RoleGraphKit
import RoleGraphTestSupport

/// Files for the loader tests, in a fresh temporary directory each.
enum OverlayFiles {
    static func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("overlay-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes each (relative path, text) under a new directory; returns the directory.
    static func write(_ files: [(String, String)]) throws -> URL {
        let root = try directory()
        for (name, text) in files {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }

    static let base = """
        format: 1
        name: Base
        areas: [{id: a, name: A}]
        skills: [{id: sql, name: SQL}, {id: python, name: Python}]
        roles:
          - {id: analyst, name: Analyst, area: a, entry_level: true, skills: {primary: [sql]}}
          - {id: scientist, name: Scientist, area: a, skills: {primary: [python]}}
        relations:
          - {kind: transition, between: [analyst, scientist], effort: 2}
          - {kind: collaboration, between: [analyst, scientist]}

        """
}

/// ``RoleGraph/load(layers:format:options:)``: `extends:` chains resolved against each file's own
/// directory, cycles and missing files reported at the `extends:` line, later `--graph` layers,
/// the size limit on every file, and every diagnostic naming its file.
@Suite struct OverlayLoaderTests {
    private func messages(_ body: () throws(GraphLoadError) -> Void, relativeTo root: URL) -> [String] {
        do {
            try body()
            return []
        } catch {
            return error.diagnostics.map { $0.description.replacingOccurrences(of: root.path + "/", with: "") }
        }
    }

    @Test func aChainResolvesEachExtendsAgainstItsOwnFile() throws {
        let root = try OverlayFiles.write([
            ("graphs/base.yaml", OverlayFiles.base),
            ("graphs/team/middle.yaml", "format: 1\nextends: ../base.yaml\nroles: [{id: engineer, name: Engineer, area: a}]\nrelations: [{kind: transition, from: scientist, to: engineer, effort: 3}]\n"),
            ("top.yaml", "format: 1\nextends: graphs/team/middle.yaml\noverride:\n  roles: [{id: engineer, summary: Builds things}]\n"),
        ])
        let result = try RoleGraph.load(layers: [root.appendingPathComponent("top.yaml").path])
        #expect(result.graph.roles.map(\.id) == ["analyst", "scientist", "engineer"])
        let provenance = try #require(result.provenance)
        #expect(provenance.layers.map { URL(fileURLWithPath: $0).lastPathComponent } == ["base.yaml", "middle.yaml", "top.yaml"])
        #expect(URL(fileURLWithPath: provenance.roles[2].file).lastPathComponent == "middle.yaml")
        #expect(provenance.roles[2].overrides.mapValues { URL(fileURLWithPath: $0).lastPathComponent } == ["summary": "top.yaml"])
        #expect(result.graph.roles[2].summary == "Builds things")
    }

    @Test func aCycleIsAnErrorWithTheChainPrinted() throws {
        let root = try OverlayFiles.write([
            ("a.yaml", "format: 1\nextends: b.yaml\n"),
            ("b.yaml", "format: 1\nextends: a.yaml\n"),
        ])
        let path = root.appendingPathComponent("a.yaml").path
        #expect(messages({ () throws(GraphLoadError) in _ = try RoleGraph.load(layers: [path]) }, relativeTo: root)
                == ["b.yaml:2:10: 'extends' makes a cycle: a.yaml → b.yaml → a.yaml"])
        let selfRoot = try OverlayFiles.write([("self.yaml", "format: 1\nextends: ./self.yaml\n")])
        #expect(messages({ () throws(GraphLoadError) in _ = try RoleGraph.load(layers: [selfRoot.appendingPathComponent("self.yaml").path]) },
                         relativeTo: selfRoot) == ["self.yaml:2:10: 'extends' makes a cycle: self.yaml → ./self.yaml"])
    }

    @Test func aMissingExtendsFileIsReportedAtTheExtendsLine() throws {
        let root = try OverlayFiles.write([("o.yaml", "format: 1\n# the base\nextends: nowhere.yaml\n")])
        #expect(messages({ () throws(GraphLoadError) in _ = try RoleGraph.load(layers: [root.appendingPathComponent("o.yaml").path]) },
                         relativeTo: root) == ["o.yaml:3:10: extends 'nowhere.yaml', which does not exist (looked for nowhere.yaml)"])
    }

    @Test func theWholeIsValidatedAndEachProblemNamesItsFile() throws {
        let root = try OverlayFiles.write([
            ("base.yaml", OverlayFiles.base),
            ("o.yaml", """
                format: 1
                extends: base.yaml
                roles:
                  - {id: lead, name: Lead, area: b, skills: {primary: [sqll]}}
                relations:
                  - {kind: transition, from: analyst, to: scientist, effort: 1}
                remove:
                  roles: [scientst]

                """),
        ])
        #expect(messages({ () throws(GraphLoadError) in _ = try RoleGraph.load(layers: [root.appendingPathComponent("o.yaml").path]) },
                         relativeTo: root) == [
            "o.yaml:4:34: unknown area 'b' (did you mean 'a'?)",
            "o.yaml:4:56: unknown skill 'sqll' (did you mean 'sql'?)",
            "o.yaml:6:5: duplicate transition relation 'analyst' → 'scientist' (first stated at base.yaml:9:5); to change it, 'override' it",
            "o.yaml:8:11: unknown role 'scientst' (did you mean 'scientist'?)",
        ])
    }

    @Test func laterLayersAreOverlaysOfFormatOneOnly() throws {
        let root = try OverlayFiles.write([
            ("base.yaml", OverlayFiles.base),
            ("more.yaml", "format: 1\nremove:\n  roles: [analyst]\n"),
            ("extending.yaml", "format: 1\nextends: builtin\n"),
            ("edges.csv", "from,to\nx,y\n"),
        ])
        let base = root.appendingPathComponent("base.yaml").path
        let result = try RoleGraph.load(layers: [base, root.appendingPathComponent("more.yaml").path])
        #expect(result.graph.roles.map(\.id) == ["scientist"])
        #expect(result.graph.relations.isEmpty)
        #expect(result.notes.map { $0.description.replacingOccurrences(of: root.path + "/", with: "") }
                == ["more.yaml:3:11: removing role 'analyst' also removes its 3 relations"])
        #expect(messages({ () throws(GraphLoadError) in _ = try RoleGraph.load(layers: [base, root.appendingPathComponent("edges.csv").path]) },
                         relativeTo: root).first?.hasPrefix("edges.csv:1:1: a later --graph is an overlay on the ones before it and must be a graph file of format 1") == true)
        #expect(messages({ () throws(GraphLoadError) in _ = try RoleGraph.load(layers: [base, root.appendingPathComponent("extending.yaml").path]) },
                         relativeTo: root).first?.hasPrefix("extending.yaml:2:10: 'extends: builtin' in a later --graph") == true)
        // A base may be any format: an edge list, with an overlay on it.
        let onEdges = try RoleGraph.load(layers: [root.appendingPathComponent("edges.csv").path,
                                                  try OverlayFiles.write([("o.yaml", "format: 1\nremove:\n  relations: [{kind: transition, from: x, to: y}]\n")])
                                                      .appendingPathComponent("o.yaml").path])
        #expect(onEdges.graph.roles.count == 2 && onEdges.graph.relations.isEmpty)
    }

    @Test func theSizeLimitAppliesToEveryFile() throws {
        let padding = String(repeating: "# padding\n", count: 200)
        let root = try OverlayFiles.write([
            ("base.yaml", OverlayFiles.base),
            ("o.yaml", "format: 1\nextends: base.yaml\n" + padding),
        ])
        let options = GraphLoadOptions(maximumSize: 1500)
        #expect(throws: GraphLoadError.tooLarge(path: root.appendingPathComponent("o.yaml").path, limit: 1500)) {
            try RoleGraph.load(layers: [root.appendingPathComponent("o.yaml").path], options: options)
        }
        let small = try OverlayFiles.write([("base.yaml", OverlayFiles.base + padding + padding), ("o.yaml", "format: 1\nextends: base.yaml\n")])
        #expect(throws: GraphLoadError.tooLarge(path: small.appendingPathComponent("base.yaml").path, limit: 1500)) {
            try RoleGraph.load(layers: [small.appendingPathComponent("o.yaml").path], options: options)
        }
    }
}

/// ``GraphValidator/warnings(roles:relations:locations:provenance:)`` through the loader: each kind
/// of warning at its place, and none for a tidy graph.
@Suite struct GraphWarningTests {
    private func warnings(_ text: String) throws -> [String] {
        try RoleGraph.load(layers: [try OverlayFiles.write([("w.yaml", text)]).appendingPathComponent("w.yaml").path])
            .warnings.map { $0.problem.description + " @\($0.location?.line ?? 0)" }
    }

    @Test func eachWarningAtItsPlace() throws {
        let text = """
            format: 1
            name: W
            areas: [{id: a, name: A}]
            roles:
              - {id: start, name: Start, area: a, entry_level: true}
              - {id: end, name: End, area: a}
              - {id: alone, name: Alone, area: a}
              - {id: side, name: Side, area: a}
              - {id: sink, name: Sink, area: a}
            relations:
              - {kind: transition, from: start, to: end}
              - {kind: transition, from: end, to: start, effort: 7}
              - {kind: collaboration, from: side, to: start}
              - {kind: transition, from: end, to: sink, effort: 0.5}

            """
        #expect(try warnings(text) == [
            "role 'alone' has no relation: no path reaches or leaves it @7",
            "role 'side' has no transition in or out: no path reaches or leaves it @8",
            "role 'sink' has no transition out of it: no path leaves it @9",
            "transition 'start' → 'end' has no effort; it counts as 1 @11",
            "effort 7 of transition 'end' → 'start' is outside the scale of 1 (same skills) to 5 (major retraining) @12",
            "effort 0.5 of transition 'end' → 'sink' is outside the scale of 1 (same skills) to 5 (major retraining) @14",
        ])
    }

    @Test func noWayInUnlessEntryLevel() throws {
        let tidy = "format: 1\nname: W\nareas: [{id: a, name: A}]\nroles:\n  - {id: x, name: X, area: a}\n  - {id: y, name: Y, area: a}\nrelations:\n  - {kind: transition, between: [x, y], effort: 2}\n"
        #expect(try warnings(tidy).isEmpty)
        let entry = "format: 1\nname: W\nareas: [{id: a, name: A}]\nroles:\n  - {id: x, name: X, area: a}\n  - {id: y, name: Y, area: a}\n  - {id: z, name: Z, area: a}\nrelations:\n  - {kind: transition, between: [x, y], effort: 2}\n  - {kind: transition, from: z, to: x, effort: 2}\n"
        #expect(try warnings(entry) == ["role 'z' has no transition into it and is not entry_level: no path reaches it @7"])
        #expect(try warnings(entry.replacingOccurrences(of: "{id: z, name: Z, area: a}", with: "{id: z, name: Z, area: a, entry_level: true}")).isEmpty)
    }

    @Test func theBuiltInGraphWarnsOnlyOfTheAcceleratorsEngineer() throws {
        let result = try RoleGraph.load(layers: [Fixtures.repositoryRoot.appendingPathComponent("Graphs/data-careers.yaml").path])
        #expect(result.warnings.map(\.problem.description) == ["role 'ml-accelerators-engineer' has no transition in or out: no path reaches or leaves it"])
        #expect(result.warnings.allSatisfy { $0.severity == .warning })
    }
}
