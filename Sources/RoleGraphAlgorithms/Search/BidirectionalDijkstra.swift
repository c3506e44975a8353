/// Bidirectional Dijkstra for one source and one target, returning exactly the path the
/// unidirectional search returns (the best path in the order of ``GraphPath``).
///
/// A forward search from *s* and a backward search from *t* (over the reversed edges) grow until
/// their radii add up past the best *s*–*t* path seen so far; on graphs that look like road or
/// social networks each explores a ball of about half the radius, so the two together settle
/// far fewer vertices than one search (timings in `Benchmarks/README.md`). The idea is Dantzig's and
/// Nicholson's; the stopping rule used here is the standard one analysed by Pohl, with the side
/// to advance chosen by Pohl's cardinality rule (the side with fewer queued labels).
///
/// > I. Pohl. "Bi-directional search." In *Machine Intelligence 6*, Edinburgh University Press,
/// > 1971, pp. 127–140.
/// > T. A. J. Nicholson. "Finding the shortest route between two points in a network."
/// > *The Computer Journal* 9(3), 1966, pp. 275–280,
/// > doi:[10.1093/comjnl/9.3.275](https://doi.org/10.1093/comjnl/9.3.275)
///
/// ## Keeping the tie-break
///
/// Keys are (cost, hops) pairs compared lexicographically, which add like numbers, so the usual
/// proof carries over to them. Three details make the *path* (not just the cost) identical to
/// the unidirectional one:
///
/// - The forward side breaks ties exactly as ``SearchScratch/dijkstra(_:from:startCost:target:recordOrder:)``
///   does, so its tree paths are best prefixes.
/// - The backward side must give best *suffixes* in the same order, which compares a suffix from
///   its first vertex onwards; among equally good next steps from *v* it therefore keeps the one
///   to the smaller vertex index, then the smaller edge position — O(1), no chain walk. Its
///   labels hold reversed positions, which are mapped to forward ones only when a path is read
///   out: two steps it compares join the same two vertices, and a vertex's reversed edges are in
///   forward order (``ReverseIndex``), so the two numberings order them alike.
/// - Candidates are recorded when an edge joins a forward-settled vertex to a backward-settled one
///   (or a vertex is settled on both sides), compared by key and then by their whole vertex and
///   edge sequences, and the search stops only when the sum of the two queue minima strictly
///   exceeds the best candidate's key. Then the best path has an edge (*u*, *v*) with *u*
///   settled forward and *v* settled backward (take *u* as the last vertex whose prefix key is
///   below the forward minimum), its prefix to *u* and suffix from *v* are the trees' paths, and
///   so it is among the candidates; every other candidate of the same key is a simple path no
///   better in the order (a candidate that repeats a vertex has a strictly larger key).
///
/// The argument needs exact arithmetic on (cost, hops). ``PathFinder`` uses this search only
/// when every path sum is exact in floating point (integer or dyadic weights, see
/// ``PathFinder/costsAreExact``); otherwise it runs the unidirectional search, so the answer is
/// the same either way.
extension SearchScratch {
    /// The best path from `source` to `target` (`source != target`), or `nil`, honouring the
    /// current bans; the path's cost starts at `startCost`.
    ///
    /// - Complexity: O((*V* + *E*) log *V*) in the worst case; typically the two balls around
    ///   the endpoints. O(1) set-up: both sides are cleared by generation stamps.
    func bidirectionalDijkstra(
        _ graph: CSRGraph, from source: Int32, to target: Int32, startCost: Double = 0
    ) -> GraphPath? {
        precondition(source != target)
        let reverse = reverseIndex(of: graph)
        forward.begin()
        backward.begin()
        let gf = forward.generation
        let gb = backward.generation
        let lf = forward.labels.base
        let lb = backward.labels.base
        let bans = banView
        var hf = QuaternaryHeap()
        var hb = QuaternaryHeap()
        swap(&hf, &forward.heap)
        swap(&hb, &backward.heap)
        defer {
            swap(&hf, &forward.heap)
            swap(&hb, &backward.heap)
        }

        lf[Int(source)] = VertexLabel(distance: startCost, hops: 0, parent: -1, edge: -1, reachedIn: gf)
        hf.insert(source, distance: startCost, hops: 0)
        lb[Int(target)] = VertexLabel(distance: 0, hops: 0, parent: -1, edge: -1, reachedIn: gb)
        hb.insert(target, distance: 0, hops: 0)

        var best = Meeting(u: -1, edge: -1, v: -1, cost: .infinity, hops: .max)

        reverse.forwardPosition.withUnsafeBufferPointer { forwardPosition in
            let numbering = ReversedNumbering(positions: forwardPosition)
            switch reverse.compact {
            case .float(let forwardWeights, let reversedWeights):
                withUnsafeColumns(graph.offsets, graph.targets, forwardWeights) { offsets, targets, weights in
                    withUnsafeColumns(reverse.offsets, reverse.sources, reversedWeights) { rOffsets, rSources, rWeights in
                        meet(Adjacency(offsets: offsets, targets: targets, weights: weights, bans: bans),
                             Adjacency(offsets: rOffsets, targets: rSources, weights: rWeights, numbering: numbering, bans: bans),
                             &hf, &hb, lf, lb, gf, gb, best: &best)
                    }
                }
            case .palette(let palette, let forwardCodes, let reversedCodes):
                palette.withUnsafeBufferPointer { palette in
                    withUnsafeColumns(graph.offsets, graph.targets, forwardCodes) { offsets, targets, codes in
                        withUnsafeColumns(reverse.offsets, reverse.sources, reversedCodes) { rOffsets, rSources, rCodes in
                            meet(Adjacency(offsets: offsets, targets: targets,
                                           weights: PaletteWeights(codes: codes, palette: palette), bans: bans),
                                 Adjacency(offsets: rOffsets, targets: rSources,
                                           weights: PaletteWeights(codes: rCodes, palette: palette), numbering: numbering, bans: bans),
                                 &hf, &hb, lf, lb, gf, gb, best: &best)
                        }
                    }
                }
            case nil:
                graph.withUnsafeAdjacency { offsets, targets, weights in
                    reverse.withUnsafeAdjacency { rOffsets, rSources, rWeights in
                        meet(Adjacency(offsets: offsets, targets: targets, weights: weights, bans: bans),
                             Adjacency(offsets: rOffsets, targets: rSources, weights: rWeights, numbering: numbering, bans: bans),
                             &hf, &hb, lf, lb, gf, gb, best: &best)
                    }
                }
            }
            if best.u >= 0 { materialize(best, lf, lb, numbering, vertices: &pathA, edges: &pathEdgesA) }
        }
        guard best.u >= 0 else { return nil }
        var cost = startCost
        var ids = [Int32]()
        ids.reserveCapacity(pathEdgesA.count)
        for e in pathEdgesA {
            cost += graph.weights[Int(e)]
            ids.append(graph.edgeIDs[Int(e)])
        }
        return GraphPath(vertices: Array(pathA), edgePositions: Array(pathEdgesA), edgeIDs: ids, cost: cost)
    }

