/// The best simple paths from a source to a target through a given vertex (`--via`), in order.
///
/// What is returned: exactly the simple *s*–*t* paths that contain `via`, in the order of
/// ``GraphPath``, the first *k* of them. Each is a first leg *s* → via followed by a second leg
/// via → *t* that shares no other vertex with it (and the first leg does not touch *t*).
///
/// Why not just best(*s* → via) + best(via → *t*): the two best legs can cross, and the
/// concatenation is then not a path; and the best via path may use a worse first leg to leave a
/// better way on. Deciding whether any simple path through a vertex exists is NP-complete in
/// directed graphs, so an exact search can be slow on hostile graphs:
///
/// > S. Fortune, J. Hopcroft, J. Wyllie. "The directed subgraph homeomorphism problem."
/// > *Theoretical Computer Science* 10(2), 1980, pp. 111–121,
/// > doi:[10.1016/0304-3975(80)90009-2](https://doi.org/10.1016/0304-3975(80)90009-2)
///
/// How: first legs come from Yen's algorithm (``YenEnumerator``) in order. For each first leg *a*,
/// the via paths that start with *a* are *a* followed by the second legs that avoid *a*'s
/// vertices, and those come in order from another Yen enumeration (started at *a*'s cost, with
/// the step budget *a* leaves). The answer is a lazy merge of these ordered streams. A first leg
/// is opened only when it could still beat the best path waiting in the merge: its cost plus the
/// cheapest possible second leg (the unconstrained best via → *t* cost) is a lower bound on every
/// path that starts with it or any later first leg. Usually the first leg or two settle the
/// question; ``PathConstraints/viaLegLimit`` bounds the rest.
struct ViaEnumerator {
    let source: Int32
    let target: Int32
    let via: Int32
    let hopLimit: Int?
    let avoidVertices: [Int32]
    let avoidEdges: [Int32]
    /// How many first legs may be opened before giving up (``PathConstraints/viaLegLimit``).
    let legLimit: Int

    private var firstLegs: YenEnumerator
    private var pendingFirstLeg: GraphPath?
    private var firstLegsExhausted = false
    private var secondLegs: [(firstLeg: GraphPath, enumerator: YenEnumerator)] = []
    /// The head of each open stream, sorted in descending order (best last).
    private var heads: [(path: GraphPath, stream: Int)] = []
    /// The cheapest second leg ignoring the first leg; `nil` until computed, `.infinity` if `t`
    /// cannot be reached from `via` at all.
    private var secondLegBound: Double?
    private var opened = 0
    private var lastOpenedCost: Double?

    /// Prepares the enumeration; nothing is searched until the first ``next(_:)``.
    init(
        from source: Int32, to target: Int32, via: Int32, hopLimit: Int?,
        avoidVertices: [Int32], avoidEdges: [Int32], legLimit: Int
    ) {
        precondition(via != source && via != target)
        self.source = source
        self.target = target
        self.via = via
        self.hopLimit = hopLimit
        self.avoidVertices = avoidVertices
        self.avoidEdges = avoidEdges
        self.legLimit = legLimit
        firstLegs = YenEnumerator(
            from: source, to: via, hopLimit: hopLimit.map { $0 - 1 },
            avoidVertices: avoidVertices + [target], avoidEdges: avoidEdges)
    }

    /// The next via path, or `nil` when there are no more.
    ///
    /// - Throws: ``PathError/viaSearchLimitReached(legs:)`` when answering would need more than
    ///   `legLimit` first legs.
    mutating func next(_ context: SearchContext) throws(PathError) -> GraphPath? {
        if secondLegBound == nil {
            context.scratch.setBans(vertices: avoidVertices + [source], edges: avoidEdges)
            secondLegBound =
                context.bestPath(from: via, to: target, startCost: 0, hopLimit: nil)?.cost ?? .infinity
        }
        guard let bound = secondLegBound, bound < .infinity else { return nil }

        /// Whether a first leg of this cost could still start a path that beats the best head.
        /// A small relative slack: opening a stream too many is harmless, missing one is not.
        func couldBeatBest(_ legCost: Double) -> Bool {
            guard let best = heads.last?.path else { return true }
            return legCost + bound <= best.cost + best.cost * 1e-12
        }
        while true {
            if pendingFirstLeg == nil && !firstLegsExhausted {
                // First legs come in non-decreasing cost, so the last one opened bounds the next:
                // if it cannot win, do not pay for a Yen step to generate its successor.
                if let lastOpenedCost, !couldBeatBest(lastOpenedCost) { break }
                pendingFirstLeg = firstLegs.next(context)
                if pendingFirstLeg == nil { firstLegsExhausted = true }
            }
            guard let leg = pendingFirstLeg, couldBeatBest(leg.cost) else { break }
            pendingFirstLeg = nil
            lastOpenedCost = leg.cost
            guard opened < legLimit else { throw .viaSearchLimitReached(legs: opened) }
            opened += 1
            let budget = hopLimit.map { $0 - leg.hops }
            if let budget, budget < 1 { continue }
            var enumerator = YenEnumerator(
                from: via, to: target, startCost: leg.cost, hopLimit: budget,
                avoidVertices: avoidVertices + leg.vertices.dropLast(), avoidEdges: avoidEdges)
            if let second = enumerator.next(context) {
                insertHead(Self.join(leg, second), stream: secondLegs.count)
            }
            secondLegs.append((leg, enumerator))
        }

        guard let (path, stream) = heads.popLast() else { return nil }
        if let second = secondLegs[stream].enumerator.next(context) {
            insertHead(Self.join(secondLegs[stream].firstLeg, second), stream: stream)
        }
        return path
    }

    /// The first leg followed by the second (whose cost already includes the first's).
    private static func join(_ first: GraphPath, _ second: GraphPath) -> GraphPath {
        GraphPath(
            vertices: first.vertices + second.vertices.dropFirst(),
            edgePositions: first.edgePositions + second.edgePositions,
            edgeIDs: first.edgeIDs + second.edgeIDs,
            cost: second.cost)
    }

    /// Inserts a stream head keeping `heads` sorted in descending order.
    private mutating func insertHead(_ path: GraphPath, stream: Int) {
        var low = 0
        var high = heads.count
        while low < high {
            let mid = (low + high) / 2
            if path < heads[mid].path { low = mid + 1 } else { high = mid }
        }
        heads.insert((path, stream), at: low)
    }
}
