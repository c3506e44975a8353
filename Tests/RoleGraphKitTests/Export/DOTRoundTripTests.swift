import Testing
@testable import RoleGraphKit
import RoleGraphAlgorithms
import RoleGraphGraphviz
import RoleGraphTestSupport

/// Export then import gives the same graph: the DOT writer's data attributes carry every fact of
/// the model, the skill vocabulary included, and DOT import reads them back.
@Suite struct DOTRoundTripTests {
    static let options: [DOTOptions] = [
        DOTOptions(),
        DOTOptions(legend: false, showTitles: true),
        DOTOptions(highlight: Highlight.path(along: ["data-analyst", "data-scientist", "ml-scientist", "ml-engineer"], in: .builtIn)),
    ]

    @Test(arguments: options)
    func builtInGraphSurvivesExportAndImport(options: DOTOptions) throws {
        let original = RoleGraph.builtIn
        let text = DOTWriter(options: options).write(original)
        let imported = try RoleGraph.parse(text, format: .dot, file: "exported.gv")
        #expect(imported.name == original.name)
        #expect(imported.source == original.source)
        #expect(imported.roles == original.roles)
        #expect(imported.areas == original.areas)
        #expect(Set(imported.skills) == Set(original.skills))
        #expect(Set(imported.relations) == Set(original.relations))
        #expect(imported.relations.count == original.relations.count)
    }

    @Test func hostileNamesSurviveTheRoundTrip() throws {
        let yaml = """
            format: 1
            name: "Escapes \\"quoted\\" \\\\ back"
            areas: [{id: a, name: "Área <b>"}]
            roles:
              - {id: "x\\"y", name: "Data \\"Ops\\" \\\\ <script>alert(1)</script> Lead\\n数据 – Δεδομένα", area: a, titles: ["T & <T>"]}
              - {id: "z", name: "Zed", area: a}
              - {id: "back\\\\slash\\nand line", name: "W", area: a}
            relations:
              - {kind: transition, from: "x\\"y", to: z, effort: 1.5, note: "a \\"note\\"\\nwith a newline"}
              - {kind: collaboration, between: [z, "back\\\\slash\\nand line"]}
            """
        let original = try RoleGraph.parse(yaml)
        let imported = try RoleGraph.parse(DOTWriter().write(original), format: .dot)
        #expect(imported.roles == original.roles)
        #expect(Set(imported.relations) == Set(original.relations))  // the writer groups them by kind
        #expect(imported.areas == original.areas)
        #expect(imported.name == original.name)
        // And again: escapes must not accumulate.
        let twice = try RoleGraph.parse(DOTWriter().write(imported), format: .dot)
        #expect(twice.roles == original.roles)
    }
}
