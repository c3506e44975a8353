import Testing
@testable import RoleGraphAlgorithms
import RoleGraphTestSupport

@Suite struct ViaPathsTests {
    /// 0 → 2 (via) → 4. The best legs, 0-1-2 and 2-1-4, cross at 1; the best via path takes the
    /// worse first leg 0-3-2 to keep the good second leg.
    static let crossing = graph(5, [
        (0, 1, 1), (1, 2, 1), (0, 3, 2), (3, 2, 2),
        (2, 1, 1), (1, 4, 1), (2, 4, 5),
    ])

    @Test func bestViaPathIsSimpleNotTheConcatenationOfBestLegs() throws {
        var finder = try PathFinder(Self.crossing)
        let paths = try finder.shortestPaths(from: 0, to: 4, count: 10, constraints: .init(via: 2))
        #expect(paths.map(\.vertices) == [[0, 3, 2, 1, 4], [0, 1, 2, 4], [0, 3, 2, 4]])
        #expect(paths.map(\.cost) == [6, 7, 9])
        #expect(try finder.shortestPath(from: 0, to: 4, constraints: .init(via: 2))?.vertices == [0, 3, 2, 1, 4])
    }

    @Test func viaCombinesWithMaxStepsAndAvoid() throws {
        var finder = try PathFinder(Self.crossing)
        #expect(
            try finder.shortestPaths(from: 0, to: 4, count: 10, constraints: .init(via: 2, maxSteps: 3))
                .map(\.vertices) == [[0, 1, 2, 4], [0, 3, 2, 4]])
        #expect(
            try finder.shortestPaths(from: 0, to: 4, count: 10, constraints: .init(avoid: [3], via: 2))
                .map(\.vertices) == [[0, 1, 2, 4]])
    }

    @Test func noViaPathWhenEveryRouteInBlocksEveryRouteOut() throws {
        // The only way into 2 and the only way out both go through 1.
        var finder = try PathFinder(graph(4, [(0, 1, 1), (1, 2, 1), (2, 1, 1), (1, 3, 1)]))
        #expect(try finder.shortestPath(from: 0, to: 3)?.vertices == [0, 1, 3])
        #expect(try finder.shortestPath(from: 0, to: 3, constraints: .init(via: 2)) == nil)
    }

    @Test func viaAtAnEndpointConstrainsNothing() throws {
        var finder = try PathFinder(YenTests.wikipedia)
        let plain = try finder.shortestPaths(from: 0, to: 5, count: 4)
        #expect(try finder.shortestPaths(from: 0, to: 5, count: 4, constraints: .init(via: 0)) == plain)
        #expect(try finder.shortestPaths(from: 0, to: 5, count: 4, constraints: .init(via: 5)) == plain)
    }

    @Test func searchGivesUpWithATypedErrorAtItsLimit() throws {
        // Five routes 0 → a → 1 → 2 into the via vertex 2, and the only way on, 2 → 1 → 3, is
        // blocked by every one of them.
        var edges: [(Int32, Int32, Double)] = [(1, 2, 1), (2, 1, 1), (1, 3, 1)]
        for a in Int32(4) ..< 9 { edges += [(0, a, 1), (a, 1, 1)] }
        var finder = try PathFinder(graph(9, edges))
        #expect(throws: PathError.viaSearchLimitReached(legs: 3)) {
            try finder.shortestPath(from: 0, to: 3, constraints: .init(via: 2, viaLegLimit: 3))
        }
        #expect(try finder.shortestPath(from: 0, to: 3, constraints: .init(via: 2, viaLegLimit: 5)) == nil)
    }

    @Test("via paths equal brute force filtered by the via vertex", arguments: 0 ..< 250)
    func matchesBruteForce(seed: Int) throws {
        let g = RandomGraphs.graph(seed: UInt64(seed) &+ 777, vertices: 3 ... 9)
        let (s, t) = RandomGraphs.endpoints(seed: UInt64(seed), vertexCount: g.vertexCount)
        var rng = SplitMix64(seed: UInt64(seed))
        let via = Int32.random(in: 0 ..< Int32(g.vertexCount), using: &rng)
        let avoid = RandomGraphs.avoidSet(seed: UInt64(seed), vertexCount: g.vertexCount, keeping: [s, t, via])
        let steps = seed % 3 == 0 ? nil : 2 + seed % 4
        let expected = PathOracles.allSimplePaths(g, from: s, to: t, avoid: avoid, maxSteps: steps)
            .filter { $0.vertices.contains(via) }
        var finder = try PathFinder(g)
        let k = 1 + seed % 8
        let found = try finder.shortestPaths(
            from: s, to: t, count: k, constraints: .init(avoid: avoid, via: via, maxSteps: steps))
        #expect(found.map(PathOracles.Path.init) == Array(expected.prefix(k)), "\(s) → \(via) → \(t)")
        for path in found {
            #expect(path.isSimple && path.contains(via))
            #expect(GraphPath(source: s, edgePositions: path.edgePositions, in: g) == path)
        }
    }
}
