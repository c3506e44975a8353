/// The undirected weighted graph that Louvain and Leiden work on at one level of aggregation.
///
/// It is a CSR graph with self-loops taken out of the rows and kept in `selfLoops`, because the
/// two are used differently: a vertex's edges to *other* vertices decide where it moves, while
/// its self-loop (at aggregate levels, the weight inside the vertex) only adds to its degree and
/// moves with it. Following ``CSRGraph/modularity(of:resolution:)``, a self-loop of weight *w*
/// counts `2w` towards the degree, so the total degree `2m` is the same at every level.
struct CommunityGraph {
    /// The number of vertices at this level.
    let vertexCount: Int
    /// CSR offsets of the rows (edges to other vertices only).
    let offsets: [Int]
    /// Row targets.
    let targets: [Int32]
    /// Row weights, parallel to `targets`.
    let weights: [Double]
    /// The self-loop weight of each vertex (counted twice in its degree).
    let selfLoops: [Double]
    /// The weighted degree of each vertex: its row weights plus twice its self-loop.
    let degrees: [Double]
    /// `2m`, the sum of all degrees.
    let totalDegree: Double

    /// Takes a symmetric CSR graph (the input of every clustering entry point).
    ///
    /// - Precondition: every weight is finite and non-negative.
    /// - Complexity: O(*V* + *E*).
    init(_ graph: CSRGraph) {
        let n = graph.vertexCount
        var degrees = [Double](repeating: 0, count: n)
        var total = 0.0
        var hasSelfLoop = false
        graph.offsets.withUnsafeBufferPointer { offsets in
        graph.targets.withUnsafeBufferPointer { targets in
        graph.weights.withUnsafeBufferPointer { weights in
            for v in 0 ..< n {
                var k = 0.0
                var valid = true
                for e in offsets[v] ..< offsets[v + 1] {
                    let w = weights[e]
                    valid = valid && w >= 0 && w.isFinite
                    hasSelfLoop = hasSelfLoop || Int(targets[e]) == v
                    k += w
                }
                precondition(valid, "clustering needs finite, non-negative weights")
                degrees[v] = k
                total += k
            }
        }
        }
        }
        // The usual case (simple graphs, and every graph `symmetrized()` makes from a simple
        // one): no self-loops, so the rows are the CSR graph's own arrays, shared, not copied.
        guard hasSelfLoop else {
            self.init(offsets: graph.offsets.array, targets: graph.targets.array, weights: graph.weights.array,
                      selfLoops: [Double](repeating: 0, count: n), degrees: degrees, totalDegree: total)
            return
        }
        var offsets = [Int](repeating: 0, count: n + 1)
        var targets: [Int32] = []
        var weights: [Double] = []
        targets.reserveCapacity(graph.edgeCount)
        weights.reserveCapacity(graph.edgeCount)
        var selfLoops = [Double](repeating: 0, count: n)
        total = 0
        for v in 0 ..< n {
            var k = 0.0
            for e in graph.offsets[v] ..< graph.offsets[v + 1] {
                let w = graph.weights[e]
                let t = graph.targets[e]
                if Int(t) == v {
                    selfLoops[v] += w
                    k += 2 * w
                } else {
                    targets.append(t)
                    weights.append(w)
                    k += w
                }
            }
            degrees[v] = k
            total += k
            offsets[v + 1] = targets.count
        }
        self.init(offsets: offsets, targets: targets, weights: weights, selfLoops: selfLoops,
                  degrees: degrees, totalDegree: total)
    }

    /// Wraps arrays that already form a valid working graph (rows without self-loops).
    ///
    /// - Complexity: O(1).
    init(offsets: [Int], targets: [Int32], weights: [Double], selfLoops: [Double],
         degrees: [Double], totalDegree: Double) {
        self.vertexCount = selfLoops.count
        self.offsets = offsets
        self.targets = targets
        self.weights = weights
        self.selfLoops = selfLoops
        self.degrees = degrees
        self.totalDegree = totalDegree
    }

