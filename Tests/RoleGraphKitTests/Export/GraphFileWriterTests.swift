import Testing
@testable import RoleGraphKit
import RoleGraphTestSupport

/// The YAML writer: the built-in graph as a golden file (the documented layout), and known
/// answers for the scalars YAML would misread if they were written plain.
@Suite struct GraphFileWriterTests {
    @Test func builtInGraphMatchesTheGolden() throws {
        try Golden.check(GraphFileWriter().write(.builtIn), "builtin.yaml")
    }

    @Test(arguments: [
        ("Data Analyst", "Data Analyst"),
        ("ml-engineer", "ml-engineer"),
        ("Don't panic", "Don't panic"),
        ("数据 – Δεδομένα", "\"数据 – Δεδομένα\""),  // the en dash is punctuation: quoted
        ("数据", "数据"),
        ("yes", "\"yes\""), ("No", "\"No\""), ("on", "\"on\""), ("null", "\"null\""), ("True", "\"True\""),
        ("2024", "\"2024\""), ("1e3", "\"1e3\""), ("0x1F", "\"0x1F\""), ("1_000", "\"1_000\""), ("3.5", "\"3.5\""),
        ("2nd line", "2nd line"),
        ("a: b", "\"a: b\""), ("a #b", "\"a #b\""), ("- item", "\"- item\""), ("-1", "\"-1\""),
        ("'q'", "\"'q'\""), ("say \"hi\"", "\"say \\\"hi\\\"\""), ("back\\slash", "\"back\\\\slash\""),
        ("line\nbreak", "\"line\\nbreak\""), ("tab\there", "\"tab\\there\""), ("bell\u{7}", "\"bell\\x07\""),
        ("nul\u{0}", "\"nul\\0\""), ("\u{FEFF}bom", "\"\\uFEFFbom\""), ("next\u{85}line", "\"next\\Nline\""),
        (" leading", "\" leading\""), ("trailing ", "\"trailing \""), ("", "\"\""), ("&anchor", "\"&anchor\""),
        ("*alias", "\"*alias\""), ("!tag", "\"!tag\""), ("%x", "\"%x\""), ("@x", "\"@x\""), ("`x`", "\"`x`\""),
    ])
    func scalarsAreQuotedExactlyWhenYAMLWouldMisreadThem(text: String, written: String) {
        #expect(GraphFileWriter.scalar(text) == written)
    }

    @Test func flowListsQuoteItemsWithCommasAndBrackets() {
        #expect(GraphFileWriter.flowList(["SQL", "a, b", "[x]", "yes"]) == #"[SQL, "a, b", "[x]", "yes"]"#)
    }

    @Test func headerLinesBecomeComments() throws {
        let text = GraphFileWriter(header: "one\n\ntwo").write(.builtIn)
        #expect(text.hasPrefix("# one\n#\n# two\nformat: 1\n"))
        #expect(try RoleGraph.parse(text).roles == RoleGraph.builtIn.roles)
    }

    @Test func countsAndStayersAreWrittenAndReadBack() throws {
        let graph = try RoleGraph(
            name: "g", areas: [Area(id: "a", name: "A")], skills: [],
            roles: [Role(id: "x", name: "X", area: "a", stays: 4), Role(id: "y", name: "Y", area: "a")],
            relations: [Relation(kind: .transition, from: "x", to: "y", effort: 1, count: 3),
                        Relation(kind: .transition, from: "y", to: "x", effort: 1, count: 2.5)])
        let text = GraphFileWriter().write(graph)
        #expect(text.contains("    area: a\n    stays: 4\n"))
        #expect(text.contains("    effort: 1\n    count: 3\n"))
        #expect(text.contains("    effort: 1\n    count: 2.5\n"))
        let back = try RoleGraph.parse(text)
        #expect(back.roles.map(\.stays) == [4, nil])
        #expect(back.relations.map(\.count) == [3, 2.5])
    }
}
