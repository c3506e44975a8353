/// How ``CSRGraph/communities(_:using:)`` looks for communities.
public struct CommunityDetectionOptions: Hashable, Sendable {
    /// The algorithm.
    public enum Method: Hashable, Sendable {
        /// Louvain (Blondel et al. 2008): local moving, then aggregation of the communities found.
        /// Fast, but a community can end up internally disconnected.
        case louvain
        /// Leiden (Traag, Waltman & van Eck 2019): local moving, then a refinement inside each
        /// community, then aggregation of the refined clusters. Every community is connected.
        case leiden
    }

    /// The algorithm; Leiden by default.
    public var method: Method
    /// The resolution γ ≥ 0 of modularity (see ``CSRGraph/modularity(of:resolution:)``):
    /// above 1 finds smaller communities, below 1 larger ones.
    public var resolution: Double
    /// Leiden's randomness θ ≥ 0 in the refinement: how freely a vertex picks among clusters
    /// that do not lower modularity, with probability ∝ exp(gain / θ), the gain in units of edge
    /// weight (`w(v, C) − γ · k_v · K_C / 2m`; modularity changes by gain / m), as in the
    /// authors' reference implementation and igraph. At the default 0.01 a merge worth one edge
    /// less is e¹⁰⁰ times less likely, so the choice is random only among near-equal merges. 0 is
    /// greedy (as leidenalg and networkit refine). Ignored by Louvain.
    public var randomness: Double
    /// At most this many full passes (each pass runs every level down to a single-vertex-per-
    /// community aggregate); `nil` repeats passes until one no longer raises modularity.
    public var maxIterations: Int?

    /// Creates options; the defaults are Leiden at resolution 1 and randomness 0.01, with passes
    /// repeated until modularity stops rising.
    ///
    /// - Complexity: O(1).
    public init(method: Method = .leiden, resolution: Double = 1, randomness: Double = 0.01,
                maxIterations: Int? = nil) {
        self.method = method
        self.resolution = resolution
        self.randomness = randomness
        self.maxIterations = maxIterations
    }
}

extension CSRGraph {
    /// Communities that (locally) maximise modularity, by Louvain or Leiden.
    ///
    /// The graph is read as undirected: pass ``symmetrized()`` of a directed graph. Each pass
    /// repeats two or three phases until the aggregate graph has one vertex per community:
    ///
    /// 1. *local moving*: vertices, in random order, move to the neighbouring community that
    ///    raises modularity most (queue-based, Traag 2015);
    /// 2. *refinement* (Leiden only): each community is split into singletons that merge, at
    ///    random among moves that do not lower modularity, into well-connected clusters;
    /// 3. *aggregation*: the communities (Louvain) or refined clusters (Leiden) become the
    ///    vertices of a smaller weighted graph, which starts from the communities of phase 1.
    ///
    /// Passes repeat, each starting from the previous result on the original graph, until a pass
    /// no longer raises modularity (or `maxIterations` passes ran). A later Louvain pass first
    /// weighs only the vertices in or next to a community the previous pass changed (the others
    /// are provably settled), and ends at once if none of them moves, so unless `maxIterations`
    /// stops it first, Louvain's result is a partition that no single vertex move improves by
    /// more than rounding (a test checks this by brute force). Every random choice — the
    /// visiting orders and Leiden's merges — draws from `generator`, so a seeded generator gives
    /// the same partition every time. The result depends on the CSR layout, not on how the
    /// edges were listed: a graph built by ``symmetrized()`` has its neighbours sorted, so the
    /// same edges in any order give the same partition for the same seed.
    ///
    /// Timings and modularity beside networkit, igraph, leidenalg and NetworkX on generated
    /// transition networks of 1,000 to 100,000 roles are in `Benchmarks/RESULTS.md`.
    ///
    /// On graphs of 5,000 vertices or more, the working graph is stored in the first pass's
    /// random visiting order, and every pass's first level visits in that order, so that a sweep
    /// reads memory front to back instead of at random, which pays once the graph outgrows the
    /// processor's caches. On graphs of 50,000 vertices or more, local moving and aggregation use
    /// every core (batches weighed in parallel, applied in order), and Leiden refines
    /// communities on every core from 20,000 edges; the partition depends on the graph and the
    /// seed only, never on the number of cores.
    ///
    /// Leiden's communities are always connected (through edges of positive weight): every
    /// aggregate vertex is a connected set of original vertices, and a pass ends only when each
    /// community is a single aggregate vertex. If a refinement merges nothing while local moving
    /// still groups aggregate vertices, the communities are split into their connected parts
    /// instead, which never lowers modularity.
    ///
    /// > V. D. Blondel, J.-L. Guillaume, R. Lambiotte and E. Lefebvre, "Fast unfolding of
    /// > communities in large networks," *J. Stat. Mech.* P10008 (2008),
    /// > doi:10.1088/1742-5468/2008/10/P10008.
    /// > V. A. Traag, L. Waltman and N. J. van Eck, "From Louvain to Leiden: guaranteeing
    /// > well-connected communities," *Scientific Reports* 9, 5233 (2019),
    /// > doi:10.1038/s41598-019-41695-z.
    ///
    /// - Parameters:
    ///   - options: the method, resolution, randomness and pass limit.
    ///   - generator: the source of every random choice.
    /// - Precondition: the graph is symmetric and its weights are finite and non-negative.
    /// - Complexity: O(*E*) per round of local moving and per level; in practice a handful of
    ///   levels and passes, so near-linear in *V* + *E*.
    public func communities(
        _ options: CommunityDetectionOptions = CommunityDetectionOptions(),
        using generator: inout some RandomNumberGenerator
    ) -> Partition {
        communities(options, using: &generator, parallel: .default)
    }

