import Dispatch
import Foundation
import Synchronization

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
        threads: Swift.max(1, Swift.min(8, ProcessInfo.processInfo.activeProcessorCount)),
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
struct SharedPointer<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>
}
