import Testing
@testable import RoleGraphKit
import RoleGraphAlgorithms
import RoleGraphGraphviz
import RoleGraphTestSupport

@Suite struct RoleClusteringTests {
    let graph = RoleGraph.builtIn

    /// Newman's modularity written out directly over role pairs, independent of the library's.
    static func modularity(_ network: CSRGraph, _ community: [Int], resolution: Double = 1) -> Double {
        let n = network.vertexCount
        var a = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for v in 0 ..< n { for e in network.edgeRange(of: Int32(v)) { a[v][Int(network.targets[e])] += network.weights[e] } }
        let degree = a.map { $0.reduce(0, +) }
        let twoM = degree.reduce(0, +)
        var q = 0.0
        for i in 0 ..< n { for j in 0 ..< n where community[i] == community[j] { q += a[i][j] - resolution * degree[i] * degree[j] / twoM } }
        return q / twoM
    }

    @Test(arguments: ClusteringMethod.allCases)
    func reportedModularityMatchesAnIndependentComputation(method: ClusteringMethod) {
        var rng = SplitMix64(seed: 7)
        let result = graph.clusters(ClusteringOptions(method: method), using: &rng)
        let network = method == .skills
            ? WeightedJaccardSimilarity(features: graph.skillFeatures()).graph(.nearest(3))
            : graph.undirectedNetwork(relations: Set(RelationKind.allCases))
        #expect(abs(result.modularity - Self.modularity(network, result.assignment)) < 1e-12)
        let areas = graph.roles.map { role in graph.areas.firstIndex { $0.id == role.area }! }
        #expect(abs(result.areaModularity - Self.modularity(network, areas)) < 1e-12)
        #expect(result.assignment.count == 10)
        #expect(result.clusters.map(\.roles.count).reduce(0, +) == 10)
    }

    @Test func leidenBeatsTheAreasAndAgreesWithThemMostly() {
        var rng = SplitMix64(seed: 1)
        let result = graph.clusters(using: &rng)
        #expect(result.modularity >= result.areaModularity)
        #expect(result.normalizedMutualInformation > 0.5)
        // Every Leiden cluster is connected in the clustered network.
        let network = graph.undirectedNetwork(relations: Set(RelationKind.allCases))
        for cluster in result.clusters {
            let members = Set(cluster.roles.compactMap(graph.index(of:)))
            var seen: Set<Int32> = [members.first!]
            var stack = [members.first!]
            while let v = stack.popLast() {
                for e in network.edgeRange(of: v) where members.contains(network.targets[e]) && !seen.contains(network.targets[e]) {
                    seen.insert(network.targets[e]); stack.append(network.targets[e])
                }
            }
            #expect(seen == members)
        }
    }

    @Test func sameSeedSameClusters() {
        for method in ClusteringMethod.allCases {
            var a = SplitMix64(seed: 42), b = SplitMix64(seed: 42)
            #expect(graph.clusters(ClusteringOptions(method: method), using: &a) == graph.clusters(ClusteringOptions(method: method), using: &b))
        }
    }

    @Test func clusteringTheAreasAgainstThemselvesIsPerfectAgreement() {
        #expect(abs(graph.areaPartition.normalizedMutualInformation(with: graph.areaPartition) - 1) < 1e-12)
        #expect(graph.areaPartition.adjustedRandIndex(with: graph.areaPartition) == 1)
    }

    @Test func similarRolesShareSkills() throws {
        let similar = graph.similarRoles(to: "data-scientist", limit: 3)
        let first = try #require(similar.first)
        #expect(first.role == "data-analyst")
        #expect(similar.map(\.similarity) == similar.map(\.similarity).sorted(by: >))
        #expect(Set(first.sharedSkills) == graph.skills(of: "data-scientist").intersection(graph.skills(of: "data-analyst")))
    }

    @Test func gatewayRolesAreRankedByBetweenness() {
        let ranking = graph.centrality()
        #expect(ranking.map(\.betweenness) == ranking.map(\.betweenness).sorted(by: >))
        // No transition leads into or out of the accelerators engineer: it is on no path.
        #expect(ranking.first { $0.role == "ml-accelerators-engineer" }?.betweenness == 0)
        #expect(ranking.first { $0.role == "data-analyst" }?.transitionsOut == 2)
    }
}
