/// Phase one of Louvain and Leiden: move single vertices between communities while modularity
/// rises.
///
/// This is the queue-based "fast local moving" of Traag (2015), used by Leiden's `MoveNodesFast`:
/// every vertex is queued once, in random order; a vertex is taken off the queue, moved to the
/// neighbouring community (or an empty one) that raises modularity most, and if it moved, its
/// neighbours outside its new community are queued again. Unlike the repeated full sweeps of the
/// original Louvain method (Blondel et al. 2008) it stops visiting the parts of the graph that
/// have settled. It stops when the queue is empty, that is when every vertex was last weighed
/// after the last move of each of its neighbours. That is nearly, not exactly, the sweeps' local
/// optimum: a move elsewhere also changes the total degree `K_D` of the communities involved,
/// which can tip a vertex with no edge to the mover without queueing it (a test finds such
/// single moves left over on small random graphs). Louvain and Leiden repeat whole passes until
/// modularity stops rising, which picks those up.
///
/// The gain of moving a vertex *v* (already taken out of its community) into community *D* is,
/// in units of edge weight,
///
///     gain(D) = w(v, D) − γ · k_v · K_D / 2m
///
/// (modularity changes by `gain / m`); the empty community has gain 0.
///
/// > V. A. Traag, "Faster unfolding of communities: speeding up the Louvain algorithm,"
/// > *Phys. Rev. E* 92, 032801 (2015), doi:10.1103/PhysRevE.92.032801.
struct LocalMoving {
    /// The community of each vertex, in `0 ..< vertexCount`.
    var community: [Int32]
    /// `K_c`: the sum of the degrees of the vertices of each community.
    var communityDegree: [Double]
    /// The number of vertices in each community.
    var communitySize: [Int32]
    /// Communities with no vertex, ready for a vertex that is better off alone.
    var emptyCommunities: [Int32]
    /// Whether a vertex moved into or out of each community during the run (even if it later
    /// moved back): a vertex none of whose communities — its own and its neighbours' — was
    /// touched saw the same state all run long.
    var touched: [Bool]

    /// Starts from `initial`, a community per vertex in `0 ..< graph.vertexCount`.
    ///
    /// - Complexity: O(*V*).
    init(graph: CommunityGraph, initial: [Int32]) {
        let n = graph.vertexCount
        community = initial
        communityDegree = [Double](repeating: 0, count: n)
        communitySize = [Int32](repeating: 0, count: n)
        for v in 0 ..< n {
            let c = Int(initial[v])
            communityDegree[c] += graph.degrees[v]
            communitySize[c] += 1
        }
        emptyCommunities = []
        touched = [Bool](repeating: false, count: n)
        // Popped from the end: lowest ids first.
        for c in stride(from: n - 1, through: 0, by: -1) where communitySize[c] == 0 {
            emptyCommunities.append(Int32(c))
        }
    }

