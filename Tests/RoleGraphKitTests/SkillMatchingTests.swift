import Foundation
import Testing
@testable import RoleGraphKit
import RoleGraphTestSupport

/// `--have` and `skills search` on catalogue-style labels: the ESCO-like fixture and the
/// built-in graph's aliases.
@Suite struct SkillMatchingTests {
    static let esco: RoleGraph = try! RoleGraph.load(contentsOf: Fixtures.path("esco/esco-like.yaml"))
    let builtIn = RoleGraph.builtIn

    @Test func aPersonsWordFindsTheCatalogueLabel() throws {
        #expect(try Self.esco.resolveSkill("Python") == "python-computer-programming")
        #expect(try Self.esco.resolveSkill("python") == "python-computer-programming")
        #expect(try Self.esco.resolveSkill("data mining") == "data-mining")
        #expect(try Self.esco.resolveSkill("Data-Mining") == "data-mining")
        #expect(try Self.esco.resolveSkill("python-computer-programming") == "python-computer-programming")
        // An alternative label, exactly.
        #expect(try Self.esco.resolveSkill("Python programming") == "python-computer-programming")
        #expect(try Self.esco.resolveSkill("ETL tools") == "data-extraction-transformation-and-loading-tools")
        // An unambiguous part of a label.
        #expect(try Self.esco.resolveSkill("recommender") == "build-recommender-systems")
    }

    @Test func aliasesOfTheBuiltInGraph() throws {
        #expect(try builtIn.resolveSkill("machine learning") == "classical-ml")
        #expect(try builtIn.resolveSkill("Kubernetes") == "containers-orchestration")
        #expect(try builtIn.resolveSkill("dbt") == "data-transformation")
        #expect(try builtIn.resolveSkill("SQL") == "sql")
        #expect(try builtIn.resolveSkill("classical_ml") == "classical-ml")
    }

    @Test func anAmbiguousWordListsCandidates() throws {
        do {
            _ = try Self.esco.resolveSkill("data")
            Issue.record("'data' resolved")
        } catch {
            guard case .ambiguousSkill(let query, let candidates, let total) = error else { throw error }
            #expect(query == "data")
            #expect(candidates.count == 8)
            #expect(total == 16)
            #expect(candidates.contains { $0.id == "data-mining" })
            #expect(error.description.hasPrefix("'data' matches 16 skills: 'data-mining' (data mining), "))
            #expect(error.description.hasSuffix(" and 8 more; name one of them by id or full name"))
        }
    }

    @Test func aMissSuggestsTheNearestLabel() {
        #expect(throws: LookupError.notFound(.skill, "Pyhton", suggestion: "Python (computer programming)")) {
            try Self.esco.resolveSkill("Pyhton")
        }
        #expect(throws: LookupError.notFound(.skill, "statistcs", suggestion: "statistics")) {
            try Self.esco.resolveSkill("statistcs")
        }
        #expect(throws: LookupError.notFound(.skill, "astronomy", suggestion: nil)) {
            try Self.esco.resolveSkill("astronomy")
        }
        #expect(throws: LookupError.notFound(.skill, "!!", suggestion: nil)) { try Self.esco.resolveSkill("!!") }
    }

    @Test func searchRanksExactThenWordsThenParts() {
        let hits = Self.esco.searchSkills("data")
        #expect(hits.count == 19)
        #expect(hits.first?.skill == "data-mining")
        #expect(hits.map(\.match) == hits.map(\.match).sorted())
        #expect(hits.last?.match == .substring)
        #expect(hits.contains { $0.skill == "manage-database" && $0.match == .substring })
        let exact = Self.esco.searchSkills("statistics")
        #expect(exact.first?.skill == "statistics")
        #expect(exact.first?.match == .exact)
        #expect(Self.esco.searchSkills("ML").first.map { ($0.skill, $0.match, $0.matchedText) } ?? ("", .substring, "") == ("machine-learning", .exact, "ML"))
        #expect(Self.esco.searchSkills("  ").isEmpty)
    }

    @Test func rolesNeedingASkillPrimaryFirst() {
        let uses = Self.esco.roles(needing: "data-mining")
        #expect(uses.count == Self.esco.skillRoleCounts()["data-mining"])
        #expect(uses.filter(\.isPrimary).count == 10)
        #expect(uses.map(\.isPrimary) == uses.map(\.isPrimary).sorted { $0 && !$1 })
    }

    @Test func anAliasNamesOneSkill() throws {
        let skills = [Skill(id: "a", name: "Alpha", aliases: ["first"]), Skill(id: "b", name: "Beta", aliases: ["First", "alpha", " "])]
        #expect(throws: GraphLoadError.self) {
            try RoleGraph(name: "g", areas: [Area(id: "x", name: "X")], skills: skills, roles: [Role(id: "r", name: "R", area: "x")], relations: [])
        }
        do {
            _ = try RoleGraph(name: "g", areas: [Area(id: "x", name: "X")], skills: skills, roles: [Role(id: "r", name: "R", area: "x")], relations: [])
        } catch {
            let text = "\(error)"
            #expect(text.contains("alias 'First' of skill 'b' already names skill 'a'"))
            #expect(text.contains("alias 'alpha' of skill 'b' already names skill 'a'"))
            #expect(text.contains("'aliases' must not be empty"))
        }
    }
}
