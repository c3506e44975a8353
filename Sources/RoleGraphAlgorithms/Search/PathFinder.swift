/// Shortest-path queries on one ``CSRGraph``: single-source trees, single pairs, the *k* best
/// loopless paths, with `avoid`, `via` and `maxSteps` constraints in any combination.
///
/// ```swift
/// var finder = try PathFinder(graph)                 // checks every weight once
/// let best = try finder.shortestPath(from: 0, to: 7) // GraphPath?
/// let five = try finder.shortestPaths(from: 0, to: 7, count: 5,
///                                     constraints: PathConstraints(avoid: [3], maxSteps: 4))
/// ```
///
/// Every query returns paths in one deterministic order — cost, then fewer edges, then the
/// lexicographically smaller vertex sequence (see ``GraphPath``) — whichever algorithm answers
/// it. Vertices are dense `Int32` indices and costs are the graph's `weights`; the model layer
/// maps roles and cost models onto those.
///
/// ## Why a value with mutating queries
///
/// A finder owns scratch buffers sized for its graph — labels, heaps, ban stamps, the reversed
/// adjacency for backward searches — and reuses them, so that a query allocates only its result
/// and starts in O(1) rather than clearing O(*V*) arrays (generation stamps; see
/// `SearchScratch`). Reusing them mutates the finder. Copies do not share buffers: a copy that
/// is queried allocates its own (copy-on-write), so a `PathFinder` can be sent to another task
/// like any value.
///
/// ## Which algorithm answers
///
/// - trees and distances: Dijkstra (`Dijkstra.swift`);
/// - one pair: bidirectional Dijkstra (`BidirectionalDijkstra.swift`) when `costsAreExact`,
///   else unidirectional Dijkstra stopping at the target — the same path either way. A finder's
///   first single-pair search is unidirectional too: the backward half needs the reversed
///   adjacency, whose O(*V* + *E*) build and memory (as much again as the graph's) a single
///   query does not earn back, so it is built for the second search, when more are likely
///   (Yen's spur searches, a session of queries), unless the finder was given it ready-made
///   (`ReversedAdjacency`: a snapshot image stores it), when even the first search uses it;
/// - with `maxSteps`: the unconstrained best path if it is short enough (then it is also the best
///   short path), else Bellman–Ford by rounds (`HopBoundedSearch.swift`);
/// - several paths: Yen's algorithm with Lawler's refinement (`KShortestPaths.swift`);
/// - `via`: a lazy merge of Yen enumerations of the two legs (`ViaPaths.swift`).
public struct PathFinder: Sendable {
    /// The graph the queries run on.
    public let graph: CSRGraph

    /// Whether every path sum in this graph is exact: every weight is a multiple of a common
    /// power of two (integers, halves, quarters, …), or a decimal with at most six places (efforts
    /// such as 1.1, searched as whole tenths; see ``costScale``), and the sum of all weights, in
    /// those units, stays below 2⁵⁰.
    ///
    /// Then (cost, hops) arithmetic is exact, the bidirectional search provably returns the same
    /// path as the unidirectional one, and every order in ``GraphPath`` is exact. Otherwise
    /// single-pair queries run unidirectionally.
    package let costsAreExact: Bool

    /// The factor (1, 10, 100, … 10⁶) the searches multiply decimal weights by to make them whole
    /// numbers, so that their sums are exact in binary floating point; costs are divided by it
    /// again in every result. 1 when the weights are already exact (integers, halves, …) or are not
    /// short decimals.
    ///
    /// Why: 0.1 + 0.2 is not 0.3 in binary, so with decimal weights two equally expensive paths
    /// may compare unequal, and the bidirectional search — much faster on large graphs — could
    /// not be proved to agree with the unidirectional one. In tenths, 1 + 2 is 3.
    package let costScale: Double

    /// The graph the searches run on: ``graph`` with its weights multiplied by ``costScale``.
    private let searchGraph: CSRGraph

    /// Whether every weight of ``searchGraph`` is a whole number (and, as ``costsAreExact``
    /// requires, their sum is at most 2⁵⁰): then ``distances(from:)`` can run on a
    /// ``RadixHeap``.
    let costsAreWhole: Bool

