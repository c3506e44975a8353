import Testing
@testable import RoleGraphAlgorithms
import RoleGraphTestSupport

@Suite struct DijkstraTests {
    // MARK: Hand-made graphs

    /// 0 → 1 → 2 → 3 is cheaper than either two-step route; 4 is isolated.
    static let diamond = graph(5, [(0, 1, 1), (0, 2, 4), (1, 2, 2), (1, 3, 6), (2, 3, 3)])

    @Test func findsTheCheapestPathAndItsCost() throws {
        var finder = try PathFinder(Self.diamond)
        let tree = try finder.shortestPathTree(from: 0)
        #expect(tree.distances == [0, 1, 3, 6, .infinity])
        #expect(tree.hopCounts == [0, 1, 2, 3, -1])
        let path = try #require(tree.path(to: 3))
        #expect(path.vertices == [0, 1, 2, 3])
        #expect(path.cost == 6)
        #expect(path.edgeIDs == [0, 2, 4])
        #expect(tree.predecessorEdge(of: 3) == path.edgePositions.last)
        #expect(tree.predecessorEdge(of: 0) == nil)
        #expect(tree.reachableVertices == [0, 1, 2, 3])
        #expect(tree.isComplete)
    }

    @Test func unreachableTargetIsNilNotACrash() throws {
        var finder = try PathFinder(Self.diamond)
        let tree = try finder.shortestPathTree(from: 0)
        #expect(!tree.isReachable(4))
        #expect(tree.distance(to: 4) == nil)
        #expect(tree.hops(to: 4) == nil)
        #expect(tree.path(to: 4) == nil)
        #expect(tree.predecessorEdge(of: 4) == nil)
        #expect(try finder.shortestPath(from: 0, to: 4) == nil)
        #expect(try finder.shortestPath(from: 3, to: 0) == nil)
        #expect(try finder.shortestPaths(from: 0, to: 4, count: 3).isEmpty)
    }

    @Test func pathFromAVertexToItselfIsEmpty() throws {
        var finder = try PathFinder(Self.diamond)
        let path = try #require(try finder.shortestPath(from: 2, to: 2))
        #expect(path.vertices == [2])
        #expect(path.edgePositions.isEmpty)
        #expect(path.cost == 0)
    }

    @Test func parallelEdgesTakeTheCheaperOneThenTheEarlierPosition() throws {
        // 0 → 1 three times: weights 5, 2, 2. The first 2 is at CSR position 1.
        var finder = try PathFinder(graph(2, [(0, 1, 5), (0, 1, 2), (0, 1, 2)]))
        let path = try #require(try finder.shortestPath(from: 0, to: 1))
        #expect(path.cost == 2)
        #expect(path.edgePositions == [1])
        #expect(path.edgeIDs == [1])
        let tree = try finder.shortestPathTree(from: 0)
        #expect(tree.path(to: 1) == path)
    }

    @Test func zeroWeightEdgesAndZeroCyclesAreFine() throws {
        // A zero-weight cycle 0 → 1 → 0 and two zero-cost routes to 2: the one-step one wins.
        var finder = try PathFinder(graph(3, [(0, 1, 0), (1, 0, 0), (1, 2, 0), (0, 2, 0)]))
        let tree = try finder.shortestPathTree(from: 0)
        #expect(tree.distances == [0, 0, 0])
        #expect(tree.path(to: 2)?.vertices == [0, 2])
        #expect(try finder.shortestPath(from: 0, to: 2)?.vertices == [0, 2])
    }

    // MARK: Tie-breaking

    @Test func equalCostPrefersFewerHops() throws {
        // 0 → 1 → 3 and 0 → 3 both cost 3.
        var finder = try PathFinder(graph(4, [(0, 1, 1), (1, 3, 2), (0, 3, 3)]))
        #expect(try finder.shortestPath(from: 0, to: 3)?.vertices == [0, 3])
        #expect(try finder.shortestPathTree(from: 0).path(to: 3)?.vertices == [0, 3])
    }