    /// Moves vertices until none can raise modularity by moving.
    ///
    /// Each vertex taken off the queue (first `order`, then the neighbours a move may have
    /// tipped) moves to the community that gains most. Graphs of at least
    /// `parallel.minimumVertices` vertices are worked in batches, evaluated on every thread
    /// against a frozen state and applied in queue order on one, so that large graphs use every
    /// core while the result depends on the batch size but never on the number of threads.
    ///
    /// - Parameters:
    ///   - order: the vertices in the order they are first queued: a random permutation, or of
    ///     a subset when the others are known to be settled (see ``CommunityDetection``).
    ///   - resolution: γ.
    ///   - accumulator: scratch with capacity for `graph.vertexCount` keys.
    ///   - parallel: when and how to batch.
    /// - Returns: whether any vertex moved.
    /// - Complexity: O(*E*) per round over the queue; the number of rounds is small in practice.
    mutating func run(graph: CommunityGraph, order: [Int32], resolution: Double,
                      accumulator acc: inout NeighbourWeights,
                      parallel: ParallelPolicy = .default) -> Bool {
        let n = graph.vertexCount
        guard n > 1, graph.totalDegree > 0 else { return false }
        let penalty = resolution / graph.totalDegree   // γ / 2m
        var queue = VertexQueue(order: order, vertexCount: n)
        var moved = false
        if parallel.batches(vertexCount: n) {
            // The next `batchSize` queued vertices are evaluated together, against the state as
            // it was when the batch began, and their proposals applied one by one in queue order.
            // A proposal is applied as it stands only while it is still exact: no neighbour has
            // moved since the batch began (so its weights are unchanged) and the move still beats
            // staying with the community totals as they are now. Otherwise the vertex is weighed
            // again on the spot, as the sequential algorithm would; a vertex that proposed to stay
            // and whose neighbour then moves is queued by that move. So every applied move raises
            // modularity and the run ends only when no vertex can. (networkit's PLM applies moves
            // as threads find them, so its result varies from run to run.)
            //
            // Applying is the one-core part, so the evaluating threads also list each mover's
            // *open* neighbours, those not queued when the batch began. Nothing leaves the queue
            // while a batch is applied, so a move can queue only open neighbours, and they include
            // every neighbour that can have moved earlier in the batch (rows are symmetric). A
            // proposal is then checked and applied from that list instead of two scans of its
            // row, with the same result (`BatchedMovingReferenceTests`).
            var batch = BatchScratch(capacity: parallel.batchSize)
            // The batch in which each vertex last moved (0: never).
            var movedIn = [UInt32](repeating: 0, count: n)
            var batchNumber: UInt32 = 0
            let scratch = (0 ..< parallel.threads).map { _ in ThreadAccumulator(capacity: n) }
            while queue.count > 0 {
                batchNumber += 1
                batch.take(Swift.min(queue.count, parallel.batchSize), from: &queue, graph: graph)
                evaluate(&batch, queue: queue, graph: graph, penalty: penalty, scratch: scratch,
                         parallel: parallel)
                for i in 0 ..< batch.size {
                    let v = Int(batch.vertices[i])
                    let proposal = batch.proposals[i]
                    let old = community[v]
                    if proposal.target == old && !proposal.alone { continue }
                    let open = batch.openStart[i] ..< batch.openStart[i] + Int(proposal.openCount)
                    var disturbed = false
                    for j in open where movedIn[Int(batch.open[j])] == batchNumber {
                        disturbed = true
                        break
                    }
                    var target = proposal.target
                    if proposal.alone || disturbed
                        || !stillBetter(proposal, vertex: v, graph: graph, penalty: penalty) {
                        target = bestCommunity(of: v, graph: graph, penalty: penalty, accumulator: &acc)
                    }
                    if target != old {
                        relocate(v, to: target, graph: graph)
                        movedIn[v] = batchNumber
                        moved = true
                        queueTipped(batch.open[open], by: target, queue: &queue)
                    }
                }
            }
        } else {
            while queue.count > 0 {
                let v = Int(queue.pop())
                let target = bestCommunity(of: v, graph: graph, penalty: penalty, accumulator: &acc)
                if target != community[v] {
                    relocate(v, to: target, graph: graph)
                    moved = true
                    queueTipped(graph.targets[graph.offsets[v] ..< graph.offsets[v + 1]], by: target,
                                queue: &queue)
                }
            }
        }
        return moved
    }

    /// The community `v` should be in, given everything else as it is now: the neighbouring
    /// community (or its own) that gains most, or an empty one if every one of those loses.
    ///
    /// - Complexity: O(degree of `v`).
    private mutating func bestCommunity(of v: Int, graph: CommunityGraph, penalty: Double,
                                        accumulator acc: inout NeighbourWeights) -> Int32 {
        let kv = graph.degrees[v]
        let old = community[v]
        acc.reset()
        acc.add(old, 0)
        for e in graph.offsets[v] ..< graph.offsets[v + 1] {
            acc.add(community[Int(graph.targets[e])], graph.weights[e])
        }
        // With v taken out of its community.
        let oldDegree = communityDegree[Int(old)] - kv
        var best = old
        var bestGain = acc.weight[Int(old)] - kv * oldDegree * penalty
        // Moves must win by more than rounding, or equal-gain moves could cycle.
        let tolerance = 1e-12 * kv
        for d in acc.touched where d != old {
            let gain = acc.weight[Int(d)] - kv * communityDegree[Int(d)] * penalty
            if gain > bestGain + tolerance {
                best = d
                bestGain = gain
            }
        }
        if bestGain < -tolerance && communitySize[Int(old)] > 1, let empty = emptyCommunities.last {
            // Alone is better than anywhere (gain 0); `old` keeps other vertices, so a fresh one.
            return empty
        }
        return best
    }