    /// How single-pair queries are answered.
    public enum Strategy: Hashable, Sendable {
        /// Bidirectional when `PathFinder.costsAreExact`, from the finder's second single-pair
        /// search on; unidirectional otherwise.
        case automatic
        /// Bidirectional from the first search when `PathFinder.costsAreExact`, unidirectional
        /// otherwise (for comparisons and benchmarks; the answers are the same).
        case bidirectional
        /// Always unidirectional (for comparisons and benchmarks; the answers are the same).
        case unidirectional
    }

    /// How single-pair queries (and Yen's spur searches) are answered; ``Strategy/automatic``
    /// by default. Changing it never changes an answer, only how long it takes.
    public var strategy: Strategy = .automatic

    /// The reusable buffers (internal, not private, for tests that check what a query built).
    var scratch: SearchScratch

    /// Prepares queries on `graph`, checking that every weight is finite and non-negative.
    ///
    /// Zero weights are allowed.
    ///
    /// - Throws: ``PathError/invalidWeight(edgeID:source:target:weight:)`` for the first edge
    ///   (in CSR order) whose weight is negative, NaN or infinite.
    /// - Complexity: O(*V* + *E*). Buffers are allocated by the first query that needs them.
    public init(_ graph: CSRGraph) throws(PathError) {
        self.init(graph, prepared: try PreparedWeights(graph))
    }

    /// Prepares queries on `graph` whose weights were checked and scaled before, by
    /// ``PreparedWeights/init(_:)`` on this very graph (a snapshot image stores what it found).
    ///
    /// - Precondition: `prepared` was made from `graph`'s weights; only the lengths are checked.
    /// - Complexity: O(1). Buffers are allocated by the first query that needs them.
    package init(_ graph: CSRGraph, prepared: PreparedWeights, reversed: ReversedAdjacency? = nil) {
        precondition(prepared.searchWeights == nil || prepared.searchWeights!.count == graph.edgeCount)
        precondition(reversed == nil || (reversed!.offsets.count == graph.vertexCount + 1 && reversed!.sources.count == graph.edgeCount))
        self.graph = graph
        self.costScale = prepared.costScale
        self.costsAreExact = prepared.costsAreExact
        self.costsAreWhole = prepared.costsAreWhole
        if let scaled = prepared.searchWeights {
            self.searchGraph = CSRGraph(vertexCount: graph.vertexCount, offsets: graph.offsets, targets: graph.targets,
                                        weights: scaled, edgeIDs: graph.edgeIDs)
        } else {
            self.searchGraph = graph
        }
        self.scratch = SearchScratch(vertexCount: graph.vertexCount, edgeCount: graph.edgeCount)
        if let reversed {
            if let compact = reversed.compact {
                precondition(compact.counts == (graph.edgeCount, graph.edgeCount))
            } else {
                precondition(reversed.weights.count == graph.edgeCount)
            }
            scratch.reverse = ReverseIndex(offsets: reversed.offsets, sources: reversed.sources, weights: reversed.weights,
                                           forwardPosition: reversed.forwardPositions, compact: reversed.compact)
        }
    }

    /// The reversed adjacency of the graph the searches run on, as the backward half of a
    /// bidirectional search walks it: what a snapshot image stores so that a query from it
    /// searches bidirectionally at once, without building the index (see "Which algorithm
    /// answers").
    package struct ReversedAdjacency: Sendable {
        /// `offsets[v] ..< offsets[v + 1]` indexes the edges entering `v`; *V* + 1 entries.
        package var offsets: Column<Int>
        /// The tail of each entering edge.
        package var sources: Column<Int32>
        /// The search weight (the weight times ``PathFinder/costScale``) of each entering edge;
        /// empty when ``compact`` holds the search weights.
        package var weights: Column<Double>
        /// The position in the forward graph of the edge each entering edge reverses.
        package var forwardPositions: Column<Int32>
        /// The search weights both ways in fewer bytes than `Double`s (each equal to its
        /// `Double`): what the bidirectional search reads then.
        package var compact: CompactSearchWeights?

        /// The parts, as a reader found them: valid CSR offsets, every source a vertex, every
        /// position a forward edge, every weight the search weight of the edge at its position
        /// (and every palette code a palette entry).
        /// - Complexity: O(1).
        package init(offsets: Column<Int>, sources: Column<Int32>, weights: Column<Double>, forwardPositions: Column<Int32>,
                     compact: CompactSearchWeights? = nil) {
            self.offsets = offsets
            self.sources = sources
            self.weights = weights
            self.forwardPositions = forwardPositions
            self.compact = compact
        }
    }

