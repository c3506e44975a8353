import Testing
@testable import RoleGraph

@Suite struct BidirectionalDijkstraTests {
    @Test func exactCostDetection() {
        #expect(PathFinder.sumsAreExact([1, 2, 3, 0]))
        #expect(PathFinder.sumsAreExact([0.5, 0.25, 1.75, 1e6]))
        #expect(PathFinder.sumsAreExact([]))
        #expect(!PathFinder.sumsAreExact([0.1, 0.2]))
        #expect(!PathFinder.sumsAreExact([1.0 / 3.0]))
        #expect(!PathFinder.sumsAreExact([0x1p49, 0x1p49, 0x1p49]))  // sums leave the exact range
        #expect(!PathFinder.sumsAreExact([Double.leastNonzeroMagnitude]))
    }

    @Test func usesTheBidirectionalSearchOnlyWhenCostsAreExact() throws {
        #expect(try PathFinder(DijkstraTests.diamond).costsAreExact)
        #expect(try !PathFinder(graph(2, [(0, 1, 0.1)])).costsAreExact)
    }

    @Test func handMadeTiesComeOutAsInTheUnidirectionalSearch() throws {
        var finder = try PathFinder(DijkstraTests.threeEqualPaths)
        let bidirectional = try #require(try finder.shortestPath(from: 0, to: 5))
        finder.strategy = .unidirectional
        #expect(try finder.shortestPath(from: 0, to: 5) == bidirectional)
        #expect(bidirectional.vertices == [0, 1, 4, 5])
    }

    /// A long chain with a parallel-equal route in the middle: the meeting point falls in the
    /// middle, where both sides must agree on the tie.
    @Test func tieAtTheMeetingPoint() throws {
        var edges: [(Int32, Int32, Double)] = []
        for v in Int32(0) ..< 10 where v != 4 { edges.append((v, v + 1, 1)) }
        // 4 → 5 twice with equal weight, and a detour 4 → 11 → 6 of the same cost as 4 → 5 → 6.
        edges += [(4, 5, 1), (4, 5, 1), (4, 11, 1), (11, 6, 1)]
        var finder = try PathFinder(graph(12, edges))
        let path = try #require(try finder.shortestPath(from: 0, to: 10))
        #expect(path.vertices == Array(0 ... 10))
        let tree = try finder.shortestPathTree(from: 0)
        #expect(tree.path(to: 10) == path)
    }

    @Test("bidirectional equals unidirectional, path and cost", arguments: 0 ..< 300)
    func agreesWithUnidirectional(seed: Int) throws {
        let g = RandomGraphs.graph(seed: UInt64(seed), vertices: 2 ... 60)
        var finder = try PathFinder(g)
        #expect(finder.costsAreExact)
        let (s, t) = RandomGraphs.endpoints(seed: UInt64(seed), vertexCount: g.vertexCount)
        let tree = try finder.shortestPathTree(from: s)
        // Several targets per graph: the drawn one and every fifth vertex.
        for target in [t] + stride(from: Int32(0), to: Int32(g.vertexCount), by: 5) {
            let bidirectional = try finder.shortestPath(from: s, to: target)
            #expect(bidirectional == tree.path(to: target), "\(s) → \(target)")
        }
    }

    @Test("bidirectional equals unidirectional on tie-heavy layered graphs", arguments: 0 ..< 200)
    func agreesOnLayeredGraphs(seed: Int) throws {
        let (g, s) = RandomGraphs.layered(seed: UInt64(seed), layers: 3 ... 12, width: 1 ... 6)
        var finder = try PathFinder(g)
        let tree = try finder.shortestPathTree(from: s)
        for target in 0 ..< Int32(g.vertexCount) {
            #expect(try finder.shortestPath(from: s, to: target) == tree.path(to: target), "\(s) → \(target)")
        }
    }

    @Test("bidirectional honours avoided vertices and edges", arguments: 0 ..< 200)
    func agreesUnderAvoidance(seed: Int) throws {
        let g = RandomGraphs.graph(seed: UInt64(seed), vertices: 3 ... 50)
        let (s, t) = RandomGraphs.endpoints(seed: UInt64(seed), vertexCount: g.vertexCount)
        let avoid = RandomGraphs.avoidSet(seed: UInt64(seed), vertexCount: g.vertexCount, keeping: [s, t], limit: 4)
        let avoidEdges = Set((0 ..< Int32(g.edgeCount)).filter { $0 % 7 == Int32(seed % 7) })
        var finder = try PathFinder(g)
        let constraints = PathConstraints(avoid: avoid, avoidEdges: avoidEdges)
        let bidirectional = try finder.shortestPath(from: s, to: t, constraints: constraints)
        finder.strategy = .unidirectional
        let unidirectional = try finder.shortestPath(from: s, to: t, constraints: constraints)
        #expect(bidirectional == unidirectional)
        let tree = try finder.shortestPathTree(from: s, avoiding: avoid, avoidingEdges: avoidEdges)
        #expect(unidirectional == tree.path(to: t))
        if let path = bidirectional {
            #expect(path.vertices.allSatisfy { !avoid.contains($0) })
            #expect(path.edgeIDs.allSatisfy { !avoidEdges.contains($0) })
        }
    }

    @Test func inexactCostsFallBackAndStillAgree() throws {
        var finder = try PathFinder(graph(4, [(0, 1, 0.1), (1, 3, 0.2), (0, 2, 0.2), (2, 3, 0.1), (0, 3, 0.3)]))
        #expect(!finder.costsAreExact)
        let path = try #require(try finder.shortestPath(from: 0, to: 3))
        #expect(try path == finder.shortestPathTree(from: 0).path(to: 3))
    }
}
