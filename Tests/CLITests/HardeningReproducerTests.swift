import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The inputs of issue 21, each rebuilt here (the large ones generated, not committed), each
/// checked for its output and exit status. Their time is checked by `make fuzz-regress`, which
/// runs the same inputs from `Tests/Reproducers/generate.py`; a unit test never times anything.
@Suite struct HardeningReproducerTests {
    static let directory: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rolegraph-repro-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    static func file(_ name: String, _ text: String) -> String {
        let url = directory.appendingPathComponent(name)
        try! Data(text.utf8).write(to: url)
        return url.path
    }

    static let header = "format: 1\nname: t\nareas: [{id: a, name: A}]\n"

    /// Item 1: 100 references to one 10,000-character unknown id (an anchor), next to 50 ids of
    /// almost the same length.
    @Test func longUnknownReferencesAreReportedWithoutSuggestions() throws {
        let long = String(repeating: "r", count: 10_000)
        let ids = (0..<50).map { String(repeating: "q", count: 9_990) + String(format: "%010d", $0) }
        var yaml = Self.header + "roles:\n" + ids.enumerated().map { "  - {id: \($1), name: R\($0), area: a}\n" }.joined()
        yaml += "relations:\n  - {kind: transition, from: &l \(long), to: \(ids[0])}\n"
        yaml += String(repeating: "  - {kind: transition, from: *l, to: \(ids[0])}\n", count: 99)
        let result = try CLI.run(["roles", "--graph", Self.file("anchor.yaml", yaml)])
        #expect(result.status == 65)
        // Every alias stands at its anchor's place, so the 100 reports are one line.
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.allSatisfy { $0.contains(": unknown role '\(long)'") && !$0.contains("did you mean") })
        #expect(result.stdout.isEmpty)
    }

    /// Item 1: 30,000 aliases of a 300 KB string where roles must be mappings.
    @Test func aliasesOfAHugeStringAreDescribedByTheirHead() throws {
        let yaml = Self.header + "roles: [&l " + String(repeating: "x", count: 300_000) + ", "
            + Array(repeating: "*l", count: 30_000).joined(separator: ", ") + "]\n"
        let result = try CLI.run(["roles", "--graph", Self.file("aliases.yaml", yaml)])
        #expect(result.status == 65)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.first?.hasSuffix(":4:9: a role must be a mapping, found a string ('\(String(repeating: "x", count: 40))…')") == true)
        #expect(lines.count <= 101)
    }

    /// Item 3: a star of 30,000 edges and one bad edge, located on its own line.
    @Test func badEdgeOfAHugeStarIsLocated() throws {
        let dot = "digraph {\n" + (0..<30_000).map { "  hub -> n\($0);\n" }.joined() + "  hub -> n0 [kind=bogus];\n}\n"
        let result = try CLI.run(["roles", "--graph", Self.file("star.dot", dot)])
        #expect(result.status == 65)
        #expect(result.stderr.hasSuffix("star.dot:30002:3: unknown relation kind 'bogus' (expected stakeholder, collaboration or transition)\n")
            || result.stderr.contains("star.dot:30002:"))
    }

    /// Item 3: 40,000 distinct areas.
    @Test func fortyThousandAreasLoad() throws {
        let dot = "digraph {\n" + (0..<40_000).map { "  n\($0) [area=\"a\($0)\"];\n" }.joined() + "}\n"
        let result = try CLI.run(["validate", Self.file("areas.dot", dot)])
        #expect(result.status == 0)
        #expect(result.stdout.contains(": ok — 40000 roles in 40000 areas"))
    }

    /// Item 3: a 4 MB quoted string is refused before libcgraph's lexer sees it.
    @Test func hugeQuotedStringIsRefused() throws {
        let dot = "digraph { a [summary=\"" + String(repeating: "x", count: 4_000_000) + "\"]; }\n"
        let result = try CLI.run(["roles", "--graph", Self.file("long.dot", dot)])
        #expect(result.status == 65)
        #expect(result.stderr.hasSuffix("long.dot:1:22: a quoted string longer than 16384 bytes: split it as \"…\" + \"…\" (Graphviz's limit)\n"))
    }

    /// Items 4, 5, 7: entity look-alikes, control characters and CR/LF in ids and text give a
    /// well-formed SVG with one node per role, and DOT that reads back with every role distinct.
    @Test func hostileIdsRenderAndRoundTrip() throws {
        let yaml = Self.header + #"""
            roles:
              - {id: "x&bogus;", name: "x&bogus;", area: a, titles: ["R&D; Ops lead"]}
              - {id: "x&#1;", name: "Tom &amp; Jerry", area: a}
              - {id: "x\u0001", name: one, area: a}
              - {id: "x\u0002", name: two, area: a}
              - {id: "a\rb", name: three, area: a}
              - {id: "a\nb", name: four, area: a}
            relations:
              - {kind: transition, from: "x&bogus;", to: "x&#1;", note: "n &#x1; ok"}
            """#
        let graph = Self.file("hostile.yaml", yaml)
        let svg = Self.directory.appendingPathComponent("hostile.svg")
        let export = try CLI.run(["export", "--graph", graph, "--no-legend", "-o", svg.path])
        #expect(export.status == 0, "\(export.stderr)")
        let text = try String(contentsOf: svg, encoding: .utf8)
        #expect(XMLParser(data: Data(text.utf8)).parse())
        #expect(text.components(separatedBy: "class=\"node").count - 1 == 6)
        #expect(text.contains("Tom &amp;amp; Jerry"))  // drawn as "Tom &amp; Jerry"

        let dot = Self.directory.appendingPathComponent("hostile.gv")
        #expect(try CLI.run(["export", "--graph", graph, "--to", "dot", "-o", dot.path]).status == 0)
        let back = try CLI.run(["roles", "--graph", dot.path, "--format", "json"])
        #expect(back.status == 0, "\(back.stderr)")
        let roles = try #require(try JSONSerialization.jsonObject(with: Data(back.stdout.utf8)) as? [[String: Any]])
        #expect(roles.compactMap { $0["id"] as? String } == ["x&bogus;", "x&#1;", "x\u{1}", "x\u{2}", "a\rb", "a\nb"])
        #expect(roles.first?["titles"] as? [String] == ["R&D; Ops lead"])
        #expect(roles[1]["name"] as? String == "Tom &amp; Jerry")
    }

    /// Item 6: what `json.dumps` writes for an emoji.
    @Test func surrogatePairsInJSONAreAccepted() throws {
        let json = #"{"format": 1, "name": "t", "areas": [{"id": "a", "name": "A"}], "roles": [{"id": "x", "name": "\ud83d\ude00", "area": "a"}]}"#
        let result = try CLI.run(["roles", "--graph", Self.file("emoji.json", json), "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"name\" : \"😀\""))
    }

    /// Found with item 6: the table padded cells by UTF-16 units, so "X😀" printed as "X" and
    /// half an emoji (U+FFFD), and "X😀 数据" lost its last character.
    @Test func tableCellsKeepEveryCharacter() throws {
        let json = #"{"format": 1, "name": "t", "areas": [{"id": "a", "name": "A"}], "roles": [{"id": "x", "name": "X😀", "area": "a"}, {"id": "y", "name": "X😀 数据", "area": "a"}]}"#
        let result = try CLI.run(["roles", "--graph", Self.file("table.json", json)])
        #expect(result.status == 0)
        #expect(result.stdout == "A (2 roles)\n  x  X😀\n  y  X😀 数据\n")
    }

    /// Item 8: a stream with no end, and a file over the limit, are refused with exit 66.
    @Test func inputOverTheSizeLimitIsRefused() throws {
        let zero = try CLI.run(["roles", "--graph", "/dev/zero", "--graph-format", "yaml", "--max-input-size", "1M"])
        #expect(zero.status == 66)
        #expect(zero.stderr == "rolegraph: error: /dev/zero: larger than the input size limit of 1 MiB (raise it with --max-input-size)\n")
        #expect(zero.stdout.isEmpty)

        let file = Self.file("big.yaml", Self.header + "roles: [{id: x, name: X, area: a}]\n" + String(repeating: "# padding\n", count: 200))
        let small = try CLI.run(["--max-input-size", "1k", "roles", "--graph", file])
        #expect(small.status == 66)
        #expect(small.stderr.hasSuffix("big.yaml: larger than the input size limit of 1 KiB (raise it with --max-input-size)\n"))
        let report = try CLI.run(["validate", file, "--max-input-size", "1K", "--format", "json"])
        #expect(report.status == 66)
        #expect(report.stdout.contains("\"message\" : \"larger than the input size limit of 1 KiB\""), "\(report.stdout)")
        let raised = try CLI.run(["roles", "--graph", file, "--max-input-size", "4K"])
        #expect(raised.status == 0, "\(raised.stderr)")

        let piped = try CLI.run(["roles", "--graph", "-", "--max-input-size", "100"], stdin: String(repeating: "#\n", count: 100))
        #expect(piped.status == 66)
        #expect(piped.stderr.contains("<stdin>: larger than the input size limit of 100 bytes"))

        let bad = try CLI.run(["roles", "--max-input-size", "lots"])
        #expect(bad.status == 64)
        #expect(bad.stderr.hasPrefix("rolegraph: error: "))
    }

    /// Item 10: an HTML label with an unclosed tag.
    @Test func unclosedHTMLTagIsRefused() throws {
        let result = try CLI.run(["roles", "--graph", Self.file("html.dot", "digraph {\n  a [label=<<B>x>];\n}\n")])
        #expect(result.status == 65)
        #expect(result.stderr.hasSuffix("html.dot:2:13: unclosed tag <B> in an HTML-like label (every tag needs its </B>)\n"))
    }
}