    /// The reversed adjacency of this finder's search graph, built now unless a search or the
    /// initialiser made it already.
    ///
    /// - Complexity: O(*V* + *E*) the first time, O(1) after.
    package mutating func reversedAdjacency() -> ReversedAdjacency {
        let index = context().scratch.reverseIndex(of: searchGraph)
        return ReversedAdjacency(offsets: index.offsets, sources: index.sources, weights: index.weights,
                                 forwardPositions: index.forwardPosition, compact: index.compact)
    }

    /// What a finder derives from a graph's weights before its first query: that they are
    /// valid, whether path sums are exact, and the weights the searches run on.
    package struct PreparedWeights: Sendable {
        /// See ``PathFinder/costScale``.
        package var costScale: Double
        /// See ``PathFinder/costsAreExact``.
        package var costsAreExact: Bool
        /// See ``PathFinder/costsAreWhole``.
        package var costsAreWhole: Bool
        /// The weights multiplied by ``costScale``, when it is not 1.
        package var searchWeights: Column<Double>?

        /// Facts stated by a reader that stored them, with no check.
        package init(costScale: Double, costsAreExact: Bool, costsAreWhole: Bool, searchWeights: Column<Double>?) {
            self.costScale = costScale
            self.costsAreExact = costsAreExact
            self.costsAreWhole = costsAreWhole
            self.searchWeights = searchWeights
        }

        /// Checks that every weight of `graph` is finite and non-negative, and decides how its
        /// path sums are made exact.
        ///
        /// - Throws: ``PathError/invalidWeight(edgeID:source:target:weight:)`` for the first edge
        ///   (in CSR order) whose weight is negative, NaN or infinite.
        /// - Complexity: O(*E*) per power of ten tried (at most six).
        package init(_ graph: CSRGraph) throws(PathError) {
            if let e = PathFinder.firstInvalidWeight(graph.weights) {
                // The edge's source: the last vertex whose edges start at or before it.
                var low = 0, high = graph.vertexCount - 1
                while low < high {
                    let mid = (low + high + 1) / 2
                    if graph.offsets[mid] <= e { low = mid } else { high = mid - 1 }
                }
                throw .invalidWeight(edgeID: graph.edgeIDs[e], source: Int32(low), target: graph.targets[e], weight: graph.weights[e])
            }
            if graph.weights.withUnsafeBufferPointer({ PathFinder.sumsAreExact($0) }) {
                self.init(costScale: 1, costsAreExact: true,
                          costsAreWhole: graph.weights.withUnsafeBufferPointer { $0.allSatisfy { $0 == $0.rounded(.towardZero) } },
                          searchWeights: nil)
            } else if let (scale, scaled) = PathFinder.decimalScaling(graph.weights) {
                // `decimalScaling` rounds every scaled weight: whole.
                self.init(costScale: scale, costsAreExact: true, costsAreWhole: true, searchWeights: Column(scaled))
            } else {
                self.init(costScale: 1, costsAreExact: false, costsAreWhole: false, searchWeights: nil)
            }
        }
    }

    /// The position of the first weight that is negative, NaN or infinite, if any.
    ///
    /// - Complexity: O(*E*): one pass without a branch per weight, then a second up to the
    ///   position only when there is one.
    static func firstInvalidWeight(_ weights: Column<Double>) -> Int? {
        weights.withUnsafeBufferPointer { weights in
            var bad = false
            for w in weights { bad = bad || !(w >= 0) || w == .infinity }
            return bad ? weights.firstIndex { !($0 >= 0) || !$0.isFinite } : nil
        }
    }

