import Foundation
import Testing

/// `--format json` on every command that prints data, checked against `Schemas/<command>.schema.json`.
@Suite struct JSONSchemaTests {
    static let schemaDirectory = CLI.repositoryRoot.appendingPathComponent("Schemas")

    static func schema(_ command: String) throws -> JSONSchemaValidator {
        let text = try String(contentsOf: schemaDirectory.appendingPathComponent("\(command).schema.json"), encoding: .utf8)
        return JSONSchemaValidator(schema: try JSONValue.parse(text))
    }

    /// Every data command, and variants that reach the optional parts of its output.
    static let runs: [[String]] = [
        ["roles"],
        ["roles", "--area", "models"],
        ["show", "ml-engineer"],
        ["show", "ml-accelerators-engineer"],
        ["path", "data-analyst", "ml-engineer"],
        ["path", "data-analyst", "ml-engineer", "-n", "3", "--lateral-cost", "2", "--cost", "skills", "--have", "python"],
        ["path", "data-analyst", "ml-platform-engineer", "--via", "ml-engineer", "--cost", "hops"],
        ["plan", "--have", "sql,python,statistics", "--goal", "ml-platform-engineer"],
        ["plan", "--goal", "ml-engineer", "--experienced", "--lateral-cost", "1", "--closest", "0"],
        ["next", "ml-engineer"],
        ["next", "data-analyst", "--lateral-cost", "2", "--cost", "skills"],
        ["reachable", "data-analyst"],
        ["reachable", "ml-accelerators-engineer"],
        ["compare", "analytics-engineer", "data-platform-engineer"],
        ["compare", "data-analyst", "ml-accelerators-engineer"],
        ["clusters"],
        ["clusters", "--method", "skills"],
        ["clusters", "--method", "labels", "--relations", "transition", "--seed", "3"],
        ["similar", "data-scientist"],
        ["skills"],
        ["skills", "search", "data"],
        ["skills", "show", "python"],
        ["skills", "search", "no-such-word"],
        ["centrality"],
        ["centrality", "--weighted", "-n", "3"],
        ["validate", CLI.repositoryRoot.appendingPathComponent("Graphs/data-careers.yaml").path],
        ["validate", CLI.repositoryRoot.appendingPathComponent("Graphs/data-careers.yaml").path,
         CLI.fixture("invalid/five-problems.yaml"), "no-such-graph.yaml"],
        ["stats"],
        // Observed moves: counts, shares, probabilities and stayers.
        ["path", "Data Analyst", "ML Engineer", "--graph", movesFile, "--cost", "likely", "-n", "2"],
        ["next", "Data Analyst", "--graph", movesFile, "--cost", "likely"],
        ["reachable", "Data Analyst", "--graph", movesFile, "--cost", "likely"],
        ["compare", "Data Analyst", "ML Engineer", "--graph", movesFile, "--cost", "likely"],
        ["plan", "--goal", "ML Engineer", "--graph", movesFile, "--cost", "likely"],
        ["show", "Data Analyst", "--graph", movesFile],
        ["roles", "--graph", movesFile],
    ]

    static let movesFile = CLI.fixture("edgelists/likely/moves.csv")

    @Test(arguments: runs)
    func outputMatchesTheCommandsSchema(arguments: [String]) throws {
        let result = try CLI.run(arguments + ["--format", "json"])
        #expect([0, 65, 66].contains(result.status), "\(result.stderr)")
        #expect(!result.stdout.isEmpty)
        let errors = try Self.schema(arguments[0]).errors(in: try JSONValue.parse(result.stdout))
        #expect(errors.isEmpty, "\(arguments.joined(separator: " ")): \(errors.joined(separator: "; "))")
    }

    /// A command whose output could be null where the schema allows it: compare with no path one way.
    @Test func compareReportsNoPathAsNull() throws {
        let result = try CLI.run(["compare", "data-analyst", "ml-accelerators-engineer", "--format", "json"])
        let report = try JSONValue.parse(result.stdout)
        guard case .array(let ways)? = report["cheapest"] else { Issue.record("no cheapest"); return }
        #expect(ways.count == 2)
        #expect(ways.contains { $0["path"] == .null })
    }

    @Test func everyCommandWithFormatHasASchemaAndARun() throws {
        let withFormat = Set(DeclaredOptions.shared.options.filter { $0.preferred == "--format" && $0.shown }.map(\.command))
        #expect(withFormat.count == 13)
        let schemas = Set(try FileManager.default.contentsOfDirectory(atPath: Self.schemaDirectory.path)
            .filter { $0.hasSuffix(".schema.json") }.map { String($0.dropLast(".schema.json".count)) })
        #expect(schemas == withFormat)
        #expect(Set(Self.runs.map { $0[0] }) == withFormat)
        // export alone prints no table|json data: it writes files (its format is --to).
        #expect(!withFormat.contains("export"))
    }

    /// The schemas are strict: every object lists its required keys and refuses others (only
    /// `stats`' roles per area is a map, from area ids to counts).
    @Test func schemasAreStrict() throws {
        for command in Set(Self.runs.map { $0[0] }) {
            let schema = try Self.schema(command).root
            #expect(schema["$schema"] == .string("https://json-schema.org/draft/2020-12/schema"), "\(command)")
            var objects = 0
            func walk(_ value: JSONValue, _ path: String) {
                switch value {
                case .object(let members):
                    if members["type"] == .string("object") {
                        objects += 1
                        if members["properties"] != nil {
                            #expect(members["required"] != nil, "\(command) \(path): no required")
                            #expect(members["additionalProperties"] == .bool(false), "\(command) \(path): open object")
                        } else {
                            #expect(path.hasSuffix("roles_per_area"), "\(command) \(path)")
                        }
                    }
                    for (key, member) in members { walk(member, path + "/" + key) }
                case .array(let items): for item in items { walk(item, path) }
                default: break
                }
            }
            walk(schema, command)
            #expect(objects > 0)
        }
    }

    @Test func keysAreSnakeCaseAndNumbersAreNumbers() throws {
        for arguments in Self.runs {
            let result = try CLI.run(arguments + ["--format", "json"])
            func walk(_ value: JSONValue) {
                switch value {
                case .object(let members):
                    for (key, member) in members {
                        // Keys are snake_case, except the ids of a map (stats' roles per area).
                        #expect(key == key.lowercased() && !key.contains("-") || key.contains("-") && arguments[0] == "stats",
                                "\(arguments[0]): key '\(key)'")
                        walk(member)
                    }
                case .array(let items): items.forEach(walk)
                case .string(let text):
                    #expect(Double(text) == nil || arguments[0] == "validate", "\(arguments[0]): number as a string '\(text)'")
                default: break
                }
            }
            walk(try JSONValue.parse(result.stdout))
        }
    }
}
