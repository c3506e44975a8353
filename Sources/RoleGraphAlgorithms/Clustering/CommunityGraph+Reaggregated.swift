/// An aggregate graph and where each vertex of the graph it was built from went: what a Louvain
/// pass ends with, and what the next pass can update instead of building again.
struct Aggregation {
    /// The aggregate graph.
    let graph: CommunityGraph
    /// The vertex of `graph` that holds each vertex of the graph it aggregates.
    let vertex: [Int32]
}

extension CommunityGraph {
    /// Largest share of the graph's edge entries that the members of changed clusters may hold
    /// for ``aggregated(by:clusterCount:updating:accumulator:)`` to update rather than rebuild.
    static let maximumReaggregatedShare = 0.5

    /// ``aggregated(by:clusterCount:accumulator:parallel:)``, computed by updating `previous`,
    /// an aggregation of this same graph by another partition, when few clusters differ.
    ///
    /// Why: a later Louvain pass starts from the previous pass's communities and, once the
    /// communities have settled, moves only a few vertices at its first level, yet aggregating
    /// the whole graph again would touch every edge, as much work as the first pass's
    /// aggregation. Here a cluster made of exactly
    /// the members of one previous aggregate vertex is *intact*: its degree, its self-loop and
    /// its edges to other intact clusters are the previous vertex's. Only the other clusters'
    /// rows are built from their members' edges, and each of their edges to an intact cluster
    /// is also appended, mirrored, to that cluster's row (the graph is symmetric).
    ///
    /// The result is the same weighted graph as the full aggregation's, except that an intact
    /// cluster's row lists its edges to intact clusters first, in the previous row's order, and
    /// that its sums were added up in another grouping (so they may differ in the last bits).
    ///
    /// - Parameters:
    ///   - cluster: the cluster of each vertex, dense in `0 ..< clusterCount`.
    ///   - previous: this graph aggregated by some other partition.
    ///   - accumulator: scratch with capacity for at least `clusterCount` keys.
    /// - Returns: the aggregate graph, or `nil` if the members of the clusters that are not
    ///   intact hold more than ``maximumReaggregatedShare`` of the edge entries, when the full
    ///   aggregation costs about as much.
    /// - Complexity: O(*V* + the previous aggregate's edges + the edges of the members of
    ///   clusters that are not intact).
    func aggregated(by cluster: [Int32], clusterCount: Int, updating previous: Aggregation,
                    accumulator: inout NeighbourWeights) -> CommunityGraph? {
        let n = vertexCount
        let old = previous.graph
        precondition(previous.vertex.count == n && cluster.count == n,
                     "the previous aggregation must be of this graph")
        // The new cluster of each previous vertex's members (-1: none yet, -2: several), and the
        // previous vertex of each new cluster's members (likewise).
        var newOf = [Int32](repeating: -1, count: old.vertexCount)
        var oldOf = [Int32](repeating: -1, count: clusterCount)
        for v in 0 ..< n {
            let p = Int(previous.vertex[v]), x = Int(cluster[v])
            if newOf[p] == -1 { newOf[p] = Int32(x) } else if newOf[p] != Int32(x) { newOf[p] = -2 }
            if oldOf[x] == -1 { oldOf[x] = Int32(p) } else if oldOf[x] != Int32(p) { oldOf[x] = -2 }
        }
        // Intact: the cluster is exactly one previous vertex's members. `intactAs[p]` is then
        // the cluster, else -1.
        var intactAs = [Int32](repeating: -1, count: old.vertexCount)
        for x in 0 ..< clusterCount {
            let p = oldOf[x]
            if p >= 0 && newOf[Int(p)] == Int32(x) { intactAs[Int(p)] = Int32(x) }
        }
        // The members of the other clusters, by a counting sort (intact clusters get none).
        var start = [Int](repeating: 0, count: clusterCount + 1)
        var changedEdges = 0
        for v in 0 ..< n where !Self.isIntact(Int(cluster[v]), oldOf: oldOf, intactAs: intactAs) {
            start[Int(cluster[v]) + 1] += 1
            changedEdges += offsets[v + 1] - offsets[v]
        }
        guard Double(changedEdges) <= Self.maximumReaggregatedShare * Double(targets.count) else { return nil }
        for x in 0 ..< clusterCount { start[x + 1] += start[x] }
        var next = start
        var members = [Int32](repeating: 0, count: start[clusterCount])
        for v in 0 ..< n where !Self.isIntact(Int(cluster[v]), oldOf: oldOf, intactAs: intactAs) {
            let x = Int(cluster[v])
            members[next[x]] = Int32(v)
            next[x] += 1
        }

        var selfLoops = [Double](repeating: 0, count: clusterCount)
        var degrees = [Double](repeating: 0, count: clusterCount)
        // The rebuilt rows, one per changed cluster in increasing order, and where each starts.
        var rebuilt = AggregateRows(reserving: changedEdges)
        var rebuiltStart = [Int](repeating: -1, count: clusterCount)
        selfLoops.withUnsafeMutableBufferPointer { loops in
            degrees.withUnsafeMutableBufferPointer { degreeBuffer in
                for x in 0 ..< clusterCount where !Self.isIntact(x, oldOf: oldOf, intactAs: intactAs) {
                    rebuiltStart[x] = rebuilt.targets.count
                    buildRows(x ..< x + 1, start: start, members: members, cluster: cluster, into: &rebuilt,
                              selfLoops: loops.baseAddress!, degrees: degreeBuffer.baseAddress!,
                              accumulator: &accumulator)
                }
            }
        }
        // How many mirrored edges each intact cluster receives.
        var mirrored = [Int](repeating: 0, count: clusterCount + 1)
        for d in rebuilt.targets where Self.isIntact(Int(d), oldOf: oldOf, intactAs: intactAs) {
            mirrored[Int(d) + 1] += 1
        }
        // The rows' lengths, then the rows.
        var newOffsets = [Int](repeating: 0, count: clusterCount + 1)
        var rowIndex = 0
        for x in 0 ..< clusterCount {
            var length: Int
            if Self.isIntact(x, oldOf: oldOf, intactAs: intactAs) {
                let p = Int(oldOf[x])
                length = mirrored[x + 1]
                for e in old.offsets[p] ..< old.offsets[p + 1] where intactAs[Int(old.targets[e])] >= 0 {
                    length += 1
                }
                selfLoops[x] = old.selfLoops[p]
                degrees[x] = old.degrees[p]
            } else {
                length = Int(rebuilt.lengths[rowIndex])
                rowIndex += 1
            }
            newOffsets[x + 1] = newOffsets[x] + length
        }
        let entryCount = newOffsets[clusterCount]
        var newTargets = [Int32](repeating: 0, count: entryCount)
        var newWeights = [Double](repeating: 0, count: entryCount)
        // Where the next entry of each row goes.
        var fill = newOffsets
        for x in 0 ..< clusterCount where Self.isIntact(x, oldOf: oldOf, intactAs: intactAs) {
            let p = Int(oldOf[x])
            for e in old.offsets[p] ..< old.offsets[p + 1] {
                let y = intactAs[Int(old.targets[e])]
                guard y >= 0 else { continue }
                newTargets[fill[x]] = y
                newWeights[fill[x]] = old.weights[e]
                fill[x] += 1
            }
        }
        rowIndex = 0
        for x in 0 ..< clusterCount where !Self.isIntact(x, oldOf: oldOf, intactAs: intactAs) {
            let first = rebuiltStart[x], length = Int(rebuilt.lengths[rowIndex])
            rowIndex += 1
            for i in first ..< first + length {
                let d = Int(rebuilt.targets[i]), w = rebuilt.weights[i]
                newTargets[fill[x]] = Int32(d)
                newWeights[fill[x]] = w
                fill[x] += 1
                if Self.isIntact(d, oldOf: oldOf, intactAs: intactAs) {
                    newTargets[fill[d]] = Int32(x)
                    newWeights[fill[d]] = w
                    fill[d] += 1
                }
            }
        }
        return CommunityGraph(offsets: newOffsets, targets: newTargets, weights: newWeights,
                              selfLoops: selfLoops, degrees: degrees, totalDegree: totalDegree)
    }

    /// Whether cluster `x` is exactly the members of one previous aggregate vertex.
    @inline(__always)
    private static func isIntact(_ x: Int, oldOf: [Int32], intactAs: [Int32]) -> Bool {
        let p = oldOf[x]
        return p >= 0 && intactAs[Int(p)] == Int32(x)
    }
}
