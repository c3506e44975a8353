import Foundation
import Testing

/// End-to-end: what `export` and `init` write reads back with `--graph`, and an `-o` file name
/// whose extension disagrees with `--to` (or names no format) is refused before anything is
/// written.
@Suite struct RoundTripCommandTests {
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rolegraph-roundtrip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every `--to` value, and the formats each `-o` extension names.
    static let formats = ["dot", "svg", "png", "pdf", "positioned-dot", "graphviz-json", "json", "graphml", "mermaid", "yaml"]
    static let extensions: [String: String] = [
        "dot": "dot", "gv": "dot", "svg": "svg", "png": "png", "pdf": "pdf", "json": "json", "graphml": "graphml",
        "xml": "graphml", "mmd": "mermaid", "mermaid": "mermaid", "yaml": "yaml", "yml": "yaml",
    ]

    /// Whether `--to format` may write a file named `.ext`: the same format, or Graphviz's own
    /// DOT and JSON in `.dot`/`.gv` and `.json` files.
    static func fits(_ format: String, _ ext: String) -> Bool {
        let named = extensions[ext]!
        return named == format || (format == "positioned-dot" && named == "dot") || (format == "graphviz-json" && named == "json")
    }

    @Test func everyExtensionThatDisagreesWithToIsAUsageError() throws {
        let directory = try Self.temporaryDirectory()
        var refused = 0
        for format in Self.formats {
            for ext in Self.extensions.keys.sorted() where !Self.fits(format, ext) {
                let result = try CLI.run(["export", "--to", format, "-o", "out.\(ext)"], in: directory)
                #expect(result.status == 64, "--to \(format) -o out.\(ext): \(result.stderr)")
                #expect(result.stderr.hasPrefix("rolegraph: error: -o out.\(ext) names a .\(ext) file, which is \(Self.extensions[ext]!), but --to says \(format)"),
                        "\(result.stderr)")
                #expect(result.stderr.split(separator: "\n").count == 1)
                refused += 1
            }
        }
        // 15 pairs fit: .dot/.gv twice (dot, positioned-dot), .json twice, .graphml/.xml, .mmd/.mermaid, .yaml/.yml, .svg, .png, .pdf.
        #expect(refused == Self.formats.count * Self.extensions.count - 15)
        // Nothing was written, not even a temporary file.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test(arguments: ["dot", "json", "graphml", "mermaid", "yaml"])
    func anExtensionThatFitsToIsWritten(format: String) throws {
        let directory = try Self.temporaryDirectory()
        for ext in Self.extensions.keys.sorted() where Self.fits(format, ext) {
            let result = try CLI.run(["export", "--to", format, "-o", "out.\(ext)"], in: directory)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("out.\(ext)").path))
        }
    }

    @Test(arguments: ["b.txt", "b.svgz", "notes.md", "b"])
    func anUnknownExtensionWithoutToIsAUsageErrorListingTheKnownOnes(file: String) throws {
        let directory = try Self.temporaryDirectory()
        let result = try CLI.run(["export", "-o", file], in: directory)
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("rolegraph: error: -o \(file): "))
        for ext in [".gv", ".svg", ".png", ".pdf", ".json", ".graphml", ".mmd", ".yaml"] { #expect(result.stderr.contains(ext)) }
        #expect(result.stderr.contains("--to"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func anExtensionThatNamesNoFormatTakesTheOneToGives() throws {
        let directory = try Self.temporaryDirectory()
        let result = try CLI.run(["export", "--to", "yaml", "-o", "b.txt"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOf: directory.appendingPathComponent("b.txt"), encoding: .utf8).hasPrefix("format: 1\n"))
        #expect(try CLI.run(["export", "--to", "yaml", "-o", "graph"], in: directory).status == 0)
        // A device has no extension to disagree with.
        #expect(try CLI.run(["export", "-o", "/dev/null"], in: directory).status == 0)
    }

    /// Export, load the export, export again: the same bytes. Each writer's output is a fixed
    /// point, so the reader lost nothing the writer wrote.
    @Test(arguments: ["yaml", "json", "graphml", "dot"])
    func theBuiltInGraphReadsBackFromEveryFormatWeWrite(ext: String) throws {
        let directory = try Self.temporaryDirectory()
        #expect(try CLI.run(["export", "-o", "one.\(ext)"], in: directory).status == 0)
        let again = try CLI.run(["--graph", "one.\(ext)", "export", "-o", "two.\(ext)"], in: directory)
        #expect(again.status == 0, "\(again.stderr)")
        let one = try Data(contentsOf: directory.appendingPathComponent("one.\(ext)"))
        let two = try Data(contentsOf: directory.appendingPathComponent("two.\(ext)"))
        #expect(one == two)
        // And every format reads back as the graph the YAML export holds.
        let json = try CLI.run(["--graph", "one.\(ext)", "export", "--to", "json"], in: directory)
        let builtinJSON = try CLI.run(["export", "--to", "json"], in: directory)
        #expect(json.status == 0)
        #expect(try Self.graphFacts(json.stdout) == Self.graphFacts(builtinJSON.stdout))
    }

    /// A counted transition network (300 roles, counts, stayers) survives DOT, node-link JSON,
    /// GraphML and YAML (format 1's `count` and `stays`).
    @Test func countsAndStayersSurviveEveryGraphFormat() throws {
        let directory = try Self.temporaryDirectory()
        let network = CLI.fixture("edgelists/likely/likely-network.csv.gz")
        let direct = try CLI.run(["--graph", network, "export", "--to", "json"], in: directory)
        #expect(direct.status == 0)
        let facts = try Self.graphFacts(direct.stdout)
        #expect(direct.stdout.contains("\"count\"") && direct.stdout.contains("\"stays\""))
        for ext in ["dot", "json", "graphml", "yaml"] {
            #expect(try CLI.run(["--graph", network, "export", "-o", "n.\(ext)"], in: directory).status == 0)
            let back = try CLI.run(["--graph", "n.\(ext)", "export", "--to", "json"], in: directory)
            #expect(back.status == 0, "\(ext): \(back.stderr)")
            #expect(try Self.graphFacts(back.stdout) == facts, "\(ext) lost facts")
        }
    }

    /// Known answers through YAML: the most likely paths (`--cost likely`, which needs the
    /// counts and stayers) in the YAML export of the counted network are those in the network.
    @Test func likelyPathsAreTheSameThroughYAML() throws {
        let directory = try Self.temporaryDirectory()
        let network = CLI.fixture("edgelists/likely/likely-network.csv.gz")
        #expect(try CLI.run(["--graph", network, "export", "-o", "n.yaml"], in: directory).status == 0)
        let oracle = try String(contentsOfFile: CLI.fixture("edgelists/likely/likely-oracle.tsv"), encoding: .utf8)
        let pairs = oracle.split(separator: "\n").prefix(4).map { $0.split(separator: "\t").map(String.init) }
        #expect(pairs.count == 4)
        for pair in pairs {
            let arguments = ["path", pair[0], pair[1], "--cost", "likely", "--top", "2", "--format", "json"]
            let direct = try CLI.run(["--graph", network] + arguments, in: directory)
            let viaYAML = try CLI.run(["--graph", "n.yaml"] + arguments, in: directory)
            #expect(direct.status == 0 && viaYAML.status == 0, "\(direct.stderr)\(viaYAML.stderr)")
            #expect(!direct.stdout.isEmpty && viaYAML.stdout == direct.stdout, "\(pair[0]) → \(pair[1])")
            // The best path's cost is the independent oracle's, so the comparison is of real answers.
            let report = try JSONSerialization.jsonObject(with: Data(viaYAML.stdout.utf8)) as? [String: Any]
            let best = (report?["paths"] as? [[String: Any]])?.first?["cost"] as? Double
            #expect(abs((best ?? 0) - (Double(pair[2]) ?? -1)) < 1e-9, "\(pair[0]) → \(pair[1]): \(String(describing: best))")
        }
    }

    @Test func yamlHoldsTheWholeGraphSoDiagramOptionsAreRefused() throws {
        let result = try CLI.run(["export", "--to", "yaml", "--around", "data-scientist"])
        #expect(result.status == 64)
        #expect(result.stderr == "rolegraph: error: --around shapes a diagram; --to yaml exports the whole graph without one\n")
    }

    @Test func initWritesAStarterThatLoadsAndValidates() throws {
        let directory = try Self.temporaryDirectory()
        let printed = try CLI.run(["init"], in: directory)
        #expect(printed.status == 0)
        #expect(printed.stdout.hasPrefix("# RoleGraph graph file (format 1)"))
        #expect(printed.stdout.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }.count >= 8)
        #expect(try CLI.run(["init", "-o", "mine.yaml"], in: directory).status == 0)
        let validated = try CLI.run(["validate", "mine.yaml"], in: directory)
        #expect(validated.status == 0, "\(validated.stderr)")
        #expect(validated.stdout == "mine.yaml: ok — 2 roles in 2 areas, 4 skills, 1 stakeholder, 1 collaboration, 2 transition\n")
        let strict = try CLI.run(["validate", "--strict", "mine.yaml"], in: directory)
        #expect(strict.status == 0, "\(strict.stderr)")
        #expect(strict.stderr == "")
        #expect(try String(contentsOf: directory.appendingPathComponent("mine.yaml"), encoding: .utf8) == printed.stdout)
        let path = try CLI.run(["--graph", "mine.yaml", "path", "data-analyst", "data-engineer"], in: directory)
        #expect(path.stdout.hasPrefix("Data Analyst → Data Engineer"))
    }

    @Test func initFromBuiltinWritesTheBuiltInGraph() throws {
        let directory = try Self.temporaryDirectory()
        #expect(try CLI.run(["init", "--from-builtin", "-o", "all.yml"], in: directory).status == 0)
        let text = try String(contentsOf: directory.appendingPathComponent("all.yml"), encoding: .utf8)
        #expect(text.hasPrefix("# RoleGraph graph file (format 1): the built-in graph"))
        let loaded = try CLI.run(["--graph", "all.yml", "export", "--to", "json"], in: directory)
        let builtin = try CLI.run(["export", "--to", "json"], in: directory)
        #expect(loaded.status == 0)
        #expect(loaded.stdout == builtin.stdout)
    }

    @Test func initNeverReplacesAFileUnlessForced() throws {
        let directory = try Self.temporaryDirectory()
        let file = directory.appendingPathComponent("mine.yaml")
        try "keep me\n".write(to: file, atomically: true, encoding: .utf8)
        let refused = try CLI.run(["init", "-o", "mine.yaml"], in: directory)
        #expect(refused.status == 73)
        #expect(refused.stderr == "rolegraph: error: mine.yaml: cannot write: already exists; use --force to replace it\n")
        #expect(try String(contentsOf: file, encoding: .utf8) == "keep me\n")
        #expect(try CLI.run(["init", "-o", "mine.yaml", "--force"], in: directory).status == 0)
        #expect(try String(contentsOf: file, encoding: .utf8).hasPrefix("# RoleGraph"))
    }

    @Test(arguments: ["mine.json", "mine.gv", "mine.txt"])
    func initRefusesAnotherExtension(file: String) throws {
        let directory = try Self.temporaryDirectory()
        let result = try CLI.run(["init", "-o", file], in: directory)
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("rolegraph: error: -o \(file): init writes a YAML graph file; name it .yaml or .yml"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    /// A node-link export's facts, order-free: the graph's name, every node, every link (DOT
    /// groups relations by kind, so order is not a fact that survives it).
    static func graphFacts(_ json: String) throws -> [String: Set<String>] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        func canonical(_ value: Any) throws -> String {
            String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]), as: UTF8.self)
        }
        var facts: [String: Set<String>] = [:]
        for key in ["areas", "skills", "nodes", "links"] {
            let items = try #require(object[key] as? [Any])
            facts[key] = Set(try items.map(canonical))
            #expect(facts[key]!.count == items.count)
        }
        facts["graph"] = [try canonical(object["graph"]!)]
        return facts
    }
}
