extension CommunityGraph {
    /// The same graph with its vertices renumbered so that vertex `i` is vertex `order[i]` of
    /// this one, and `position`, the inverse: vertex `v` of this graph is `position[v]` there.
    ///
    /// Why: local moving visits the vertices in a random order, and on a graph larger than the
    /// processor's caches every visit in that order starts with cache misses — the vertex's
    /// offsets, degree and community, and the start of its row — before it reads a single
    /// neighbour. Stored in its visiting order, the graph is read front to back instead, which
    /// the hardware prefetcher follows. Rows keep their neighbours in the same order, so a visit
    /// weighs the same edges in the same order and breaks ties the same way.
    ///
    /// The copy reads the rows in their old order and writes each to its new place (scattered
    /// writes cost less than scattered reads: a store does not wait for its cache line).
    ///
    /// - Parameters:
    ///   - order: a permutation of `0 ..< vertexCount`.
    ///   - parallel: rows are copied on every thread for graphs with enough edges; the result
    ///     is the same.
    /// - Complexity: O(*V* + *E*).
    func renumbered(by order: [Int32], parallel: ParallelPolicy = .default)
        -> (graph: CommunityGraph, position: [Int32])
    {
        let n = vertexCount
        precondition(order.count == n, "order must be a permutation of the vertices")
        var position = [Int32](repeating: -1, count: n)
        for i in 0 ..< n {
            let v = Int(order[i])
            precondition(position[v] < 0, "order must be a permutation of the vertices")
            position[v] = Int32(i)
        }
        var newOffsets = [Int](repeating: 0, count: n + 1)
        var newSelfLoops = [Double](repeating: 0, count: n)
        var newDegrees = [Double](repeating: 0, count: n)
        for v in 0 ..< n {
            let i = Int(position[v])
            newOffsets[i + 1] = offsets[v + 1] - offsets[v]
            newSelfLoops[i] = selfLoops[v]
            newDegrees[i] = degrees[v]
        }
        for i in 0 ..< n { newOffsets[i + 1] += newOffsets[i] }

        let edgeCount = targets.count
        let threads = parallel.splits(edgeCount: edgeCount) ? parallel.threads : 1
        var newWeights: [Double] = []
        // Every element is written below (each new row by one thread, at the offsets fixed
        // above), so the arrays are not zeroed first.
        let newTargets = [Int32](unsafeUninitializedCapacity: edgeCount) { newTargets, targetCount in
            newWeights = [Double](unsafeUninitializedCapacity: edgeCount) { newWeights, weightCount in
                guard edgeCount > 0 else { return }
                offsets.withUnsafeBufferPointer { offsets in
                targets.withUnsafeBufferPointer { targets in
                weights.withUnsafeBufferPointer { weights in
                position.withUnsafeBufferPointer { position in
                newOffsets.withUnsafeBufferPointer { newOffsets in
                    let source = RenumberSource(offsets: offsets, targets: targets, weights: weights,
                                                position: position, newOffsets: newOffsets,
                                                newTargets: SharedPointer(base: newTargets.baseAddress!),
                                                newWeights: SharedPointer(base: newWeights.baseAddress!))
                    parallel.forEachSlice(count: n, grain: 4_096, threads: threads) { _, range in
                        for v in range { source.copyRow(v) }
                    }
                }
                }
                }
                }
                }
                weightCount = edgeCount
            }
            targetCount = edgeCount
        }
        let graph = CommunityGraph(offsets: newOffsets, targets: newTargets, weights: newWeights,
                                   selfLoops: newSelfLoops, degrees: newDegrees, totalDegree: totalDegree)
        return (graph, position)
    }
}

/// What the threads of ``CommunityGraph/renumbered(by:parallel:)`` read (none of it written
/// during the copy) and write (each new row by one thread).
private struct RenumberSource: @unchecked Sendable {
    let offsets: UnsafeBufferPointer<Int>
    let targets: UnsafeBufferPointer<Int32>
    let weights: UnsafeBufferPointer<Double>
    let position: UnsafeBufferPointer<Int32>
    let newOffsets: UnsafeBufferPointer<Int>
    let newTargets: SharedPointer<Int32>
    let newWeights: SharedPointer<Double>

    /// Copies row `v` of the old graph to its new place, its targets renumbered.
    ///
    /// - Complexity: O(degree of `v`).
    @inline(__always)
    func copyRow(_ v: Int) {
        var j = newOffsets[Int(position[v])]
        for e in offsets[v] ..< offsets[v + 1] {
            (newTargets.base + j).initialize(to: position[Int(targets[e])])
            (newWeights.base + j).initialize(to: weights[e])
            j += 1
        }
    }
}
