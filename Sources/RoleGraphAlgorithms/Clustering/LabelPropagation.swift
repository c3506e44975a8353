extension CSRGraph {
    /// Communities by asynchronous label propagation (Raghavan, Albert & Kumara 2007).
    ///
    /// Every vertex starts with a label of its own. In each round the vertices are visited in a
    /// fresh random order, and each adopts the label that carries the most edge weight among its
    /// neighbours (with unit weights, the label most of its neighbours have). Updates are
    /// asynchronous — a vertex sees the labels its neighbours took earlier in the same round —
    /// which avoids the label oscillation of synchronous updates on bipartite parts.
    ///
    /// Ties are broken uniformly at random with `generator`, except that a vertex whose current
    /// label is among the heaviest keeps it (as in networkx's `asyn_lpa_communities`); without
    /// that rule, ties can flip forever. The run stops at the paper's criterion — every vertex
    /// holds a label of maximal weight among its neighbours, so a round changes nothing — or
    /// after `maxIterations` rounds.
    ///
    /// Label propagation needs no objective and runs in near-linear time, but its result varies
    /// more from seed to seed than Leiden's, a community is not guaranteed to be connected, and
    /// where structure is weak one label can flood the graph, leaving a single community where
    /// Leiden still finds the planted blocks (with strong structure both find them).
    /// Self-loops are ignored; vertices without neighbours stay alone. The graph is read as
    /// given: pass ``symmetrized()`` for the undirected reading.
    ///
    /// On graphs of 50,000 vertices or more the neighbours of a run of upcoming vertices are
    /// weighed on every core at once, and the labels are then changed one vertex at a time in
    /// visiting order (see `LabelPropagation`): the result, and every draw from `generator`,
    /// is exactly the one-vertex-at-a-time algorithm's, whatever the number of cores.
    ///
    /// > U. N. Raghavan, R. Albert and S. Kumara, "Near linear time algorithm to detect community
    /// > structures in large-scale networks," *Phys. Rev. E* 76, 036106 (2007),
    /// > doi:10.1103/PhysRevE.76.036106.
    ///
    /// - Parameters:
    ///   - maxIterations: the most rounds to run; 100 by default.
    ///   - generator: the source of the visiting orders and tie-breaks.
    /// - Precondition: weights are finite and non-negative; `maxIterations > 0`.
    /// - Complexity: O(*V* + *E*) per round.
    public func labelPropagationCommunities(
        maxIterations: Int = 100, using generator: inout some RandomNumberGenerator
    ) -> Partition {
        labelPropagationCommunities(maxIterations: maxIterations, using: &generator,
                                    parallel: LabelPropagation.defaultPolicy)
    }

    /// ``labelPropagationCommunities(maxIterations:using:)`` with an explicit thread policy
    /// (tests force tiny batches on small graphs).
    func labelPropagationCommunities(
        maxIterations: Int, using generator: inout some RandomNumberGenerator, parallel: ParallelPolicy
    ) -> Partition {
        precondition(maxIterations > 0, "maxIterations must be positive")
        for v in 0 ..< vertexCount {
            for e in offsets[v] ..< offsets[v + 1] where Int(targets[e]) != v {
                precondition(weights[e] >= 0 && weights[e].isFinite,
                             "label propagation needs finite, non-negative weights")
            }
        }
        var run = LabelPropagation(graph: self)
        for _ in 0 ..< maxIterations {
            let order = CommunityDetection.randomPermutation(vertexCount, using: &generator)
            let changed = parallel.batches(vertexCount: vertexCount)
                ? run.batchedRound(order: order, parallel: parallel, using: &generator)
                : run.round(order: order, using: &generator)
            if !changed { break }
        }
        return Partition(denseLabels: run.label, labelBound: vertexCount)
    }
}

