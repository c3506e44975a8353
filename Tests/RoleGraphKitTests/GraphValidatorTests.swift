import Testing
@testable import RoleGraphKit
import RoleGraphAlgorithms
import RoleGraphGraphviz
import RoleGraphTestSupport

/// A graph built in code gets the same checks as a file, without locations.
@Suite struct GraphValidatorTests {
    let areas = [Area(id: "a", name: "A")]
    let skills = [Skill(id: "sql", name: "SQL")]

    @Test func validGraphBuildsAndIndexes() throws {
        let graph = try RoleGraph(
            name: "t", areas: areas, skills: skills,
            roles: [Role(id: "x", name: "X", area: "a", primarySkills: ["sql"]), Role(id: "y", name: "Y", area: "a")],
            relations: [Relation(kind: .transition, from: "x", to: "y", effort: 2),
                        Relation(kind: .collaboration, from: "y", to: "x")])
        #expect(graph.index(of: "y") == 1)
        let network = graph.network(kinds: [.transition, .collaboration])
        #expect(network.edgeCount == 3)
        #expect(network.edgeIDs.sorted() == [0, 1, 1])
        #expect(graph.relations(of: "x").outgoing.count == 1)
        #expect(graph.relations(of: "x").mutual.count == 1)
    }

    @Test func everyProblemIsReported() {
        do {
            _ = try RoleGraph(
                name: "t", areas: areas + [Area(id: "a", name: "Again")], skills: skills,
                roles: [Role(id: "x", name: "X", area: "b", primarySkills: ["sql"], secondarySkills: ["sql", "r"]),
                        Role(id: "y", name: "Y", area: "a")],
                relations: [Relation(kind: .transition, from: "x", to: "x"),
                            Relation(kind: .transition, from: "x", to: "y", effort: .nan),
                            Relation(kind: .stakeholder, from: "y", to: "z", effort: 1)])
            Issue.record("should have thrown")
        } catch {
            #expect(error.diagnostics.map(\.problem) == [
                .duplicateID(.area, "a", first: nil),
                .unknownReference(.area, "b", suggestion: "a"),
                .skillBothPrimaryAndSecondary(role: "x", skill: "sql"),
                .unknownReference(.skill, "r", suggestion: nil),
                .selfRelation(.transition, "x"),
                .invalidEffort("nan"),
                .unknownReference(.role, "z", suggestion: "x"),
                .effortOnNonTransition(.stakeholder),
            ])
            #expect(error.diagnostics.allSatisfy { $0.location == nil })
        }
    }

    @Test func countsAndStayersAreChecked() {
        do {
            _ = try RoleGraph(
                name: "t", areas: areas, skills: skills,
                roles: [Role(id: "x", name: "X", area: "a", stays: -1), Role(id: "y", name: "Y", area: "a")],
                relations: [Relation(kind: .transition, from: "x", to: "y", count: .infinity),
                            Relation(kind: .collaboration, from: "y", to: "x", count: 3),
                            Relation(kind: .transition, from: "y", to: "x", count: 0)])
            Issue.record("should have thrown")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "invalid stayers '-1' for role 'x': a number of people, from 0 to 1e15",
                "invalid count 'inf': a count is a number of observed moves, from 0 to 1e15",
                "a collaboration relation has no count; only a transition counts observed moves",
            ])
        }
    }

    @Test func jsonWithTheSameSchemaLoads() throws {
        let json = """
            {"format": 1, "name": "J", "areas": [{"id": "a", "name": "A"}],
             "roles": [{"id": "x", "name": "X", "area": "a"}, {"id": "y", "name": "Y", "area": "a"}],
             "relations": [{"kind": "transition", "between": ["x", "y"], "effort": 1.5}]}
            """
        let graph = try RoleGraph.parse(json, format: .json)
        #expect(graph.relations.count == 2)
        #expect(graph.relations.allSatisfy { $0.effort == 1.5 })
    }
}
