import Testing
@testable import RoleGraphAlgorithms
import RoleGraphTestSupport

@Suite struct SearchScratchTests {
    @Test("searches stay exact when the generation stamps wrap around", arguments: 0 ..< 20)
    func stampsWrapAround(seed: Int) throws {
        let g = RandomGraphs.graph(seed: UInt64(seed), vertices: 5 ... 40)
        let scratch = SearchScratch(vertexCount: g.vertexCount, edgeCount: g.edgeCount)
        // Leave stale stamps with small values behind, then jump close to the wrap.
        for s in 0 ..< Int32(g.vertexCount) {
            scratch.dijkstra(g, from: s)
            if s > 0 { _ = scratch.bidirectionalDijkstra(g, from: s, to: 0) }
            scratch.hopBoundedSearch(g, from: s, maxHops: 2)
        }
        // The stamps are twice the generation (plus one when settled): they wrap at 2³¹.
        scratch.forward.generation = (1 << 31) - 3
        scratch.backward.generation = (1 << 31) - 2
        scratch.roundGeneration = .max - 3
        for s in 0 ..< Int32(min(g.vertexCount, 6)) {
            let expected = PathOracles.bellmanFord(g, from: s)
            scratch.dijkstra(g, from: s)
            for v in 0 ..< g.vertexCount {
                let label = scratch.forward.labels[v]
                let settled = label.isSettled(in: scratch.forward.generation)
                #expect(settled == (expected[v] < .infinity))
                if settled { #expect(label.distance == expected[v]) }
            }
            let t = Int32(g.vertexCount - 1)
            if s != t {
                scratch.dijkstra(g, from: s, target: t)
                let unidirectional = scratch.forwardPath(to: t, in: g)
                #expect(scratch.bidirectionalDijkstra(g, from: s, to: t) == unidirectional)
                let stamp = scratch.hopBoundedSearch(g, from: s, maxHops: 3, target: t)
                let bounded = PathOracles.allSimplePaths(g, from: s, to: t, maxSteps: 3).first
                #expect(scratch.hopBoundedPath(to: t, stamp: stamp, in: g).map(PathOracles.Path.init) == bounded)
            }
        }
        #expect(scratch.forward.generation < 100)  // it did wrap
        #expect(scratch.backward.generation < 100)
    }

    /// A label is 24 bytes: a search over a large graph writes one per vertex each way before it
    /// starts, and keeps them all resident.
    @Test func aLabelIsTwentyFourBytes() {
        #expect(MemoryLayout<VertexLabel>.stride == 24)
        var label = VertexLabel(distance: 1, hops: 2, parent: 3, edge: 4, reachedIn: 7)
        #expect(label.isReached(in: 7) && !label.isSettled(in: 7) && !label.isReached(in: 6) && !label.isReached(in: 8))
        label.settle(in: 7)
        #expect(label.isReached(in: 7) && label.isSettled(in: 7) && !label.isSettled(in: 8))
        #expect(!VertexLabel.unreached.isReached(in: 1) && !VertexLabel.unreached.isSettled(in: 1))
    }

    @Test func copiesOfAFinderDoNotShareScratch() throws {
        let g = RandomGraphs.graph(seed: 3, vertices: 30 ... 30)
        var a = try PathFinder(g)
        let reference = try (0 ..< Int32(30)).map { try a.shortestPathTree(from: $0).distances }
        var b = a
        // Interleave queries on the two copies: each must see only its own searches.
        for s in 0 ..< Int32(30) {
            let fromA = try a.shortestPathTree(from: s)
            let fromB = try b.shortestPathTree(from: 29 - s)
            #expect(fromA.distances == reference[Int(s)])
            #expect(fromB.distances == reference[Int(29 - s)])
        }
    }

    @Test func findersCanBeUsedFromConcurrentTasks() async throws {
        let g = RandomGraphs.graph(seed: 11, vertices: 40 ... 40)
        var finder = try PathFinder(g)
        let expected = try (0 ..< Int32(40)).map { try finder.shortestPath(from: $0, to: 39) }
        let shared = finder
        let results = try await withThrowingTaskGroup(of: (Int32, GraphPath?).self) { group in
            for s in 0 ..< Int32(40) {
                group.addTask {
                    var local = shared
                    return (s, try local.shortestPath(from: s, to: 39))
                }
            }
            var results = [GraphPath?](repeating: nil, count: 40)
            for try await (s, path) in group { results[Int(s)] = path }
            return results
        }
        #expect(results == expected)
    }
}
