import Foundation
import Testing

/// Overlays end to end: the example overlay (Examples/overlays/my-team.yaml) under `path`, `plan`,
/// `export` and `show`; mistakes in an overlay at its file:line:column; several `--graph`; and
/// `export --keep-extends`.
@Suite struct OverlayCommandTests {
    static let example = CLI.repositoryRoot.appendingPathComponent("Examples/overlays/my-team.yaml").path

    /// Writes files into a fresh directory; returns it.
    static func directory(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rolegraph-overlay-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: root.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return root
    }

    @Test func theExampleAddsTwoRolesOverridesAnEffortAndRemovesARelation() throws {
        let roles = try CLI.run(["roles", "--graph", Self.example])
        #expect(roles.status == 0)
        #expect(roles.stdout.contains("data-product-manager") && roles.stdout.contains("research-engineer"))
        let path = try CLI.run(["path", "data-analyst", "research-engineer", "--graph", Self.example])
        #expect(path.status == 0)
        #expect(path.stdout.hasPrefix("Data Analyst → Data Scientist → ML Scientist → Research Engineer\n"))
        // The overridden effort: 2, not the built-in 3.
        #expect(path.stdout.contains("1. Data Analyst → Data Scientist  [transition, cost 2]"))
        #expect(path.stdout.contains("Total effort: 7 over 3 steps"))
        let plan = try CLI.run(["plan", "--have", "sql,statistics", "--goal", "data-product-manager", "--graph", Self.example])
        #expect(plan.status == 0)
        #expect(plan.stdout.contains("Data Product Manager"))
        let export = try CLI.run(["export", "--to", "json", "--graph", Self.example])
        #expect(export.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])
        let links = try #require(json["links"] as? [[String: Any]])
        #expect(!links.contains { $0["kind"] as? String == "collaboration" && Set([$0["source"] as? String, $0["target"] as? String]) == ["data-analyst", "data-scientist"] })
        #expect(links.contains { $0["source"] as? String == "ml-scientist" && $0["target"] as? String == "research-engineer" })
        let dot = try CLI.run(["export", "--graph", Self.example])
        #expect(dot.status == 0 && dot.stdout.contains("Research Engineer"))
    }

