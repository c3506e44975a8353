import Testing
@testable import RoleGraphKit

/// Betweenness with a sample of source roles: the choice by size, exactness when all are used,
/// and reproducibility by seed.
@Suite struct SampledCentralityTests {
    @Test func automaticSamplesOnlyLargeGraphs() {
        #expect(CentralitySamples.automatic.sources(roleCount: 33, transitionCount: 40) == nil)
        #expect(CentralitySamples.automatic.sources(roleCount: 5_000, transitionCount: 10_000) == nil)
        let k = CentralitySamples.automatic.sources(roleCount: 20_000, transitionCount: 200_000)
        #expect(k == 250)
        #expect(CentralitySamples.automatic.sources(roleCount: 1_000_000, transitionCount: 5_000_000) == CentralitySamples.minimumSources)
        #expect(CentralitySamples.count(10).sources(roleCount: 5, transitionCount: 5) == nil)
        #expect(CentralitySamples.count(10).sources(roleCount: 50, transitionCount: 5) == 10)
        #expect(CentralitySamples.all.sources(roleCount: 1_000_000, transitionCount: 5_000_000) == nil)
    }

    @Test func allSourcesIsTheExactRanking() {
        let exact = RoleGraph.builtIn.centrality()
        let ranking = RoleGraph.builtIn.centrality(samples: .all, seed: 9)
        #expect(ranking.roles == exact)
        #expect(ranking.sampledSources == nil && ranking.seed == nil)
        #expect(RoleGraph.builtIn.centrality(samples: .count(1_000), seed: 9).roles == exact)
    }

    @Test func aSampleIsReproducibleBySeedAndEstimatesTheExactValues() throws {
        let graph = try LargeGraphs.transitions(roles: 300, perRole: 4, seed: 11)
        let a = graph.centrality(samples: .count(150), seed: 4)
        let b = graph.centrality(samples: .count(150), seed: 4)
        let c = graph.centrality(samples: .count(150), seed: 5)
        #expect(a.roles == b.roles)
        #expect(a.roles != c.roles)
        #expect(a.sampledSources == 150 && a.sourceCount == 300 && a.seed == 4)
        // Half the sources: each estimate within a loose band of the exact value, and the top
        // gateway among the exact top five.
        let exact = Dictionary(uniqueKeysWithValues: graph.centrality().map { ($0.role, $0.betweenness) })
        let topExact = graph.centrality().prefix(5).map(\.role)
        #expect(topExact.contains(a.roles[0].role))
        let error = a.roles.map { abs($0.betweenness - exact[$0.role]!) }.reduce(0, +) / Double(a.roles.count)
        #expect(error < 0.01)
    }

    @Test func mostPathsOnlyAboveHalf() throws {
        // A star through a hub: every path between two leaves passes through it.
        let area = Area(id: "a", name: "A")
        let roles = (0 ..< 6).map { Role(id: RoleID("r\($0)"), name: "R\($0)", area: area.id) }
        var relations: [Relation] = []
        for i in 1 ..< 6 {
            relations.append(Relation(kind: .transition, from: RoleID("r\(i)"), to: "r0", effort: 1))
            relations.append(Relation(kind: .transition, from: "r0", to: RoleID("r\(i)"), effort: 1))
        }
        let star = try RoleGraph(name: "star", areas: [area], skills: [], roles: roles, relations: relations)
        #expect(star.centrality(samples: .all, seed: 1).onMostPaths.map(\.role) == ["r0"])
        #expect(RoleGraph.builtIn.centrality(samples: .all, seed: 1).onMostPaths.allSatisfy { $0.betweenness > 0.5 })
    }
}
