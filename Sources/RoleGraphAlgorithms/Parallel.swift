import Dispatch
import Foundation
import Synchronization

/// How many threads a parallel step uses: one per active processor, at most 8.
package enum Processors {
    /// The active processors, at most 8, read once per process: Foundation reads the cgroup's
    /// CPU quota and CPU set from `/sys` on every call (eight system calls), and a load of a
    /// large file asks several times.
    package static let active = Swift.max(1, Swift.min(8, ProcessInfo.processInfo.activeProcessorCount))
}

/// How the clustering algorithms spread their work over threads.
///
/// Every parallel step in RoleGraph is written so that its *result* does not depend on the
/// number of threads: threads only evaluate, from a state frozen for the duration of the step,
/// while every decision that changes the state is taken by one thread in a fixed order. So a
/// seeded run gives the same partition on one core or on sixteen, and `threads` only changes how
/// long it takes. What does decide the result is whether a graph is large enough for the batched
/// algorithm at all (``minimumVertices``), which depends on the graph alone.
struct ParallelPolicy: Sendable {
    /// The number of threads to evaluate with (1: evaluate on the calling thread).
    var threads: Int
    /// Graphs with fewer vertices than this use the sequential algorithms, whose per-vertex
    /// decisions are never stale; batching pays off only when a batch is a small part of the
    /// graph.
    var minimumVertices: Int
    /// How many queued vertices are evaluated together from one frozen state.
    var batchSize: Int
    /// Work whose result is the same however it is split (aggregation) is split over the threads
    /// from this many edges on, below which starting threads costs more than it saves.
    var minimumEdges = 50_000
    /// Leiden's refinement, which weighs every edge once or twice and runs community by
    /// community, is spread over the threads from this many edges.
    var minimumRefinementEdges = 20_000
    /// Community detection stores graphs of this many vertices or more in their first visiting
    /// order (``CommunityGraph/renumbered(by:parallel:)``). That pays more the larger the graph;
    /// a graph that fits in the caches gains nothing, and the copy is then a small loss
    /// (measurements in `Benchmarks/README.md`).
    var minimumRenumberVertices = 5_000

    /// One thread per active processor (at most 8): batches for graphs of 50,000 vertices or
    /// more, split aggregation from 50,000 edges, Leiden's refinement from 20,000, graphs stored
    /// in visiting order from 5,000 vertices.
    ///
    /// - Complexity: O(1).
    static let `default` = ParallelPolicy(
        threads: Processors.active,
        minimumVertices: 50_000, batchSize: 1_024)

    /// Whether a graph of `vertexCount` vertices takes the batched path.
    ///
    /// - Complexity: O(1).
    func batches(vertexCount: Int) -> Bool { vertexCount >= minimumVertices }

    /// Whether work over `edgeCount` edges whose result does not depend on the split is split.
    ///
    /// - Complexity: O(1).
    func splits(edgeCount: Int) -> Bool { threads > 1 && edgeCount >= minimumEdges }

    /// Whether community detection stores a graph of `vertexCount` vertices in its first
    /// visiting order. This changes which partition a seed gives (later passes reuse that order,
    /// and the aggregate graphs are numbered differently), so it depends on the graph alone.
    ///
    /// - Complexity: O(1).
    func renumbers(vertexCount: Int) -> Bool { vertexCount >= minimumRenumberVertices }

    /// How many threads refine the communities of a graph of `edgeCount` edges.
    ///
    /// - Complexity: O(1).
    func refinementThreads(edgeCount: Int) -> Int { edgeCount >= minimumRefinementEdges ? threads : 1 }

    /// Calls `body(thread, range)` for consecutive slices of `0 ..< count` (of `grain` items),
    /// spread over the threads: each thread claims the next unclaimed slice when it is free, so a
    /// thread that starts late or is preempted (this runs on shared machines) holds the step back
    /// only by the slice it has claimed. `thread` is in `0 ..< threads` and no two concurrent
    /// calls share it, so it can index per-thread scratch; which thread gets which slice varies
    /// from run to run, so `body` must not let it change a result. Returns when every call has
    /// returned.
    ///
    /// - Complexity: O(`count` / `grain`) besides the calls.
    func forEachSlice(count: Int, grain: Int, _ body: @Sendable (_ thread: Int, _ range: Range<Int>) -> Void) {
        forEachSlice(count: count, grain: grain, threads: threads, body)
    }