    /// Whether all sums of `weights` (of up to four times their total) are exact: see
    /// ``costsAreExact``.
    ///
    /// - Complexity: O(*E*).
    static func sumsAreExact(_ weights: some Sequence<Double>) -> Bool {
        var scaleExponent = 0
        var total = 0.0
        for w in weights where w > 0 {
            guard w >= Double.leastNormalMagnitude else { return false }
            // w = odd × 2^lowest
            let fraction = w.significandBitPattern
            let lowest = Int(w.exponent) - (fraction == 0 ? 0 : 52 - fraction.trailingZeroBitCount)
            scaleExponent = Swift.max(scaleExponent, -lowest)
            if scaleExponent > 50 { return false }
            total += w
        }
        return total * Double(sign: .plus, exponent: scaleExponent, significand: 1) <= 0x1p50
    }

    /// The smallest power of ten, up to 10⁶, that turns every weight into a whole number, with the
    /// scaled weights, if their sums are then exact.
    ///
    /// "Whole" allows 8 units in the last place of the scaled weight: parsing a decimal and
    /// multiplying it by its power of ten is off by at most about 2 (4 just below a power of
    /// two), while a digit the scale would drop is off by at least 0.1, which is above 8 units in
    /// the last place of any weight up to 10¹² (effort 10⁶ at scale 10⁶). A relative
    /// tolerance such as 10⁻⁹ would take 999999.9991 at scale 10 for 10000000, and a dearer route
    /// would tie with a cheaper one.
    ///
    /// - Complexity: O(*E*) per power tried.
    ///
    /// The scaled weights are whole numbers, so their sums are exact exactly when their total is
    /// at most 2⁵⁰ (``sumsAreExact(_:)``); a large network is scaled in parts, one per
    /// processor, each with its own total (whole numbers below 2⁵³ add exactly in any order).
    /// `parts` overrides the split (tests split short columns).
    static func decimalScaling(_ weights: Column<Double>, parts: ContiguousParts? = nil) -> (Double, [Double])? {
        let count = weights.count
        let parts = parts ?? ContiguousParts(count: count)
        var found: Double?
        let scaled = weights.withUnsafeBufferPointer { input in
            [Double](unsafeUninitializedCapacity: count) { output, initialized in
                initialized = 0
                let source = SharedInput(input), target = SharedPointer(output)
                var totals = [Double](repeating: 0, count: parts.count)
                var scale = 1.0
                for _ in 1 ... 6 {
                    scale *= 10
                    let factor = scale
                    totals.withUnsafeMutableBufferPointer { totals in
                        let totals = SharedPointer(totals)
                        parts.forEach { part, range in
                            var total = 0.0
                            for i in range {
                                let x = source.buffer[i] * factor
                                let rounded = x.rounded()
                                guard abs(x - rounded) <= 8 * x.ulp else { total = -1; break }
                                target.base[i] = rounded
                                total += rounded
                            }
                            totals.base[part] = total
                        }
                    }
                    if totals.allSatisfy({ $0 >= 0 }) {
                        initialized = count
                        if totals.reduce(0, +) <= 0x1p50 { found = scale }
                        return
                    }
                }
            }
        }
        return found.map { ($0, scaled) }
    }

    /// A path found on the search graph, with its cost in the graph's own units.
    private func unscaled(_ path: GraphPath) -> GraphPath {
        costScale == 1 ? path : GraphPath(vertices: path.vertices, edgePositions: path.edgePositions,
                                          edgeIDs: path.edgeIDs, cost: path.cost / costScale)
    }

    /// The scratch, made unique first (copy-on-write), wrapped with the graph.
    private mutating func context() -> SearchContext {
        if !isKnownUniquelyReferenced(&scratch) { scratch = scratch.freshCopy() }
        return SearchContext(
            graph: searchGraph, scratch: scratch, allowsBidirectional: costsAreExact && strategy != .unidirectional,
            bidirectionalFirst: strategy == .bidirectional)
    }

    // MARK: Validation

    private func check(_ vertex: Int32) throws(PathError) {
        guard vertex >= 0 && Int(vertex) < graph.vertexCount else {
            throw .vertexOutOfRange(vertex: vertex, vertexCount: graph.vertexCount)
        }
    }

