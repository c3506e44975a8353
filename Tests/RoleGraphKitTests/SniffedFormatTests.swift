import Foundation
import Testing
@testable import RoleGraphKit

/// A graph file whose name does not say its format is read as its content says, and the result
/// says so, so the command line can tell the user what it decided.
@Suite struct SniffedFormatTests {
    static func write(_ text: String, as name: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rolegraph-sniff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func everyFormatWeWriteIsSniffedFromItsContent() throws {
        let cases: [(GraphFileFormat, String)] = [
            (.yaml, GraphFileWriter().write(.builtIn)),
            (.json, JSONGraphWriter().write(.builtIn)),
            (.graphml, GraphMLWriter().write(.builtIn)),
            (.dot, DOTWriter().write(.builtIn)),
        ]
        for (format, text) in cases {
            let path = try Self.write(text, as: "graph.txt")
            let result = try RoleGraph.load(contentsOf: path, options: GraphLoadOptions())
            #expect(result.sniffedFormat == format)
            #expect(result.graph.roles == RoleGraph.builtIn.roles)
        }
    }

    @Test func aKnownExtensionOrAGivenFormatIsNotSniffed() throws {
        let path = try Self.write(GraphFileWriter().write(.builtIn), as: "graph.yaml")
        #expect(try RoleGraph.load(contentsOf: path, options: GraphLoadOptions()).sniffedFormat == nil)
        let other = try Self.write(GraphFileWriter().write(.builtIn), as: "graph")
        #expect(try RoleGraph.load(contentsOf: other, format: .yaml, options: GraphLoadOptions()).sniffedFormat == nil)
        #expect(try RoleGraph.load(contentsOf: other, options: GraphLoadOptions()).sniffedFormat == .yaml)
    }
}