    /// ``forEachSlice(count:grain:_:)`` on at most `threads` threads (1: on the calling thread).
    ///
    /// - Complexity: O(`count` / `grain`) besides the calls.
    func forEachSlice(count: Int, grain: Int, threads: Int,
                      _ body: @Sendable (_ thread: Int, _ range: Range<Int>) -> Void) {
        let slices = (count + grain - 1) / grain
        let workers = Swift.min(threads, slices)
        guard workers > 1 else {
            if count > 0 { body(0, 0 ..< count) }
            return
        }
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: workers) { thread in
            while true {
                let slice = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard slice < slices else { return }
                let start = slice * grain
                body(thread, start ..< Swift.min(count, start + grain))
            }
        }
    }
}

/// A pointer handed to worker threads. The parallel steps guarantee by construction that
/// threads write disjoint elements and read only what no thread writes during the step, which
/// the compiler cannot check.
package struct SharedPointer<Element>: @unchecked Sendable {
    package let base: UnsafeMutablePointer<Element>

    package init(base: UnsafeMutablePointer<Element>) {
        self.base = base
    }

    /// The start of `buffer`; for an empty buffer, which has none, a pointer nothing may read.
    package init(_ buffer: UnsafeMutableBufferPointer<Element>) {
        base = buffer.baseAddress ?? UnsafeMutablePointer(bitPattern: MemoryLayout<Element>.alignment)!
    }
}

/// A buffer worker threads read and no thread writes during the step.
package struct SharedInput<Element>: @unchecked Sendable {
    package let buffer: UnsafeBufferPointer<Element>

    package init(_ buffer: UnsafeBufferPointer<Element>) {
        self.buffer = buffer
    }
}

/// A pass over a long range split into contiguous parts, one per processor, run at once: for the
/// passes over a large network's edges whose result is put together part by part, in order, so
/// that it is the serial one whatever the number of parts.
package struct ContiguousParts: Sendable {
    /// The parts, consecutive, covering the range from 0.
    package let ranges: [Range<Int>]

    /// `0 ..< count` in one part per active processor (at most 8), or in fewer so that each has
    /// at least `minimumPerPart` items (one part below that: starting threads would cost more
    /// than they save).
    ///
    /// - Complexity: O(number of parts).
    package init(count: Int, minimumPerPart: Int = 1 << 16) {
        let parts = Swift.max(1, Swift.min(Processors.active, count / Swift.max(1, minimumPerPart)))
        ranges = (0 ..< parts).map { p in count * p / parts ..< count * (p + 1) / parts }
    }

    /// `0 ..< count` in exactly `parts` parts of as equal length as can be (some empty when
    /// `count` is below `parts`): what a test uses to split a short range as a long one is.
    ///
    /// - Precondition: `parts` is at least 1.
    /// - Complexity: O(`parts`).
    package init(count: Int, parts: Int) {
        precondition(parts >= 1, "a range is split into one part or more")
        ranges = (0 ..< parts).map { p in count * p / parts ..< count * (p + 1) / parts }
    }

    /// The given parts, in order.
    ///
    /// - Precondition: `ranges` is not empty, and each starts where the one before ends.
    /// - Complexity: O(number of parts).
    package init(ranges: [Range<Int>]) {
        precondition(!ranges.isEmpty && zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        self.ranges = ranges
    }

    /// The range in one part.
    ///
    /// - Complexity: O(1).
    package init(serial count: Int) {
        ranges = [0 ..< count]
    }

    /// The number of parts.
    package var count: Int { ranges.count }

    /// The middle step of a stable counting sort done in parts: `counts[part * buckets + b]`
    /// holds how many items of bucket `b` the part has, and becomes the slot where the part puts
    /// its first item of `b`: after every item of an earlier bucket, and after the earlier parts'
    /// items of `b`, so that placing each part's items in order sorts them as one pass would.
    ///
    /// - Returns: the offsets of the buckets, `buckets + 1` values from 0 to the item count.
    /// - Complexity: O(`buckets` · number of parts). Of `Int` only, not generic: called from
    ///   another module, a generic version runs unspecialised, each step through the integer
    ///   protocols' witnesses, many times slower.
    package func startSlots(_ counts: inout [Int], buckets: Int) -> [Int] {
        var offsets = [Int](repeating: 0, count: buckets + 1)
        for b in 0 ..< buckets {
            var at = offsets[b]
            for part in 0 ..< ranges.count {
                let count = counts[part * buckets + b]
                counts[part * buckets + b] = at
                at += count
            }
            offsets[b + 1] = at
        }
        return offsets
    }

    /// Calls `body(part, range)` for every part, concurrently when there are several; returns
    /// when all have returned.
    ///
    /// - Complexity: O(number of parts) besides the calls.
    package func forEach(_ body: @Sendable (_ part: Int, _ range: Range<Int>) -> Void) {
        if ranges.count == 1 {
            body(0, ranges[0])
            return
        }
        DispatchQueue.concurrentPerform(iterations: ranges.count) { part in body(part, ranges[part]) }
    }
}