    /// Checks the avoid set and maps the avoided edge ids to CSR positions: every edge carrying
    /// one of the ids (ids need not be unique: both directions of a collaboration share one).
    /// Unknown ids are ignored: no path can use them.
    ///
    /// - Complexity: O(*V*) for the checks, plus O(*E*) when `avoidEdges` is not empty.
    private mutating func resolve(
        avoid: Set<Int32>, avoidEdges: Set<Int32>, endpoints: [Int32]
    ) throws(PathError) -> (vertices: [Int32], edges: [Int32]) {
        for v in avoid { try check(v) }
        for v in endpoints where avoid.contains(v) { throw .endpointAvoided(vertex: v) }
        var edges: [Int32] = []
        if !avoidEdges.isEmpty {
            for (p, id) in graph.edgeIDs.enumerated() where avoidEdges.contains(id) { edges.append(Int32(p)) }
        }
        return (avoid.sorted(), edges)
    }

    private func check(maxSteps: Int?) throws(PathError) {
        if let maxSteps, maxSteps < 0 { throw .invalidMaxSteps(maxSteps) }
    }

    // MARK: Single source

    /// The best paths from `source` to every vertex it can reach.
    ///
    /// - Parameters:
    ///   - source: the vertex every path starts from.
    ///   - maxSteps: if given, the paths are the best with at most this many edges (exact; see
    ///     ``PathConstraints``).
    ///   - avoid: vertices the paths may not use.
    ///   - avoidEdges: edges, by `CSRGraph.edgeIDs` value, the paths may not use.
    ///   - target: stop once the best path to this vertex is known; the tree then answers for it
    ///     and for the vertices finished before it (see ``ShortestPathTree/isComplete``).
    /// - Throws: ``PathError`` for an out-of-range vertex, a negative `maxSteps`, or an avoided
    ///   source or target.
    /// - Complexity: O((*V* + *E*) log *V*) without a step limit; O(*K* · *E*) with one. O(*V*) for
    ///   the result.
    public mutating func shortestPathTree(
        from source: Int32, maxSteps: Int? = nil, avoiding avoid: Set<Int32> = [],
        avoidingEdges avoidEdges: Set<Int32> = [], stoppingAt target: Int32? = nil
    ) throws(PathError) -> ShortestPathTree {
        try check(source)
        if let target { try check(target) }
        try check(maxSteps: maxSteps)
        let bans = try resolve(avoid: avoid, avoidEdges: avoidEdges, endpoints: [source] + (target.map { [$0] } ?? []))
        let context = context()
        let scratch = context.scratch
        scratch.setBans(vertices: bans.vertices, edges: bans.edges)
        let n = graph.vertexCount
        var distances = [Double](repeating: .infinity, count: n)
        var hopCounts = [Int32](repeating: -1, count: n)

        if let k = maxSteps, k < n - 1 {
            let stamp = scratch.hopBoundedSearch(searchGraph, from: source, maxHops: k, target: target ?? -1)
            let slots = scratch.rounds
            var best = [Int32](repeating: -1, count: n)
            var reached: [Int32] = []
            // Once the target is reached, states no cheaper than it are pruned: only the source,
            // the target and the vertices strictly cheaper than the target are then exact.
            let targetCost = target.flatMap { slots[Int($0)].bestStamp == stamp ? slots[Int($0)].bestCost : nil }
            for v in 0 ..< n where slots[v].bestStamp == stamp {
                let slot = slots[v]
                if let targetCost, Int32(v) != target, v != Int(source), !(slot.bestCost < targetCost) { continue }
                best[v] = slot.bestLabel
                distances[v] = slot.bestCost / costScale
                hopCounts[v] = scratch.labelHops[Int(slot.bestLabel)]
                reached.append(Int32(v))
            }
            reached.sort {
                (distances[Int($0)], hopCounts[Int($0)], $0) < (distances[Int($1)], hopCounts[Int($1)], $1)
            }
            return ShortestPathTree(
                source: source, maxSteps: maxSteps, isComplete: targetCost == nil,
                distances: distances, hopCounts: hopCounts, reachableVertices: reached, graph: graph,
                storage: .states(
                    best: best, vertex: Array(scratch.labelVertex), parent: Array(scratch.labelParent),
                    edge: Array(scratch.labelEdge)))
        }

        let found = scratch.dijkstra(searchGraph, from: source, target: target ?? -1, recordOrder: true)
        var parents = [Int32](repeating: -1, count: n)
        var edges = [Int32](repeating: -1, count: n)
        let order = scratch.forward.order
        let labels = scratch.forward.labels
        for v in order {
            let label = labels[Int(v)]
            distances[Int(v)] = label.distance / costScale
            hopCounts[Int(v)] = label.hops
            parents[Int(v)] = label.parent
            edges[Int(v)] = label.edge
        }
        return ShortestPathTree(
            source: source, maxSteps: maxSteps, isComplete: !found, distances: distances,
            hopCounts: hopCounts, reachableVertices: Array(order), graph: graph,
            storage: .tree(parents: parents, edges: edges))
    }