    /// Moves `v` to `target`, updating the community totals; the caller queues the neighbours
    /// the move may have tipped (``queueTipped(_:by:queue:)``).
    ///
    /// - Complexity: O(1).
    private mutating func relocate(_ v: Int, to target: Int32, graph: CommunityGraph) {
        let kv = graph.degrees[v]
        let old = community[v]
        communityDegree[Int(old)] -= kv
        communitySize[Int(old)] -= 1
        if communitySize[Int(old)] == 0 { emptyCommunities.append(old) }
        if emptyCommunities.last == target { emptyCommunities.removeLast() }
        communityDegree[Int(target)] += kv
        communitySize[Int(target)] += 1
        community[v] = target
        touched[Int(old)] = true
        touched[Int(target)] = true
    }

    /// Queues those of `neighbours` (of a vertex just moved to `target`) that the move may have
    /// tipped — the ones outside `target` — unless they are queued already.
    ///
    /// - Complexity: O(`neighbours.count`).
    @inline(__always)
    private func queueTipped(_ neighbours: ArraySlice<Int32>, by target: Int32, queue: inout VertexQueue) {
        for t in neighbours where community[Int(t)] != target { queue.pushIfAbsent(t) }
    }

    /// What evaluating a vertex against a frozen state proposed.
    struct Proposal {
        /// The best neighbouring community, or the vertex's own.
        var target: Int32 = 0
        /// How many of the vertex's neighbours are open (see ``BatchScratch/open``); 0 when it
        /// proposes to stay, for which none are listed.
        var openCount: Int32 = 0
        /// Whether being alone beat every neighbouring community.
        var alone = false
        /// The vertex's edge weight into `target` and into its own community.
        var weightToTarget = 0.0
        var weightToOwn = 0.0
    }

    /// A batch of vertices taken off the queue, what evaluating them proposed, and their open
    /// neighbours.
    struct BatchScratch {
        /// How many vertices the batch holds.
        private(set) var size = 0
        /// The batch's vertices, in queue order, in `vertices[0 ..< size]`.
        private(set) var vertices: [Int32]
        /// What evaluating `vertices[i]` proposed.
        var proposals: [Proposal]
        /// Where the open neighbours of `vertices[i]` start in `open`: each vertex has room for
        /// its whole row, and its proposal says how much of it is used.
        private(set) var openStart: [Int]
        /// For each vertex of the batch that proposed to move, its neighbours that were not queued
        /// when the batch began, in row order: the only ones its move can queue, and among them
        /// every neighbour in the batch.
        var open: [Int32] = []

        /// Room for batches of up to `capacity` vertices.
        ///
        /// - Complexity: O(`capacity`).
        init(capacity: Int) {
            vertices = [Int32](repeating: 0, count: capacity)
            proposals = [Proposal](repeating: Proposal(), count: capacity)
            openStart = [Int](repeating: 0, count: capacity + 1)
        }

        /// Takes the next `count` vertices off `queue` and makes room for their rows.
        ///
        /// - Complexity: O(`count`), plus O(the rows' length) when `open` has to grow.
        mutating func take(_ count: Int, from queue: inout VertexQueue, graph: CommunityGraph) {
            size = count
            var room = 0
            for i in 0 ..< count {
                let v = Int(queue.pop())
                vertices[i] = Int32(v)
                openStart[i] = room
                room += graph.offsets[v + 1] - graph.offsets[v]
            }
            openStart[count] = room
            // At least one element, so that the buffer always has a base address.
            if open.count < Swift.max(room, 1) {
                open = [Int32](repeating: 0, count: Swift.max(room, 2 * open.count, 1))
            }
        }
    }

