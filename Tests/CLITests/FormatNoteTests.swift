import Foundation
import Testing

/// A graph file whose extension names no format is read as its content says, with one line on
/// standard error saying what was decided; a known extension or --graph-format says nothing.
@Suite struct FormatNoteTests {
    @Test(arguments: [("yaml", "a YAML graph file"), ("json", "JSON"), ("graphml", "GraphML"), ("dot", "DOT")])
    func anUnknownExtensionIsSniffedAndSaysSo(format: String, name: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rolegraph-note-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        #expect(try CLI.run(["export", "--to", format, "-o", "graph.txt"], in: directory).status == 0)
        let result = try CLI.run(["--graph", "graph.txt", "roles", "--format", "json"], in: directory)
        #expect(result.status == 0)
        #expect(result.stderr == "rolegraph: note: graph.txt: the extension names no graph format; read as \(name) from its content (--graph-format says otherwise)\n")
        #expect(result.stdout == (try CLI.run(["roles", "--format", "json"], in: directory)).stdout)
        let told = try CLI.run(["--graph", "graph.txt", "--graph-format", format, "roles"], in: directory)
        #expect(told.status == 0)
        #expect(told.stderr.isEmpty)
    }
}