    /// The cost of the best path from `source` to every vertex: `.infinity` where there is none.
    ///
    /// The leanest query: no predecessors, hop counts or tie-breaking. When the weights are whole
    /// numbers in the search's units (integers, or decimal efforts in tenths) it runs on a
    /// `RadixHeap`, which needs no comparisons between queued vertices.
    ///
    /// - Throws: ``PathError/vertexOutOfRange(vertex:vertexCount:)``.
    /// - Complexity: O((*V* + *E*) log *V*); with whole weights, O(*E* log *U*) for distances
    ///   below *U*, in practice about O(*E* + *V* log *C*) for weights of at most *C*.
    public mutating func distances(from source: Int32) throws(PathError) -> [Double] {
        try check(source)
        let scratch = context().scratch
        scratch.clearBans()
        let distances = costsAreWhole ? scratch.wholeDistances(searchGraph, from: source)
                                      : scratch.distances(searchGraph, from: source)
        return costScale == 1 ? distances : distances.map { $0 / costScale }
    }

    /// The vertices reachable from `source` in at most `maxSteps` edges (any number if `nil`),
    /// each with its fewest steps and the cheapest cost among those fewest-step paths.
    ///
    /// - Throws: ``PathError`` for an out-of-range vertex, a negative `maxSteps`, or an avoided
    ///   source.
    /// - Complexity: O(*V* + *E*).
    public mutating func reachable(
        from source: Int32, maxSteps: Int? = nil, avoiding avoid: Set<Int32> = []
    ) throws(PathError) -> ReachableSet {
        try check(source)
        try check(maxSteps: maxSteps)
        let bans = try resolve(avoid: avoid, avoidEdges: [], endpoints: [source])
        let scratch = context().scratch
        scratch.setBans(vertices: bans.vertices, edges: bans.edges)
        return scratch.breadthFirst(graph, from: source, maxSteps: maxSteps)  // hop counts: weights unscaled
    }

    // MARK: Single pair

    /// The best path from `source` to `target` under `constraints`, or `nil` if there is none.
    ///
    /// A path from a vertex to itself is the one-vertex path of cost 0.
    ///
    /// - Throws: ``PathError`` for an out-of-range vertex, a negative `maxSteps`, an avoided
    ///   endpoint or via vertex, or a via search that reached its limit.
    /// - Complexity: one bidirectional (or unidirectional) Dijkstra search without `via` and
    ///   `maxSteps`; see ``shortestPaths(from:to:count:constraints:)`` otherwise.
    public mutating func shortestPath(
        from source: Int32, to target: Int32, constraints: PathConstraints = .none
    ) throws(PathError) -> GraphPath? {
        try shortestPaths(from: source, to: target, count: 1, constraints: constraints).first
    }