    /// The two searches, each side advanced in turn until the queue minima add up past the best
    /// meeting: the loop of ``bidirectionalDijkstra(_:from:to:startCost:)``, over weights stored
    /// as `Double`s, as `Float`s or as palette codes (``SearchWeightColumn``), compiled for each.
    ///
    /// - Complexity: as ``bidirectionalDijkstra(_:from:to:startCost:)``.
    @inline(__always)
    private func meet<ForwardWeights: SearchWeightColumn, BackwardWeights: SearchWeightColumn>(
        _ forwardEdges: Adjacency<ForwardNumbering, ForwardWeights>,
        _ backwardEdges: Adjacency<ReversedNumbering, BackwardWeights>,
        _ hf: inout QuaternaryHeap, _ hb: inout QuaternaryHeap,
        _ lf: UnsafeMutablePointer<VertexLabel>, _ lb: UnsafeMutablePointer<VertexLabel>, _ gf: UInt32, _ gb: UInt32,
        best: inout Meeting
    ) {
        var settledForward = 0
        var settledBackward = 0
        while true {
            while let top = hf.min, lf[Int(top.vertex)].isSettled(in: gf) { _ = hf.popMin() }
            while let top = hb.min, lb[Int(top.vertex)].isSettled(in: gb) { _ = hb.popMin() }
            guard let tf = hf.min, let tb = hb.min else { break }
            if best.cost < .infinity {
                let sumCost = tf.distance + tb.distance
                let sumHops = tf.hops + tb.hops
                if sumCost > best.cost || (sumCost == best.cost && sumHops > best.hops) { break }
            }
            if settledForward == 0 || (settledBackward != 0 && hf.count <= hb.count) {
                // Forward: a path to u, then u → v; it meets the backward tree at v.
                settledForward += 1
                advance(&hf, lf, gf, meeting: lb, gb, forwardEdges, isForward: true, best: &best,
                        numbering: backwardEdges.numbering,
                        precedes: { Self.prefixPrecedes($0, $1, $2, $3, lf) })
            } else {
                // Backward: x → v, then the best suffix from x; it meets the forward tree at v.
                settledBackward += 1
                advance(&hb, lb, gb, meeting: lf, gf, backwardEdges, isForward: false, best: &best,
                        numbering: backwardEdges.numbering, precedes: PathOrder.suffixPrecedes)
            }
        }
    }