    /// The graph whose vertices are the clusters of `cluster`: edges between clusters summed,
    /// edges inside a cluster (and its members' self-loops) folded into the cluster's self-loop.
    ///
    /// Modularity of any partition of the clusters equals the modularity of the corresponding
    /// partition of this graph's vertices (Blondel et al. 2008, phase two).
    ///
    /// - Parameters:
    ///   - cluster: the cluster of each vertex, dense in `0 ..< clusterCount`.
    ///   - accumulator: scratch space with capacity for at least `clusterCount` keys.
    /// - Complexity: O(*V* + *E*).
    func aggregated(by cluster: [Int32], clusterCount: Int, accumulator: inout NeighbourWeights,
                    parallel: ParallelPolicy = .default) -> CommunityGraph {
        // Members of each cluster, by a counting sort.
        var start = [Int](repeating: 0, count: clusterCount + 1)
        for c in cluster { start[Int(c) + 1] += 1 }
        for c in 0 ..< clusterCount { start[c + 1] += start[c] }
        var next = start
        var members = [Int32](repeating: 0, count: vertexCount)
        for v in 0 ..< vertexCount {
            let c = Int(cluster[v])
            members[next[c]] = Int32(v)
            next[c] += 1
        }
        var newSelfLoops = [Double](repeating: 0, count: clusterCount)
        var newDegrees = [Double](repeating: 0, count: clusterCount)
        guard parallel.splits(edgeCount: targets.count) else {
            var rows = AggregateRows(reserving: targets.count)
            newSelfLoops.withUnsafeMutableBufferPointer { loops in
                newDegrees.withUnsafeMutableBufferPointer { degrees in
                    buildRows(0 ..< clusterCount, start: start, members: members, cluster: cluster,
                              into: &rows, selfLoops: loops.baseAddress!, degrees: degrees.baseAddress!,
                              accumulator: &accumulator)
                }
            }
            return CommunityGraph(offsets: rows.offsets(), targets: rows.targets, weights: rows.weights,
                                  selfLoops: newSelfLoops, degrees: newDegrees, totalDegree: totalDegree)
        }
        // Rows are independent: each thread builds those of a few contiguous ranges of clusters
        // (of about equal edge counts, several per thread for balance), and the ranges are
        // joined in order, so the result is the same as the sequential one.
        let pieces = parallel.threads * 4
        var bounds = [0]
        let perPiece = Swift.max(1, targets.count / pieces)
        var edgesSoFar = 0
        for c in 0 ..< clusterCount {
            for i in start[c] ..< start[c + 1] {
                let v = Int(members[i])
                edgesSoFar += offsets[v + 1] - offsets[v]
            }
            if edgesSoFar >= perPiece * bounds.count && bounds.count < pieces { bounds.append(c + 1) }
        }
        if bounds.last != clusterCount { bounds.append(clusterCount) }
        let pieceCount = bounds.count - 1
        let pieceBounds = bounds, memberStart = start, memberList = members
        let results = (0 ..< pieceCount).map { _ in PieceResult() }
        let scratch = (0 ..< parallel.threads).map { _ in ThreadAccumulator(capacity: clusterCount) }
        newSelfLoops.withUnsafeMutableBufferPointer { loops in
            newDegrees.withUnsafeMutableBufferPointer { degrees in
                let out = (SharedPointer(base: loops.baseAddress!), SharedPointer(base: degrees.baseAddress!))
                parallel.forEachSlice(count: pieceCount, grain: 1) { thread, range in
                    for piece in range {
                        var rows = AggregateRows(reserving: 0)
                        self.buildRows(pieceBounds[piece] ..< pieceBounds[piece + 1], start: memberStart,
                                       members: memberList,
                                       cluster: cluster, into: &rows, selfLoops: out.0.base, degrees: out.1.base,
                                       accumulator: &scratch[thread].accumulator)
                        results[piece].rows = rows
                    }
                }
            }
        }
        var rows = AggregateRows(reserving: results.reduce(0) { $0 + $1.rows.targets.count })
        for piece in results { rows.append(piece.rows) }
        return CommunityGraph(offsets: rows.offsets(), targets: rows.targets, weights: rows.weights,
                              selfLoops: newSelfLoops, degrees: newDegrees, totalDegree: totalDegree)
    }