/// The state of one label propagation run, and its rounds.
///
/// A vertex is *settled* once it holds a heaviest label and no neighbour's label has changed
/// since: visiting it again would find the same weights and keep its label, drawing nothing from
/// the generator. Skipping settled vertices therefore changes no result, but the later rounds,
/// where few labels still move, touch only the vertices near a change (the "active nodes" of
/// networkit's PLP).
///
/// The batched round weighs the neighbours of the next `batchSize` unsettled vertices of the
/// visiting order on several threads, against the labels as they stand when the batch begins,
/// and then visits those vertices in order on one thread, as the plain round would. A vertex's
/// weighing is used only if none of its neighbours changed label since the batch began (so its
/// weights are exactly what the plain round would see); otherwise, or if it was settled when
/// the batch began and a neighbour's change woke it, it is weighed again on the spot. Tie-breaks
/// draw from the generator only at the visit, in visiting order. So the labels, and the draws,
/// are the plain round's for any batch size and thread count; batching only moves most of the
/// weighing onto other cores. (networkit's PLP changes labels from all threads at once, so its
/// result varies from run to run.)
struct LabelPropagation: ~Copyable {
    /// Graphs of 50,000 vertices or more are worked in batches of about 1/64 of the graph
    /// (512 to 2,048 vertices, so that few weighings in a batch go stale), on every core. Batches
    /// pay on large graphs and not on small ones, where a change stales a larger share of each
    /// batch; the measurements are in `Benchmarks/README.md`.
    static var defaultPolicy: ParallelPolicy {
        var policy = ParallelPolicy.default
        policy.minimumVertices = 50_000
        policy.batchSize = 0   // chosen per graph by `batchSize(for:)`
        return policy
    }

    let graph: CSRGraph
    /// Who reads each vertex's label: the vertices with an edge *to* it, that is its own row
    /// when the graph is symmetric (as it is for clustering), the reversed graph's otherwise.
    let readers: CSRGraph
    /// The label of each vertex.
    var label: [Int32]
    /// Whether each vertex is settled (see above).
    var settled: [Bool]
    /// Scratch for weighing one vertex's neighbours' labels on the calling thread.
    var accumulator: NeighbourWeights
    /// Scratch for one vertex's heaviest labels: at most its degree.
    var heaviest: [Int32]
    /// For the batched rounds, allocated by the first of them and kept for the rest of the run:
    /// the batch in which each vertex last had a neighbour change label (0: never; batches are
    /// numbered across the run), and the threads' accumulators.
    var disturbedInBatch: [UInt32] = []
    var batchNumber: UInt32 = 0
    var threadAccumulators: [ThreadAccumulator] = []

    /// Every vertex in a label of its own, none settled.
    ///
    /// - Complexity: O(*V* + *E*) (O(*V*) for a graph known to be symmetric).
    init(graph: CSRGraph) {
        let n = graph.vertexCount
        self.graph = graph
        readers = graph.isKnownSymmetric ? graph : graph.reversed()
        label = (0 ..< n).map { Int32($0) }
        settled = [Bool](repeating: false, count: n)
        accumulator = NeighbourWeights(capacity: n)
        var maxDegree = 0
        for v in 0 ..< n { maxDegree = Swift.max(maxDegree, graph.offsets[v + 1] - graph.offsets[v]) }
        // Never empty, so its buffer always has a base address.
        heaviest = [Int32](repeating: 0, count: Swift.max(maxDegree, 1))
    }

    /// The batch size for a graph of `vertexCount` vertices under `policy`.
    ///
    /// - Complexity: O(1).
    static func batchSize(for vertexCount: Int, policy: ParallelPolicy) -> Int {
        policy.batchSize > 0 ? policy.batchSize : Swift.min(2_048, Swift.max(512, vertexCount / 64))
    }

    /// What ``weigh(_:graph:label:accumulator:into:)`` returns when the vertex keeps its label.
    static let keeps = 0

