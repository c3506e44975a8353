import Testing
@testable import RoleGraphKit
import RoleGraphAlgorithms
import RoleGraphGraphviz
import RoleGraphTestSupport

@Suite struct LookupTests {
    let graph = RoleGraph.builtIn

    @Test(arguments: [
        ("ml-engineer", "ml-engineer"), ("ML-ENGINEER", "ml-engineer"), ("ML Engineer", "ml-engineer"),
        ("ml engineer", "ml-engineer"), ("  Data Analyst ", "data-analyst"), ("DevOps Engineer", "infrastructure-engineer"),
        ("mlops engineer", "ml-platform-engineer"),
    ])
    func resolvesByIDNameAndTitle(query: String, expected: String) throws {
        let index = try graph.resolveRole(query)
        #expect(graph.role(at: index).id == RoleID(expected))
    }

    @Test func sharedTitleIsAnAmbiguityListingEveryCandidate() {
        #expect(throws: LookupError.ambiguous("Data Engineer", candidates: [
            .init(id: "analytics-engineer", name: "Analytics Engineer"),
            .init(id: "data-platform-engineer", name: "Data Platform Engineer"),
        ])) { try graph.resolveRole("Data Engineer") }
    }

    @Test func idsThatDifferOnlyInCaseAreAmbiguousUnlessExact() throws {
        let graph = try RoleGraph.parse("from,to\nData Analyst,Data Scientist\ndata analyst,ML Engineer\n",
                                        format: .csv, file: "moves.csv")
        #expect(graph.role(at: try graph.resolveRole("Data Analyst")).id == "Data Analyst")
        #expect(graph.role(at: try graph.resolveRole("data analyst")).id == "data analyst")
        #expect(throws: LookupError.ambiguousIgnoringCase("DATA ANALYST", candidates: [
            .init(id: "Data Analyst", name: "Data Analyst"), .init(id: "data analyst", name: "data analyst"),
        ])) { try graph.resolveRole("DATA ANALYST") }
        // A role alone in its case-folded id still resolves in any case.
        #expect(graph.role(at: try graph.resolveRole("ml engineer")).id == "ML Engineer")
    }

    @Test func aNameSharedBySeveralRolesIsAmbiguousUnlessExactlyOnes() throws {
        let yaml = """
            format: 1
            name: shared names
            areas:
              - id: data
                name: Data
            roles:
              - id: analyst-a
                name: Data Analyst
                area: data
              - id: analyst-b
                name: data analyst
                area: data
              - id: analyst-c
                name: Data Analyst
                area: data
            """
        let graph = try RoleGraph.parse(yaml, format: .yaml, file: "names.yaml")
        #expect(graph.role(at: try graph.resolveRole("data analyst")).id == "analyst-b")
        #expect(throws: LookupError.ambiguousIgnoringCase("Data Analyst", candidates: [
            .init(id: "analyst-a", name: "Data Analyst"), .init(id: "analyst-b", name: "data analyst"),
            .init(id: "analyst-c", name: "Data Analyst"),
        ])) { try graph.resolveRole("Data Analyst") }
        #expect(throws: LookupError.self) { try graph.resolveRole("DATA ANALYST") }
        #expect(graph.role(at: try graph.resolveRole("ANALYST-C")).id == "analyst-c")
    }

    @Test func anExactNameWinsOverAnIDThatMatchesOnlyIgnoringCase() throws {
        let yaml = """
            format: 1
            name: cross
            areas:
              - id: a
                name: A
            roles:
              - id: ml
                name: Machine Learning Lead
                area: a
              - id: platform
                name: ML
                area: a
            """
        let graph = try RoleGraph.parse(yaml, format: .yaml, file: "cross.yaml")
        #expect(graph.role(at: try graph.resolveRole("ML")).id == "platform")
        #expect(graph.role(at: try graph.resolveRole("ml")).id == "ml")
        #expect(throws: LookupError.ambiguousIgnoringCase("Ml", candidates: [
            .init(id: "ml", name: "Machine Learning Lead"), .init(id: "platform", name: "ML"),
        ])) { try graph.resolveRole("Ml") }
    }

    @Test func spacesForHyphensAreAmbiguousWhenBothFormsNameARole() throws {
        let graph = try RoleGraph.parse("from,to\nml-engineer,ML Engineer\nML Engineer,data\n", format: .csv, file: "moves.csv")
        #expect(throws: LookupError.ambiguousIgnoringCase("ml engineer", candidates: [
            .init(id: "ml-engineer", name: "ml-engineer"), .init(id: "ML Engineer", name: "ML Engineer"),
        ])) { try graph.resolveRole("ml engineer") }
        #expect(graph.role(at: try graph.resolveRole("ML Engineer")).id == "ML Engineer")
        #expect(graph.role(at: try graph.resolveRole("ml-engineer")).id == "ml-engineer")
        // One role for both forms resolves as before.
        #expect(self.graph.role(at: try self.graph.resolveRole("ml engineer")).id == "ml-engineer")
    }

    @Test func nearMissSuggestsTheNearestID() {
        #expect(throws: LookupError.notFound(.role, "ml-enginer", suggestion: "ml-engineer")) {
            try graph.resolveRole("ml-enginer")
        }
        #expect(throws: LookupError.notFound(.role, "astronaut", suggestion: nil)) {
            try graph.resolveRole("astronaut")
        }
    }

    @Test func skillsResolveByIDOrNameWithSuggestions() throws {
        #expect(try graph.resolveSkill("SQL") == "sql")
        #expect(throws: LookupError.notFound(.skill, "sqll", suggestion: "sql")) { try graph.resolveSkill("sqll") }
    }

    @Test func editDistanceCountsTranspositionsAsOne() {
        #expect(Suggestions.editDistance(Array("kitten".unicodeScalars), Array("sitting".unicodeScalars)) == 3)
        #expect(Suggestions.editDistance(Array("ab".unicodeScalars), Array("ba".unicodeScalars)) == 1)
        #expect(Suggestions.editDistance(Array("".unicodeScalars), Array("abc".unicodeScalars)) == 3)
    }
}
