import Testing
@testable import RoleGraphAlgorithms
import RoleGraphTestSupport

@Suite struct WeightedJaccardTests {
    // Features 0 = sql, 1 = python, 2 = statistics, 3 = spark; primary weight 2, secondary 1.
    static let roles: [[(feature: Int32, weight: Double)]] = [
        [(0, 2), (1, 1)],            // 0: sql primary, python secondary
        [(0, 1), (2, 1)],            // 1: sql, statistics
        [(1, 2), (0, 2), (2, 1)],    // 2: python, sql primary; statistics
        [(3, 2)],                    // 3: spark only
        [],                          // 4: nothing
    ]

    @Test func handCheckedValues() {
        let j = WeightedJaccardSimilarity(features: Self.roles)
        // J(0,1) = min(2,1) / (max(2,1) + 1 + 1) = 1/4.
        #expect(j.similarity(0, 1) == 0.25)
        // J(0,2) = (min(2,2) + min(1,2)) / (2 + 2 + 1) = 3/5.
        #expect(j.similarity(0, 2) == 0.6)
        // J(1,2) = (1 + 1) / (2 + 2 + 1) = 2/5.
        #expect(j.similarity(1, 2) == 0.4)
        #expect(j.similarity(0, 3) == 0)
        #expect(j.similarity(4, 4) == 0)
        #expect(j.similarity(2, 2) == 1)
        #expect(j.similarity(2, 0) == j.similarity(0, 2))
    }

    @Test func unitWeightsGiveClassicJaccard() {
        // {1,2,3} vs {2,3,4}: |∩| / |∪| = 2/4.
        let j = WeightedJaccardSimilarity(features: [[(1, 1), (2, 1), (3, 1)], [(4, 1), (3, 1), (2, 1)]])
        #expect(j.similarity(0, 1) == 0.5)
    }

    @Test func duplicatesKeepTheLargerWeightAndOrderDoesNotMatter() {
        let a = WeightedJaccardSimilarity(features: [[(0, 1), (0, 2), (1, 1)], [(0, 2)]])
        let b = WeightedJaccardSimilarity(features: [[(1, 1), (0, 2)], [(0, 2)]])
        #expect(a.similarity(0, 1) == b.similarity(0, 1))
        #expect(a.similarity(0, 1) == 2.0 / 3)
    }

    @Test func rankingsAreOrderedAndExcludeUnrelated() {
        let j = WeightedJaccardSimilarity(features: Self.roles)
        #expect(j.mostSimilar(to: 0, limit: 5) == [SimilarVertex(vertex: 2, similarity: 0.6),
                                                   SimilarVertex(vertex: 1, similarity: 0.25)])
        #expect(j.mostSimilar(to: 0, limit: 1).map(\.vertex) == [2])
        #expect(j.mostSimilar(to: 3, limit: 5).isEmpty)
        let all = j.rankings(limit: 2)
        #expect(all.count == 5)
        #expect(all[1].map(\.vertex) == [2, 0])
        #expect(all[0] == j.mostSimilar(to: 0, limit: 2))
    }

    @Test func rankingsMatchPairwiseSimilarity() {
        var rng = ClusteringTestRNG(seed: 21)
        let features: [[(feature: Int32, weight: Double)]] = (0 ..< 30).map { _ in
            (0 ..< rng.int(6)).map { _ in (Int32(rng.int(12)), Double(1 + rng.int(2))) }
        }
        let j = WeightedJaccardSimilarity(features: features)
        for u in 0 ..< Int32(30) {
            let ranked = j.mostSimilar(to: u, limit: 30)
            let expected = (0 ..< Int32(30)).filter { $0 != u && j.similarity(u, $0) > 0 }
            #expect(Set(ranked.map(\.vertex)) == Set(expected))
            for s in ranked { #expect(s.similarity == j.similarity(u, s.vertex)) }
            for (a, b) in zip(ranked, ranked.dropFirst()) {
                #expect(a.similarity > b.similarity || (a.similarity == b.similarity && a.vertex < b.vertex))
            }
        }
    }

    @Test func similarityGraphs() {
        let j = WeightedJaccardSimilarity(features: Self.roles)
        let threshold = j.graph(.threshold(0.3))
        // Pairs ≥ 0.3: (0,2) 0.6 and (1,2) 0.4.
        #expect(threshold.offsets == [0, 1, 2, 4, 4, 4])
        #expect(threshold.targets == [2, 2, 0, 1])
        #expect(threshold.weights == [0.6, 0.4, 0.6, 0.4])
        // Nearest 1: 0→2, 1→2, 2→0; symmetrised: {0,2}, {1,2}.
        let nearest = j.graph(.nearest(1))
        #expect(nearest.offsets == [0, 1, 2, 4, 4, 4])
        #expect(nearest.targets == [2, 2, 0, 1])
        // With a minimum, weak links drop out.
        #expect(j.graph(.nearest(2, minimum: 0.5)).edgeCount == 2)
    }

    @Test func clusteringRunsOnTheSimilarityGraph() {
        // Two groups of roles with disjoint skill sets cluster apart.
        let features: [[(feature: Int32, weight: Double)]] = (0 ..< 12).map { v in
            let base = Int32(v < 6 ? 0 : 10)
            return [(base, 2), (base + 1, 1), (base + 2 + Int32(v % 3), 1)]
        }
        let graph = WeightedJaccardSimilarity(features: features).graph(.threshold(0.2))
        var rng = ClusteringTestRNG(seed: 1)
        #expect(graph.leidenCommunities(using: &rng) == Partition(labels: (0 ..< 12).map { $0 / 6 }))
    }
}
