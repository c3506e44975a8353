import Foundation
import Testing
@testable import RoleGraphKit
import RoleGraphAlgorithms
import RoleGraphGraphviz
import RoleGraphTestSupport

@Suite struct BuiltinGraphTests {
    static let yamlFile = Fixtures.repositoryRoot.appendingPathComponent("Graphs/data-careers.yaml")
    static let generatedFile = Fixtures.repositoryRoot
        .appendingPathComponent("Sources/RoleGraphKit/Model/BuiltinGraph+Generated.swift")

    @Test func embeddedCopyEqualsTheFileInGraphs() throws {
        let file = try String(contentsOf: Self.yamlFile, encoding: .utf8)
        #expect(BuiltinGraph.yaml == file)
    }

    /// The compiled-in graph is the one the YAML describes, field by field.
    @Test func compiledGraphEqualsTheParsedFile() throws {
        let parsed = try RoleGraph.load(contentsOf: Self.yamlFile.path)
        let compiled = RoleGraph.builtIn
        #expect(compiled.name == parsed.name)
        #expect(compiled.source == parsed.source)
        #expect(compiled.description == parsed.description)
        #expect(compiled.areas == parsed.areas)
        #expect(compiled.skills == parsed.skills)
        #expect(compiled.roles == parsed.roles)
        #expect(compiled.relations == parsed.relations)
    }

    /// The compiled-in graph skips validation at start-up; the checked initialiser accepts it.
    @Test func compiledGraphIsValid() throws {
        let graph = RoleGraph.builtIn
        _ = try RoleGraph(name: graph.name, source: graph.source, description: graph.description,
                          areas: graph.areas, skills: graph.skills, roles: graph.roles,
                          relations: graph.relations)
    }

    /// `BuiltinGraph+Generated.swift` is what the generator writes for the YAML now: editing the
    /// YAML without regenerating fails here (`ROLEGRAPH_UPDATE_GOLDENS=1` regenerates it).
    @Test func generatedSourceIsUpToDate() throws {
        let parsed = try RoleGraph.load(contentsOf: Self.yamlFile.path)
        let expected = BuiltinGraphSource.swift(for: parsed)
        if Golden.isUpdating {
            try Data(expected.utf8).write(to: Self.generatedFile)
            return
        }
        let committed = try String(contentsOf: Self.generatedFile, encoding: .utf8)
        if committed != expected {
            Issue.record("BuiltinGraph+Generated.swift is stale \(Golden.firstDifference(committed, expected)); run ROLEGRAPH_UPDATE_GOLDENS=1 swift test --filter BuiltinGraphTests")
        }
    }

    @Test(arguments: [
        ("plain", #""plain""#),
        ("say \"hi\"", #""say \"hi\"""#),
        ("a\\b", #""a\\b""#),
        ("line\nbreak\ttab\r", #""line\nbreak\ttab\r""#),
        ("bell\u{7}del\u{7F}", #""bell\u{7}del\u{7f}""#),
        ("zero\u{200B}width", #""zero\u{200b}width""#),
        ("interpolation \\(x) and — é", #""interpolation \\(x) and — é""#),
    ])
    func swiftLiteralsEscapeWhatSwiftWouldRead(text: String, literal: String) {
        #expect(BuiltinGraphSource.literal(text) == literal)
    }

    @Test func hasTheArticlesTenRolesInThreeAreas() {
        let graph = RoleGraph.builtIn
        #expect(graph.areas.map(\.id) == ["insights", "models", "systems"])
        #expect(graph.roles.map(\.id) == [
            "data-analyst", "data-scientist", "analytics-engineer",
            "ml-scientist", "ml-engineer", "ml-platform-engineer", "ml-accelerators-engineer",
            "data-platform-engineer", "infrastructure-engineer", "backend-engineer",
        ])
        #expect(graph.roles(in: "insights").count == 3)
        #expect(graph.roles(in: "models").count == 4)
        #expect(graph.roles(in: "systems").count == 3)
    }

    /// The relations DESIGN.md lists from the article's "Working together" section.
    @Test(arguments: [
        (RelationKind.stakeholder, "data-analyst", "analytics-engineer"),
        (.stakeholder, "data-scientist", "analytics-engineer"),
        (.stakeholder, "ml-scientist", "analytics-engineer"),
        (.stakeholder, "analytics-engineer", "data-platform-engineer"),
        (.stakeholder, "ml-scientist", "ml-platform-engineer"),
        (.stakeholder, "ml-engineer", "ml-platform-engineer"),
        (.stakeholder, "data-platform-engineer", "infrastructure-engineer"),
        (.stakeholder, "ml-platform-engineer", "infrastructure-engineer"),
        (.collaboration, "data-analyst", "data-scientist"),
        (.collaboration, "ml-scientist", "ml-engineer"),
        (.collaboration, "ml-accelerators-engineer", "ml-engineer"),
        (.collaboration, "backend-engineer", "data-platform-engineer"),
        (.collaboration, "data-platform-engineer", "ml-platform-engineer"),
        (.collaboration, "infrastructure-engineer", "data-platform-engineer"),
        (.transition, "data-analyst", "data-scientist"),
        (.transition, "data-scientist", "data-analyst"),
        (.transition, "data-scientist", "ml-scientist"),
        (.transition, "ml-scientist", "data-scientist"),
        (.transition, "ml-scientist", "ml-engineer"),
        (.transition, "ml-engineer", "ml-scientist"),
        (.transition, "ml-engineer", "ml-platform-engineer"),
        (.transition, "data-platform-engineer", "ml-platform-engineer"),
        (.transition, "ml-platform-engineer", "data-platform-engineer"),
        (.transition, "backend-engineer", "data-platform-engineer"),
        (.transition, "data-platform-engineer", "backend-engineer"),
        (.transition, "analytics-engineer", "data-platform-engineer"),
        (.transition, "data-platform-engineer", "analytics-engineer"),
    ] as [(RelationKind, String, String)])
    func statesTheArticlesRelations(kind: RelationKind, from: String, to: String) throws {
        let relation = try #require(RoleGraph.builtIn.relations.first {
            $0.kind == kind && $0.connects(RoleID(from), RoleID(to))
        })
        #expect(relation.note?.isEmpty == false)
        #expect(relation.section?.isEmpty == false)
    }

    @Test func everyTransitionHasAPositiveEffortAndEveryRelationANote() {
        for relation in RoleGraph.builtIn.relations {
            #expect(relation.note?.isEmpty == false, "\(relation.from) → \(relation.to)")
            if relation.kind == .transition { #expect((relation.effort ?? 0) > 0) }
        }
    }

    @Test func titlesAndFactsFromTheArticle() throws {
        let graph = RoleGraph.builtIn
        let dataEngineer = graph.roles.filter { $0.titles.contains("Data Engineer") }.map(\.id)
        #expect(dataEngineer == ["analytics-engineer", "data-platform-engineer"])
        #expect(graph.role("infrastructure-engineer")?.titles.contains("DevOps Engineer") == true)
        #expect(graph.role("data-platform-engineer")?.titles.contains("DataOps Engineer") == true)
        #expect(graph.role("ml-platform-engineer")?.titles.contains("MLOps Engineer") == true)
        #expect(graph.role("data-analyst")?.entryLevel == true)
        #expect(graph.role("ml-accelerators-engineer")?.prevalence == .uncommon)
        #expect(graph.source.contains("own words"))
    }
}
