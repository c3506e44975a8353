import Testing
@testable import RoleGraphKit
import RoleGraphAlgorithms

/// ``OverlayMerge`` on random bases and overlays, against ``OverlayOracle``, and its laws: an
/// empty overlay changes nothing, removing a role and adding it back (with its relations) gives
/// the base's graph, and every part keeps its place and its file.
@Suite struct OverlayMergePropertyTests {
    @Test(arguments: [false, true])
    func matchesTheOracleOnRandomOverlays(hostile: Bool) {
        for seed in UInt64(0)..<300 {
            var generator = SplitMix64(seed: seed &+ (hostile ? 10_000 : 0))
            let base = RandomOverlays.base(&generator, hostile: hostile)
            let overlay = RandomOverlays.overlay(&generator, on: base, hostile: hostile)
            let result = OverlayMerge.apply(overlay, to: base)
            #expect(result.diagnostics.isEmpty, "seed \(seed): \(result.diagnostics)")
            #expect(OverlayOracle.parts(result.document) == OverlayOracle.expected(base, overlay), "seed \(seed)")
            // Provenance: parallel to the parts; base parts from the base unless overridden.
            let document = result.document
            #expect(document.provenance.roles.count == document.roles.count)
            #expect(document.provenance.relations.count == document.relations.count)
            #expect(document.provenance.layers == ["base.yaml", "overlay.yaml"])
            let overridden = Set(overlay.overrides.roles.filter { !$0.fieldNames.isEmpty }.map(\.id))
            for (i, role) in document.roles.enumerated() {
                let isNew = overlay.additions.roles.contains { $0.id == role.id }
                #expect(document.provenance.roles[i].file == (isNew ? "overlay.yaml" : "base.yaml"), "seed \(seed)")
                #expect(!document.provenance.roles[i].overrides.isEmpty == overridden.contains(role.id), "seed \(seed)")
                // Each role's place moved with it.
                if let old = base.roles.firstIndex(where: { $0.id == role.id }), !isNew {
                    #expect(document.map[.role(i)] == base.map[.role(old)], "seed \(seed)")
                } else if let new = overlay.additions.roles.firstIndex(where: { $0.id == role.id }) {
                    #expect(document.map[.role(i)] == overlay.additions.map[.role(new)], "seed \(seed)")
                }
            }
        }
    }

    @Test func anEmptyOverlayIsTheIdentity() {
        for seed in UInt64(0)..<100 {
            var generator = SplitMix64(seed: seed)
            let base = RandomOverlays.base(&generator, hostile: true)
            let result = OverlayMerge.apply(OverlayDocument(file: "empty.yaml"), to: base)
            #expect(result.diagnostics.isEmpty && result.notes.isEmpty)
            #expect(OverlayOracle.parts(result.document) == OverlayOracle.parts(base))
            #expect(result.document.provenance.roles == base.provenance.roles)
        }
    }

    /// Removing a role and adding it back with its relations gives the same graph: the same
    /// roles and relations, the role now last.
    @Test func removingThenAddingARoleBackGivesTheBase() throws {
        for seed in UInt64(0)..<100 {
            var generator = SplitMix64(seed: seed)
            let base = RandomOverlays.base(&generator, hostile: false)
            let role = base.roles.randomElement(using: &generator)!
            var overlay = OverlayDocument(file: "again.yaml")
            overlay.removals = [.role(role.id, location: nil)]
            overlay.additions.roles = [role]
            overlay.additions.relations = base.relations.filter { $0.from == role.id || $0.to == role.id }
            overlay.additions.stamp("again.yaml")
            let result = OverlayMerge.apply(overlay, to: base)
            let touching = overlay.additions.relations.count
            #expect(result.notes.count == (touching > 0 ? 1 : 0))
            #expect(Set(result.document.roles) == Set(base.roles))
            #expect(result.document.roles.count == base.roles.count)
            #expect(result.document.roles.last == role)
            #expect(Set(result.document.relations) == Set(base.relations))
            #expect(result.document.relations.count == base.relations.count)
        }
    }

    @Test func removingARoleSaysHowManyRelationsGoWithIt() throws {
        var overlay = OverlayDocument(file: "o.yaml")
        let place = SourceLocation(file: "o.yaml", line: 4, column: 5)
        overlay.removals = [.role("ml-accelerators-engineer", location: place)]
        let result = OverlayMerge.apply(overlay, to: GraphDocument(graph: .builtIn, file: "builtin"))
        let expected = RoleGraph.builtIn.relations.filter { $0.from == "ml-accelerators-engineer" || $0.to == "ml-accelerators-engineer" }.count
        #expect(expected > 0)
        #expect(result.notes.map(\.description) == ["o.yaml:4:5: removing role 'ml-accelerators-engineer' also removes its \(expected) relations"])
        #expect(result.notes.allSatisfy { $0.severity == .note })
    }

    @Test func namingWhatTheBaseLacksIsAnErrorAtItsPlace() {
        let at = { (line: Int) in SourceLocation(file: "o.yaml", line: line, column: 3) }
        var overlay = OverlayDocument(file: "o.yaml")
        overlay.removals = [.role("data-analyts", location: at(1)),
                            .relation(.transition, from: "data-analyst", to: "ml-engineer", location: at(2), fromLocation: nil, toLocation: nil),
                            .relation(.transition, from: "data-analyst", to: "ml-enginer", location: at(3), fromLocation: at(4), toLocation: at(5))]
        overlay.overrides.roles = [.init(id: "backend-enginer", summary: "x", location: at(6))]
        overlay.overrides.skills = [.init(id: "sqll", name: "S", location: at(7))]
        let result = OverlayMerge.apply(overlay, to: GraphDocument(graph: .builtIn, file: "builtin"))
        #expect(result.diagnostics.map(\.description) == [
            "o.yaml:1:3: unknown role 'data-analyts' (did you mean 'data-analyst'?)",
            "o.yaml:2:3: no transition relation 'data-analyst' → 'ml-engineer' to remove",
            "o.yaml:5:3: unknown role 'ml-enginer' (did you mean 'ml-engineer'?)",
            "o.yaml:7:3: unknown skill 'sqll' (did you mean 'sql'?)",
            "o.yaml:6:3: unknown role 'backend-enginer' (did you mean 'backend-engineer'?)",
        ])
    }
}
