/// A 4-ary min-heap of search labels, ordered by distance and then by hop count: the priority
/// queue of every Dijkstra search in RoleGraph.
///
/// Why 4-ary: a *d*-ary heap (Johnson 1975) trades a shallower tree — log₄ *n* levels instead of
/// log₂ *n* — for more comparisons per level when sifting down. Dijkstra's algorithm inserts
/// (sift up: cheaper with a shallow tree) far more often than it removes, and the four children
/// of a node are adjacent in memory (one 64-byte cache line for 16-byte entries), so *d* = 4 is
/// the usual sweet spot (LaMarca & Ladner 1996; networkit and Boost use it).
///
/// > D. B. Johnson. "Priority queues with update and finding minimum spanning trees."
/// > *Information Processing Letters* 4(3), 1975, pp. 53–57,
/// > doi:[10.1016/0020-0190(75)90001-0](https://doi.org/10.1016/0020-0190(75)90001-0)
///
/// The heap has no decrease-key: a search that finds a better distance for a vertex inserts a
/// second entry and skips the stale one when it surfaces ("lazy deletion"). That keeps entries
/// free of back-pointers and the inner loop free of index bookkeeping; the cost is at most one
/// entry per relaxed edge.
///
/// Why the hop count is part of the key: the searches prefer, among paths of equal cost, the one
/// with fewer edges (see ``GraphPath``). Popping in (distance, hops) order guarantees that every
/// tie for a vertex is seen before the vertex is settled, even across zero-weight edges.
///
/// Entries of equal key come out in an unspecified (but deterministic) order; the searches never
/// depend on it.
///
/// Build with `-Xswiftc -DROLEGRAPH_INTERNAL_CHECKS` to verify the heap property after every
/// mutation (which makes each O(log *n*) operation O(*n*)).
struct QuaternaryHeap {
    /// One queued label: a vertex with the distance and hop count it was reached with.
    struct Entry: Equatable {
        var distance: Double
        var hops: Int32
        var vertex: Int32

        init(distance: Double, hops: Int32, vertex: Int32) {
            self.distance = distance
            self.hops = hops
            self.vertex = vertex
        }

        /// The heap order: by distance, then by hop count.
        @inline(__always)
        static func precedes(_ a: Entry, _ b: Entry) -> Bool {
            a.distance < b.distance || (a.distance == b.distance && a.hops < b.hops)
        }
    }

    /// The entries in heap order: the children of slot *i* are slots 4*i* + 1 through 4*i* + 4.
    @usableFromInline
    var storage: ContiguousArray<Entry> = []

    /// Creates an empty heap.
    ///
    /// - Complexity: O(1); nothing is allocated until the first insertion.
    init() {}

    /// The number of entries.
    ///
    /// - Complexity: O(1)
    var count: Int { storage.count }

    /// Whether the heap is empty.
    ///
    /// - Complexity: O(1)
    var isEmpty: Bool { storage.isEmpty }

    /// The entry with the smallest key, if any.
    ///
    /// - Complexity: O(1)
    var min: Entry? { storage.first }

    /// Removes every entry, keeping the allocated capacity for the next search.
    ///
    /// - Complexity: O(1) (entries are trivial; nothing is deinitialised one by one).
    mutating func removeAll() {
        storage.removeAll(keepingCapacity: true)
    }

    /// Inserts an entry.
    ///
    /// - Complexity: O(log₄ *n*) comparisons; amortised O(1) allocations (none once the heap has
    ///   reached its working size).
    @inline(__always)
    mutating func insert(_ entry: Entry) {
        storage.append(entry)
        storage.withUnsafeMutableBufferPointer { heap in
            var i = heap.count - 1
            while i > 0 {
                let parent = (i - 1) &>> 2
                guard Entry.precedes(entry, heap[parent]) else { break }
                heap[i] = heap[parent]
                i = parent
            }
            heap[i] = entry
        }
        checkInvariants()
    }

    /// Inserts a vertex with its distance and hop count.
    ///
    /// - Complexity: O(log₄ *n*).
    @inline(__always)
    mutating func insert(_ vertex: Int32, distance: Double, hops: Int32) {
        insert(Entry(distance: distance, hops: hops, vertex: vertex))
    }

    /// Removes and returns the entry with the smallest key, if any.
    ///
    /// - Complexity: O(4 log₄ *n*) comparisons.
    @inline(__always)
    mutating func popMin() -> Entry? {
        guard let last = storage.popLast() else { return nil }
        if storage.isEmpty { return last }
        let result = storage.withUnsafeMutableBufferPointer { heap -> Entry in
            let top = heap[0]
            let n = heap.count
            var i = 0
            // Move the hole at the root down to where `last` belongs.
            while true {
                let first = 4 &* i &+ 1
                if first >= n { break }
                var best = first
                let end = Swift.min(first &+ 4, n)
                var c = first &+ 1
                while c < end {
                    if Entry.precedes(heap[c], heap[best]) { best = c }
                    c &+= 1
                }
                guard Entry.precedes(heap[best], last) else { break }
                heap[i] = heap[best]
                i = best
            }
            heap[i] = last
            return top
        }
        checkInvariants()
        return result
    }

    /// Verifies the heap property when built with `ROLEGRAPH_INTERNAL_CHECKS`; free otherwise.
    @inline(__always)
    func checkInvariants() {
        #if ROLEGRAPH_INTERNAL_CHECKS
        for i in storage.indices.dropFirst() {
            precondition(
                !Entry.precedes(storage[i], storage[(i - 1) / 4]),
                "QuaternaryHeap: entry \(i) precedes its parent")
        }
        #endif
    }
}
