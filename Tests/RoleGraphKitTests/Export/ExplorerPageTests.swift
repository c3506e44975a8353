import Foundation
import Testing
@testable import RoleGraphKit
import RoleGraphAlgorithms
import RoleGraphTestSupport

/// The explorer page's escaping: the graph's data must read back exactly through `JSON.parse`'s
/// rules while no text of the graph can end a script element, open a comment or become markup.
@Suite struct ExplorerPageTests {
    static func occurrences(of needle: String, in text: String) -> Int {
        text.lowercased().components(separatedBy: needle).count - 1
    }

    /// The data block's text.
    static func dataBlock(_ page: String) throws -> String {
        let open = try #require(page.range(of: "<script type=\"application/json\" id=\"graph-data\">"))
        let close = try #require(page.range(of: "</script>", range: open.upperBound ..< page.endIndex))
        return String(page[open.upperBound ..< close.lowerBound])
    }

    @Test func scriptSafeJSONEscapesWhatCouldEndTheElement() {
        #expect(ExplorerEscaping.scriptSafeJSON("[\"</script><!--&\u{2028}\u{2029}é\"]")
                == "[\"\\u003c/script\\u003e\\u003c!--\\u0026\\u2028\\u2029é\"]")
    }

    @Test func inlineSVGDropsThePrologAndComments() {
        let svg = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"x\">\n<!-- Generated -->\n<svg a=\"1\">\n<!-- n&#45;1 -->\n<g/></svg>\n"
        #expect(ExplorerEscaping.inlineSVG(Array(svg.utf8)) == "<svg a=\"1\">\n\n<g/></svg>\n")
        #expect(ExplorerEscaping.inlineSVG(Array("not svg".utf8)).isEmpty)
    }

    /// The byte-wise cut equals the definition (find `<svg`, then drop each `<!--` … `-->`, and
    /// everything after an unclosed `<!--`) on random documents of markup, comment marks and
    /// non-ASCII text, where a search in a `String` is slow.
    @Test(arguments: 0 ..< 200)
    func inlineSVGMatchesTheDefinition(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed))
        let pieces = ["<svg", "<!--", "-->", "<g>", "Ärztin", "→", "🚀", "-", "<", "!", " ", "\n", "x"]
        let svg = (0 ..< Int.random(in: 0 ... 40, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
        var expected = ""
        if let start = svg.range(of: "<svg") {
            var body = Substring(svg[start.lowerBound...])
            while let open = body.range(of: "<!--") {
                expected += body[..<open.lowerBound]
                guard let close = body[open.upperBound...].range(of: "-->") else { body = ""; break }
                body = body[close.upperBound...]
            }
            expected += body
        }
        #expect(ExplorerEscaping.inlineSVG(Array(svg.utf8)) == expected, "\(svg.debugDescription)")
    }

    @Test func htmlTextEscapesMarkupAndQuotes() {
        #expect(ExplorerEscaping.htmlText("<a href=\"x\">&'") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;")
    }

    /// Random graphs of hostile text (``HostileTextPropertyTests``): two script elements, no
    /// comment, and a data block that reads back as the graph's ids and names.
    @Test(arguments: 1 ... 30)
    func hostileTextStaysText(seed: UInt64) throws {
        let graph = try HostileTextPropertyTests.randomGraph(seed: seed)
        let svg = try Exporter.export(graph, format: .svg)
        let page = ExplorerPage().html(for: graph, svg: svg)
        #expect(Self.occurrences(of: "<script", in: page) == 2, "seed \(seed)")
        #expect(Self.occurrences(of: "</script", in: page) == 2, "seed \(seed)")
        #expect(!page.contains("<!--"), "seed \(seed)")
        let block = try Self.dataBlock(page)
        #expect(!block.contains { "<>&\u{2028}\u{2029}".contains($0) }, "seed \(seed)")
        let data = try #require(try JSONSerialization.jsonObject(with: Data(block.utf8)) as? [String: Any])
        let roles = try #require(data["roles"] as? [[String: Any]])
        // Foundation's JSONSerialization drops U+FEFF inside strings (a browser's JSON.parse keeps
        // it; the browser tests' hostile names hold one), so it is left out on both sides here.
        func plain(_ text: String?) -> String? { text.map { $0.replacingOccurrences(of: "\u{FEFF}", with: "") } }
        #expect(roles.map { plain($0["id"] as? String) } == graph.roles.map { plain($0.id.rawValue) }, "seed \(seed)")
        #expect(roles.map { plain($0["name"] as? String) } == graph.roles.map { plain($0.name) }, "seed \(seed)")
        #expect(plain(data["name"] as? String) == plain(graph.name))
    }

    /// The `likely` step costs are the library's own, so the page adds the same doubles.
    @Test func likelyCostsAreTheLibrarys() throws {
        let graph = try RoleGraph.parse("from,to,count\na,b,3\na,c,1\nb,c,2\n", format: .csv, file: "moves.csv")
        let data = ExplorerData(graph: graph, maxRoutes: 3, precomputeSkills: false)
        let shares = TransitionShares(graph: graph)
        #expect(data.hasCounts)
        #expect(data.skillPaths == nil)
        for (position, relation) in data.relations.enumerated() {
            let share = try #require(shares.share(ofRelationAt: position))
            #expect(relation.share == share)
            #expect(relation.likely == TransitionShares.cost(ofShare: share))
        }
    }
}
