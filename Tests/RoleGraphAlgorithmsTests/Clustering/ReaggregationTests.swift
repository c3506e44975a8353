import Testing
@testable import RoleGraphAlgorithms
import RoleGraphTestSupport

/// `CommunityGraph.aggregated(by:clusterCount:updating:accumulator:)`, which a later Louvain pass
/// uses instead of aggregating the whole graph again, must give the full aggregation's graph.
@Suite struct ReaggregationTests {
    /// A row as a map from target to weight, checking that no target repeats and none is the
    /// row's own vertex.
    static func row(_ graph: CommunityGraph, _ v: Int) -> [Int32: Double] {
        var entries: [Int32: Double] = [:]
        for e in graph.offsets[v] ..< graph.offsets[v + 1] {
            #expect(entries[graph.targets[e]] == nil, "row \(v) lists \(graph.targets[e]) twice")
            #expect(Int(graph.targets[e]) != v, "row \(v) lists itself")
            entries[graph.targets[e]] = graph.weights[e]
        }
        return entries
    }

    static func expectSameGraph(_ a: CommunityGraph, _ b: CommunityGraph, _ context: String) {
        #expect(a.vertexCount == b.vertexCount, "\(context)")
        #expect(a.totalDegree == b.totalDegree, "\(context)")
        guard a.vertexCount == b.vertexCount else { return }
        for v in 0 ..< a.vertexCount {
            #expect(abs(a.degrees[v] - b.degrees[v]) < 1e-9, "\(context): degree of \(v)")
            #expect(abs(a.selfLoops[v] - b.selfLoops[v]) < 1e-9, "\(context): self-loop of \(v)")
            let rowA = row(a, v), rowB = row(b, v)
            #expect(rowA.keys.sorted() == rowB.keys.sorted(), "\(context): targets of \(v)")
            for (t, w) in rowA { #expect(abs(w - (rowB[t] ?? .nan)) < 1e-9, "\(context): edge \(v)–\(t)") }
        }
    }

    static func aggregate(_ graph: CommunityGraph, _ partition: Partition) -> CommunityGraph {
        var accumulator = NeighbourWeights(capacity: Swift.max(graph.vertexCount, 1))
        return graph.aggregated(by: partition.communityOfVertex, clusterCount: partition.count,
                                accumulator: &accumulator, parallel: ParallelClusteringTests.policy(threads: 1, batch: 1))
    }

    /// A partition, then the same with a few vertices moved (to another cluster or a new one,
    /// which can empty a cluster): the update and the full aggregation give the same graph,
    /// whichever clusters stayed intact.
    @Test(arguments: 0 ..< UInt64(80))
    func givesTheFullAggregation(seed: UInt64) {
        let graph = CommunityGraph(ParallelClusteringTests.randomGraph(seed: seed))
        let n = graph.vertexCount
        var rng = ClusteringTestRNG(seed: seed &+ 500)
        let labels = 1 + rng.int(Swift.min(n, 12))
        let first = ClusteringFixtures.randomPartition(vertexCount: n, labels: labels, rng: &rng)
        var moved = first.communityOfVertex.map(Int.init)
        for _ in 0 ..< rng.int(4) {
            moved[rng.int(n)] = rng.int(first.count + 1)   // `first.count` is a new cluster
        }
        let second = Partition(labels: moved)
        let previous = Aggregation(graph: Self.aggregate(graph, first), vertex: first.communityOfVertex)
        var accumulator = NeighbourWeights(capacity: n)
        let full = Self.aggregate(graph, second)
        let updated = graph.aggregated(by: second.communityOfVertex, clusterCount: second.count,
                                       updating: previous, accumulator: &accumulator)
        // The oracle for declining: the members of the clusters that are not exactly one cluster
        // of `first` hold more than half of the edge entries.
        var membersOfFirst: [Int32: Set<Int>] = [:], membersOfSecond: [Int32: Set<Int>] = [:]
        for v in 0 ..< n {
            membersOfFirst[first.communityOfVertex[v], default: []].insert(v)
            membersOfSecond[second.communityOfVertex[v], default: []].insert(v)
        }
        let changedEntries = (0 ..< n).filter {
            membersOfSecond[second.communityOfVertex[$0]] != membersOfFirst[first.communityOfVertex[$0]]
        }.reduce(0) { $0 + graph.offsets[$1 + 1] - graph.offsets[$1] }
        guard Double(changedEntries) <= 0.5 * Double(graph.targets.count) else {
            #expect(updated == nil, "seed \(seed): updated although most entries changed")
            return
        }
        guard let updated else {
            Issue.record("seed \(seed): declined with \(changedEntries) of \(graph.targets.count) entries changed")
            return
        }
        Self.expectSameGraph(updated, full, "seed \(seed)")
        if second == first {
            // Nothing changed: the previous aggregate comes back as it was, row order included.
            #expect(updated.offsets == previous.graph.offsets && updated.targets == previous.graph.targets
                    && updated.weights == previous.graph.weights, "seed \(seed)")
        }
    }

    /// When no cluster is intact, updating costs as much as aggregating: it declines.
    @Test func declinesWhenEveryClusterChanged() {
        let graph = CommunityGraph(ClusteringFixtures.ringOfCliques(cliques: 4, size: 5))
        let one = Partition(labels: [Int](repeating: 0, count: graph.vertexCount))
        let previous = Aggregation(graph: Self.aggregate(graph, one), vertex: one.communityOfVertex)
        var accumulator = NeighbourWeights(capacity: graph.vertexCount)
        let singletons = Partition.singletons(vertexCount: graph.vertexCount)
        #expect(graph.aggregated(by: singletons.communityOfVertex, clusterCount: singletons.count,
                                 updating: previous, accumulator: &accumulator) == nil)
    }

    /// A ring of cliques found as its cliques, then one vertex moved to the next clique: two
    /// clusters change, the others keep their rows, and the mirrored edges land in the right rows.
    @Test func movesOneVertexBetweenCliques() throws {
        let graph = CommunityGraph(ClusteringFixtures.ringOfCliques(cliques: 6, size: 5))
        let cliques = Partition(labels: (0 ..< 30).map { $0 / 5 })
        var labels = (0 ..< 30).map { $0 / 5 }
        labels[7] = 2   // vertex 7 leaves clique 1 for clique 2
        let moved = Partition(labels: labels)
        let previous = Aggregation(graph: Self.aggregate(graph, cliques), vertex: cliques.communityOfVertex)
        var accumulator = NeighbourWeights(capacity: 30)
        let updated = graph.aggregated(by: moved.communityOfVertex, clusterCount: moved.count,
                                       updating: previous, accumulator: &accumulator)
        let result = try #require(updated)
        Self.expectSameGraph(result, Self.aggregate(graph, moved), "one move")
        // The clusters that kept their members also kept their degrees.
        for c in [0, 3, 4, 5] { #expect(result.degrees[c] == previous.graph.degrees[c]) }
    }
}
