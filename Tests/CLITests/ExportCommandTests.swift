import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// End-to-end: `export` and `--render` through the in-process Graphviz renderer.
@Suite struct ExportCommandTests {
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rolegraph-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The text content of every `<text>` and `<title>` element, and the `class` of every `<g>`.
    final class SVGScan: NSObject, XMLParserDelegate {
        var texts: [String] = []
        var groupClasses: [String] = []
        private var current = ""
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            current = ""
            if name == "g", let c = attributes["class"] { groupClasses.append(c) }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "text" || name == "title" { texts.append(current) }
        }
    }

    @Test func svgOfTheBuiltInGraphIsValidAndComplete() throws {
        let directory = try Self.temporaryDirectory()
        let result = try CLI.run(["export", "--to", "svg", "-o", "roles.svg"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let data = try Data(contentsOf: directory.appendingPathComponent("roles.svg"))
        let parser = XMLParser(data: data)
        let scan = SVGScan()
        parser.delegate = scan
        #expect(parser.parse(), "SVG is not well-formed XML")
        let text = scan.texts.joined(separator: "\n")
        for name in ["Data Analyst", "Data Scientist", "Analytics Engineer", "ML Scientist", "ML Engineer", "ML Platform Engineer",
                     "ML Accelerators Engineer", "Data Platform Engineer", "Infrastructure Engineer", "Backend Engineer"] {
            #expect(text.contains(name), "missing \(name)")
        }
        #expect(scan.groupClasses.filter { $0 == "cluster" }.count == 4)  // three areas and the legend
        for area in ["Insights", "Models", "Systems", "Legend"] { #expect(scan.texts.contains(area)) }
        // Nothing is left behind but the output.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["roles.svg"])
    }

    @Test(arguments: [("roles.png", [UInt8]([0x89, 0x50, 0x4E, 0x47])), ("roles.pdf", Array("%PDF".utf8)), ("roles.gv", Array("// W".utf8))])
    func extensionPicksTheFormat(file: String, magic: [UInt8]) throws {
        let directory = try Self.temporaryDirectory()
        let result = try CLI.run(["export", "-o", file], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let bytes = [UInt8](try Data(contentsOf: directory.appendingPathComponent(file)))
        #expect(Array(bytes.prefix(magic.count)) == magic)
    }

    @Test func hostileNamesAreEscapedInSVG() throws {
        let yaml = """
            format: 1
            name: "Escapes"
            areas: [{id: a, name: "Área <b>&"}]
            roles:
              - {id: x, name: "Data \\"Ops\\" \\\\ <script>alert(1)</script> Lead\\n数据 – Δεδομένα", area: a}
              - {id: y, name: "Zed", area: a}
            relations:
              - {kind: transition, from: x, to: y, effort: 1, note: "<img src=x onerror=alert(1)>"}
            """
        let result = try CLI.run(["export", "--to", "svg", "--graph", "-"], stdin: yaml)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("<script>"))
        #expect(!result.stdout.contains("<img"))
        let parser = XMLParser(data: Data(result.stdout.utf8))
        let scan = SVGScan()
        parser.delegate = scan
        #expect(parser.parse())
        #expect(scan.texts.contains { $0.contains("<script>alert(1)</script>") })  // as text, decoded
        #expect(scan.texts.contains { $0.contains("数据 – Δεδομένα") })
    }

    @Test func aFailedWriteLeavesTheExistingFileUntouched() throws {
        let directory = try Self.temporaryDirectory()
        let target = directory.appendingPathComponent("roles.svg")
        try Data("previous".utf8).write(to: target)
        // An invalid graph fails before anything is written.
        let bad = try CLI.run(["export", "-o", target.path, "--graph", CLI.fixture("invalid/misspelt-role.yaml")])
        #expect(bad.status == 65)
        #expect(try String(contentsOf: target, encoding: .utf8) == "previous")
        // A directory that does not exist: one error line, status 73.
        let missing = try CLI.run(["export", "-o", directory.appendingPathComponent("no/such/dir/x.svg").path])
        #expect(missing.status == 73)
        #expect(missing.stderr.hasSuffix(": cannot write: no such directory\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["roles.svg"])
    }

    @Test func pathRenderHighlightsThePath() throws {
        let directory = try Self.temporaryDirectory()
        let result = try CLI.run(["path", "data-analyst", "ml-engineer", "--render", "path.gv"], in: directory)
        #expect(result.status == 0)
        #expect(result.stderr == "rolegraph: wrote path.gv\n")
        let dot = try String(contentsOf: directory.appendingPathComponent("path.gv"), encoding: .utf8)
        #expect(dot.contains("label=\"step 1 · effort 3\""))
        #expect(dot.contains("label=\"step 3 · effort 2\""))
    }

    @Test func unknownLayoutListsTheValidOnes() throws {
        let result = try CLI.run(["export", "--layout", "dto"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("rolegraph: error: the value 'dto' is invalid for '--layout <layout>'. Please provide one of: dot, neato, fdp, sfdp, circo, twopi, osage (see 'rolegraph export --help')\n"))
    }

    @Test(arguments: ["json", "graphml", "mermaid", "dot", "positioned-dot", "graphviz-json"])
    func textFormatsGoToStandardOutput(format: String) throws {
        let result = try CLI.run(["export", "--to", format])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.count > 1000)
        #expect(result.stdout.contains("ml-engineer") || result.stdout.contains("ml_engineer"))
    }

    /// PNG to a terminal would fill it with binary: it is refused.
    @Test func binaryFormatsRefuseATerminal() throws {
        let (status, text) = try CLI.runOnTerminal("\(CLI.binary.path) export --to png")
        #expect(status == 64)
        #expect(text.contains("rolegraph: error: refusing to write png to a terminal; use -o FILE or redirect the output"))
        #expect(!text.contains("PNG"))
    }
}