    /// ``communities(_:using:)`` with an explicit thread policy (tests use small batches).
    func communities(
        _ options: CommunityDetectionOptions, using generator: inout some RandomNumberGenerator,
        parallel: ParallelPolicy
    ) -> Partition {
        precondition(options.resolution >= 0 && options.resolution.isFinite, "resolution must be ≥ 0")
        precondition(options.randomness >= 0 && options.randomness.isFinite, "randomness must be ≥ 0")
        precondition(options.maxIterations.map { $0 > 0 } ?? true, "maxIterations must be positive")
        var base = CommunityGraph(self)
        let n = base.vertexCount
        guard base.totalDegree > 0 else { return .singletons(vertexCount: n) }

        // The first pass's first level visits the vertices in `firstOrder`. From
        // `minimumRenumberVertices` on, the graph is renumbered so that this order is its memory
        // order (`CommunityGraph.renumbered(by:parallel:)`) and the result numbered back at the
        // end; every later pass's first level then visits in that same order too, so a later
        // pass's sweep also reads memory front to back instead of in a fresh random order.
        // Smaller graphs, which fit in the caches, draw a fresh order for each pass.
        let firstOrder = CommunityDetection.randomPermutation(n, using: &generator)
        var position: [Int32]? = nil
        var memoryOrder: [Int32]? = nil
        if parallel.renumbers(vertexCount: n) {
            (base, position) = base.renumbered(by: firstOrder, parallel: parallel)
            memoryOrder = (0 ..< n).map { Int32($0) }
        }
        var accumulator = NeighbourWeights(capacity: n)
        var membership = (0 ..< n).map { Int32($0) }
        var unsettled: [Bool]? = nil
        var aggregation: Aggregation? = nil
        var bestQuality = -Double.infinity
        var pass = 0
        while options.maxIterations.map({ pass < $0 }) ?? true {
            pass += 1
            // A Louvain pass that starts from a previous result and moves no vertex at the first
            // level would rebuild the last level of the previous pass, where nothing merged: it
            // cannot raise modularity, so it stops there (Leiden's refinement could still find
            // something, so Leiden always completes the pass). Its first level queues only the
            // vertices the previous pass can have unsettled.
            let louvain = options.method == .louvain
            guard let outcome = CommunityDetection.pass(
                base: base, initial: membership, options: options,
                firstOrder: memoryOrder ?? (pass == 1 ? firstOrder : nil), only: louvain ? unsettled : nil,
                stopIfSettled: pass > 1 && louvain, previous: louvain ? aggregation : nil, parallel: parallel,
                accumulator: &accumulator, generator: &generator)
            else { break }
            // Quality never falls from one pass to the next; stop once it stops rising.
            guard outcome.quality > bestQuality + 1e-12 else { break }
            bestQuality = outcome.quality
            membership = outcome.membership
            unsettled = outcome.unsettled
            aggregation = outcome.aggregation
        }
        if let position { membership = position.map { membership[Int($0)] } }
        return Partition(denseLabels: membership, labelBound: n)
    }

