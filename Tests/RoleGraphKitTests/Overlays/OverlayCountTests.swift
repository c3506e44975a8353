import Foundation
import Testing
@testable import RoleGraphKit
import RoleGraphTestSupport

/// Observed counts and stayers in overlays: `override` changes a transition's `count` and a
/// role's `stays` like any other field (with provenance), additions may carry them, and
/// `--keep-extends` writes them back.
@Suite struct OverlayCountTests {
    static let countedBase = """
        format: 1
        name: Counted
        areas: [{id: a, name: A}]
        roles:
          - {id: analyst, name: Analyst, area: a, stays: 10}
          - {id: scientist, name: Scientist, area: a}
        relations:
          - {kind: transition, from: analyst, to: scientist, count: 5}
          - {kind: transition, from: scientist, to: analyst, count: 1}

        """

    static let overlay = """
        format: 1
        extends: base.yaml
        roles: [{id: engineer, name: Engineer, area: a, stays: 3}]
        relations: [{kind: transition, from: scientist, to: engineer, count: 7.5}]
        override:
          roles: [{id: analyst, stays: 0}, {id: scientist, stays: 2}]
          relations: [{kind: transition, from: analyst, to: scientist, count: 9}]

        """

    @Test func overridesAndAdditionsCarryCountsAndStayers() throws {
        let root = try OverlayFiles.write([("base.yaml", Self.countedBase), ("top.yaml", Self.overlay)])
        let result = try RoleGraph.load(layers: [root.appendingPathComponent("top.yaml").path])
        #expect(result.graph.roles.map(\.stays) == [0, 2, 3])
        #expect(result.graph.relations.map(\.count) == [9, 1, 7.5])
        let provenance = try #require(result.provenance)
        #expect(provenance.roles[1].overrides.mapValues { URL(fileURLWithPath: $0).lastPathComponent } == ["stays": "top.yaml"])
        #expect(provenance.relations[0].overrides.mapValues { URL(fileURLWithPath: $0).lastPathComponent } == ["count": "top.yaml"])

        // Written back with its extends: line, the overlay gives the same graph.
        let overlay = try #require(result.lastOverlay)
        try overlay.yaml().write(to: root.appendingPathComponent("kept.yaml"), atomically: true, encoding: .utf8)
        let again = try RoleGraph.load(layers: [root.appendingPathComponent("kept.yaml").path])
        #expect(again.graph.roles == result.graph.roles)
        #expect(again.graph.relations == result.graph.relations)
    }

    /// Every problem at once: the collaboration the override names is not in the base either.
    @Test(arguments: [
        ("override:\n  relations: [{kind: transition, from: analyst, to: scientist, count: -1}]\n",
         ["o.yaml:4:71: invalid count '-1': a count is a number of observed moves, from 0 to 1e15"]),
        ("override:\n  relations: [{kind: collaboration, from: analyst, to: scientist, count: 2}]\n",
         ["o.yaml:4:15: no collaboration relation 'analyst' → 'scientist' to override",
          "o.yaml:4:74: a collaboration relation has no count; only a transition counts observed moves"]),
        ("override:\n  roles: [{id: analyst, stays: many}]\n",
         ["o.yaml:4:32: invalid stayers 'many' for role 'analyst': a number of people, from 0 to 1e15"]),
    ])
    func badCountsInAnOverrideAreErrorsAtTheirPlace(body: String, messages: [String]) throws {
        let root = try OverlayFiles.write([("base.yaml", Self.countedBase), ("o.yaml", "format: 1\nextends: base.yaml\n" + body)])
        do {
            _ = try RoleGraph.load(layers: [root.appendingPathComponent("o.yaml").path])
            Issue.record("loaded")
        } catch {
            #expect(error.diagnostics.map { $0.description.replacingOccurrences(of: root.path + "/", with: "") } == messages)
        }
    }
}
