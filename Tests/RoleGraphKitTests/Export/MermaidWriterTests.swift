import Foundation
import Testing
@testable import RoleGraphKit
import RoleGraphAlgorithms
import RoleGraphGraphviz
import RoleGraphTestSupport

@Suite struct MermaidWriterTests {
    /// Decodes Mermaid's entity codes (`#quot;`, `#35;`) the way Mermaid does, into the text a
    /// reader sees.
    static func decode(_ label: String) -> String {
        DOTReader.decodeEntities(label.replacingOccurrences(
            of: "#([A-Za-z]+|[0-9]+);", with: "&$1;", options: .regularExpression
        ).replacingOccurrences(of: "&([0-9]+);", with: "&#$1;", options: .regularExpression))
    }

    /// Node id → label, from lines `id["label"]`.
    static func labels(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.hasPrefix("subgraph"), let open = trimmed.range(of: "[\""), trimmed.hasSuffix("\"]") else { continue }
            let id = String(trimmed[..<open.lowerBound])
            result[id] = String(trimmed[open.upperBound..<trimmed.index(trimmed.endIndex, offsetBy: -2)])
        }
        return result
    }

    @Test func builtInGraphMatchesGolden() throws {
        try Golden.check(MermaidWriter().write(.builtIn), "builtin.mmd")
    }

    @Test func writingTwiceGivesTheSameBytes() {
        #expect(Array(MermaidWriter().write(.builtIn).utf8) == Array(MermaidWriter().write(.builtIn).utf8))
    }

    @Test func drawsAreasRolesAndEachRelationKind() throws {
        let text = MermaidWriter().write(.builtIn)
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.contains("flowchart LR"))
        #expect(lines.contains("subgraph area_insights[\"Insights\"]"))
        #expect(lines.filter { $0 == "end" }.count == 3)
        let labels = Self.labels(text)
        #expect(labels["role_data_analyst"] == "Data Analyst")
        #expect(labels.count == RoleGraph.builtIn.roles.count)
        #expect(lines.contains("role_data_analyst -.-> role_analytics_engineer"))
        #expect(lines.contains("role_data_analyst --- role_data_scientist"))
        #expect(lines.contains("role_data_analyst -->|effort 3| role_data_scientist"))
        #expect(lines.contains("role_data_scientist -->|effort 1| role_data_analyst"))
        #expect(lines.contains("role_data_scientist <-->|effort 3| role_ml_scientist"))
        #expect(!lines.contains { $0.hasPrefix("role_ml_scientist -->|effort 3| role_data_scientist") })
        #expect(lines.contains("class role_data_analyst,role_data_scientist,role_analytics_engineer area0"))
        // Every node id is Mermaid-safe and no id is the keyword `end`.
        for id in labels.keys { #expect(id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) }
    }

    @Test(arguments: [[RelationKind.transition], [.stakeholder, .collaboration]] as [Set<RelationKind>])
    func drawsOnlyTheChosenRelationKinds(_ kinds: Set<RelationKind>) {
        let written = MermaidWriter(direction: .topToBottom, relations: kinds).write(.builtIn)
        #expect(written.contains("\nflowchart TB\n"))
        let text = written.split(separator: "\n").filter { !$0.hasPrefix("%%") }.joined(separator: "\n")
        #expect(text.contains("-.->") == kinds.contains(.stakeholder))
        #expect(text.contains(" --- ") == kinds.contains(.collaboration))
        #expect(text.contains("-->|effort") == kinds.contains(.transition))
    }

    @Test func hostileTextIsEscapedAndDecodesBack() throws {
        let graph = try HostileGraph.graph()
        let text = MermaidWriter().write(graph)
        let labels = Self.labels(text)
        // Ids that reduce to the same text stay apart.
        #expect(Set(labels.keys) == ["role_ops_lead__x__", "role_analyst", "role_ops_lead__x___2"])
        let label = try #require(labels["role_ops_lead__x__"])
        for raw in ["\"", "<", ">", "\n", "`"] { #expect(!label.contains(raw), "raw \(raw) in \(label)") }
        #expect(Self.decode(label) == HostileGraph.name)
        #expect(label == "Data #quot;Ops#quot; \\ #lt;script#gt;alert(1)#lt;/script#gt; Lead#10;数据 – Δεδομένα")
        #expect(text.contains("subgraph area_legend[\"Ops #quot;#amp;#quot; #lt;Data#gt;#10;运维\"]"))
        #expect(text.contains("role_analyst -->|effort 2.5| role_ops_lead__x__"))
        #expect(text.contains("role_ops_lead__x___2 -.-> role_ops_lead__x__"))
        // One statement per line: no label spans lines.
        #expect(text.split(separator: "\n").allSatisfy { $0.filter { $0 == "\"" }.count % 2 == 0 })
    }

    @Test func escapingRules() {
        #expect(MermaidWriter.escape("#quot; & `x`\r\n\t\u{1}") == "#35;quot; #amp; #96;x#96;#10;#9;\u{FFFD}")
        #expect(Self.decode(MermaidWriter.escape("#quot; & <b>")) == "#quot; & <b>")
    }
}