    /// Leiden communities (Traag, Waltman & van Eck 2019); see ``communities(_:using:)``.
    ///
    /// - Complexity: see ``communities(_:using:)``.
    public func leidenCommunities(resolution: Double = 1,
                                  using generator: inout some RandomNumberGenerator) -> Partition {
        communities(CommunityDetectionOptions(method: .leiden, resolution: resolution), using: &generator)
    }

    /// Louvain communities (Blondel et al. 2008), without Leiden's refinement; see
    /// ``communities(_:using:)``.
    ///
    /// - Complexity: see ``communities(_:using:)``.
    public func louvainCommunities(resolution: Double = 1,
                                   using generator: inout some RandomNumberGenerator) -> Partition {
        communities(CommunityDetectionOptions(method: .louvain, resolution: resolution), using: &generator)
    }
}

/// The multi-level driver shared by Louvain and Leiden.
enum CommunityDetection {
    /// One pass: local moving, (refinement,) aggregation, repeated until every community of the
    /// current aggregate graph is a single vertex.
    ///
    /// - Parameters:
    ///   - initial: a dense community per vertex of `base` to start local moving from.
    ///   - firstOrder: the order local moving on `base` visits the vertices in (before `only`
    ///     filters it); `nil` draws a random permutation from `generator`.
    ///   - only: if given, local moving on `base` first queues only the vertices marked here;
    ///     every other vertex must be settled in `initial` (no single move raises modularity).
    ///   - stopIfSettled: give up, returning `nil`, if local moving on `base` moves no vertex.
    ///   - previous: `base` aggregated by the previous pass's result, to update instead of
    ///     aggregating `base` again (Louvain only: Leiden aggregates its refined clusters).
    /// - Returns: a dense (not canonical) community per vertex of `base` and its modularity, or
    ///   `nil` if `stopIfSettled` and nothing moved at the first level.
    /// - Complexity: O(*E*) per level, and the vertex count falls at every level.
    static func pass(
        base: CommunityGraph, initial: [Int32], options: CommunityDetectionOptions,
        firstOrder: [Int32]? = nil, only: [Bool]? = nil, stopIfSettled: Bool = false,
        previous: Aggregation? = nil, parallel: ParallelPolicy = .default,
        accumulator: inout NeighbourWeights, generator: inout some RandomNumberGenerator
    ) -> PassOutcome? {
        var graph = base
        var community = initial
        // The vertex of the current aggregate graph that holds each original vertex.
        var node = (0 ..< base.vertexCount).map { Int32($0) }
        // The first level's communities (local moving's own numbers) and which it touched.
        var firstLevel: [Int32] = [], firstLevelTouched: [Bool] = []
        var level = 0
        while true {
            let n = graph.vertexCount
            var moving = LocalMoving(graph: graph, initial: community)
            var order = level == 0 ? firstOrder ?? CommunityDetection.randomPermutation(n, using: &generator)
                                   : CommunityDetection.randomPermutation(n, using: &generator)
            if level == 0, let only { order.removeAll { !only[Int($0)] } }
            let anyMoved = moving.run(graph: graph, order: order, resolution: options.resolution,
                                      accumulator: &accumulator, parallel: parallel)
            if stopIfSettled && level == 0 && !anyMoved { return nil }
            if level == 0 {
                firstLevel = moving.community
                firstLevelTouched = moving.touched
            }
            level += 1
            let (moved, movedCount) = Partition.relabelled(moving.community, labelBound: n)
            community = moved
            if movedCount == n { break }

            var clusters = community
            var clusterCount = movedCount
            if options.method == .leiden {
                var degree = [Double](repeating: 0, count: movedCount)
                for v in 0 ..< n { degree[Int(community[v])] += graph.degrees[v] }
                (clusters, clusterCount) = LeidenRefinement.refine(
                    graph: graph, community: community, communityDegree: degree,
                    order: CommunityDetection.randomPermutation(n, using: &generator),
                    resolution: options.resolution, randomness: options.randomness,
                    parallel: parallel, using: &generator)
                if clusterCount == n {
                    // Nothing merged: aggregate the connected parts of the communities instead,
                    // which keeps every aggregate vertex connected and still shrinks the graph.
                    let (parts, partCount) = graph.connectedComponents(within: community)
                    community = parts
                    if partCount == n { break }
                    clusters = parts
                    clusterCount = partCount
                }
            }
            var updated: CommunityGraph? = nil
            if level == 1, let previous {
                precondition(options.method == .louvain, "only Louvain aggregates its communities")
                updated = graph.aggregated(by: clusters, clusterCount: clusterCount, updating: previous,
                                           accumulator: &accumulator)
            }
            let next = updated ?? graph.aggregated(by: clusters, clusterCount: clusterCount,
                                                   accumulator: &accumulator, parallel: parallel)
            var nextCommunity = [Int32](repeating: 0, count: clusterCount)
            for v in 0 ..< n { nextCommunity[Int(clusters[v])] = community[v] }
            for i in node.indices { node[i] = clusters[Int(node[i])] }
            graph = next
            community = nextCommunity
        }
        // Aggregation keeps modularity, so the last level's few vertices give the pass's
        // quality in O(its edges) instead of a sweep over the original graph.
        let membership = node.map { community[Int($0)] }
        return PassOutcome(
            membership: membership,
            quality: graph.modularity(of: community, resolution: options.resolution),
            aggregation: options.method == .louvain ? Aggregation(graph: graph, vertex: node) : nil,
            unsettled: options.method == .louvain
                ? unsettledVertices(base, firstLevel: firstLevel, touched: firstLevelTouched, final: membership)
                : nil)
    }