    /// Weighs the labels of `v`'s neighbours (self-loops aside) and writes the heaviest ones, in
    /// the order first seen, to `out`.
    ///
    /// - Returns: ``keeps`` (0) if `v` has no neighbour or its label is among the
    ///   heaviest; otherwise the number of heaviest labels written.
    /// - Complexity: O(degree of `v`).
    @inline(__always)
    static func weigh(_ v: Int, graph: CSRGraph, label: UnsafeBufferPointer<Int32>,
                      accumulator acc: inout NeighbourWeights, into out: UnsafeMutablePointer<Int32>) -> Int {
        acc.reset()
        let targets = graph.targets, weights = graph.weights
        for e in graph.offsets[v] ..< graph.offsets[v + 1] where Int(targets[e]) != v {
            acc.add(label[Int(targets[e])], weights[e])
        }
        let touched = acc.touched
        guard !touched.isEmpty else { return keeps }
        var best = -Double.infinity
        for l in touched where acc.weight[Int(l)] > best { best = acc.weight[Int(l)] }
        let own = label[v]
        var count = 0
        for l in touched where acc.weight[Int(l)] == best {
            if l == own { return keeps }
            out[count] = l
            count += 1
        }
        return count
    }

    /// Gives `v` one of its `count` heaviest labels (drawing only if there is a choice) and
    /// wakes the vertices that read its label.
    ///
    /// - Complexity: O(in-degree of `v`).
    @inline(__always)
    private mutating func adopt(_ v: Int, from heaviest: UnsafePointer<Int32>, count: Int,
                                using generator: inout some RandomNumberGenerator,
                                marking disturbed: UnsafeMutablePointer<UInt32>? = nil, batch: UInt32 = 0) {
        label[v] = count == 1 ? heaviest[0] : heaviest[generator.uniformIndex(below: count)]
        for e in readers.offsets[v] ..< readers.offsets[v + 1] {
            let r = Int(readers.targets[e])
            settled[r] = false
            disturbed?[r] = batch
        }
        settled[v] = true
    }

    /// Weighs `v` against the labels as they are now and, unless it keeps its label, adopts one
    /// of the heaviest.
    ///
    /// - Returns: whether `v`'s label changed.
    /// - Complexity: O(degree of `v` + in-degree of `v`).
    private mutating func visitNow(_ v: Int, using generator: inout some RandomNumberGenerator,
                                   marking disturbed: UnsafeMutablePointer<UInt32>? = nil,
                                   batch: UInt32 = 0) -> Bool {
        let count = label.withUnsafeBufferPointer { labels in
            heaviest.withUnsafeMutableBufferPointer { out in
                Self.weigh(v, graph: graph, label: labels, accumulator: &accumulator, into: out.baseAddress!)
            }
        }
        guard count != Self.keeps else { return false }
        // A second reference to the scratch (no copy is made), so that reading it does not
        // overlap `adopt`'s access to `self`.
        let chosen = heaviest
        chosen.withUnsafeBufferPointer {
            adopt(v, from: $0.baseAddress!, count: count, using: &generator, marking: disturbed, batch: batch)
        }
        return true
    }

    /// One round, a vertex at a time, in `order`.
    ///
    /// - Returns: whether any label changed.
    /// - Complexity: O(*V* + the edges of the vertices visited).
    mutating func round(order: [Int32], using generator: inout some RandomNumberGenerator) -> Bool {
        var changed = false
        for vertex in order {
            let v = Int(vertex)
            if settled[v] { continue }
            settled[v] = true
            if visitNow(v, using: &generator) { changed = true }
        }
        return changed
    }

