import Testing
@testable import RoleGraphAlgorithms
import RoleGraphTestSupport

@Suite struct BetweennessTests {
    /// Betweenness by enumerating every shortest path: Floyd–Warshall distances on the simple
    /// graph (parallel edges merged to the shortest, loops dropped, both directions when
    /// undirected), then a depth-first walk along tight edges lists each shortest s–t path, and
    /// each interior vertex gets 1/(number of s–t paths). Undirected sums are halved.
    static func bruteForce(_ graph: CSRGraph, directed: Bool, weighted: Bool) -> [Double] {
        let n = graph.vertexCount
        var length = [[Double]](repeating: [Double](repeating: .infinity, count: n), count: n)
        for e in graph.edges where e.source != e.target {
            let w = weighted ? e.weight : 1
            let (u, v) = (Int(e.source), Int(e.target))
            length[u][v] = min(length[u][v], w)
            if !directed { length[v][u] = min(length[v][u], w) }
        }
        var dist = length
        for v in 0 ..< n { dist[v][v] = 0 }
        for k in 0 ..< n {
            for i in 0 ..< n {
                for j in 0 ..< n where dist[i][k] + dist[k][j] < dist[i][j] {
                    dist[i][j] = dist[i][k] + dist[k][j]
                }
            }
        }
        var centrality = [Double](repeating: 0, count: n)
        for s in 0 ..< n {
            for t in 0 ..< n where t != s && dist[s][t] < .infinity {
                var paths: [[Int]] = []
                func walk(_ path: [Int]) {
                    let u = path.last!
                    if u == t { paths.append(path); return }
                    for w in 0 ..< n where length[u][w] < .infinity
                        && dist[s][u] + length[u][w] == dist[s][w] && dist[s][w] + dist[w][t] == dist[s][t] {
                        walk(path + [w])
                    }
                }
                walk([s])
                for path in paths {
                    for v in path.dropFirst().dropLast() { centrality[v] += 1 / Double(paths.count) }
                }
            }
        }
        return directed ? centrality : centrality.map { $0 / 2 }
    }

