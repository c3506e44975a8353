import Foundation
import Testing
@testable import RoleGraphKit
import RoleGraphAlgorithms
import RoleGraphGraphviz
import RoleGraphTestSupport

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Random graphs whose every text field is made of hostile pieces (control characters, entity
/// look-alikes, quotes, backslashes, line breaks of every kind, `</script>`, bidi marks, emoji,
/// the list separators), through every writer. Each output must parse with an independent
/// parser (Foundation's XMLParser for SVG and GraphML, JSONSerialization for JSON), and the DOT
/// text must read back as exactly the same graph: distinct ids stay distinct.
@Suite struct HostileTextPropertyTests {
    static let pieces = [
        "a", "Z", " ", "\"", "'", "\\", "\\N", "\\n", "\\u0001", "\n", "\r", "\r\n", "\t", "\u{0}", "\u{1}",
        "\u{2}", "\u{7}", "\u{1B}[31m", "\u{7F}", "\u{85}", "\u{2028}", "\u{200F}", "\u{202E}", "\u{FEFF}",
        "\u{FFFE}", "\u{FFFF}", "&", "&amp;", "&bogus;", "&#1;", "&#x1;", "&lt;", "<", ">", "</script>",
        "<B>", "]]>", ";", ",", "; ", "\" + \"", "{", "}", "[", "]", "->", "--", "#", "//", "/*", "%",
        "😀", "👩‍💻", "数据", "Δ", "e\u{301}",
    ]

    /// A text of 1 to 6 pieces; `padded` wraps it in letters, for list items (the importer trims
    /// each item's surrounding whitespace) and ids (which must not be blank).
    static func text(_ generator: inout SplitMix64, padded: Bool) -> String {
        let body = (0..<Int.random(in: 1...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        return padded ? "k" + body + "k" : body
    }

    /// An id: padded text, or (one time in four) text that starts with `%`, which libcgraph
    /// reserves for its anonymous objects.
    static func id(_ generator: inout SplitMix64) -> String {
        let text = text(&generator, padded: true)
        return Int.random(in: 0..<4, using: &generator) == 0 ? "%" + text : text
    }

    static func randomGraph(seed: UInt64) throws -> RoleGraph {
        var generator = SplitMix64(seed: seed)
        func unique(_ count: Int, _ prefix: String) -> [String] {
            var seen: Set<String> = []
            var result: [String] = []
            while result.count < count {
                let candidate = prefix == "r" ? id(&generator) : prefix + text(&generator, padded: true)
                if seen.insert(candidate).inserted { result.append(candidate) }
            }
            return result
        }
        let areaIDs = unique(2, "a")
        let skillIDs = unique(3, "s")
        let roleIDs = unique(Int.random(in: 3...6, using: &generator), "r")
        let areas = areaIDs.map { Area(id: AreaID($0), name: text(&generator, padded: true), summary: text(&generator, padded: false)) }
        let skills = skillIDs.map { Skill(id: SkillID($0), name: text(&generator, padded: true), summary: text(&generator, padded: false)) }
        // Every area holds a role (DOT carries an area only through its roles).
        let roles = roleIDs.enumerated().map { index, id in
            Role(id: RoleID(id), name: text(&generator, padded: true), area: AreaID(areaIDs[index % areaIDs.count]),
                 summary: text(&generator, padded: false),
                 responsibilities: (0..<2).map { _ in text(&generator, padded: true) },
                 problems: [text(&generator, padded: true)],
                 titles: (0..<Int.random(in: 0...3, using: &generator)).map { _ in text(&generator, padded: true) },
                 primarySkills: [SkillID(skillIDs[0])], secondarySkills: [SkillID(skillIDs[1]), SkillID(skillIDs[2])])
        }
        var relations: [Relation] = []
        for (index, from) in roleIDs.enumerated() {
            let to = roleIDs[(index + 1) % roleIDs.count]
            relations.append(Relation(kind: .transition, from: RoleID(from), to: RoleID(to), effort: 1.5,
                                      note: text(&generator, padded: false), section: text(&generator, padded: false)))
        }
        relations.append(Relation(kind: .stakeholder, from: RoleID(roleIDs[0]), to: RoleID(roleIDs[2]), note: text(&generator, padded: false)))
        return try RoleGraph(name: text(&generator, padded: true), source: text(&generator, padded: false),
                             description: text(&generator, padded: false),
                             areas: areas, skills: skills, roles: roles, relations: relations)
    }

    @Test func dotReadsBackAsTheSameGraph() throws {
        for seed in UInt64(0)..<300 {
            let graph = try Self.randomGraph(seed: seed)
            let dot = DOTWriter(options: DOTOptions(showTitles: seed % 2 == 0)).write(graph)
            let imported = try RoleGraph.parse(dot, format: .dot, file: "hostile.gv")
            // The writer groups roles by area, so they are matched by id: every id must come back.
            #expect(imported.roles.count == graph.roles.count, "seed \(seed)")
            let importedByID = Dictionary(imported.roles.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            for role in graph.roles {
                let found = importedByID[role.id]
                #expect(found != nil, "seed \(seed): \(role.id) is missing")
                guard let back = found else { continue }
                // Field by field, so a failure names what changed.
                #expect(back.name == role.name, "seed \(seed)")
                #expect(back.area == role.area, "seed \(seed)")
                #expect(back.summary == role.summary, "seed \(seed)")
                #expect(back.titles == role.titles, "seed \(seed)")
                #expect(back.responsibilities == role.responsibilities, "seed \(seed)")
                #expect(back.problems == role.problems, "seed \(seed)")
                #expect(back.primarySkills == role.primarySkills, "seed \(seed)")
                #expect(back.secondarySkills == role.secondarySkills, "seed \(seed)")
            }
            #expect(Set(imported.relations) == Set(graph.relations), "seed \(seed)")
            #expect(Set(imported.areas) == Set(graph.areas), "seed \(seed)")
            #expect(Set(imported.skills) == Set(graph.skills), "seed \(seed)")
            #expect(imported.name == graph.name, "seed \(seed)")

        }
    }

    @Test func svgIsWellFormedXMLWithOneNodePerRole() throws {
        for seed in UInt64(1000)..<1040 {
            let graph = try Self.randomGraph(seed: seed)
            let svg = try Exporter.export(graph, format: .svg, options: DOTOptions(legend: false, showTitles: true))
            let parsed = XMLCheck.parse(Data(svg))
            #expect(parsed.error == nil, "seed \(seed): \(parsed.error ?? "")")
            // Graphviz draws each role as a <g class="node">: one per role, none merged.
            #expect(parsed.nodeGroups == graph.roles.count, "seed \(seed)")
        }
    }

    @Test func graphMLIsWellFormedXMLWithEveryRole() throws {
        for seed in UInt64(2000)..<2100 {
            let graph = try Self.randomGraph(seed: seed)
            let parsed = XMLCheck.parse(Data(try Exporter.export(graph, format: .graphml)))
            #expect(parsed.error == nil, "seed \(seed): \(parsed.error ?? "")")
            #expect(parsed.graphMLNodes == graph.roles.count, "seed \(seed)")
        }
    }

    @Test func jsonParsesWithEveryIdIntact() throws {
        for seed in UInt64(3000)..<3100 {
            let graph = try Self.randomGraph(seed: seed)
            let object = try JSONSerialization.jsonObject(with: Data(Exporter.export(graph, format: .json)))
            let nodes = try #require((object as? [String: Any])?["nodes"] as? [[String: Any]])
            // Foundation's JSON parser drops U+FEFF inside strings; the comparison leaves it out.
            func withoutBOM(_ text: String) -> String { text.replacingOccurrences(of: "\u{FEFF}", with: "") }
            #expect(nodes.compactMap { ($0["id"] as? String).map(withoutBOM) } == graph.roles.map { withoutBOM($0.id.rawValue) },
                    "seed \(seed)")
        }
    }

    @Test func mermaidKeepsEveryLabelOnItsLine() throws {
        for seed in UInt64(4000)..<4100 {
            let graph = try Self.randomGraph(seed: seed)
            let text = String(decoding: try Exporter.export(graph, format: .mermaid), as: UTF8.self)
            // No raw control character (CR and other C0 characters) may reach Mermaid's
            // line-based syntax, and every quoted label closes on its own line.
            let forbidden = text.unicodeScalars.filter { $0.value < 0x20 && $0 != "\n" }
            #expect(forbidden.isEmpty, "seed \(seed): \(forbidden.map(\.value))")
            for line in text.split(separator: "\n") {
                #expect(line.filter { $0 == "\"" }.count % 2 == 0, "seed \(seed): \(line)")
            }
            #expect(!text.contains("</script>"), "seed \(seed)")
        }
    }
}

/// Parses XML with Foundation's parser, counting the elements the tests compare.
private final class XMLCheck: NSObject, XMLParserDelegate {
    var nodeGroups = 0
    var graphMLNodes = 0

    static func parse(_ data: Data) -> (error: String?, nodeGroups: Int, graphMLNodes: Int) {
        let check = XMLCheck()
        let parser = XMLParser(data: data)
        parser.delegate = check
        let ok = parser.parse()
        return (ok ? nil : String(describing: parser.parserError), check.nodeGroups, check.graphMLNodes)
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == "g", attributes["class"]?.split(separator: " ").first == "node" { nodeGroups += 1 }
        if name == "node" { graphMLNodes += 1 }
    }
}