    /// One round in batches weighed on `parallel.threads` threads; the same labels and draws as
    /// ``round(order:using:)``.
    ///
    /// - Returns: whether any label changed.
    /// - Complexity: O(*V* + the edges of the vertices visited) work, plus the re-weighing of
    ///   vertices whose neighbour changed earlier in their batch.
    mutating func batchedRound(order: [Int32], parallel: ParallelPolicy,
                               using generator: inout some RandomNumberGenerator) -> Bool {
        let n = graph.vertexCount
        let batchSize = Self.batchSize(for: n, policy: parallel)
        var batch = [Int32](repeating: 0, count: batchSize)
        // Where each weighed vertex's heaviest labels start in `found`, and how many there are.
        var start = [Int](repeating: 0, count: batchSize + 1)
        var counts = [Int](repeating: 0, count: batchSize)
        var found = [Int32](repeating: 0, count: 1)
        if disturbedInBatch.isEmpty {
            disturbedInBatch = [UInt32](repeating: 0, count: n)
            threadAccumulators = (0 ..< parallel.threads).map { _ in ThreadAccumulator(capacity: n) }
        }
        let scratch = threadAccumulators
        // Held outside `self` for the round, so that writing it does not overlap the visits'
        // access to `self`; swapped back at the end (no copy either way).
        var disturbed: [UInt32] = []
        swap(&disturbed, &disturbedInBatch)
        defer { swap(&disturbed, &disturbedInBatch) }
        var changed = false
        var position = 0
        while position < n {
            let end = Swift.min(n, position + batchSize)
            // Weigh the vertices that are unsettled now; the others stay settled unless a change
            // in this batch wakes them, and are then weighed at their visit.
            var size = 0
            for i in position ..< end where !settled[Int(order[i])] {
                let v = Int(order[i])
                batch[size] = order[i]
                start[size + 1] = start[size] + (graph.offsets[v + 1] - graph.offsets[v])
                size += 1
            }
            if found.count < start[size] { found = [Int32](repeating: 0, count: start[size] * 2) }
            label.withUnsafeBufferPointer { labels in
            batch.withUnsafeBufferPointer { batchBuffer in
            start.withUnsafeBufferPointer { startBuffer in
            counts.withUnsafeMutableBufferPointer { countBuffer in
            found.withUnsafeMutableBufferPointer { foundBuffer in
                let shared = LabelPropagationBatch(
                    labels: labels, batch: batchBuffer, start: startBuffer,
                    counts: SharedPointer(base: countBuffer.baseAddress!),
                    found: SharedPointer(base: foundBuffer.baseAddress!))
                let graph = self.graph
                parallel.forEachSlice(count: size, grain: 32) { thread, range in
                    let acc = scratch[thread]
                    for j in range {
                        shared.counts.base[j] = LabelPropagation.weigh(
                            Int(shared.batch[j]), graph: graph, label: shared.labels,
                            accumulator: &acc.accumulator, into: shared.found.base + shared.start[j])
                    }
                }
            }
            }
            }
            }
            }
            batchNumber += 1
            var j = 0
            for i in position ..< end {
                let v = Int(order[i])
                let weighed = j < size && Int(batch[j]) == v
                if weighed { j += 1 }
                if settled[v] { continue }
                settled[v] = true
                disturbed.withUnsafeMutableBufferPointer { disturbedBuffer in
                    if weighed && disturbedBuffer[v] != batchNumber {
                        let count = counts[j - 1]
                        guard count != Self.keeps else { return }
                        changed = true
                        found.withUnsafeBufferPointer { f in
                            adopt(v, from: f.baseAddress! + start[j - 1], count: count, using: &generator,
                                  marking: disturbedBuffer.baseAddress!, batch: batchNumber)
                        }
                    } else if visitNow(v, using: &generator, marking: disturbedBuffer.baseAddress!,
                                        batch: batchNumber) {
                        changed = true
                    }
                }
            }
            position = end
        }
        return changed
    }
}

/// What the threads weighing a batch share: the labels and the batch (read-only for the
/// duration), and the results, each element written by one thread.
private struct LabelPropagationBatch: @unchecked Sendable {
    let labels: UnsafeBufferPointer<Int32>
    let batch: UnsafeBufferPointer<Int32>
    let start: UnsafeBufferPointer<Int>
    let counts: SharedPointer<Int>
    let found: SharedPointer<Int32>
}
