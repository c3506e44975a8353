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
