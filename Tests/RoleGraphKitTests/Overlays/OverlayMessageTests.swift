import Foundation
import Testing
@testable import RoleGraphKit

/// What an overlay's mistakes say: every problem at once, a role or relation the file itself
/// removed named as such, a skill id that is a built-in alias at the overlay's place, an alias
/// typed where a skill id belongs, and a base that is a directory or misspelt at `extends:`.
@Suite struct OverlayMessageTests {
    /// The messages loading `text` as `o.yaml` gives, with the directory left out.
    private func messages(_ text: String, more: [(String, String)] = []) throws -> [String] {
        let root = try OverlayFiles.write([("o.yaml", text)] + more)
        do {
            _ = try RoleGraph.load(layers: [root.appendingPathComponent("o.yaml").path])
            return []
        } catch {
            return error.diagnostics.map { $0.description.replacingOccurrences(of: root.path + "/", with: "") }
        }
    }

    @Test func aMisspeltKindDoesNotHideTheOtherProblems() throws {
        let text = """
            format: 1
            extends: builtin
            roles:
              - {id: data-product-manager, name: DPM, area: insights, skills: {primary: [sqll]}}
            relations:
              - {kind: transiton, from: data-analyst, to: data-product-manager, effort: 3}
              - {kind: transition, from: data-product-manager, to: data-analyst, effort: 3}
            override:
              roles:
                - {id: data-analystt, summary: changed}
            remove:
              roles: [ml-scientistt]
              relations:
                - {kind: stakeholder, from: data-analyst, to: ml-engineer}

            """
        #expect(try messages(text) == [
            "o.yaml:4:78: unknown skill 'sqll' (did you mean 'sql'?)",
            "o.yaml:6:12: unknown relation kind 'transiton' (expected stakeholder, collaboration or transition; did you mean 'transition'?)",
            "o.yaml:10:12: unknown role 'data-analystt' (did you mean 'data-analyst'?)",
            "o.yaml:12:11: unknown role 'ml-scientistt' (did you mean 'ml-scientist'?)",
            "o.yaml:14:7: no stakeholder relation 'data-analyst' → 'ml-engineer' to remove",
        ])
    }

    @Test func whatTheFileRemovedIsSaidToBeRemoved() throws {
        let text = """
            format: 1
            extends: builtin
            remove:
              roles: [ml-scientist, backend-engineer, backend-engineer]
              relations:
                - {kind: transition, from: data-analyst, to: data-scientist}
                - {kind: transition, from: data-analyst, to: data-scientist}
                - {kind: collaboration, from: ml-engineer, to: ml-scientist}
            override:
              roles:
                - {id: ml-scientist, summary: x}
              relations:
                - {kind: transition, from: data-analyst, to: data-scientist, effort: 1}
            relations:
              - {kind: transition, from: data-analyst, to: ml-scientist, effort: 3}

            """
        #expect(try messages(text) == [
            "o.yaml:4:43: role 'backend-engineer' is already removed at 4:25",
            "o.yaml:7:7: transition relation 'data-analyst' → 'data-scientist' is already removed at 6:7",
            "o.yaml:8:7: collaboration relation 'ml-engineer' → 'ml-scientist' is already removed with role 'ml-scientist' at 4:11",
            "o.yaml:11:12: role 'ml-scientist' is removed by this file at 4:11",
            "o.yaml:13:7: transition relation 'data-analyst' → 'data-scientist' is removed by this file at 6:7",
            "o.yaml:15:48: role 'ml-scientist' is removed by this file at 4:11",
        ])
    }

    @Test func aSkillIdThatIsABuiltInAliasIsAnErrorAtTheOverlaysPlace() throws {
        let text = "format: 1\nextends: builtin\nskills:\n  - {id: \"c++\", name: Modern C++}\n"
        #expect(try messages(text) == ["o.yaml:4:10: skill id 'c++' is already an alias of 'systems-programming' (builtin)"])
    }

    @Test func anAliasWhereASkillIdBelongsSuggestsTheId() throws {
        let text = "format: 1\nextends: builtin\noverride:\n  roles:\n    - {id: ml-engineer, skills: {primary: [pytorch]}}\n"
        #expect(try messages(text) == ["o.yaml:5:44: unknown skill 'pytorch' (did you mean 'ml-frameworks', whose alias is 'PyTorch'?)"])
    }

    @Test func aBaseThatCannotBeReadOrIsMisspeltIsAtTheExtendsLine() throws {
        let root = try OverlayFiles.write([("o.yaml", "format: 1\nextends: cyc\n"), ("cyc/a.yaml", "format: 1\n")])
        do {
            _ = try RoleGraph.load(layers: [root.appendingPathComponent("o.yaml").path])
            Issue.record("a directory as a base loaded")
        } catch {
            #expect(error.diagnostics.map { $0.description.replacingOccurrences(of: root.path + "/", with: "") }
                    == ["o.yaml:2:10: extends 'cyc', which cannot be read: is a directory (looked for cyc)"])
        }
        #expect(try messages("format: 1\nextends: Builtin\n") == ["o.yaml:2:10: extends 'Builtin', which does not exist (did you mean 'builtin'?)"])
    }

    @Test func overrideWithoutExtendsIsOneError() throws {
        let text = "format: 1\nname: x\noverride:\n  roles:\n    - {id: data-analyst, summary: x}\nremove:\n  roles: [ml-scientist]\n"
        #expect(try messages(text) == ["o.yaml:3:1: 'override' is for an overlay, which needs 'extends: builtin' or a path"])
    }

    @Test func theBuiltInGraphsOwnWarningsAreNotAnOverlays() throws {
        let tidy = "format: 1\nextends: builtin\nroles:\n  - {id: newbie, name: Newbie, area: insights, entry_level: true}\nrelations:\n  - {kind: transition, between: [newbie, data-analyst], effort: 2}\n"
        let root = try OverlayFiles.write([("o.yaml", tidy)])
        #expect(try RoleGraph.load(layers: [root.appendingPathComponent("o.yaml").path]).warnings.isEmpty)
        let dangling = tidy.replacingOccurrences(of: "between: [newbie, data-analyst]", with: "from: data-analyst, to: newbie")
        let again = try OverlayFiles.write([("o.yaml", dangling)])
        #expect(try RoleGraph.load(layers: [again.appendingPathComponent("o.yaml").path]).warnings.map(\.description)
                == ["\(again.path)/o.yaml:4:10: role 'newbie' has no transition out of it: no path leaves it"])
    }
}
