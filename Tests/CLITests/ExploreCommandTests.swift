import Foundation
import Testing

/// End-to-end: `rolegraph explore` writes one self-contained, escaped HTML page. (What the page
/// does in a browser is tested by Tests/Browser/explorer_test.py, which `make test` runs.)
@Suite struct ExploreCommandTests {
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rolegraph-explore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The text of the `<script type="application/json">` data block, decoded.
    static func data(in page: String) throws -> [String: Any] {
        let open = try #require(page.range(of: "<script type=\"application/json\" id=\"graph-data\">"))
        let close = try #require(page.range(of: "</script>", range: open.upperBound ..< page.endIndex))
        let text = String(page[open.upperBound ..< close.lowerBound])
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func occurrences(of needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test func builtInPageIsSelfContainedAndSmall() throws {
        let directory = try Self.temporaryDirectory()
        let result = try CLI.run(["explore", "-o", "roles.html"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["roles.html"])
        let page = try String(contentsOf: directory.appendingPathComponent("roles.html"), encoding: .utf8)
        #expect(page.utf8.count < 300_000, "the built-in graph's page is \(page.utf8.count) bytes")
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("<title>Career options in data</title>"))
        // Nothing fetched: no src attribute, no stylesheet link, no URL but the SVG namespaces.
        #expect(!page.contains(" src="))
        #expect(!page.contains("<link"))
        #expect(!page.contains("@import"))
        let urls = page.components(separatedBy: "http").dropFirst().map { String($0.prefix(40)) }
        #expect(urls.allSatisfy { $0.hasPrefix("://www.w3.org/") || $0.hasPrefix("-equiv") }, "\(urls)")
        // The inline SVG without its XML prolog or comments; two scripts: the data and the code.
        #expect(!page.contains("<?xml"))
        #expect(!page.contains("<!--"))
        #expect(Self.occurrences(of: "<svg", in: page) == 1)
        #expect(Self.occurrences(of: "<script", in: page) == 2)
        let data = try Self.data(in: page)
        let roles = try #require(data["roles"] as? [[String: Any]])
        #expect(roles.count == 10)
        #expect(roles.map { $0["id"] as? String }.contains("ml-engineer"))
        // The skills answers are precomputed for a graph this small, for every ordered pair with a path.
        let skills = try #require(data["skillPaths"] as? [String: Any])
        #expect(!skills.isEmpty && skills.count <= 90)
    }

    /// Two processes write the same page for the same graph, byte for byte: its data block's
    /// keys are sorted (a dictionary's order changes from process to process), so a page can be
    /// diffed, cached or kept in version control.
    @Test func theSameGraphMakesTheSamePageInEveryProcess() throws {
        let directory = try Self.temporaryDirectory()
        for name in ["a.html", "b.html"] {
            let result = try CLI.run(["explore", "-o", name], in: directory)
            #expect(result.status == 0, "\(result.stderr)")
        }
        let a = try Data(contentsOf: directory.appendingPathComponent("a.html"))
        let b = try Data(contentsOf: directory.appendingPathComponent("b.html"))
        #expect(a == b)
    }

    @Test func hostileNamesCannotEndTheScriptOrBecomeMarkup() throws {
        let directory = try Self.temporaryDirectory()
        let name = "</script><script>window.__pwned=1</script> <!-- & \u{2028}"
        let yaml = """
            format: 1
            name: "Hostile </script> <b>"
            areas: [{id: a, name: "A <i>"}]
            skills: [{id: s, name: "S </script>"}]
            roles:
              - {id: "x</script>", name: "\(name.replacingOccurrences(of: "\u{2028}", with: "\\u2028"))", area: a, skills: {primary: [s]}}
              - {id: y, name: "Y", area: a}
            relations:
              - {kind: transition, from: "x</script>", to: y}
            """
        try yaml.write(to: directory.appendingPathComponent("hostile.yaml"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["--graph", "hostile.yaml", "explore", "-o", "page.html"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let page = try String(contentsOf: directory.appendingPathComponent("page.html"), encoding: .utf8)
        #expect(Self.occurrences(of: "<script", in: page) == 2)
        #expect(Self.occurrences(of: "</script", in: page) == 2)
        #expect(!page.contains("<b>") && !page.contains("<i>"))
        // U+2028 is plain text in HTML (the SVG may hold it) but written as an escape in the data.
        let open = try #require(page.range(of: "id=\"graph-data\">"))
        let block = String(page[open.upperBound...].prefix { $0 != "<" })
        #expect(!block.contains("\u{2028}") && block.contains("\\u2028"))
        #expect(block.contains("\\u003c/script\\u003e"))
        #expect(page.contains("<title>Hostile &lt;/script&gt; &lt;b&gt;</title>"))
        let roles = try #require(try Self.data(in: page)["roles"] as? [[String: Any]])
        #expect(roles.first?["name"] as? String == name)
        #expect(roles.first?["id"] as? String == "x</script>")
    }

    @Test func titleAndStandardOutput() throws {
        let result = try CLI.run(["explore", "--title", "My map & more", "--draw", "transition"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("<title>My map &amp; more</title>"))
        #expect(result.stdout.contains("<h1 id=\"page-title\">My map &amp; more</h1>"))
        #expect(!result.stdout.contains("class=\"edge stakeholder\""))
    }

    @Test func badInputIsOneLineAndLeavesNoFile() throws {
        let directory = try Self.temporaryDirectory()
        let missing = try CLI.run(["--graph", "missing.yaml", "explore", "-o", "page.html"], in: directory)
        #expect(missing.status == 66)
        #expect(missing.stderr.hasPrefix("rolegraph: error:"))
        let unknown = try CLI.run(["explore", "--around", "nobody", "-o", "page.html"], in: directory)
        #expect(unknown.status == 67, "\(unknown.stderr)")
        let misnamed = try CLI.run(["explore", "-o", "page.svg"], in: directory)
        #expect(misnamed.status == 64)
        #expect(misnamed.stderr.hasPrefix("rolegraph: error: -o page.svg: explore writes an HTML page; name it .html (see 'rolegraph explore --help')\n"), "\(misnamed.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }
}