    /// Evaluates the vertices of `batch` against the current state, spread over the threads.
    /// Reads `community`, `communityDegree`, `communitySize` and which vertices `queue` holds;
    /// for each vertex `i` of the batch writes only `batch.proposals[i]` and the vertex's room in
    /// `batch.open`, both from the one thread that weighs it.
    ///
    /// - Complexity: O(sum of the batch's degrees) work.
    private func evaluate(_ batch: inout BatchScratch, queue: VertexQueue, graph: CommunityGraph,
                          penalty: Double, scratch: [ThreadAccumulator], parallel: ParallelPolicy) {
        let size = batch.size
        community.withUnsafeBufferPointer { communityBuffer in
        communityDegree.withUnsafeBufferPointer { degreeBuffer in
        communitySize.withUnsafeBufferPointer { sizeBuffer in
        queue.withQueuedBits { queuedBuffer in
        batch.vertices.withUnsafeBufferPointer { batchBuffer in
        batch.openStart.withUnsafeBufferPointer { openStartBuffer in
        batch.open.withUnsafeMutableBufferPointer { openBuffer in
        batch.proposals.withUnsafeMutableBufferPointer { out in
            let shared = SharedState(community: communityBuffer, communityDegree: degreeBuffer,
                                     communitySize: sizeBuffer, queued: queuedBuffer,
                                     batch: batchBuffer, openStart: openStartBuffer)
            let proposals = SharedPointer(base: out.baseAddress!)
            let open = SharedPointer(base: openBuffer.baseAddress!)
            parallel.forEachSlice(count: size, grain: 64) { thread, range in
                let acc = scratch[thread]
                for i in range {
                    proposals.base[i] = LocalMoving.propose(
                        Int(shared.batch[i]), graph: graph, penalty: penalty, state: shared,
                        accumulator: &acc.accumulator, open: open.base + shared.openStart[i])
                }
            }
        }
        }
        }
        }
        }
        }
        }
        }
    }

    /// The frozen state a batch is evaluated against, and the batch, shared by the threads
    /// read-only.
    private struct SharedState: @unchecked Sendable {
        let community: UnsafeBufferPointer<Int32>
        let communityDegree: UnsafeBufferPointer<Double>
        let communitySize: UnsafeBufferPointer<Int32>
        /// Which vertices were queued when the batch began (``VertexQueue/withQueuedBits(_:)``).
        let queued: UnsafeBufferPointer<UInt64>
        let batch: UnsafeBufferPointer<Int32>
        let openStart: UnsafeBufferPointer<Int>
    }

    /// ``bestCommunity(of:graph:penalty:accumulator:)`` against a frozen state, without choosing
    /// an empty community (which is picked when the proposal is applied); lists `v`'s open
    /// neighbours at `open`, which has room for its row.
    ///
    /// - Complexity: O(degree of `v`).
    private static func propose(_ v: Int, graph: CommunityGraph, penalty: Double, state: SharedState,
                                accumulator acc: inout NeighbourWeights,
                                open: UnsafeMutablePointer<Int32>) -> Proposal {
        let kv = graph.degrees[v]
        let old = state.community[v]
        acc.reset()
        acc.add(old, 0)
        for e in graph.offsets[v] ..< graph.offsets[v + 1] {
            acc.add(state.community[Int(graph.targets[e])], graph.weights[e])
        }
        let oldDegree = state.communityDegree[Int(old)] - kv
        var best = old
        var bestGain = acc.weight[Int(old)] - kv * oldDegree * penalty
        let tolerance = 1e-12 * kv
        for d in acc.touched where d != old {
            let gain = acc.weight[Int(d)] - kv * state.communityDegree[Int(d)] * penalty
            if gain > bestGain + tolerance {
                best = d
                bestGain = gain
            }
        }
        let alone = bestGain < -tolerance && state.communitySize[Int(old)] > 1
        // Only a proposed move is applied; a proposal to stay is passed over. A loop of its own,
        // not in the one above: that one waits on a cache miss per neighbour, and an extra
        // branch and store there slow the evaluation more than they save the applying core.
        var openCount = 0
        if best != old || alone {
            for e in graph.offsets[v] ..< graph.offsets[v + 1] {
                let t = graph.targets[e]
                if !VertexQueue.isQueued(t, in: state.queued) {
                    open[openCount] = t
                    openCount += 1
                }
            }
        }
        return Proposal(target: best, openCount: Int32(openCount), alone: alone,
                        weightToTarget: acc.weight[Int(best)], weightToOwn: acc.weight[Int(old)])
    }

