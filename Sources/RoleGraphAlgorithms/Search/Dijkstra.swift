/// Dijkstra's algorithm with RoleGraph's deterministic tie-break.
///
/// > E. W. Dijkstra. "A note on two problems in connexion with graphs."
/// > *Numerische Mathematik* 1, 1959, pp. 269–271,
/// > doi:[10.1007/BF01386390](https://doi.org/10.1007/BF01386390)
///
/// Labels are settled in (distance, hops) order from a 4-ary heap with lazy deletion
/// (``QuaternaryHeap``). A vertex's predecessor changes only when a strictly better
/// (distance, hops) pair arrives, or an equal one whose path is better under the order of
/// ``GraphPath``: the predecessor whose own best path is lexicographically smaller (found by
/// walking both predecessor chains up to where they merge), then the smaller edge position.
///
/// Why that tie-break is exact: popping by (distance, hops) means every candidate that ties a
/// vertex's final key arrives before the vertex is settled — a candidate from a vertex settled
/// later has a strictly larger key, because each edge adds one hop — and the two chains being
/// compared are made of settled vertices, whose paths are final. Two equally good predecessors
/// have the same hop count, so their chains have the same length and the first vertex where
/// they differ decides.
///
/// The walk costs O(*h*) on an exact tie, so the search is O((*V* + *E*) log *V* + *T* · *h*),
/// where *T* is the number of ties and *h* the depth of the tree; on the graphs we see (random
/// and career graphs alike) *h* is small and the term is noise.
extension SearchScratch {
    /// Runs Dijkstra's algorithm on the forward side from `source`, whose path starts at
    /// `startCost` (so that a spur search in Yen's algorithm adds up the whole path's cost in
    /// path order), skipping banned vertices and edges.
    ///
    /// - Parameters:
    ///   - target: stop as soon as this vertex is settled; -1 to settle everything reachable.
    ///   - recordOrder: append settled vertices to `forward.order`.
    /// - Returns: whether `target` was settled (always `false` for -1).
    /// - Complexity: O((*V* + *E*) log *V*) time, plus the tie walks described above;
    ///   no allocation once the heap has reached its working size.
    @discardableResult
    func dijkstra(
        _ graph: CSRGraph, from source: Int32, startCost: Double = 0, target: Int32 = -1, recordOrder: Bool = false
    ) -> Bool {
        forward.begin()
        let gen = forward.generation
        let labels = forward.labels.base
        var heap = QuaternaryHeap()
        swap(&heap, &forward.heap)
        var order = ContiguousArray<Int32>()
        if recordOrder { swap(&order, &forward.order) }
        defer {
            swap(&heap, &forward.heap)
            if recordOrder { swap(&order, &forward.order) }
        }

        labels[Int(source)] = VertexLabel(
            distance: startCost, hops: 0, parent: -1, edge: -1, reachedIn: gen)
        heap.insert(source, distance: startCost, hops: 0)
        var found = false
        let bans = banView

        graph.withUnsafeAdjacency { offsets, targets, weights in
            let adjacency = Adjacency(offsets: offsets, targets: targets, weights: weights, bans: bans)
            while let top = heap.popMin() {
                let u = top.vertex
                if labels[Int(u)].isSettled(in: gen) { continue }
                labels[Int(u)].settle(in: gen)
                if recordOrder { order.append(u) }
                if u == target {
                    found = true
                    return
                }
                let du = top.distance
                let hv = top.hops &+ 1
                adjacency.forEachEdge(of: u) { v, edge, weight in
                    let nd = du + weight
                    if labels[Int(v)].offer(
                        distance: nd, hops: hv, parent: u, edge: edge, generation: gen,
                        precedes: { SearchScratch.prefixPrecedes($0, $1, $2, $3, labels) })
                    {
                        heap.insert(v, distance: nd, hops: hv)
                    }
                }
            }
        }
        return found
    }