    @Test func showSaysWhichFileEachFactCameFrom() throws {
        let show = try CLI.run(["show", "data-analyst", "--graph", Self.example])
        #expect(show.status == 0)
        #expect(show.stdout.hasSuffix("""

            Sources:
              role: builtin
              transition data-analyst → data-scientist: builtin; effort from \(Self.example)
              transition data-analyst → data-product-manager: \(Self.example)
              transition data-product-manager → data-analyst: \(Self.example)

            """))
        let json = try CLI.run(["show", "research-engineer", "--graph", Self.example, "--format", "json"])
        let card = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let sources = try #require(card["sources"] as? [String: Any])
        #expect(sources["file"] as? String == Self.example)
        #expect((sources["relations"] as? [[String: Any]])?.count == 3)
        // Without an overlay the card has no Sources lines, and JSON names the one file.
        let plain = try CLI.run(["show", "data-analyst"])
        #expect(!plain.stdout.contains("Sources:"))
        let plainJSON = try CLI.run(["show", "data-analyst", "--format", "json"])
        #expect(plainJSON.stdout.contains("\"file\" : \"builtin\""))
    }

    @Test(arguments: [
        ("unknown-skill.yaml", "format: 1\nextends: builtin\nroles:\n  - id: lead\n    name: Lead\n    area: insights\n    skills: {primary: [sqll]}\n",
         "unknown-skill.yaml:7:24: unknown skill 'sqll' (did you mean 'sql'?)"),
        ("unknown-override.yaml", "format: 1\nextends: builtin\noverride:\n  roles:\n    - {id: data-analyts, summary: Counts things}\n",
         "unknown-override.yaml:5:12: unknown role 'data-analyts' (did you mean 'data-analyst'?)"),
        ("unknown-remove.yaml", "format: 1\nextends: builtin\nremove:\n  roles: [ml-enginer]\n",
         "unknown-remove.yaml:4:11: unknown role 'ml-enginer' (did you mean 'ml-engineer'?)"),
        ("no-such-relation.yaml", "format: 1\nextends: builtin\nremove:\n  relations:\n    - {kind: transition, from: data-analyst, to: ml-engineer}\n",
         "no-such-relation.yaml:5:7: no transition relation 'data-analyst' → 'ml-engineer' to remove"),
        ("missing-base.yaml", "format: 1\nextends: base-that-is-not-there.yaml\n",
         "missing-base.yaml:2:10: extends 'base-that-is-not-there.yaml', which does not exist"),
        ("adds-existing-role.yaml", "format: 1\nextends: builtin\nroles:\n  - {id: data-analyst, name: DA, area: insights}\n",
         "adds-existing-role.yaml:4:10: duplicate role id 'data-analyst' (first defined in builtin); to change it, 'override' it"),
        ("adds-existing-relation.yaml", "format: 1\nextends: builtin\nrelations:\n  - {kind: transition, from: data-analyst, to: data-scientist, effort: 1}\n",
         "adds-existing-relation.yaml:4:5: duplicate transition relation 'data-analyst' → 'data-scientist' (first stated in builtin); to change it, 'override' it"),
        ("misspelt-key.yaml", "format: 1\nextends: builtin\noverides:\n  roles: []\n",
         "misspelt-key.yaml:3:1: unknown key 'overides' in the graph file (did you mean 'override'?)"),
    ])
    func aMistakeInTheOverlayIsReportedAtItsPlace(file: String, text: String, message: String) throws {
        let root = try Self.directory([file: text])
        let result = try CLI.run(["roles", "--graph", file], in: root)
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("rolegraph: error: \(message)"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func aCycleInExtendsPrintsTheChain() throws {
        let root = try Self.directory(["a.yaml": "format: 1\nextends: b.yaml\n", "b.yaml": "format: 1\nextends: a.yaml\n"])
        let result = try CLI.run(["validate", "a.yaml"], in: root)
        #expect(result.status == 65)
        #expect(result.stderr == "rolegraph: error: b.yaml:2:10: 'extends' makes a cycle: a.yaml → b.yaml → a.yaml\n")
    }

    @Test func severalGraphOptionsApplyInOrder() throws {
        let root = try Self.directory([
            "less.yaml": "format: 1\nremove:\n  roles: [ml-accelerators-engineer]\n",
            "again.yaml": "format: 1\nextends: builtin\n",
            "edges.csv": "from,to\na,b\n",
        ])
        let result = try CLI.run(["roles", "--graph", Self.example, "--graph", "less.yaml"], in: root)
        #expect(result.status == 0)
        #expect(!result.stdout.contains("ml-accelerators-engineer") && result.stdout.contains("research-engineer"))
        #expect(result.stderr == "rolegraph: note: less.yaml:3:11: removing role 'ml-accelerators-engineer' also removes its 3 relations\n")
        let notAnOverlay = try CLI.run(["roles", "--graph", Self.example, "--graph", "edges.csv"], in: root)
        #expect(notAnOverlay.status == 65)
        #expect(notAnOverlay.stderr.hasPrefix("rolegraph: error: edges.csv:1:1: a later --graph is an overlay on the ones before it and must be a graph file of format 1 (YAML or JSON), not a CSV edge list"))
        let extending = try CLI.run(["roles", "--graph", Self.example, "--graph", "again.yaml"], in: root)
        #expect(extending.status == 65)
        #expect(extending.stderr.hasPrefix("rolegraph: error: again.yaml:2:10: 'extends: builtin' in a later --graph"))
    }

    @Test func completionOffersTheRolesOfEveryLayer() throws {
        let root = try Self.directory(["more.yaml": "format: 1\nroles: [{id: research-lead, name: Research Lead, area: models}]\n"])
        let more = root.appendingPathComponent("more.yaml").path
        let offered = try CompletionTests.complete("show", "positional@0",
                                                   words: ["rolegraph", "--graph", Self.example, "--graph", more, "show", "research-"])
        #expect(offered == ["research-engineer", "research-lead"])
    }

    @Test func keepExtendsWritesTheOverlayBack() throws {
        let root = try Self.directory([:])
        let written = try CLI.run(["export", "--keep-extends", "--graph", Self.example, "-o", "kept.yaml"], in: root)
        #expect(written.status == 0)
        let text = try String(contentsOf: root.appendingPathComponent("kept.yaml"), encoding: .utf8)
        #expect(text.hasPrefix("format: 1\nextends: \"builtin\"\n"))
        let original = try CLI.run(["export", "--to", "json", "--graph", Self.example])
        let again = try CLI.run(["export", "--to", "json", "--graph", "kept.yaml"], in: root)
        #expect(again.status == 0)
        #expect(again.stdout == original.stdout)
        // A relative base still resolves from another directory: written as an absolute path there.
        let source = try Self.directory(["base.yaml": "format: 1\nextends: builtin\nremove:\n  roles: [backend-engineer]\n",
                                         "top.yaml": "format: 1\nextends: base.yaml\noverride:\n  roles: [{id: data-analyst, summary: \"S \\\"q\\\"\"}]\n"])
        let elsewhere = try CLI.run(["export", "--keep-extends", "--graph", source.appendingPathComponent("top.yaml").path,
                                     "-o", "moved.yaml"], in: root)
        #expect(elsewhere.status == 0)
        let moved = try String(contentsOf: root.appendingPathComponent("moved.yaml"), encoding: .utf8)
        #expect(moved.contains("extends: \"\(source.appendingPathComponent("base.yaml").path)\""))
        let fromSource = try CLI.run(["export", "--to", "json", "--graph", "top.yaml"], in: source)
        let fromMoved = try CLI.run(["export", "--to", "json", "--graph", "moved.yaml"], in: root)
        #expect(fromSource.status == 0 && fromMoved.stdout == fromSource.stdout)
        let none = try CLI.run(["export", "--keep-extends"])
        #expect(none.status == 64)
        #expect(none.stderr.hasPrefix("rolegraph: error: --keep-extends writes an overlay back, and the graph given is none"))
        let wrongFormat = try CLI.run(["export", "--keep-extends", "--graph", Self.example, "--to", "json"])
        #expect(wrongFormat.status == 64)
    }
}

/// `validate`'s warnings, one test per kind, and `--strict`.
@Suite struct ValidateWarningTests {
    static let header = "format: 1\nname: W\nareas: [{id: a, name: A}]\nroles:\n"
    static let pair = "  - {id: x, name: X, area: a, entry_level: true}\n  - {id: y, name: Y, area: a}\n"
    static let moves = "relations:\n  - {kind: transition, between: [x, y], effort: 2}\n"

    @Test(arguments: [
        ("isolated.yaml", header + pair + "  - {id: z, name: Z, area: a}\n" + moves,
         "isolated.yaml:7:10: role 'z' has no relation: no path reaches or leaves it"),
        ("no-moves.yaml", header + pair + "  - {id: z, name: Z, area: a}\n" + moves + "  - {kind: collaboration, between: [x, z]}\n",
         "no-moves.yaml:7:10: role 'z' has no transition in or out: no path reaches or leaves it"),
        ("no-way-in.yaml", header + pair + "  - {id: z, name: Z, area: a}\n" + moves + "  - {kind: transition, from: z, to: x, effort: 2}\n",
         "no-way-in.yaml:7:10: role 'z' has no transition into it and is not entry_level: no path reaches it"),
        ("no-way-out.yaml", header + pair + "  - {id: z, name: Z, area: a}\n" + moves + "  - {kind: transition, from: x, to: z, effort: 2}\n",
         "no-way-out.yaml:7:10: role 'z' has no transition out of it: no path leaves it"),
        ("off-scale.yaml", header + pair + "relations:\n  - {kind: transition, between: [x, y], effort: 12}\n",
         "off-scale.yaml:8:49: effort 12 of transition 'x' → 'y' is outside the scale of 1 (same skills) to 5 (major retraining)"),
        ("no-effort.yaml", header + pair + "relations:\n  - {kind: transition, from: x, to: y}\n  - {kind: transition, from: y, to: x, effort: 1}\n",
         "no-effort.yaml:8:5: transition 'x' → 'y' has no effort; it counts as 1"),
        ("repeated.yaml", header + pair + moves + "  - {kind: transition, between: [y, x], effort: 2}\n",
         "repeated.yaml:9:5: transition 'y' → 'x' repeats the one at 8:5 fact for fact; it is read once"),
    ])
    func eachWarningAndStrict(file: String, text: String, message: String) throws {
        let root = try OverlayCommandTests.directory([file: text])
        let result = try CLI.run(["validate", file], in: root)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("\(file): ok"))
        #expect(result.stderr.hasPrefix("rolegraph: warning: \(message)\n"), "\(result.stderr)")
        let strict = try CLI.run(["validate", "--strict", file], in: root)
        #expect(strict.status == 65)
        #expect(strict.stdout.isEmpty)
        #expect(strict.stderr.hasPrefix("rolegraph: error: \(message) (--strict)\n"), "\(strict.stderr)")
        let json = try CLI.run(["validate", file, "--format", "json"], in: root)
        #expect(json.stdout.contains("\"warnings\""))
    }

    @Test func aTidyGraphHasNoWarningsAndStrictPasses() throws {
        let root = try OverlayCommandTests.directory(["tidy.yaml": Self.header + Self.pair + Self.moves])
        let strict = try CLI.run(["validate", "--strict", "tidy.yaml"], in: root)
        #expect(strict.status == 0)
        #expect(strict.stderr.isEmpty)
    }

    @Test func aTabInIndentationIsNamed() throws {
        let root = try OverlayCommandTests.directory(["tab.yaml": "format: 1\nname: T\nareas:\n\t- {id: a, name: A}\n"])
        let result = try CLI.run(["validate", "tab.yaml"], in: root)
        #expect(result.status == 65)
        #expect(result.stderr == "rolegraph: error: tab.yaml:4:1: not valid YAML or JSON: a tab in the indentation; YAML indents with spaces only\n")
    }

    /// A relation stated twice alike is read once (and warned about); an overlay stating one of
    /// its base's relations again alike is too, and the graph is the base's.
    @Test func aRepeatedRelationIsReadOnce() throws {
        let again = """
            format: 1
            extends: builtin
            relations:
              - kind: collaboration
                between: [data-scientist, data-analyst]
                section: "Working together › Analysts and scientists"
                note: "Both usually sit in insights teams and work together, analysts leaning to business and communication, scientists to statistics."

            """
        let root = try OverlayCommandTests.directory(["again.yaml": again])
        let base = try CLI.run(["stats", "--format", "json"], in: root)
        let result = try CLI.run(["--graph", "again.yaml", "stats", "--format", "json"], in: root)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let validate = try CLI.run(["validate", "again.yaml"], in: root)
        #expect(validate.status == 0)
        #expect(validate.stderr.contains("rolegraph: warning: again.yaml:4:5: collaboration 'data-scientist' → 'data-analyst' repeats the one in builtin fact for fact; it is read once\n"),
                "\(validate.stderr)")
        #expect(try CLI.run(["validate", "--strict", "again.yaml"], in: root).status == 65)
        func relations(_ json: String) throws -> [String: Int]? {
            try (JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["relations"] as? [String: Int]
        }
        #expect(try relations(result.stdout) == relations(base.stdout))
        #expect(try relations(result.stdout)?["collaboration"] == 9)
    }

    /// Removing a repeated copy moves the relations after it: their problems keep their places.
    @Test func problemsAfterARepeatedRelationKeepTheirPlaces() throws {
        let text = Self.header + Self.pair + Self.moves + "  - {kind: transition, between: [x, y], effort: 2}\n"
            + "  - {kind: transition, from: x, to: yy, effort: 9}\n  - {kind: transition, from: y, to: x, effort: 0}\n"
        let root = try OverlayCommandTests.directory(["later.yaml": text])
        let result = try CLI.run(["validate", "later.yaml"], in: root)
        #expect(result.status == 65)
        #expect(result.stderr == """
            rolegraph: error: later.yaml:10:37: unknown role 'yy' (did you mean 'y'?)
            rolegraph: error: later.yaml:11:5: duplicate transition relation 'y' → 'x' (first stated at 8:5)
            rolegraph: error: later.yaml:11:48: effort must be a number greater than 0 and at most 1000000, found '0'

            """, "\(result.stderr)")
    }

    @Test func aDuplicateRelationNamesTheLineOfTheFirstCopy() throws {
        let root = try OverlayCommandTests.directory(["dup.yaml": Self.header + Self.pair + Self.moves + "  - {kind: transition, from: x, to: y, effort: 3}\n"])
        let result = try CLI.run(["validate", "dup.yaml"], in: root)
        #expect(result.status == 65)
        #expect(result.stderr == "rolegraph: error: dup.yaml:9:5: duplicate transition relation 'x' → 'y' (first stated at 8:5)\n")
    }

    @Test func anOverlaySkillIdThatIsABuiltInAliasNamesTheOverlaysPlace() throws {
        let root = try OverlayCommandTests.directory(["h2.yaml": "format: 1\nextends: builtin\nskills:\n  - {id: \"c++\", name: C++}\n"])
        let result = try CLI.run(["--graph", "h2.yaml", "stats"], in: root)
        #expect(result.status == 65)
        #expect(result.stderr == "rolegraph: error: h2.yaml:4:10: skill id 'c++' is already an alias of 'systems-programming' (builtin)\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func strictValidationOfAnOverlayIgnoresTheBuiltInGraphsOwnWarning() throws {
        let root = try OverlayCommandTests.directory(["tidy.yaml": """
            format: 1
            extends: builtin
            roles:
              - {id: newbie, name: Newbie, area: insights, entry_level: true}
            relations:
              - {kind: transition, between: [newbie, data-analyst], effort: 2}

            """])
        let result = try CLI.run(["validate", "--strict", "tidy.yaml"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
    }
}