    /// Whether a proposed move of `v` (whose neighbours have not moved since it was proposed, so
    /// its weights are exact) still beats staying, with the community totals as they are now.
    ///
    /// - Complexity: O(1).
    private func stillBetter(_ proposal: Proposal, vertex v: Int, graph: CommunityGraph, penalty: Double) -> Bool {
        let kv = graph.degrees[v]
        let old = community[v]
        let stay = proposal.weightToOwn - kv * (communityDegree[Int(old)] - kv) * penalty
        let go = proposal.weightToTarget - kv * communityDegree[Int(proposal.target)] * penalty
        return go > stay + 1e-12 * kv
    }
}

/// A FIFO of vertices in which each vertex is at most once: a ring buffer of `n` slots and a
/// membership bit per vertex.
///
/// The batched local moving reads the bits on every thread, for every neighbour of every vertex
/// that proposes to move; at one bit per vertex they fit in a 48 KB first-level cache up to
/// about 400,000 vertices, where a `Bool` per vertex would take eight times as much (100 KB at
/// 100,000 vertices).
struct VertexQueue {
    private var slots: [Int32]
    private var queued: [UInt64]
    private var head = 0
    /// The number of vertices in the queue.
    private(set) var count: Int

    /// A queue of vertices in `0 ..< vertexCount` holding `order`, distinct vertices.
    ///
    /// - Complexity: O(`vertexCount`).
    init(order: [Int32], vertexCount: Int) {
        precondition(order.count <= vertexCount)
        slots = order
        slots.append(contentsOf: repeatElement(0, count: vertexCount - order.count))
        queued = [UInt64](repeating: 0, count: (vertexCount + 63) / 64)
        for v in order { queued[Int(v) >> 6] |= 1 << (UInt64(v) & 63) }
        count = order.count
    }

    /// Whether bit `v` of `bits` is set: whether `v` is queued, given the queue's bits.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    static func isQueued(_ v: Int32, in bits: UnsafeBufferPointer<UInt64>) -> Bool {
        bits[Int(v) >> 6] & (1 << (UInt64(v) & 63)) != 0
    }

    /// Calls `body` with the queue's membership bits: vertex `v` is queued when bit `v % 64` of
    /// word `v / 64` is set (see ``isQueued(_:in:)``).
    ///
    /// - Complexity: O(1) besides `body`.
    func withQueuedBits<R>(_ body: (UnsafeBufferPointer<UInt64>) throws -> R) rethrows -> R {
        try queued.withUnsafeBufferPointer(body)
    }

    /// Takes the vertex at the head.
    ///
    /// - Precondition: the queue is not empty.
    /// - Complexity: O(1).
    mutating func pop() -> Int32 {
        precondition(count > 0)
        let v = slots[head]
        head = head + 1 == slots.count ? 0 : head + 1
        count -= 1
        queued[Int(v) >> 6] &= ~(1 << (UInt64(v) & 63))
        return v
    }

    /// Appends `v` unless it is already queued.
    ///
    /// - Complexity: O(1).
    mutating func pushIfAbsent(_ v: Int32) {
        let word = Int(v) >> 6, bit: UInt64 = 1 << (UInt64(v) & 63)
        guard queued[word] & bit == 0 else { return }
        queued[word] |= bit
        var tail = head + count
        if tail >= slots.count { tail -= slots.count }
        slots[tail] = v
        count += 1
    }
}