    /// Whether the best path to `u` + edge `e` precedes the best path to `p` + edge `f`
    /// (``PathOrder/prefixPrecedes(_:_:_:_:parent:vertex:)`` on this side's tree); `u` and `p`
    /// must be settled, at the same depth of the same tree.
    ///
    /// - Complexity: O(depth of the two vertices below the vertex where their paths merge).
    @inline(__always)
    static func prefixPrecedes(
        _ u: Int32, _ e: Int32, _ p: Int32, _ f: Int32, _ labels: UnsafeMutablePointer<VertexLabel>
    ) -> Bool {
        PathOrder.prefixPrecedes(u, e, p, f, parent: { labels[Int($0)].parent }, vertex: { $0 })
    }

    /// The path to `target` in the forward tree of the last ``dijkstra(_:from:startCost:target:recordOrder:)``
    /// run, or `nil` if it was not settled.
    ///
    /// - Complexity: O(*h*), the length of the path.
    func forwardPath(to target: Int32, in graph: CSRGraph) -> GraphPath? {
        let side = forward
        let labels = side.labels
        guard labels[Int(target)].isSettled(in: side.generation) else { return nil }
        let hops = Int(labels[Int(target)].hops)
        var vertices = [Int32](repeating: 0, count: hops + 1)
        var edges = [Int32](repeating: 0, count: hops)
        var ids = [Int32](repeating: 0, count: hops)
        var at = target
        var i = hops
        while true {
            vertices[i] = at
            let label = labels[Int(at)]
            if i == 0 { break }
            i -= 1
            edges[i] = label.edge
            ids[i] = graph.edgeIDs[Int(label.edge)]
            at = label.parent
        }
        return GraphPath(
            vertices: vertices, edgePositions: edges, edgeIDs: ids, cost: labels[Int(target)].distance)
    }

    /// Single-source distances only: the same search without hop counts, predecessors or
    /// tie-breaking, for callers that need nothing else (``PathFinder/distances(from:)``).
    ///
    /// - Complexity: O((*V* + *E*) log *V*).
    func distances(_ graph: CSRGraph, from source: Int32) -> [Double] {
        var heap = QuaternaryHeap()
        swap(&heap, &forward.heap)
        defer { swap(&heap, &forward.heap) }
        return distances(graph, from: source, queue: &heap)
    }

    /// ``distances(_:from:)`` for graphs whose weights are whole numbers with a total of at most
    /// 2⁵⁰ (so every distance is exact as a `Double` and as a key): the same distances, from a
    /// ``RadixHeap`` instead of the comparison heap.
    ///
    /// - Precondition: every weight is a whole number and their sum is at most 2⁵⁰.
    /// - Complexity: O(*E* log *U*), *U* the largest distance: each of the at most *E* + 1
    ///   queued entries moves between buckets at most log₂ *U* + 1 times (about log₂ *C* times in
    ///   practice, *C* the largest weight; see ``RadixHeap``).
    func wholeDistances(_ graph: CSRGraph, from source: Int32) -> [Double] {
        // Taken out of the scratch for the search, so that it is uniquely referenced.
        var heap = radixHeap ?? RadixHeap()
        radixHeap = nil
        defer { radixHeap = heap }
        return distances(graph, from: source, queue: &heap)
    }

    /// Dijkstra's algorithm for distances alone, on `heap` (emptied first), skipping banned
    /// vertices and edges. Internal, not private, so that tests can hand it a queue that checks
    /// how it is used.
    ///
    /// - Complexity: O(*E*) besides the queue's operations: at most one insertion per edge and
    ///   one pop per insertion.
    func distances(_ graph: CSRGraph, from source: Int32, queue heap: inout some DistanceQueue) -> [Double] {
        var result = [Double](repeating: .infinity, count: graph.vertexCount)
        heap.removeAll()
        result.withUnsafeMutableBufferPointer { dist in
            let bans = banView
            graph.withUnsafeAdjacency { offsets, targets, weights in
                let adjacency = Adjacency(offsets: offsets, targets: targets, weights: weights, bans: bans)
                dist[Int(source)] = 0
                heap.insert(source, distance: 0)
                while let (u, du) = heap.popNearest() {
                    if du > dist[Int(u)] { continue }
                    adjacency.forEachEdge(of: u) { v, _, weight in
                        let nd = du + weight
                        if nd < dist[Int(v)] {
                            dist[Int(v)] = nd
                            heap.insert(v, distance: nd)
                        }
                    }
                }
            }
        }
        return result
    }
}
