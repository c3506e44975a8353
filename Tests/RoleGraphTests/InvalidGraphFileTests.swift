import Foundation
import Testing
@testable import RoleGraph

/// The bad-input corpus: every file under `Fixtures/invalid` must fail to load with exactly the
/// diagnostics in its `.expected` sidecar (`file:line:column: message`, one per line).
@Suite struct InvalidGraphFileTests {
    static let corpus = Fixtures.files(in: "invalid", extensions: ["yaml", "json"])

    @Test func corpusIsLargeEnough() {
        #expect(Self.corpus.count >= 20)
    }

    @Test(arguments: corpus)
    func reportsExpectedDiagnostics(_ name: String) throws {
        let expected = try Fixtures.text("invalid/\(name).expected")
            .split(separator: "\n").map(String.init)
        #expect(!expected.isEmpty)
        let path = Fixtures.path("invalid/\(name)")
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
            }
            #expect(lines == expected)
        }
    }

    @Test func fiveProblemsGiveFiveOrMoreLinesInFileOrder() throws {
        do {
            _ = try RoleGraph.load(contentsOf: Fixtures.path("invalid/five-problems.yaml"))
            Issue.record("should have failed")
        } catch {
            let lines = error.diagnostics.compactMap(\.location?.line)
            #expect(error.diagnostics.count >= 5)
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