    /// The rows of the clusters in `clusters`, appended to `rows`; each cluster's self-loop and
    /// degree written at its index.
    ///
    /// - Complexity: O(the clusters' members and their edges).
    func buildRows(_ clusters: Range<Int>, start: [Int], members: [Int32], cluster: [Int32],
                           into rows: inout AggregateRows, selfLoops: UnsafeMutablePointer<Double>,
                           degrees: UnsafeMutablePointer<Double>, accumulator: inout NeighbourWeights) {
        for c in clusters {
            accumulator.reset()
            var loop = 0.0
            var inner = 0.0
            var degree = 0.0
            for i in start[c] ..< start[c + 1] {
                let v = Int(members[i])
                loop += self.selfLoops[v]
                degree += self.degrees[v]
                for e in offsets[v] ..< offsets[v + 1] {
                    let d = cluster[Int(targets[e])]
                    if Int(d) == c {
                        inner += weights[e]
                    } else {
                        accumulator.add(d, weights[e])
                    }
                }
            }
            // Each inner edge was seen from both ends.
            selfLoops[c] = loop + inner / 2
            degrees[c] = degree
            for d in accumulator.touched {
                rows.targets.append(d)
                rows.weights.append(accumulator.weight[Int(d)])
            }
            rows.lengths.append(Int32(accumulator.touchedCount))
        }
    }

    /// Splits every community of `community` into its connected components, following edges of
    /// positive weight.
    ///
    /// Splitting a community into parts with no edge between them never lowers modularity for
    /// γ ≥ 0 (it removes only the penalty term `γ · K_a K_b / 2m²`), so this is a safe repair.
    ///
    /// - Returns: the component of each vertex, dense and numbered in order of first vertex, and
    ///   the number of components.
    /// - Complexity: O(*V* + *E*).
    func connectedComponents(within community: [Int32]) -> (labels: [Int32], count: Int) {
        var label = [Int32](repeating: -1, count: vertexCount)
        var stack: [Int32] = []
        var count: Int32 = 0
        for root in 0 ..< vertexCount where label[root] < 0 {
            label[root] = count
            stack.append(Int32(root))
            let c = community[root]
            while let v = stack.popLast() {
                for e in offsets[Int(v)] ..< offsets[Int(v) + 1] {
                    let t = Int(targets[e])
                    if label[t] < 0 && community[t] == c && weights[e] > 0 {
                        label[t] = count
                        stack.append(Int32(t))
                    }
                }
            }
            count += 1
        }
        return (label, Int(count))
    }
}

extension CommunityGraph {
    /// Modularity of a community assignment (non-negative labels, not necessarily dense); see
    /// ``CSRGraph/modularity(of:resolution:)``.
    ///
    /// - Complexity: O(*V* + *E* + largest label).
    func modularity(of community: [Int32], resolution: Double) -> Double {
        guard totalDegree > 0 else { return 0 }
        let bound = Int(community.max() ?? -1) + 1
        var inner = [Double](repeating: 0, count: bound)
        var degree = [Double](repeating: 0, count: bound)
        for v in 0 ..< vertexCount {
            let c = Int(community[v])
            degree[c] += degrees[v]
            var w = 2 * selfLoops[v]
            for e in offsets[v] ..< offsets[v + 1] where Int(community[Int(targets[e])]) == c {
                w += weights[e]
            }
            inner[c] += w
        }
        var q = 0.0
        for c in 0 ..< bound where degree[c] > 0 || inner[c] > 0 {
            let share = degree[c] / totalDegree
            q += inner[c] / totalDegree - resolution * share * share
        }
        return q
    }
}

/// Rows of an aggregate graph under construction: targets and weights, and each row's length.
struct AggregateRows {
    var targets: [Int32] = []
    var weights: [Double] = []
    var lengths: [Int32] = []

    /// No rows yet, with room for `capacity` entries.
    init(reserving capacity: Int) {
        targets.reserveCapacity(capacity)
        weights.reserveCapacity(capacity)
    }

    /// Appends `other`'s rows after these.
    mutating func append(_ other: AggregateRows) {
        targets += other.targets
        weights += other.weights
        lengths += other.lengths
    }

    /// CSR offsets from the row lengths.
    func offsets() -> [Int] {
        var result = [Int](repeating: 0, count: lengths.count + 1)
        for (i, length) in lengths.enumerated() { result[i + 1] = result[i] + Int(length) }
        return result
    }
}

/// One thread's share of an aggregation.
private final class PieceResult: @unchecked Sendable {
    var rows = AggregateRows(reserving: 0)
}
