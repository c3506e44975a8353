import Testing
@testable import RoleGraphKit
import RoleGraphAlgorithms

/// DOT input is checked before libcgraph sees it: no token over Graphviz's 16 KiB limit, and
/// every HTML-like label balanced. RoleGraph's own export splits long text so it reads back.
@Suite struct DOTPreflightTests {
    static func problem(_ text: String) -> String? {
        do {
            _ = try RoleGraph.parse(text, format: .dot, file: "f.gv")
            return nil
        } catch {
            return error.description
        }
    }

    @Test func tokensOverTheLimitAreRefusedWithTheirPlace() {
        let long = String(repeating: "x", count: DOTPreflight.maximumTokenLength + 1)
        #expect(Self.problem("digraph {\n  a [summary=\"\(long)\"];\n}") ==
            "f.gv:2:14: a quoted string longer than 16384 bytes: split it as \"…\" + \"…\" (Graphviz's limit)")
        #expect(Self.problem("digraph {\n  é\(long) -> b;\n}") ==
            "f.gv:2:3: a name longer than 16384 bytes: split it as \"…\" + \"…\" (Graphviz's limit)")
        // At the limit, and split with +, it is fine.
        let atLimit = String(repeating: "x", count: DOTPreflight.maximumTokenLength)
        #expect(Self.problem("digraph { a [summary=\"\(atLimit)\" + \"\(atLimit)\"]; }") == nil)
        // Quotes inside comments and escaped quotes do not open or close strings.
        #expect(Self.problem("digraph {\n// \"\n# \"\n/* \" */ a [summary=\"q\\\"\"]; }") == nil)
    }

    @Test(arguments: [
        ("digraph {\n  a [label=<<B>x>];\n}", "f.gv:2:13: unclosed tag <B> in an HTML-like label (every tag needs its </B>)"),
        ("digraph { a [label=<<B>x</I>>]; }", "f.gv:1:25: closing tag </I> does not match <B> in an HTML-like label"),
        ("digraph { a [label=<x</B>>]; }", "f.gv:1:22: closing tag </B> without an opening tag in an HTML-like label"),
        ("digraph { a [label=<<B>x", "f.gv:1:20: unterminated HTML-like string: expected '>' before the end of the file"),
    ])
    func unbalancedHTMLLabelsAreRefused(text: String, message: String) {
        #expect(Self.problem(text) == message)
    }

    /// Found by fuzz-dot: a quoted string left open after the graph's closing brace was taken,
    /// and libcgraph's lexer, left inside it, failed the next text parsed in the process (a good
    /// one: the graph's own export). Such a string, or comment, is refused where it opens, and
    /// the next parse is unaffected.
    @Test(arguments: [
        ("digraph G {elc\n}\"", "f.gv:2:2: unterminated quoted string: the '\"' here has no closing '\"' before the end of the file"),
        ("digraph G { a [label=\"x\\\"]; }", "f.gv:1:22: unterminated quoted string: the '\"' here has no closing '\"' before the end of the file"),
        ("digraph G {a}\n/* x", "f.gv:2:1: unterminated comment: the '/*' here has no closing '*/' before the end of the file"),
    ])
    func aStringOrCommentLeftOpenIsRefusedAndTheNextParseWorks(text: String, message: String) throws {
        #expect(Self.problem(text) == message)
        let good = try RoleGraph.parse("digraph { a -> b; }", format: .dot, file: "g.gv")
        #expect(good.roles.map(\.id.rawValue) == ["a", "b"])
    }

    /// Found by fuzz-dot: text after the first graph that libcgraph's lexer had buffered but not
    /// read (here a string closed only on a later line) was where the next parse in the process
    /// started. Each parse now leaves the lexer as it found it, whatever the text was.
    @Test(arguments: [
        "digraph G {ub=\"\"Xel ;a; }\"X;=}\n\" a; }\n}\n",
        "digraph G {a}\ndigraph H {b -> \n",
        "digraph G {a}\n}}}\"x\"\n",
    ])
    func theNextParseStartsOnItsOwnText(text: String) throws {
        _ = Self.problem(text)
        let good = try RoleGraph.parse("digraph { a -> b; }", format: .dot, file: "g.gv")
        #expect(good.roles.map(\.id.rawValue) == ["a", "b"])
    }

    @Test func balancedHTMLLabelsPass() {
        #expect(Self.problem("digraph { a [label=<<B>x</B><BR/><FONT POINT-SIZE=\"10\"><I>y</I></FONT><!-- c -->>]; }") == nil)
    }

    /// Two 10,000-character names in one edge tooltip ("A can move to B"): the names are escaped
    /// once and copied, and the copies count towards the token's length too.
    @Test func tooltipsOfLongNamesStayWithinTheLimit() throws {
        let a = String(repeating: "a", count: 10_000), b = String(repeating: "数", count: 4_000)
        let graph = try RoleGraph(
            name: "G", areas: [Area(id: "x", name: "X")], skills: [],
            roles: [Role(id: "a", name: a, area: "x"), Role(id: "b", name: b, area: "x")],
            relations: [Relation(kind: .transition, from: "a", to: "b", effort: 1, note: a)])
        for options in [DOTOptions(), DOTOptions(highlight: Highlight.path(along: ["a", "b"], in: graph))] {
            let back = try RoleGraph.parse(DOTWriter(options: options).write(graph), format: .dot)
            #expect(back.roles == graph.roles)
            #expect(back.relations == graph.relations)
        }
    }

    /// Found by fuzz-tsv: libcgraph renames a node whose name starts with `%` (its prefix for
    /// anonymous objects), so `%` read back as `%5`. The writer escapes the leading `%`.
    @Test func idsStartingWithPercentReadBack() throws {
        let graph = try RoleGraph.parse("from\tto\teffort\n%\t1l\t\n%5\t%\t2\n", format: .tsv)
        let back = try RoleGraph.parse(DOTWriter().write(graph), format: .dot)
        #expect(back.roles.map(\.id) == ["%", "1l", "%5"])
        #expect(Set(back.relations) == Set(graph.relations))
    }

    /// A 40,000-character summary and note are written as several quoted tokens, each within
    /// the limit, and read back whole.
    @Test func longTextIsSplitAndReadsBack() throws {
        let summary = String(repeating: "é&\"数", count: 10_000)
        let yaml = """
            format: 1
            name: G
            areas: [{id: a, name: A}]
            roles:
              - {id: x, name: X, area: a, summary: "\(summary)"}
              - {id: y, name: Y, area: a}
            relations:
              - {kind: transition, from: x, to: y, note: "\(summary)"}
            """.replacingOccurrences(of: "\"数", with: "\\\"数")
        let graph = try RoleGraph.parse(yaml)
        #expect(graph.roles[0].summary == summary)
        let dot = DOTWriter().write(graph)
        #expect(dot.contains("\" + \""))
        let imported = try RoleGraph.parse(dot, format: .dot)
        #expect(imported.roles == graph.roles)
        #expect(imported.relations == graph.relations)
    }
}