    /// Settles the nearest vertex of one side and relaxes its edges, the step both directions of
    /// the search take: `labels`/`generation` are this side's, `other`/`otherGeneration` the
    /// opposite side's. Every edge whose head the other side has settled (and the vertex itself,
    /// if settled there) closes a candidate path, offered to `best`. `numbering` maps the
    /// backward side's edges to forward positions, for comparing candidates that tie.
    ///
    /// - Precondition: the queue's minimum is not settled on this side.
    /// - Complexity: O(out-degree · log *V*), plus the tie-breaks of
    ///   ``VertexLabel/offer(distance:hops:parent:edge:generation:precedes:)`` and of the candidates.
    @inline(__always)
    private func advance<Numbering: EdgeNumbering, Weights: SearchWeightColumn>(
        _ queue: inout QuaternaryHeap, _ labels: UnsafeMutablePointer<VertexLabel>, _ generation: UInt32,
        meeting other: UnsafeMutablePointer<VertexLabel>, _ otherGeneration: UInt32,
        _ adjacency: Adjacency<Numbering, Weights>, isForward: Bool, best: inout Meeting,
        numbering: ReversedNumbering, precedes: (Int32, Int32, Int32, Int32) -> Bool
    ) {
        let (lf, lb) = isForward ? (labels, other) : (other, labels)
        let top = queue.popMin()!
        let u = top.vertex
        labels[Int(u)].settle(in: generation)
        if other[Int(u)].isSettled(in: otherGeneration) {
            offer(Meeting(u: u, edge: -1, v: u), weight: 0, to: &best, lf, lb, numbering)
        }
        let hv = top.hops &+ 1
        adjacency.forEachEdge(of: u) { v, edge, weight in
            let nd = top.distance + weight
            if labels[Int(v)].offer(
                distance: nd, hops: hv, parent: u, edge: edge, generation: generation, precedes: precedes)
            {
                queue.insert(v, distance: nd, hops: hv)
            }
            if other[Int(v)].isSettled(in: otherGeneration) {
                let meeting = isForward
                    ? Meeting(u: u, edge: edge, v: v)
                    : Meeting(u: v, edge: edge, v: u, edgeIsReversed: true)
                offer(meeting, weight: weight, to: &best, lf, lb, numbering)
            }
        }
    }

