/// The cheapest paths with at most *K* edges (`--max-steps`): Bellman–Ford by rounds.
///
/// Why not Dijkstra: the cheapest path with at most *K* edges need not extend the cheapest path
/// with at most *K* − 1 edges to its second-to-last vertex (a cheap but long way to *u* may be
/// useless when only two steps remain), so a search over vertices alone, which keeps one label
/// per vertex, is wrong. Cutting Dijkstra's path short, or taking the path with fewest edges,
/// is wrong too. The exact answer needs one label per (vertex, number of edges) state.
///
/// Round *r* of Bellman's recurrence (Bellman 1958) computes, for every vertex, the cheapest path
/// with exactly *r* edges from the labels of round *r* − 1. We keep a state only if it is
/// strictly cheaper than every earlier state of the same vertex: a state that is no cheaper and
/// has more edges can neither be an answer nor lead to one (whatever extends it extends the
/// earlier state as cheaply with fewer edges). So each round scans only the out-edges of the
/// vertices that improved in the previous round, and a vertex's answer is its last kept state —
/// the cheapest, and among the cheapest the one with fewest edges.
///
/// > R. Bellman. "On a routing problem." *Quarterly of Applied Mathematics* 16(1), 1958,
/// > pp. 87–90, doi:[10.1090/qam/102435](https://doi.org/10.1090/qam/102435)
///
/// Ties within a round are broken like Dijkstra's (see ``GraphPath``): the candidate whose
/// parent state has the lexicographically smaller path wins, which the search decides by
/// walking the two parent chains (both of length *r* − 1) up to where they merge. As with
/// Dijkstra, the prefix of a best path is a best path to a kept state, so the rule is exact.
///
/// With a target, a state no cheaper than the target's best so far is not expanded: any path
/// through it costs at least as much and has more edges.
///
/// - Complexity: O(*K* · *E*) in the worst case; in practice O(*E*) times the number of rounds in
///   which some vertex still improves, which is small unless `K` binds.
extension SearchScratch {
    /// Runs the round-based search from `source` with at most `maxHops` edges. Afterwards, a
    /// vertex `v` was reached iff `rounds[v].bestStamp == stamp`; its answer is label
    /// `rounds[v].bestLabel` in the `label…` arrays.
    ///
    /// - Parameters:
    ///   - target: a vertex whose answer alone is wanted (enables pruning), or -1.
    /// - Returns: the stamp that marks this search's `bestStamp`s.
    @discardableResult
    func hopBoundedSearch(
        _ graph: CSRGraph, from source: Int32, startCost: Double = 0, maxHops: Int, target: Int32 = -1
    ) -> UInt32 {
        let base = beginRounds(maxRounds: maxHops)
        let slots = rounds.base
        let bans = banView
        var touched = ContiguousArray<Int32>()
        swap(&touched, &queue)
        defer {
            swap(&touched, &queue)
            touched.removeAll(keepingCapacity: true)
        }

        labelVertex.append(source)
        labelParent.append(-1)
        labelEdge.append(-1)
        labelCost.append(startCost)
        labelHops.append(0)
        slots[Int(source)].bestCost = startCost
        slots[Int(source)].bestLabel = 0
        slots[Int(source)].bestStamp = base

        var frontier = 0 ..< 1
        var round = 0
        graph.withUnsafeAdjacency { offsets, targets, weights in
            let adjacency = Adjacency(offsets: offsets, targets: targets, weights: weights, bans: bans)
            while round < maxHops && !frontier.isEmpty {
                round += 1
                let stamp = base &+ UInt32(round)
                touched.removeAll(keepingCapacity: true)
                let targetBest =
                    target >= 0 && slots[Int(target)].bestStamp == base ? slots[Int(target)].bestCost : .infinity
                for x in frontier {
                    let u = labelVertex[x]
                    let c = labelCost[x]
                    if u == target || c >= targetBest { continue }
                    adjacency.forEachEdge(of: u) { v, edge, weight in
                        let nc = c + weight
                        if nc >= targetBest { return }
                        let slot = slots + Int(v)
                        if slot.pointee.bestStamp == base && !(nc < slot.pointee.bestCost) { return }
                        if slot.pointee.candidateStamp != stamp {
                            slot.pointee.candidateStamp = stamp
                            slot.pointee.candidateCost = nc
                            slot.pointee.candidateParent = Int32(x)
                            slot.pointee.candidateEdge = edge
                            touched.append(v)
                        } else if nc < slot.pointee.candidateCost
                            || (nc == slot.pointee.candidateCost
                                && labelPrefixPrecedes(
                                    Int32(x), edge, slot.pointee.candidateParent, slot.pointee.candidateEdge))
                        {
                            slot.pointee.candidateCost = nc
                            slot.pointee.candidateParent = Int32(x)
                            slot.pointee.candidateEdge = edge
                        }
                    }
                }
                let start = labelVertex.count
                for v in touched {
                    let slot = slots + Int(v)
                    slot.pointee.bestCost = slot.pointee.candidateCost
                    slot.pointee.bestLabel = Int32(labelVertex.count)
                    slot.pointee.bestStamp = base
                    labelVertex.append(v)
                    labelParent.append(slot.pointee.candidateParent)
                    labelEdge.append(slot.pointee.candidateEdge)
                    labelCost.append(slot.pointee.candidateCost)
                    labelHops.append(Int32(round))
                }
                frontier = start ..< labelVertex.count
            }
        }
        endRounds(lastStamp: base &+ UInt32(Swift.max(round, 0)))
        return base
    }

    /// Whether label `x`'s path + edge `e` precedes label `y`'s path + edge `f` (same round):
    /// ``PathOrder/prefixPrecedes(_:_:_:_:parent:vertex:)`` on the labels.
    @inline(__always)
    private func labelPrefixPrecedes(_ x: Int32, _ e: Int32, _ y: Int32, _ f: Int32) -> Bool {
        PathOrder.prefixPrecedes(
            x, e, y, f, parent: { self.labelParent[Int($0)] }, vertex: { self.labelVertex[Int($0)] })
    }

    /// The path of label `label` of the last hop-bounded search.
    ///
    /// - Complexity: O(*h*).
    func labelPath(_ label: Int32, in graph: CSRGraph) -> GraphPath {
        let hops = Int(labelHops[Int(label)])
        var vertices = [Int32](repeating: 0, count: hops + 1)
        var edges = [Int32](repeating: 0, count: hops)
        var ids = [Int32](repeating: 0, count: hops)
        var at = label
        var i = hops
        while true {
            vertices[i] = labelVertex[Int(at)]
            if i == 0 { break }
            i -= 1
            let e = labelEdge[Int(at)]
            edges[i] = e
            ids[i] = graph.edgeIDs[Int(e)]
            at = labelParent[Int(at)]
        }
        return GraphPath(vertices: vertices, edgePositions: edges, edgeIDs: ids, cost: labelCost[Int(label)])
    }

    /// The best path to `target` found by the last hop-bounded search with base stamp `stamp`.
    func hopBoundedPath(to target: Int32, stamp: UInt32, in graph: CSRGraph) -> GraphPath? {
        let slot = rounds[Int(target)]
        guard slot.bestStamp == stamp else { return nil }
        return labelPath(slot.bestLabel, in: graph)
    }
}
