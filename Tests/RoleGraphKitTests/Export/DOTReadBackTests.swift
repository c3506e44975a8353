import Testing
@testable import RoleGraphKit

/// What DOT import gets back from a file: roles and relations in the exported graph's order,
/// problems at the line of the edge they concern, an edge repeated fact for fact read once with
/// a warning, and list items with their end spaces.
@Suite struct DOTReadBackTests {
    private func load(_ text: String, file: String = "t.dot") throws -> GraphLoadResult {
        try RoleGraph.parse(bytes: Array(text.utf8), format: .dot, file: file, options: GraphLoadOptions())
    }

    private func problems(_ text: String) -> [String] {
        do {
            _ = try load(text)
            return []
        } catch {
            guard let error = error as? GraphLoadError, case .invalid(let diagnostics) = error else { return ["\(error)"] }
            return diagnostics.map(\.description)
        }
    }

    /// Two equal paths S → MidA → T and S → MidB → T: role order breaks the tie, and DOT's
    /// clusters list MidA (area a) before MidB (area b), unlike the graph.
    static let tie = try! RoleGraph(
        name: "tie", areas: [Area(id: "a", name: "A"), Area(id: "b", name: "B")], skills: [],
        roles: [Role(id: "s", name: "S", area: "a"), Role(id: "mid-b", name: "MidB", area: "b"),
                Role(id: "mid-a", name: "MidA", area: "a"), Role(id: "t", name: "T", area: "b")],
        relations: [
            Relation(kind: .transition, from: "s", to: "mid-a", effort: 2),
            Relation(kind: .transition, from: "s", to: "mid-b", effort: 2),
            Relation(kind: .transition, from: "mid-a", to: "t", effort: 2),
            Relation(kind: .transition, from: "mid-b", to: "t", effort: 2),
            Relation(kind: .collaboration, from: "s", to: "t"),
            Relation(kind: .transition, from: "t", to: "mid-b", effort: 2),
        ])

    @Test func exportedDOTReadsBackWithTheRolesAndRelationsInTheirOrder() throws {
        let text = DOTWriter(options: DOTOptions()).write(Self.tie)
        // The text itself lists MidA first and merges mid-b ⇄ t into one two-headed edge.
        let midA = try #require(text.range(of: "\"mid-a\" ["))
        let midB = try #require(text.range(of: "\"mid-b\" ["))
        #expect(midA.lowerBound < midB.lowerBound)
        #expect(text.contains("dir=both"))
        let back = try load(text).graph
        #expect(back.roles.map(\.id) == Self.tie.roles.map(\.id))
        #expect(back.relations == Self.tie.relations)
    }

    @Test func aDOTFileWithoutIndexesKeepsTheTextsOrder() throws {
        let back = try load("digraph { b; a; a -> b; b -> a [index=0]; }").graph
        #expect(back.roles.map(\.id) == ["b", "a"])
        #expect(back.relations.map(\.from) == ["a", "b"])
    }

    @Test func aRepeatedEdgeIsLocatedAtItsOwnLine() {
        #expect(problems("digraph {\n  a -> b;\n  a -> c;\n  b -> c;\n  a -> b [effort=3];\n}\n")
            == ["t.dot:5:3: duplicate transition relation 'a' → 'b' (first stated at 2:3)"])
    }

    @Test func aSelfLoopIsLocatedAtTheLineNamingItsRoleTwice() {
        #expect(problems("digraph {\n  a -> b;\n  a -> c;\n  b -> c;\n  c -> c;\n}\n")
            == ["t.dot:5:3: transition relation from 'c' to itself"])
    }

    @Test func aBadAttributeOfTheSecondOfTwoEdgesIsLocatedAtIt() {
        let found = problems("digraph {\n  a -> b;\n  b -> a [effort=x];\n}\n")
        #expect(found.count == 1 && found[0].hasPrefix("t.dot:3:3: ") && found[0].contains("'x'"), "\(found)")
    }

    @Test func anEdgeRepeatedFactForFactIsReadOnceWithAWarning() throws {
        let result = try load("digraph {\n  a -> b;\n  a -> c;\n  b -> c;\n  a -> b;\n}\n", file: "dup2.dot")
        #expect(result.graph.relations.count == 3)
        #expect(result.warnings.map(\.description)
            == ["dup2.dot:5:3: transition 'a' → 'b' repeats the one at 2:3 fact for fact; it is read once"])
        #expect(result.warnings.map(\.severity) == [.warning])
    }

    @Test func listItemsKeepTheirEndSpacesAndEmptyItemsAreDropped() throws {
        var role = Role(id: "r", name: "R", area: "a")
        role.titles = ["", " spaced ", "\u{A0}nbsp", "tab\t", "a; b"]
        role.problems = ["  "]
        let graph = try RoleGraph(name: "g", areas: [Area(id: "a", name: "A")], skills: [], roles: [role], relations: [])
        let text = DOTWriter(options: DOTOptions()).write(graph)
        #expect(text.contains(#"titles="; \u0020spaced\u0020; \u00A0nbsp; tab\u0009; a\; b""#))
        let back = try load(text).graph
        // A DOT list cannot hold an empty item (a documented limit); every other item is exact.
        #expect(back.roles[0].titles == [" spaced ", "\u{A0}nbsp", "tab\t", "a; b"])
        #expect(back.roles[0].problems == ["  "])
        // Another tool's spaces around separators are still trimmed.
        #expect(try load(#"digraph { r [titles=" one ;two ; "]; }"#).graph.roles[0].titles == ["one", "two"])
    }
}