    /// The `count` best simple paths from `source` to `target` under `constraints`, in the order
    /// of ``GraphPath`` — fewer if there are fewer.
    ///
    /// Uses Yen's algorithm (with Lawler's refinement); with `via`, a merge of Yen enumerations of
    /// the two legs (see ``PathConstraints`` for the exact semantics).
    ///
    /// - Throws: ``PathError`` for an out-of-range vertex, a negative `maxSteps`, an avoided
    ///   endpoint or via vertex, or a via search that reached its limit.
    /// - Complexity: O(`count` · *h* · *S*), *h* the length of the paths and *S* the cost of a
    ///   single-pair search.
    public mutating func shortestPaths(
        from source: Int32, to target: Int32, count: Int, constraints: PathConstraints = .none
    ) throws(PathError) -> [GraphPath] {
        try check(source)
        try check(target)
        try check(maxSteps: constraints.maxSteps)
        if let via = constraints.via {
            try check(via)
            if constraints.avoid.contains(via) { throw .viaAvoided(vertex: via) }
        }
        let bans = try resolve(avoid: constraints.avoid, avoidEdges: constraints.avoidEdges, endpoints: [source, target])
        guard count > 0 else { return [] }
        let context = context()
        // A limit of n − 1 or more edges constrains no simple path.
        let hopLimit = constraints.maxSteps.flatMap { $0 < searchGraph.vertexCount - 1 ? $0 : nil }
        var result: [GraphPath] = []
        result.reserveCapacity(Swift.min(count, 1024))
        if let via = constraints.via, via != source, via != target {
            // The only simple path from a vertex to itself is the one-vertex path.
            if source == target { return [] }
            var enumerator = ViaEnumerator(
                from: source, to: target, via: via, hopLimit: hopLimit, avoidVertices: bans.vertices,
                avoidEdges: bans.edges, legLimit: constraints.viaLegLimit)
            while result.count < count, let path = try enumerator.next(context) { result.append(unscaled(path)) }
        } else {
            var enumerator = YenEnumerator(
                from: source, to: target, hopLimit: hopLimit, avoidVertices: bans.vertices, avoidEdges: bans.edges)
            while result.count < count, let path = enumerator.next(context) { result.append(unscaled(path)) }
        }
        return result
    }
}

/// What the enumerators need from a finder: the graph, its scratch and the strategy.
struct SearchContext {
    let graph: CSRGraph
    let scratch: SearchScratch
    /// Whether single-pair searches may run bidirectionally (exact costs and the automatic
    /// strategy).
    let allowsBidirectional: Bool
    /// Whether the first single-pair search may run bidirectionally too (``PathFinder/Strategy/bidirectional``).
    let bidirectionalFirst: Bool

    /// Whether this single-pair search runs bidirectionally: allowed, and not the finder's first
    /// (unless the reversed adjacency exists already).
    var bidirectional: Bool {
        allowsBidirectional && (bidirectionalFirst || scratch.hasSearchedOnePair || scratch.reverse != nil)
    }

    /// Whether this search runs unidirectionally only because it is the finder's first.
    var bidirectionalLater: Bool { allowsBidirectional && !bidirectional }

    /// The best path from `source` to `target` with at most `hopLimit` edges, under the scratch's
    /// current bans, its cost starting at `startCost`.
    ///
    /// The unconstrained best path is found first (bidirectionally when allowed); if it is short
    /// enough it is also the best short path, else the hop-bounded search answers.
    func bestPath(from source: Int32, to target: Int32, startCost: Double, hopLimit: Int?) -> GraphPath? {
        if source == target {
            return GraphPath(vertices: [source], edgePositions: [], edgeIDs: [], cost: startCost)
        }
        if let hopLimit, hopLimit < 1 { return nil }
        let unconstrained: GraphPath?
        if bidirectional {
            unconstrained = scratch.bidirectionalDijkstra(graph, from: source, to: target, startCost: startCost)
        } else if bidirectionalLater {
            // The first single-pair search of this finder: see "Which algorithm answers".
            scratch.hasSearchedOnePair = true
            scratch.dijkstra(graph, from: source, startCost: startCost, target: target)
            unconstrained = scratch.forwardPath(to: target, in: graph)
        } else {
            scratch.dijkstra(graph, from: source, startCost: startCost, target: target)
            unconstrained = scratch.forwardPath(to: target, in: graph)
        }
        guard let path = unconstrained else { return nil }
        guard let hopLimit, path.hops > hopLimit else { return path }
        let stamp = scratch.hopBoundedSearch(graph, from: source, startCost: startCost, maxHops: hopLimit, target: target)
        return scratch.hopBoundedPath(to: target, stamp: stamp, in: graph)
    }
}
