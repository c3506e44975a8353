import Testing
@testable import RoleGraphAlgorithms
import RoleGraphTestSupport

@Suite struct YenTests {
    /// The example of Yen's algorithm on Wikipedia: C D E F G H = 0 1 2 3 4 5.
    static let wikipedia = graph(6, [
        (0, 1, 3), (0, 2, 2), (1, 3, 4), (2, 1, 1), (2, 3, 2), (2, 4, 3), (3, 4, 2), (3, 5, 1), (4, 5, 2),
    ])

    @Test func wikipediaExample() throws {
        var finder = try PathFinder(Self.wikipedia)
        let paths = try finder.shortestPaths(from: 0, to: 5, count: 4)
        #expect(paths.map(\.vertices) == [[0, 2, 3, 5], [0, 2, 4, 5], [0, 1, 3, 5], [0, 2, 1, 3, 5]])
        // C-D-F-H and C-E-D-F-H both cost 8: the one with fewer steps comes first.
        #expect(paths.map(\.cost) == [5, 7, 8, 8])
    }

    @Test func enumeratesEverySimplePathThenStops() throws {
        var finder = try PathFinder(Self.wikipedia)
        let all = try finder.shortestPaths(from: 0, to: 5, count: 100)
        let expected = PathOracles.allSimplePaths(Self.wikipedia, from: 0, to: 5)
        #expect(all.map(PathOracles.Path.init) == expected)
        #expect(all.count == 7)
    }

    @Test func parallelEdgesMakeDistinctPaths() throws {
        var finder = try PathFinder(graph(3, [(0, 1, 1), (0, 1, 1), (1, 2, 1), (0, 2, 3)]))
        let paths = try finder.shortestPaths(from: 0, to: 2, count: 5)
        #expect(paths.map(\.vertices) == [[0, 1, 2], [0, 1, 2], [0, 2]])
        // CSR positions: 0 and 1 are the two 0 → 1 edges, 2 is 0 → 2, 3 is 1 → 2.
        #expect(paths.map(\.edgePositions) == [[0, 3], [1, 3], [2]])
        #expect(paths[0].edgePositions != paths[1].edgePositions)
        #expect(paths.map(\.cost) == [2, 2, 3])
    }

    @Test func countZeroIsEmpty() throws {
        var finder = try PathFinder(Self.wikipedia)
        #expect(try finder.shortestPaths(from: 0, to: 5, count: 0).isEmpty)
    }

    @Test("Yen's first k equal brute-force enumeration", arguments: 0 ..< 250)
    func matchesBruteForce(seed: Int) throws {
        let g = RandomGraphs.graph(seed: UInt64(seed), vertices: 2 ... 9)
        let (s, t) = RandomGraphs.endpoints(seed: UInt64(seed), vertexCount: g.vertexCount)
        let expected = PathOracles.allSimplePaths(g, from: s, to: t)
        var finder = try PathFinder(g)
        let k = 1 + seed % 12
        let found = try finder.shortestPaths(from: s, to: t, count: k)
        #expect(found.map(PathOracles.Path.init) == Array(expected.prefix(k)))
        // Unidirectional spurs give the same enumeration.
        finder.strategy = .unidirectional
        #expect(try finder.shortestPaths(from: s, to: t, count: k) == found)
    }

    @Test("Yen equals brute force on tie-heavy layered graphs", arguments: 0 ..< 200)
    func matchesBruteForceOnLayeredGraphs(seed: Int) throws {
        let (g, s) = RandomGraphs.layered(seed: UInt64(seed), layers: 3 ... 5, width: 1 ... 3)
        var rng = SplitMix64(seed: UInt64(seed))
        let t = Int32.random(in: 0 ..< Int32(g.vertexCount), using: &rng)
        let steps = seed % 2 == 0 ? nil : 2 + seed % 3
        let expected = PathOracles.allSimplePaths(g, from: s, to: t, maxSteps: steps)
        var finder = try PathFinder(g)
        let found = try finder.shortestPaths(from: s, to: t, count: 10, constraints: .init(maxSteps: steps))
        #expect(found.map(PathOracles.Path.init) == Array(expected.prefix(10)))
    }

    @Test("Yen with avoid and maxSteps equals filtered brute force", arguments: 0 ..< 250)
    func constrainedMatchesBruteForce(seed: Int) throws {
        let g = RandomGraphs.graph(seed: UInt64(seed), vertices: 3 ... 9)
        let (s, t) = RandomGraphs.endpoints(seed: UInt64(seed), vertexCount: g.vertexCount)
        let avoid = RandomGraphs.avoidSet(seed: UInt64(seed), vertexCount: g.vertexCount, keeping: [s, t])
        let avoidEdges: Set<Int32> = g.edgeCount > 0 && seed % 3 == 0 ? [Int32(seed % g.edgeCount)] : []
        let steps = seed % 2 == 0 ? nil : 1 + seed % 5
        let constraints = PathConstraints(avoid: avoid, avoidEdges: avoidEdges, maxSteps: steps)
        let expected = PathOracles.allSimplePaths(
            g, from: s, to: t, avoid: avoid, avoidEdgeIDs: avoidEdges, maxSteps: steps)
        var finder = try PathFinder(g)
        let k = 1 + seed % 10
        let found = try finder.shortestPaths(from: s, to: t, count: k, constraints: constraints)
        #expect(found.map(PathOracles.Path.init) == Array(expected.prefix(k)))
        for path in found {
            #expect(path.isSimple)
            #expect(path.source == s && path.target == t)
            #expect(path.vertices.allSatisfy { !avoid.contains($0) })
            #expect(steps.map { path.hops <= $0 } ?? true)
            #expect(GraphPath(source: s, edgePositions: path.edgePositions, in: g) == path)
        }
        #expect(Set(found).count == found.count)
        #expect(zip(found, found.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test("Yen on larger graphs: simple, distinct, ordered, first is the best", arguments: 0 ..< 60)
    func largerGraphsAreConsistent(seed: Int) throws {
        let g = RandomGraphs.graph(seed: UInt64(seed) &+ 10_000, vertices: 20 ... 60)
        let (s, t) = RandomGraphs.endpoints(seed: UInt64(seed), vertexCount: g.vertexCount)
        var finder = try PathFinder(g)
        let found = try finder.shortestPaths(from: s, to: t, count: 8)
        #expect(found.first == (try finder.shortestPathTree(from: s).path(to: t)))
        #expect(Set(found).count == found.count)
        #expect(zip(found, found.dropFirst()).allSatisfy { $0 < $1 })
        #expect(found.allSatisfy { $0.isSimple && GraphPath(source: s, edgePositions: $0.edgePositions, in: g) == $0 })
    }
}