    /// Offers the path forward(`m.u`) + `m.edge` + backward(`m.v`) to `best`: it wins with a
    /// smaller (cost, hops) key, or the same key and a path that comes first (``GraphPath``).
    ///
    /// - Complexity: O(1), or O(*h*) on an exact tie.
    @inline(__always)
    private func offer(
        _ m: Meeting, weight: Double, to best: inout Meeting,
        _ lf: UnsafeMutablePointer<VertexLabel>, _ lb: UnsafeMutablePointer<VertexLabel>,
        _ numbering: ReversedNumbering
    ) {
        var candidate = m
        candidate.cost = lf[Int(m.u)].distance + weight + lb[Int(m.v)].distance
        candidate.hops = lf[Int(m.u)].hops + (m.edge >= 0 ? 1 : 0) + lb[Int(m.v)].hops
        if candidate.cost < best.cost || (candidate.cost == best.cost && candidate.hops < best.hops) {
            best = candidate
        } else if candidate.cost == best.cost && candidate.hops == best.hops
            && meetingPrecedes(candidate, best, lf, lb, numbering)
        {
            best = candidate
        }
    }

    /// A candidate path: the forward tree's path to `u`, then `edge` (or nothing, when -1 and
    /// `u == v`), then the backward tree's path from `v`.
    struct Meeting {
        var u: Int32
        /// The joining edge's forward position, or its reversed one if `edgeIsReversed` (the
        /// backward side found it).
        var edge: Int32
        var v: Int32
        var edgeIsReversed = false
        var cost = 0.0
        var hops: Int32 = 0
    }

    /// Writes the vertices and edges (forward positions) of `meeting` into the given buffers;
    /// `numbering` maps the backward side's edges.
    ///
    /// - Complexity: O(*h*).
    private func materialize(
        _ meeting: Meeting, _ lf: UnsafeMutablePointer<VertexLabel>, _ lb: UnsafeMutablePointer<VertexLabel>,
        _ numbering: ReversedNumbering, vertices: inout ContiguousArray<Int32>, edges: inout ContiguousArray<Int32>
    ) {
        vertices.removeAll(keepingCapacity: true)
        edges.removeAll(keepingCapacity: true)
        var at = meeting.u
        while true {
            vertices.append(at)
            let label = lf[Int(at)]
            if label.parent < 0 { break }
            edges.append(label.edge)
            at = label.parent
        }
        vertices.reverse()
        edges.reverse()
        if meeting.edge >= 0 {
            edges.append(meeting.edgeIsReversed
                ? Int32(truncatingIfNeeded: numbering.forwardPosition(Int(meeting.edge))) : meeting.edge)
            vertices.append(meeting.v)
        }
        at = meeting.v
        while true {
            let label = lb[Int(at)]
            if label.parent < 0 { break }
            edges.append(Int32(truncatingIfNeeded: numbering.forwardPosition(Int(label.edge))))
            at = label.parent
            vertices.append(at)
        }
    }

    /// Whether candidate `a` precedes candidate `b` of the same key: by vertex sequence, then
    /// edge sequence.
    ///
    /// - Complexity: O(*h*).
    private func meetingPrecedes(
        _ a: Meeting, _ b: Meeting, _ lf: UnsafeMutablePointer<VertexLabel>, _ lb: UnsafeMutablePointer<VertexLabel>,
        _ numbering: ReversedNumbering
    ) -> Bool {
        if a.u == b.u && a.edge == b.edge && a.edgeIsReversed == b.edgeIsReversed && a.v == b.v { return false }
        materialize(a, lf, lb, numbering, vertices: &pathA, edges: &pathEdgesA)
        materialize(b, lf, lb, numbering, vertices: &pathB, edges: &pathEdgesB)
        if pathA != pathB { return pathA.lexicographicallyPrecedes(pathB) }
        return pathEdgesA.lexicographicallyPrecedes(pathEdgesB)
    }
}