    /// The result of one pass: a community per original vertex and its modularity.
    struct PassOutcome {
        var membership: [Int32]
        var quality: Double
        /// For Louvain, `base` aggregated by `membership`'s communities: the last level's graph,
        /// whose vertex `node` holds each original vertex (its community is `membership`).
        var aggregation: Aggregation?
        /// For Louvain, the vertices that may be unsettled in `membership` (`nil`: all of them).
        var unsettled: [Bool]?
    }

    /// The vertices of `base` that a Louvain pass can have left unsettled: those in or next to a
    /// community the pass changed.
    ///
    /// A vertex's best move depends only on its neighbours' communities and on the total
    /// degrees of its own and its neighbours' communities. If none of those communities changed
    /// during the pass — no vertex moved into or out of one at the first level (`touched`), and
    /// no higher level merged it with another (its size in `final` is its size in `firstLevel`)
    /// — the vertex saw the same state all pass: either it was weighed at the first level and
    /// stayed, or it was not queued, being settled when the pass began. So it is settled now,
    /// and the next pass need not weigh it; a test checks Louvain's result against every single
    /// move by brute force.
    ///
    /// - Returns: a flag per vertex, or `nil` when every community changed (as in the first
    ///   pass, which starts from singletons).
    /// - Complexity: O(*V* + the edges of the changed communities' members).
    static func unsettledVertices(_ base: CommunityGraph, firstLevel: [Int32], touched: [Bool],
                                  final: [Int32]) -> [Bool]? {
        let n = base.vertexCount
        guard firstLevel.count == n else { return nil }
        var firstSize = [Int32](repeating: 0, count: n)
        var finalSize = [Int32](repeating: 0, count: n)
        for v in 0 ..< n {
            firstSize[Int(firstLevel[v])] += 1
            finalSize[Int(final[v])] += 1
        }
        // Louvain aggregates each first-level community whole, so all its vertices share one
        // final community; the community changed at a higher level iff that one is larger.
        var changed = [Bool](repeating: false, count: n)
        var anyUnchanged = false
        for v in 0 ..< n {
            let c = Int(firstLevel[v])
            let isChanged = touched[c] || firstSize[c] != finalSize[Int(final[v])]
            changed[c] = isChanged
            anyUnchanged = anyUnchanged || !isChanged
        }
        guard anyUnchanged else { return nil }
        // The graph is symmetric, so the vertices next to a changed community are the
        // neighbours of its members: only the changed communities' rows are read.
        var unsettled = [Bool](repeating: false, count: n)
        for v in 0 ..< n where changed[Int(firstLevel[v])] {
            unsettled[v] = true
            for e in base.offsets[v] ..< base.offsets[v + 1] { unsettled[Int(base.targets[e])] = true }
        }
        return unsettled
    }
}

extension CommunityDetection {
    /// A uniformly random permutation of `0 ..< n` (Fisher–Yates, drawing from `generator`).
    ///
    /// Written out rather than `shuffle(using:)` so that the sequence of draws, and hence every
    /// seeded result, is fixed by this code and not by the standard library's implementation.
    ///
    /// - Complexity: O(*n*).
    static func randomPermutation(_ n: Int, using generator: inout some RandomNumberGenerator) -> [Int32] {
        var order = (0 ..< n).map { Int32($0) }
        var i = n - 1
        while i > 0 {
            let j = generator.uniformIndex(below: i + 1)
            order.swapAt(i, j)
            i -= 1
        }
        return order
    }
}