    /// Three equal paths to 5, listed so that edge order and the predecessors' own indices both
    /// point the wrong way: [0, 2, 3, 5] (found first, and 3 < 4) and [0, 1, 4, 5] and
    /// [0, 2, 4, 5]. The lexicographically smallest is [0, 1, 4, 5], which only a comparison of
    /// whole prefixes finds.
    static let threeEqualPaths = graph(6, [
        (0, 2, 1), (0, 1, 1), (2, 3, 1), (3, 5, 1), (2, 4, 1), (1, 4, 1), (4, 5, 1),
    ])

    @Test func equalCostAndHopsPrefersTheLexicographicallySmallestVertexSequence() throws {
        var finder = try PathFinder(Self.threeEqualPaths)
        let expected: [Int32] = [0, 1, 4, 5]
        #expect(try finder.shortestPathTree(from: 0).path(to: 5)?.vertices == expected)
        #expect(try finder.shortestPath(from: 0, to: 5)?.vertices == expected)
        finder.strategy = .unidirectional
        #expect(try finder.shortestPath(from: 0, to: 5)?.vertices == expected)
        #expect(try finder.shortestPath(from: 0, to: 5, constraints: .init(maxSteps: 3))?.vertices == expected)
        #expect(try finder.shortestPathTree(from: 0, maxSteps: 3).path(to: 5)?.vertices == expected)
    }

    @Test func tieBreakIsStableUnderInputOrder() throws {
        // The same graph with its edges listed in every rotation gives the same vertex path.
        let edges: [(Int32, Int32, Double)] = [
            (0, 2, 1), (0, 1, 1), (2, 3, 1), (3, 5, 1), (2, 4, 1), (1, 4, 1), (4, 5, 1),
        ]
        for shift in edges.indices {
            let rotated = Array(edges[shift...] + edges[..<shift])
            var finder = try PathFinder(graph(6, rotated))
            #expect(try finder.shortestPath(from: 0, to: 5)?.vertices == [0, 1, 4, 5])
        }
    }

    // MARK: Early exit, avoidance

    @Test func stoppingAtATargetAnswersExactlyForWhatItSettled() throws {
        var finder = try PathFinder(Self.diamond)
        let partial = try finder.shortestPathTree(from: 0, stoppingAt: 2)
        #expect(!partial.isComplete)
        #expect(partial.distance(to: 2) == 3)
        #expect(partial.path(to: 2)?.vertices == [0, 1, 2])
        #expect(!partial.isReachable(3))  // not reached before stopping
        #expect(partial.reachableVertices == [0, 1, 2])
    }

    @Test func avoidedVerticesAndEdgesAreNeverUsed() throws {
        var finder = try PathFinder(Self.diamond)
        let tree = try finder.shortestPathTree(from: 0, avoiding: [2])
        #expect(tree.path(to: 3)?.vertices == [0, 1, 3])
        #expect(!tree.isReachable(2))
        // Edge id 2 is 1 → 2.
        let noEdge = try finder.shortestPathTree(from: 0, avoidingEdges: [2])
        #expect(noEdge.path(to: 3)?.cost == 7)
        #expect(noEdge.path(to: 3)?.vertices == [0, 1, 3])
    }

    // MARK: Properties on random graphs

