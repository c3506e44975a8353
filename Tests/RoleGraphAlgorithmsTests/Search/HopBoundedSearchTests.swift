import Testing
@testable import RoleGraphAlgorithms
import RoleGraphTestSupport

@Suite struct HopBoundedSearchTests {
    /// 0 → 5: cheapest is 0-1-2-3-5 (cost 4, 4 steps); with at most 3 steps the answer is
    /// 0-4-3-5 (cost 7), which is neither Dijkstra's path cut short nor the fewest-steps path
    /// 0-5 (cost 20).
    static let ladder = graph(6, [
        (0, 1, 1), (1, 2, 1), (2, 3, 1), (3, 5, 1),
        (0, 4, 3), (4, 3, 3),
        (0, 5, 20),
    ])

    @Test func boundedPathIsTheCheapestWithinTheBound() throws {
        var finder = try PathFinder(Self.ladder)
        #expect(try finder.shortestPath(from: 0, to: 5)?.vertices == [0, 1, 2, 3, 5])
        let three = try #require(try finder.shortestPath(from: 0, to: 5, constraints: .init(maxSteps: 3)))
        #expect(three.vertices == [0, 4, 3, 5])
        #expect(three.cost == 7)
        #expect(try finder.shortestPath(from: 0, to: 5, constraints: .init(maxSteps: 1))?.vertices == [0, 5])
        #expect(try finder.shortestPath(from: 0, to: 5, constraints: .init(maxSteps: 0)) == nil)
        #expect(try finder.shortestPath(from: 0, to: 5, constraints: .init(maxSteps: 4))?.cost == 4)
    }

    @Test func boundedTreeKeepsStatesNotATree() throws {
        var finder = try PathFinder(Self.ladder)
        let tree = try finder.shortestPathTree(from: 0, maxSteps: 3)
        // The best ≤3-step path to 3 is 0-1-2-3 (cost 3), but the best to 5 goes 0-4-3.
        #expect(tree.path(to: 3)?.vertices == [0, 1, 2, 3])
        #expect(tree.path(to: 5)?.vertices == [0, 4, 3, 5])
        #expect(tree.distance(to: 5) == 7)
        #expect(tree.hops(to: 5) == 3)
        #expect(tree.predecessorEdge(of: 5) == tree.path(to: 5)?.edgePositions.last)
        #expect(tree.maxSteps == 3)
    }

    /// The target is reached in round 1 at cost 2; in round 2 a state of cost 1 — close to the
    /// target's cost, but below it — still leads to a cheaper answer over a zero-weight edge, so
    /// pruning must keep every state strictly cheaper than the target.
    @Test func pruningKeepsStatesCheaperThanTheTarget() throws {
        let g = graph(7, [
            (0, 3, 2), (0, 1, 1), (1, 3, 0),
            (0, 4, 0), (4, 5, 0), (5, 6, 0), (6, 3, 0),  // cost 0, but 4 steps
        ])
        var finder = try PathFinder(g)
        #expect(try finder.shortestPath(from: 0, to: 3)?.vertices == [0, 4, 5, 6, 3])
        #expect(try finder.shortestPath(from: 0, to: 3, constraints: .init(maxSteps: 2))?.vertices == [0, 1, 3])
        let tree = try finder.shortestPathTree(from: 0, maxSteps: 2, stoppingAt: 3)
        #expect(tree.path(to: 3)?.vertices == [0, 1, 3])
        #expect(tree.path(to: 3)?.cost == 1)
    }

    @Test func zeroStepsReachOnlyTheSource() throws {
        var finder = try PathFinder(Self.ladder)
        let tree = try finder.shortestPathTree(from: 0, maxSteps: 0)
        #expect(tree.reachableVertices == [0])
        #expect(tree.path(to: 0)?.vertices == [0])
    }

    @Test("bounded single-pair search equals brute force", arguments: 0 ..< 250)
    func singlePairMatchesBruteForce(seed: Int) throws {
        let g = RandomGraphs.graph(seed: UInt64(seed), vertices: 2 ... 9)
        let (s, t) = RandomGraphs.endpoints(seed: UInt64(seed), vertexCount: g.vertexCount)
        var finder = try PathFinder(g)
        for steps in 0 ... 4 {
            let expected = PathOracles.allSimplePaths(g, from: s, to: t, maxSteps: steps).first
            let found = try finder.shortestPath(from: s, to: t, constraints: .init(maxSteps: steps))
            #expect(found.map(PathOracles.Path.init) == expected, "\(s) → \(t) in ≤ \(steps)")
        }
    }

    @Test("bounded tree equals brute force for every vertex", arguments: 0 ..< 200)
    func treeMatchesBruteForce(seed: Int) throws {
        let g = RandomGraphs.graph(seed: UInt64(seed), vertices: 2 ... 9)
        let (s, _) = RandomGraphs.endpoints(seed: UInt64(seed), vertexCount: g.vertexCount)
        let steps = seed % 4
        let avoid = RandomGraphs.avoidSet(seed: UInt64(seed), vertexCount: g.vertexCount, keeping: [s])
        var finder = try PathFinder(g)
        let tree = try finder.shortestPathTree(from: s, maxSteps: steps, avoiding: avoid)
        for v in 0 ..< Int32(g.vertexCount) {
            let expected = PathOracles.allSimplePaths(g, from: s, to: v, avoid: avoid, maxSteps: steps).first
            #expect(tree.path(to: v).map(PathOracles.Path.init) == expected, "\(s) → \(v) in ≤ \(steps)")
        }
    }

    @Test("stopping at a target keeps the target's answer", arguments: 0 ..< 300)
    func boundedEarlyExit(seed: Int) throws {
        let g = RandomGraphs.graph(seed: UInt64(seed), vertices: 2 ... 20)
        let (s, t) = RandomGraphs.endpoints(seed: UInt64(seed), vertexCount: g.vertexCount)
        let steps = 1 + seed % 3
        var finder = try PathFinder(g)
        let full = try finder.shortestPathTree(from: s, maxSteps: steps)
        let partial = try finder.shortestPathTree(from: s, maxSteps: steps, stoppingAt: t)
        #expect(partial.path(to: t) == full.path(to: t))
        for v in partial.reachableVertices {
            #expect(partial.path(to: v) == full.path(to: v))
        }
    }
}
