import Testing
@testable import RoleGraphKit
import RoleGraphAlgorithms
import RoleGraphTestSupport

/// Every format RoleGraph writes and reads back gives the same graph: random graphs with hostile
/// text (``RoundTripGraphs``) are written, read with the same loader `--graph` uses, and compared
/// fact by fact. The reader is an independent piece of code from the writer (Yams for YAML,
/// JSONNodeParser for JSON, XMLParser for GraphML, libcgraph for DOT), so a writer that quotes or
/// escapes wrongly fails here.
@Suite struct RoundTripPropertyTests {
    static let seeds = UInt64(0) ..< 250

    /// Loads `text` as `format`, through the extension-free entry point that sniffs nothing.
    private func reload(_ text: String, _ format: GraphFileFormat, seed: UInt64) throws -> RoleGraph {
        do {
            return try RoleGraph.parse(text, format: format, file: "seed-\(seed).\(format.rawValue)")
        } catch {
            Issue.record("seed \(seed): \(format.rawValue) written does not read back: \(error)\n\(text.prefix(3000))")
            throw error
        }
    }

    @Test func yamlWrittenReadsBackAsTheSameGraph() throws {
        var counted = 0, staying = 0
        defer { #expect(counted > 100 && staying > 50, "counts and stayers were exercised") }
        for seed in Self.seeds {
            let graph = try RoundTripGraphs.graph(seed: seed, alphabet: .yaml)
            counted += graph.relations.count { $0.count != nil }
            staying += graph.roles.count { $0.stays != nil }
            let text = GraphFileWriter().write(graph)
            let back = try reload(text, .yaml, seed: seed)
            if let difference = RoundTripGraphs.difference(graph, back) {
                Issue.record("seed \(seed): \(difference)\n\(text)")
                return
            }
        }
    }

    @Test func yamlOfTheBuiltInGraphReadsBackAsIt() throws {
        let text = GraphFileWriter().write(.builtIn)
        #expect(RoundTripGraphs.difference(.builtIn, try RoleGraph.parse(text, file: "builtin.yaml")) == nil)
    }

    @Test func nodeLinkJSONWrittenReadsBackAsTheSameGraph() throws {
        for seed in Self.seeds {
            let graph = try RoundTripGraphs.graph(seed: seed)
            let text = JSONGraphWriter(prettyPrinted: seed % 2 == 0).write(graph)
            let back = try reload(text, .json, seed: seed)
            if let difference = RoundTripGraphs.difference(graph, back) {
                Issue.record("seed \(seed): \(difference)\n\(text)")
                return
            }
        }
    }

    @Test func graphMLWrittenReadsBackAsTheSameGraph() throws {
        for seed in Self.seeds {
            let graph = try RoundTripGraphs.graph(seed: seed, alphabet: .xml)
            let text = GraphMLWriter(undirectedCollaborations: seed % 2 == 0).write(graph)
            let back = try reload(text, .graphml, seed: seed)
            if let difference = RoundTripGraphs.difference(graph, back) {
                Issue.record("seed \(seed): \(difference)\n\(text)")
                return
            }
        }
    }

    @Test func dotWrittenReadsBackAsTheSameGraphWithCountsAndStayers() throws {
        var mirrored = 0, reverseCounts = 0
        for seed in Self.seeds {
            let graph = try RoundTripGraphs.graph(seed: seed)
            let text = DOTWriter(options: DOTOptions(showTitles: seed % 2 == 0)).write(graph)
            if text.contains("dir=both") { mirrored += 1 }
            if text.contains("reverse_count=\"none\"") || text.contains("reverse_count=\"1") { reverseCounts += 1 }
            let back = try reload(text, .dot, seed: seed)
            // In order: roles and relations as the graph held them, though DOT groups roles by
            // area and edges by kind and merges two-way transitions.
            if let difference = RoundTripGraphs.difference(graph, back) {
                Issue.record("seed \(seed): \(difference)\n\(text)")
                return
            }
        }
        // The two-headed arrows were exercised, not only single ones, some with two counts.
        #expect(mirrored > 10 && reverseCounts > 5)
    }

    /// The generator must produce what the tests above claim to cover, or they would check less.
    @Test func theRandomGraphsHoldEveryKindOfFact() throws {
        var counted = 0, staying = 0, collaborations = 0, hostile = 0, reserved = 0
        for seed in Self.seeds {
            let graph = try RoundTripGraphs.graph(seed: seed)
            counted += graph.relations.count { $0.count != nil }
            staying += graph.roles.count { $0.stays != nil }
            collaborations += graph.relations.count { $0.kind == .collaboration }
            hostile += graph.roles.count { $0.name.contains(": ") || $0.name.contains("\n") || $0.name.contains("#") }
            reserved += graph.roles.flatMap(\.titles).count { RoundTripGraphs.wholeWords.contains($0) }
        }
        #expect(counted > 100 && staying > 50 && collaborations > 100 && hostile > 50 && reserved > 20)
    }
}