    @Test("distances equal Bellman–Ford", arguments: 0 ..< 250)
    func distancesMatchBellmanFord(seed: Int) throws {
        let g = RandomGraphs.graph(seed: UInt64(seed), vertices: 2 ... 60)
        let (s, _) = RandomGraphs.endpoints(seed: UInt64(seed), vertexCount: g.vertexCount)
        let expected = PathOracles.bellmanFord(g, from: s)
        var finder = try PathFinder(g)
        #expect(try finder.distances(from: s) == expected)
        let tree = try finder.shortestPathTree(from: s)
        #expect(tree.distances == expected)
        for v in 0 ..< Int32(g.vertexCount) {
            #expect(tree.isReachable(v) == (expected[Int(v)] < .infinity))
            guard let path = tree.path(to: v) else { continue }
            let rebuilt = GraphPath(source: s, edgePositions: path.edgePositions, in: g)
            #expect(rebuilt == path, "path to \(v) is not a real path with that cost")
            #expect(path.hops == tree.hops(to: v))
        }
        // Settled in non-decreasing (distance, hops) order.
        let keys = tree.reachableVertices.map { (tree.distances[Int($0)], tree.hopCounts[Int($0)]) }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 <= $1 })
    }

    /// A queue that checks how the distances search uses it: Dijkstra's algorithm must pop
    /// distances in non-decreasing order (a radix heap that did not would still end with the
    /// right distances, the stale entries being skipped, so the distances alone cannot tell).
    struct CheckedQueue<Base: DistanceQueue>: DistanceQueue {
        var base: Base
        var popped: [Double] = []
        mutating func removeAll() { base.removeAll(); popped.removeAll() }
        mutating func insert(_ vertex: Int32, distance: Double) { base.insert(vertex, distance: distance) }
        mutating func popNearest() -> (vertex: Int32, distance: Double)? {
            let top = base.popNearest()
            if let top { popped.append(top.distance) }
            return top
        }
    }

    @Test("both queues pop in distance order and give Bellman–Ford's distances", arguments: 0 ..< 60)
    func queuesPopInOrder(seed: Int) {
        let g = RandomGraphs.graph(seed: UInt64(seed) &+ 9_000, vertices: 2 ... 60)
        let source = Int32(seed % g.vertexCount)
        let expected = PathOracles.bellmanFord(g, from: source)
        let scratch = SearchScratch(vertexCount: g.vertexCount, edgeCount: g.edgeCount)
        var comparison = CheckedQueue(base: QuaternaryHeap())
        #expect(scratch.distances(g, from: source, queue: &comparison) == expected)
        #expect(zip(comparison.popped, comparison.popped.dropFirst()).allSatisfy { $0 <= $1 })
        // The radix heap takes whole weights only: the same graph with each weight scaled to a
        // whole number (quarters × 4).
        let whole = CSRGraph(vertexCount: g.vertexCount, offsets: g.offsets, targets: g.targets,
                             weights: Column(g.weights.map { $0 * 4 }), edgeIDs: g.edgeIDs)
        var radix = CheckedQueue(base: RadixHeap())
        #expect(scratch.distances(whole, from: source, queue: &radix) == expected.map { $0 * 4 })
        #expect(zip(radix.popped, radix.popped.dropFirst()).allSatisfy { $0 <= $1 }, "seed \(seed)")
    }

    /// `distances(from:)` runs on the radix heap when the search weights are whole numbers
    /// (integers, or decimal efforts searched in tenths) and on the comparison heap otherwise
    /// (quarters); either way it must give Bellman–Ford's distances. The wide integers spread the
    /// keys over forty buckets.
    @Test("either queue gives Bellman–Ford's distances", arguments: 0 ..< 120)
    func distancesOnEitherQueue(seed: Int) throws {
        let shape = RandomGraphs.graph(seed: UInt64(seed) &+ 7_000, vertices: 2 ... 50)
        var rng = SplitMix64(seed: UInt64(seed))
        let kind = seed % 3
        var weights: [Double] = shape.weights.map { _ in
            switch kind {
            case 0: Double(UInt64.random(in: 0 ... 1 << 40, using: &rng))
            case 1: Double(Int.random(in: 0 ... 49, using: &rng)) / 10
            default: Double(Int.random(in: 0 ... 12, using: &rng)) / 4
            }
        }
        // One tenth that is no binary fraction, so that tenths are always searched as tenths
        // (halves alone would be searched as they are, not as whole numbers).
        if kind == 1 && !weights.isEmpty { weights[0] = 0.1 }
        let g = CSRGraph(vertexCount: shape.vertexCount, offsets: shape.offsets, targets: shape.targets,
                         weights: Column(weights), edgeIDs: shape.edgeIDs)
        var finder = try PathFinder(g)
        #expect(finder.costsAreWhole == (kind != 2 || weights.allSatisfy { $0 == $0.rounded() }))
        let source = Int32(seed % g.vertexCount)
        let expected = PathOracles.bellmanFord(g, from: source)
        let distances = try finder.distances(from: source)
        for v in 0 ..< g.vertexCount {
            if kind == 1 && expected[v].isFinite {
                // Bellman–Ford adds tenths in binary; the finder adds whole tenths, then divides.
                #expect(abs(distances[v] - expected[v]) <= 1e-9 * max(1, expected[v]), "seed \(seed) vertex \(v)")
            } else {
                #expect(distances[v] == expected[v], "seed \(seed) vertex \(v)")
            }
        }
    }

    @Test("avoided vertices match Bellman–Ford without them", arguments: 0 ..< 200)
    func avoidMatchesBellmanFord(seed: Int) throws {
        let g = RandomGraphs.graph(seed: UInt64(seed), vertices: 3 ... 40)
        let (s, _) = RandomGraphs.endpoints(seed: UInt64(seed), vertexCount: g.vertexCount)
        let avoid = RandomGraphs.avoidSet(seed: UInt64(seed), vertexCount: g.vertexCount, keeping: [s], limit: 4)
        var finder = try PathFinder(g)
        let tree = try finder.shortestPathTree(from: s, avoiding: avoid)
        #expect(tree.distances == PathOracles.bellmanFord(g, from: s, avoid: avoid))
        for v in tree.reachableVertices {
            #expect(tree.path(to: v)!.vertices.allSatisfy { !avoid.contains($0) })
        }
    }

    @Test("every tree path is the first in the documented order", arguments: 0 ..< 200)
    func treePathsFollowTheTieRule(seed: Int) throws {
        let g = RandomGraphs.graph(seed: UInt64(seed), vertices: 2 ... 8)
        var finder = try PathFinder(g)
        for s in 0 ..< Int32(g.vertexCount) {
            let tree = try finder.shortestPathTree(from: s)
            for t in 0 ..< Int32(g.vertexCount) where t != s {
                let best = PathOracles.allSimplePaths(g, from: s, to: t).first
                #expect(tree.path(to: t).map(PathOracles.Path.init) == best, "\(s) → \(t)")
            }
        }
    }

    @Test("tree paths follow the tie rule on tie-heavy layered graphs", arguments: 0 ..< 200)
    func treePathsFollowTheTieRuleOnLayeredGraphs(seed: Int) throws {
        let (g, s) = RandomGraphs.layered(seed: UInt64(seed), layers: 3 ... 5, width: 1 ... 3)
        var finder = try PathFinder(g)
        let tree = try finder.shortestPathTree(from: s)
        for t in 0 ..< Int32(g.vertexCount) where t != s {
            let best = PathOracles.allSimplePaths(g, from: s, to: t).first
            #expect(tree.path(to: t).map(PathOracles.Path.init) == best, "\(s) → \(t)")
        }
    }

    @Test("stopping at a target changes no answer", arguments: 0 ..< 200)
    func earlyExitAgreesWithTheFullTree(seed: Int) throws {
        let g = RandomGraphs.graph(seed: UInt64(seed), vertices: 2 ... 60)
        let (s, t) = RandomGraphs.endpoints(seed: UInt64(seed), vertexCount: g.vertexCount)
        var finder = try PathFinder(g)
        let full = try finder.shortestPathTree(from: s)
        let partial = try finder.shortestPathTree(from: s, stoppingAt: t)
        #expect(partial.path(to: t) == full.path(to: t))
        for v in partial.reachableVertices {
            #expect(partial.path(to: v) == full.path(to: v))
        }
    }
}
