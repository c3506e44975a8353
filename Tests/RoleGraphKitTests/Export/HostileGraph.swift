import Testing
@testable import RoleGraphKit
import RoleGraphAlgorithms
import RoleGraphGraphviz
import RoleGraphTestSupport

/// A graph whose text tries to break every export format: quotes, backslashes, markup, entity
/// look-alikes, line breaks, a control character and non-Latin text, in ids, names, titles,
/// summaries and notes. Built from YAML text, as a user's file would be.
enum HostileGraph {
    /// The troublesome role's name.
    static let name = "Data \"Ops\" \\ <script>alert(1)</script> Lead\n数据 – Δεδομένα"
    static let id: RoleID = "ops\"lead\\<x>&"
    static let areaID: AreaID = "legend"
    static let titles = ["Title \"A\" <b>&amp;</b>\nΔ", "数据 #quot; `tick` %% [x] {y} |z|"]
    static let summary = "Summary with a bell \u{7} & <tag> \"quotes\" and CR LF\r\nnext"
    static let note = "Note \"q\" \\N \\ <n> &lt; #35;\n数据 – Δεδομένα"

    static let yaml = #"""
        format: 1
        name: "Hostile \"graph\" <&> \\"
        source: "tests"
        description: "Line one\nline two"
        areas:
          - {id: "legend", name: "Ops \"&\" <Data>\n运维"}
          - {id: "plain", name: "Plain"}
        skills:
          - {id: "sql", name: "SQL <&> \"q\""}
          - {id: "py", name: "Python"}
        roles:
          - id: "ops\"lead\\<x>&"
            name: "Data \"Ops\" \\ <script>alert(1)</script> Lead\n数据 – Δεδομένα"
            area: "legend"
            summary: "Summary with a bell \a & <tag> \"quotes\" and CR LF\r\nnext"
            titles: ["Title \"A\" <b>&amp;</b>\nΔ", "数据 #quot; `tick` %% [x] {y} |z|"]
            skills: {primary: [sql], secondary: [py]}
            entry_level: true
            prevalence: rare
          - id: "analyst"
            name: "Analyst"
            area: "plain"
            skills: {primary: [py]}
          - id: "ops_lead__x__"
            name: "Same sanitised id"
            area: "plain"
        relations:
          - {kind: transition, from: "analyst", to: "ops\"lead\\<x>&", effort: 2.5, note: "Note \"q\" \\N \\ <n> &lt; #35;\n数据 – Δεδομένα"}
          - {kind: collaboration, between: ["analyst", "ops\"lead\\<x>&"], note: "Works <with> \"ops\""}
          - {kind: stakeholder, from: "ops_lead__x__", to: "ops\"lead\\<x>&"}
        """#

    static func graph() throws -> RoleGraph {
        try RoleGraph.parse(yaml, format: .yaml, file: "hostile.yaml")
    }
}

@Suite struct HostileGraphTests {
    /// The fixture must hold the text the export tests assume, or they would check nothing.
    @Test func parsesWithItsTextIntact() throws {
        let graph = try HostileGraph.graph()
        let role = try #require(graph.role(HostileGraph.id))
        #expect(role.name == HostileGraph.name)
        #expect(role.titles == HostileGraph.titles)
        #expect(role.summary == HostileGraph.summary)
        #expect(graph.relations[0].note == HostileGraph.note)
        #expect(role.area == HostileGraph.areaID)
    }
}
