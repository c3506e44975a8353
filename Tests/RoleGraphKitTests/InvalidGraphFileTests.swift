import Foundation
import Testing
@testable import RoleGraphKit
import RoleGraphAlgorithms
import RoleGraphGraphviz
import RoleGraphTestSupport

/// The bad-input corpus: every file under `Fixtures/invalid` must fail to load with exactly the
/// diagnostics in its `.expected` sidecar (`file:line:column: message`, one per line).
@Suite struct InvalidGraphFileTests {
    static let corpus = Fixtures.files(in: "invalid", extensions: ["yaml", "json"]).map { "invalid/\($0)" }
        + Fixtures.files(in: "invalid-dot", extensions: ["gv"]).map { "invalid-dot/\($0)" }

    @Test func corpusIsLargeEnough() {
        #expect(Self.corpus.count >= 20)
    }

    @Test(arguments: corpus)
    func reportsExpectedDiagnostics(_ relative: String) throws {
        let name = String(relative.split(separator: "/").last!)
        let expected = try Fixtures.text("\(relative).expected")
            .split(separator: "\n").map(String.init)
        #expect(!expected.isEmpty)
        let path = Fixtures.path(relative)
        do {
            let graph = try RoleGraph.load(contentsOf: path)
            Issue.record("\(name) loaded (\(graph.roles.count) roles) but should have failed")
        } catch {
            let lines: [String]
            switch error {
            case .invalid(let diagnostics):
                lines = diagnostics.map { diagnostic in
                    var d = diagnostic
                    d.location?.file = name
                    return d.description
                }
            case .unreadable(_, let reason): lines = ["\(name): cannot read: \(reason)"]
            case .fileNotFound: lines = ["\(name): not found"]
            case .tooLarge: lines = ["\(name): too large"]
            }
            #expect(lines == expected)
        }
    }

    @Test func fiveProblemsGiveFiveLinesInFileOrder() throws {
        do {
            _ = try RoleGraph.load(contentsOf: Fixtures.path("invalid/five-problems.yaml"))
            Issue.record("should have failed")
        } catch {
            let lines = error.diagnostics.compactMap(\.location?.line)
            #expect(error.diagnostics.count == 5)
            #expect(lines == lines.sorted())
        }
    }

    @Test func missingFileIsNotAParseError() {
        #expect(throws: GraphLoadError.fileNotFound(path: "/no/such/graph.yaml")) {
            try RoleGraph.load(contentsOf: "/no/such/graph.yaml")
        }
    }

    @Test func directoryIsUnreadable() {
        #expect(throws: GraphLoadError.unreadable(path: Fixtures.path("invalid"), reason: "is a directory")) {
            try RoleGraph.load(contentsOf: Fixtures.path("invalid"))
        }
    }
}

@Suite struct DOTImportTests {
    @Test func plainDOTBecomesRolesWithTransitions() throws {
        let graph = try RoleGraph.parse("""
            digraph G {
              subgraph cluster_data { label="Data"; a [role_name="Analyst", skills="sql,python", titles="BI Analyst; Analyst"] }
              a -> b [effort=2, note="a note"]
              b -> c [kind=collaboration]
              c -> a [dir=both]
            }
            """, format: .dot, file: "g.gv")
        #expect(graph.roles.map(\.id) == ["a", "b", "c"])
        #expect(graph.role("a")?.name == "Analyst")
        #expect(graph.role("a")?.area == "data")
        #expect(graph.role("b")?.area == "unassigned")
        #expect(graph.role("a")?.primarySkills == ["sql", "python"])
        #expect(graph.role("a")?.titles == ["BI Analyst", "Analyst"])
        #expect(graph.relations == [
            Relation(kind: .transition, from: "a", to: "b", effort: 2, note: "a note"),
            Relation(kind: .collaboration, from: "b", to: "c"),
            Relation(kind: .transition, from: "c", to: "a", effort: 1),
            Relation(kind: .transition, from: "a", to: "c", effort: 1),
        ])
    }

    @Test func undirectedEdgesAreTwoWayTransitions() throws {
        let graph = try RoleGraph.parse("graph { x -- y }", format: .dot)
        #expect(graph.relations.map { "\($0.from)>\($0.to)" } == ["x>y", "y>x"])
    }

    @Test func formatIsSniffedWithoutAnExtension() {
        #expect(GraphFileFormat.sniff(Array("  digraph { a }".utf8)) == .dot)
        #expect(GraphFileFormat.sniff(Array("\u{FEFF}{\"format\": 1}".utf8)) == .json)
        #expect(GraphFileFormat.sniff(Array("format: 1".utf8)) == .yaml)
        #expect(GraphFileFormat(path: "x/roles.GV") == .dot)
        #expect(GraphFileFormat(path: "edges.tsv") == .tsv)
    }
}
