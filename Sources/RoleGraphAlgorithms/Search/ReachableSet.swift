/// The vertices reachable from a source within a number of steps, with how many steps each
/// takes and what the cheapest of those shortest-in-steps routes costs: "where can I get to in
/// two moves?".
///
/// Found by breadth-first search (Moore 1959), so `hops(to:)` is the fewest edges; `cost(to:)`
/// is the cheapest cost among the paths with that many edges — not the cheapest path overall,
/// which may take more steps (use ``ShortestPathTree`` for that).
///
/// > E. F. Moore. "The shortest path through a maze." *Proceedings of the International
/// > Symposium on the Theory of Switching*, Harvard University Press, 1959, pp. 285–292.
public struct ReachableSet: Sendable {
    /// The vertex the search started from.
    public let source: Int32
    /// The step limit, if any.
    public let maxSteps: Int?
    /// The reached vertices in breadth-first order: the source, then every vertex one step away,
    /// and so on; within a level, in the order the search found them (deterministic: by the
    /// order of the previous level, then by edge order).
    public let vertices: [Int32]
    /// Per vertex: the fewest steps to reach it, -1 if not reached.
    public let hopCounts: [Int32]
    /// Per vertex: the cheapest cost among its fewest-step paths, `.infinity` if not reached.
    public let costs: [Double]

    /// The number of reached vertices, including the source.
    ///
    /// - Complexity: O(1)
    public var count: Int { vertices.count }

    /// Whether `vertex` was reached.
    ///
    /// - Precondition: `vertex` is a vertex of the graph.
    /// - Complexity: O(1)
    public func contains(_ vertex: Int32) -> Bool { hopCounts[Int(vertex)] >= 0 }

    /// The fewest steps to `vertex`, or `nil` if it was not reached.
    ///
    /// - Precondition: `vertex` is a vertex of the graph.
    /// - Complexity: O(1)
    public func hops(to vertex: Int32) -> Int? {
        contains(vertex) ? Int(hopCounts[Int(vertex)]) : nil
    }

    /// The cheapest cost among the fewest-step paths to `vertex`, or `nil` if it was not reached.
    ///
    /// - Precondition: `vertex` is a vertex of the graph.
    /// - Complexity: O(1)
    public func cost(to vertex: Int32) -> Double? {
        contains(vertex) ? costs[Int(vertex)] : nil
    }
}

extension SearchScratch {
    /// Breadth-first search from `source` honouring the current bans, at most `maxSteps` levels.
    ///
    /// Costs are relaxed only between consecutive levels; the FIFO order finishes level *d*
    /// before it starts level *d* + 1, so a level's costs are final before they are extended.
    ///
    /// - Complexity: O(*V* + *E*) time; O(*V*) for the result, no other allocation once the
    ///   queue has its working size.
    func breadthFirst(_ graph: CSRGraph, from source: Int32, maxSteps: Int?) -> ReachableSet {
        forward.begin()
        let gen = forward.generation
        let labels = forward.labels.base
        let bans = banView
        let limit = Int32(clamping: maxSteps ?? Int(Int32.max))
        var queue = ContiguousArray<Int32>()
        swap(&queue, &self.queue)
        defer {
            queue.removeAll(keepingCapacity: true)
            swap(&queue, &self.queue)
        }
        labels[Int(source)] = VertexLabel(distance: 0, hops: 0, parent: -1, edge: -1, reachedIn: gen)
        queue.append(source)
        graph.withUnsafeAdjacency { offsets, targets, weights in
            let adjacency = Adjacency(offsets: offsets, targets: targets, weights: weights, bans: bans)
            var head = 0
            while head < queue.count {
                let u = queue[head]
                head += 1
                let hu = labels[Int(u)].hops
                if hu >= limit { continue }
                let du = labels[Int(u)].distance
                adjacency.forEachEdge(of: u) { v, edge, weight in
                    let nd = du + weight
                    let slot = labels + Int(v)
                    if !slot.pointee.isReached(in: gen) {
                        slot.pointee = VertexLabel(
                            distance: nd, hops: hu &+ 1, parent: u, edge: edge, reachedIn: gen)
                        queue.append(v)
                    } else if slot.pointee.hops == hu &+ 1 && nd < slot.pointee.distance {
                        slot.pointee.distance = nd
                    }
                }
            }
        }
        var hopCounts = [Int32](repeating: -1, count: graph.vertexCount)
        var costs = [Double](repeating: .infinity, count: graph.vertexCount)
        for v in queue {
            hopCounts[Int(v)] = labels[Int(v)].hops
            costs[Int(v)] = labels[Int(v)].distance
        }
        return ReachableSet(
            source: source, maxSteps: maxSteps, vertices: Array(queue), hopCounts: hopCounts, costs: costs)
    }
}
