import Testing
@testable import RoleGraphAlgorithms
import RoleGraphTestSupport

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
        #expect(try !PathFinder(graph(2, [(0, 1, 1.0 / 3.0)])).costsAreExact)
        // Short decimals are searched in whole tenths, hundredths, …: exact again.
        let tenths = try PathFinder(graph(2, [(0, 1, 0.1)]))
        #expect(tenths.costsAreExact)
        #expect(tenths.costScale == 10)
        #expect(try PathFinder(graph(2, [(0, 1, 2.25), (1, 0, 1.5)])).costScale == 1)  // dyadic already
    }

    /// A weight is whole at a scale only within the error of parsing a decimal: 999999.9991 is
    /// not whole in tenths (a relative tolerance of 10⁻⁹ would take it for 10000000, and the
    /// route through it would tie with a cheaper one), nor 10⁻¹² in anything up to millionths.
    @Test func aScaleDropsNoDigit() throws {
        #expect(PathFinder.decimalScaling([0.1, 1_000_000, 999_999.9991, 0.7])?.0 == 10_000)
        #expect(PathFinder.decimalScaling([0.1, 1e-12]) == nil)
        #expect(PathFinder.decimalScaling([0.1, 0.7, 1.1, 2.675, 999_999.9])?.0 == 1000)
        #expect(PathFinder.decimalScaling([0.3, 0.7, 1.1, 999_999.9])?.0 == 10)
        // The reviewer's network: a → d → c costs 1000000.1, a → b → c 1000000.0991, which comes first.
        var finder = try PathFinder(graph(4, [(0, 3, 0.1), (3, 2, 1_000_000), (0, 1, 999_999.9991), (1, 2, 0.1)]))
        #expect(finder.costScale == 10_000)
        let paths = try finder.shortestPaths(from: 0, to: 2, count: 2)
        #expect(paths.map(\.vertices) == [[0, 1, 2], [0, 3, 2]])
        #expect(paths[0].cost < paths[1].cost)
    }

    /// Scaling in parts (as a large network's weights are) finds what a plain loop over the
    /// weights finds: the smallest power of ten that makes every weight whole within 8 units in
    /// the last place, the same scaled weights, and no scale when the total passes 2⁵⁰.
    @Test(arguments: 0 ..< 200)
    func scalingInPartsAgreesWithAPlainLoop(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let digits = Int.random(in: 0 ... 7, using: &rng)
        let huge = Int.random(in: 0 ..< 10, using: &rng) == 0
        let weights = (0 ..< Int.random(in: 0 ... 40, using: &rng)).map { _ -> Double in
            let whole = Double(Int.random(in: 0 ... (huge ? 1_000_000 : 50), using: &rng))
            let tail = Double(Int.random(in: 0 ..< 10, using: &rng)) / [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7][Int.random(in: 0 ... digits, using: &rng)]
            return huge ? whole * 1e3 + tail : whole + tail
        }
        // The oracle: try each power of ten in turn over the whole column.
        var expected: (Double, [Double])?
        var scale = 1.0
        search: for _ in 1 ... 6 {
            scale *= 10
            var scaled: [Double] = []
            for w in weights {
                let x = w * scale
                guard abs(x - x.rounded()) <= 8 * x.ulp else { continue search }
                scaled.append(x.rounded())
            }
            expected = scaled.reduce(0, +) <= 0x1p50 ? (scale, scaled) : nil
            break
        }
        for parts in [1, 2, 3, 7] {
            let got = PathFinder.decimalScaling(Column(weights), parts: ContiguousParts(count: weights.count, parts: parts))
            #expect(got?.0 == expected?.0 && got?.1 == expected?.1, "\(weights) in \(parts)")
        }
    }

    @Test func handMadeTiesComeOutAsInTheUnidirectionalSearch() throws {
        var finder = try PathFinder(DijkstraTests.threeEqualPaths)
        finder.strategy = .bidirectional
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
        finder.strategy = .bidirectional
        let path = try #require(try finder.shortestPath(from: 0, to: 10))
        #expect(path.vertices == Array(0 ... 10))
        let tree = try finder.shortestPathTree(from: 0)
        #expect(tree.path(to: 10) == path)
    }

    @Test("bidirectional equals unidirectional, path and cost", arguments: 0 ..< 300)
    func agreesWithUnidirectional(seed: Int) throws {
        let g = RandomGraphs.graph(seed: UInt64(seed), vertices: 2 ... 60)
        var finder = try PathFinder(g)
        finder.strategy = .bidirectional
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
        finder.strategy = .bidirectional
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
        finder.strategy = .bidirectional
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
        let third = 1.0 / 3.0
        var finder = try PathFinder(graph(4, [(0, 1, third), (1, 3, 2 * third), (0, 2, 2 * third), (2, 3, third), (0, 3, 1)]))
        finder.strategy = .bidirectional
        #expect(!finder.costsAreExact)
        let path = try #require(try finder.shortestPath(from: 0, to: 3))
        #expect(try path == finder.shortestPathTree(from: 0).path(to: 3))
    }

    /// In binary 0.1 + 0.2 > 0.3; in tenths the three paths tie exactly, and the tie goes to the
    /// one with fewer steps, whichever search runs.
    @Test func decimalCostsTieExactly() throws {
        var finder = try PathFinder(graph(4, [(0, 1, 0.1), (1, 3, 0.2), (0, 2, 0.2), (2, 3, 0.1), (0, 3, 0.3)]))
        finder.strategy = .bidirectional
        let paths = try finder.shortestPaths(from: 0, to: 3, count: 3)
        #expect(paths.map(\.cost) == [0.3, 0.3, 0.3])
        #expect(paths.map(\.vertices) == [[0, 3], [0, 1, 3], [0, 2, 3]])
        #expect(try finder.distances(from: 0) == [0, 0.1, 0.2, 0.3])
    }

    /// Decimal weights (tenths to thousandths): the scaled bidirectional search agrees with the
    /// unidirectional one, and costs equal Bellman-Ford's to rounding.
    @Test(arguments: 0 ..< 100)
    func decimalWeightsAgreeAcrossStrategies(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let n = Int.random(in: 2 ... 40, using: &rng)
        let scale = [10.0, 100.0, 1000.0][Int(seed % 3)]
        var edges: [(Int, Int, Double)] = []
        for _ in 0 ..< Int.random(in: 0 ... n * 4, using: &rng) {
            edges.append((Int.random(in: 0 ..< n, using: &rng), Int.random(in: 0 ..< n, using: &rng),
                          Double(Int.random(in: 1 ... 50, using: &rng)) / scale))
        }
        let g = graph(n, edges.map { (Int32($0.0), Int32($0.1), $0.2) })
        var bidirectional = try PathFinder(g)
        bidirectional.strategy = .bidirectional
        #expect(bidirectional.costsAreExact)
        var unidirectional = try PathFinder(g)
        unidirectional.strategy = .unidirectional
        var reference = [Double](repeating: .infinity, count: n)
        reference[0] = 0
        for _ in 0 ..< n { for (a, b, w) in edges where reference[a] + w < reference[b] { reference[b] = reference[a] + w } }
        for t in 1 ..< Int32(n) {
            let a = try bidirectional.shortestPath(from: 0, to: t)
            let b = try unidirectional.shortestPath(from: 0, to: t)
            #expect(a == b)
            #expect(abs((a?.cost ?? .infinity) - reference[Int(t)]) < 1e-9 || (a == nil && reference[Int(t)] == .infinity))
        }
    }

    /// Under the automatic strategy the first single-pair search is unidirectional and builds no
    /// reversed adjacency; the second builds it and runs bidirectionally; every answer equals
    /// the always-bidirectional and the unidirectional finders'.
    @Test("the first search skips the reverse index, the second builds it", arguments: 0 ..< 50)
    func reverseIndexWaitsForTheSecondSearch(seed: Int) throws {
        let g = RandomGraphs.graph(seed: UInt64(seed), vertices: 2 ... 60)
        let (s, t) = RandomGraphs.endpoints(seed: UInt64(seed), vertexCount: g.vertexCount)
        var automatic = try PathFinder(g)
        var eager = try PathFinder(g)
        eager.strategy = .bidirectional
        var unidirectional = try PathFinder(g)
        unidirectional.strategy = .unidirectional
        let first = try automatic.shortestPath(from: s, to: t)
        #expect(automatic.scratch.reverse == nil)
        #expect(first == (try eager.shortestPath(from: s, to: t)))
        #expect(first == (try unidirectional.shortestPath(from: s, to: t)))
        #expect(eager.scratch.reverse != nil || s == t)
        let second = try automatic.shortestPath(from: t, to: s)
        #expect((automatic.scratch.reverse != nil) == (s != t))
        #expect(second == (try unidirectional.shortestPath(from: t, to: s)))
    }

    /// A finder given the reversed adjacency another finder built (as a snapshot image stores
    /// it) searches bidirectionally from its first query, builds nothing, and answers every
    /// query, with decimal weights too, as a unidirectional finder does; whether it is given the
    /// search weights as `Double`s, as `Float`s or as palette codes.
    @Test("a finder given the reversed adjacency searches bidirectionally at once",
          arguments: 0 ..< 50, ["double", "float", "palette"])
    func givenReversedAdjacencyIsUsedAtOnce(seed: Int, form: String) throws {
        let shape = RandomGraphs.graph(seed: UInt64(seed), vertices: 2 ... 60)
        // Tenths on odd seeds: the stored weights are then the scaled search weights.
        let g = seed % 2 == 0 ? shape : CSRGraph(
            vertexCount: shape.vertexCount, offsets: shape.offsets, targets: shape.targets,
            weights: Column(shape.weights.map { ($0 * 10).rounded() / 10 + 0.1 }), edgeIDs: shape.edgeIDs)
        var builder = try PathFinder(g)
        var reversed = builder.reversedAdjacency()
        #expect(reversed.offsets.count == g.vertexCount + 1 && reversed.sources.count == g.edgeCount)
        let prepared = try PathFinder.PreparedWeights(g)
        let forwardWeights = prepared.searchWeights ?? g.weights
        switch form {
        case "float":
            let forward = try #require(CompactSearchWeights.floats(forwardWeights))
            let backward = try #require(CompactSearchWeights.floats(reversed.weights))
            reversed.compact = .float(forward: Column(forward), reversed: Column(backward))
        case "palette":
            let palette = try #require(CompactSearchWeights.palette(of: forwardWeights))
            reversed.compact = .palette(Column(palette), forward: Column(CompactSearchWeights.codes(forwardWeights, in: palette)),
                                        reversed: Column(CompactSearchWeights.codes(reversed.weights, in: palette)))
        default:
            break
        }
        // With compact weights the reversed Doubles are not kept; the search must not need them.
        if reversed.compact != nil { reversed.weights = Column([]) }
        var given = PathFinder(g, prepared: prepared, reversed: reversed)
        let built = try #require(given.scratch.reverse)
        var unidirectional = try PathFinder(g)
        unidirectional.strategy = .unidirectional
        var rng = SplitMix64(seed: UInt64(seed))
        for _ in 0 ..< 8 {
            let s = Int32.random(in: 0 ..< Int32(g.vertexCount), using: &rng)
            let t = Int32.random(in: 0 ..< Int32(g.vertexCount), using: &rng)
            #expect(try given.shortestPath(from: s, to: t) == unidirectional.shortestPath(from: s, to: t))
            #expect(try given.shortestPaths(from: s, to: t, count: 3) == unidirectional.shortestPaths(from: s, to: t, count: 3))
        }
        #expect(given.scratch.reverse === built, "the given index is used, not rebuilt")
    }
}
