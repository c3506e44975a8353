import Foundation
import Testing

/// End-to-end: clusters, similar and centrality on the built-in graph.
@Suite struct AnalysisCommandTests {
    @Test(arguments: [
        ("clusters.txt", ["clusters"]),
        ("clusters-skills.txt", ["clusters", "--method", "skills"]),
        ("clusters-labels-transitions.txt", ["clusters", "--method", "labels", "--relations", "transition", "--seed", "3"]),
        ("similar.txt", ["similar", "data-scientist", "--top", "3"]),
        ("centrality.txt", ["centrality", "--top", "5"]),
    ])
    func matchesGolden(golden: String, arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        try Golden.check(result.stdout, against: golden)
    }

    @Test func sameSeedSameOutputEveryRun() throws {
        let first = try CLI.run(["clusters", "--method", "louvain", "--seed", "9", "--format", "json"])
        let second = try CLI.run(["clusters", "--method", "louvain", "--seed", "9", "--format", "json"])
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        #expect(report["modularity"] is Double)
        #expect((report["clusters"] as? [Any])?.isEmpty == false)
    }

    @Test func badArgumentsAreUsageErrors() throws {
        let result = try CLI.run(["clusters", "--relations", "friendship"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("rolegraph: error: unknown relation kind 'friendship' in --relations (expected stakeholder, collaboration or transition)\n"))
        let resolution = try CLI.run(["clusters", "--resolution", "0"])
        #expect(resolution.status == 64)
    }
}