    static func close(_ a: [Double], _ b: [Double], tolerance: Double = 1e-9) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance * max(1, abs($1)) }
    }

    @Test(arguments: 0 ..< UInt64(120))
    func matchesShortestPathEnumeration(seed: UInt64) {
        var rng = ClusteringTestRNG(seed: seed)
        let n = 2 + rng.int(9)
        // Integer weights 1…3 so that equal-length paths tie exactly; some parallel edges and loops.
        var edges = ClusteringFixtures.randomEdges(vertexCount: n, p: 0.15 + 0.35 * rng.unit(), maxWeight: 3,
                                                   selfLoops: seed % 4 == 0, rng: &rng)
        if seed % 3 == 0, let e = edges.first { edges.append(WeightedEdge(e.source, e.target, weight: 1)) }
        let graph = CSRGraph(vertexCount: n, edges: edges)
        for directed in [true, false] {
            for weighted in [false, true] {
                let options = BetweennessOptions(directed: directed, weighted: weighted)
                let expected = Self.bruteForce(graph, directed: directed, weighted: weighted)
                #expect(Self.close(graph.betweennessCentrality(options), expected),
                        "seed \(seed) directed \(directed) weighted \(weighted)")
            }
        }
    }

    @Test func starAndPath() {
        // Star: centre 0, leaves 1…4. Every pair of leaves (C(4,2) = 6) passes through 0.
        let star = CSRGraph(vertexCount: 5, edges: (1 ... 4).map { WeightedEdge(0, Int32($0)) })
        let undirected = BetweennessOptions(directed: false)
        #expect(star.betweennessCentrality(undirected) == [6, 0, 0, 0, 0])
        // Normalised by (n−1)(n−2)/2 = 6 pairs not involving the centre.
        #expect(star.betweennessCentrality(BetweennessOptions(directed: false, normalized: true)) == [1, 0, 0, 0, 0])
        // Directed outward star: no path passes through anything.
        #expect(star.betweennessCentrality() == [0, 0, 0, 0, 0])

        // Path 0–1–2–3–4: vertex 1 lies between 0 and {2,3,4} (3 pairs), vertex 2 between
        // {0,1} and {3,4} (4 pairs).
        let path = CSRGraph(vertexCount: 5, edges: (0 ..< 4).map { WeightedEdge(Int32($0), Int32($0 + 1)) })
        #expect(path.betweennessCentrality(undirected) == [0, 3, 4, 3, 0])
        let normalized = path.betweennessCentrality(BetweennessOptions(directed: false, normalized: true))
        #expect(Self.close(normalized, [0, 0.5, 4.0 / 6, 0.5, 0]))
        // Directed 0→1→2→3→4: the same pairs, one direction only; normalised by (n−1)(n−2) = 12.
        #expect(path.betweennessCentrality() == [0, 3, 4, 3, 0])
        #expect(Self.close(path.betweennessCentrality(BetweennessOptions(normalized: true)), [0, 0.25, 1.0 / 3, 0.25, 0]))
    }

    @Test func weightedSquareWithATie() {
        // Square 0–1–2–3–0 with edge 0–3 of length 3, the others 1.
        // (0,2): only via 1 (2 < 4) → 1 gets 1. (1,3): only via 2 (2 < 4) → 2 gets 1.
        // (0,3): direct (3) ties with 0–1–2–3 (3) → 1 and 2 get ½ each.
        let square = CSRGraph(vertexCount: 4, edges: [
            WeightedEdge(0, 1), WeightedEdge(1, 2), WeightedEdge(2, 3), WeightedEdge(3, 0, weight: 3),
        ])
        let options = BetweennessOptions(directed: false, weighted: true)
        #expect(square.betweennessCentrality(options) == [0, 1.5, 1.5, 0])
        // Unweighted, the square is symmetric: each vertex is between its two neighbours, half
        // the time.
        #expect(square.betweennessCentrality(BetweennessOptions(directed: false)) == [0.5, 0.5, 0.5, 0.5])
    }

    @Test func matchesNetworkxOnAFixedGraph() {
        // Expected values from networkx 3.6 betweenness_centrality on the same edges (DiGraph;
        // Graph with the smaller weight of opposite edges for the undirected reading).
        let list: [(Int32, Int32, Double)] = [
            (0, 2, 2), (0, 4, 1), (1, 4, 1), (1, 7, 3), (2, 1, 2), (4, 1, 2), (5, 1, 2), (5, 4, 2),
            (6, 3, 2), (6, 8, 2), (7, 4, 1), (8, 1, 1), (8, 3, 2),
        ]
        let graph = CSRGraph(vertexCount: 9, edges: list.map { WeightedEdge($0.0, $0.1, weight: $0.2) })
        let directed = graph.betweennessCentrality(BetweennessOptions(weighted: true, normalized: true))
        #expect(Self.close(directed, [0, 0.1607142857142857, 0, 0, 0.05357142857142857, 0, 0, 0, 0.05357142857142857]))
        let hops = graph.betweennessCentrality(BetweennessOptions(directed: false))
        #expect(Self.close(hops, [0.5, 18, 2, 0, 4.5, 0, 0, 0, 12]))
        let lengths = graph.betweennessCentrality(BetweennessOptions(directed: false, weighted: true, normalized: true))
        #expect(Self.close(lengths, [0.03571428571428571, 0.6071428571428571, 0, 0, 0.42857142857142855, 0, 0, 0,
                                     0.42857142857142855]))
    }

    @Test func isInvariantUnderVertexRenumbering() {
        var rng = ClusteringTestRNG(seed: 31)
        let n = 30
        let edges = ClusteringFixtures.randomEdges(vertexCount: n, p: 0.1, maxWeight: 4, rng: &rng)
        var perm = Array(0 ..< n)
        perm.shuffle(using: &rng)
        var moved = edges.map { WeightedEdge(Int32(perm[Int($0.source)]), Int32(perm[Int($0.target)]), weight: $0.weight) }
        moved.shuffle(using: &rng)
        for options in [BetweennessOptions(), BetweennessOptions(directed: false, weighted: true)] {
            let a = CSRGraph(vertexCount: n, edges: edges).betweennessCentrality(options)
            let b = CSRGraph(vertexCount: n, edges: moved).betweennessCentrality(options)
            #expect(Self.close((0 ..< n).map { b[perm[$0]] }, a))
        }
    }

    @Test func sampledWithEveryVertexAsPivotIsExact() {
        var rng = ClusteringTestRNG(seed: 2)
        let graph = CSRGraph(vertexCount: 25, edges: ClusteringFixtures.randomEdges(vertexCount: 25, p: 0.12, rng: &rng))
        for options in [BetweennessOptions(), BetweennessOptions(directed: false, normalized: true)] {
            let exact = graph.betweennessCentrality(options)
            #expect(Self.close(graph.sampledBetweennessCentrality(pivots: 25, options, using: &rng), exact))
            #expect(Self.close(graph.sampledBetweennessCentrality(pivots: 1000, options, using: &rng), exact))
        }
    }

    @Test func sampledEstimateIsUnbiased() {
        // Averaged over every possible set of k pivots, the estimate equals the exact value:
        // enumerate all C(7, 3) = 35 pivot sets of a small graph.
        var rng = ClusteringTestRNG(seed: 12)
        let n = 7
        let graph = CSRGraph(vertexCount: n, edges: ClusteringFixtures.randomEdges(vertexCount: n, p: 0.3, maxWeight: 2, rng: &rng))
        for options in [BetweennessOptions(weighted: true), BetweennessOptions(directed: false, normalized: true)] {
            var mean = [Double](repeating: 0, count: n)
            var sets = 0
            for a in 0 ..< n { for b in a + 1 ..< n { for c in b + 1 ..< n {
                let estimate = graph.betweenness(pivots: [Int32(a), Int32(b), Int32(c)], options)
                for v in 0 ..< n { mean[v] += estimate[v] }
                sets += 1
            } } }
            #expect(sets == 35)
            #expect(Self.close(mean.map { $0 / 35 }, graph.betweennessCentrality(options)))
        }
    }

    @Test func sampledIsDeterministicPerSeed() {
        var rng = ClusteringTestRNG(seed: 40)
        let graph = CSRGraph(vertexCount: 60, edges: ClusteringFixtures.randomEdges(vertexCount: 60, p: 0.05, rng: &rng))
        var r1 = ClusteringTestRNG(seed: 5), r2 = ClusteringTestRNG(seed: 5)
        #expect(graph.sampledBetweennessCentrality(pivots: 10, using: &r1)
            == graph.sampledBetweennessCentrality(pivots: 10, using: &r2))
    }
}
