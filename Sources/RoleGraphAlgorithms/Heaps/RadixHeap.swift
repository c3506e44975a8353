/// A monotone priority queue of whole-number keys: the radix heap of Ahuja, Mehlhorn, Orlin and
/// Tarjan, in its one-level form.
///
/// Why: Dijkstra's algorithm only ever pops keys in non-decreasing order, and when the edge
/// weights are whole numbers (as ``PathFinder`` makes decimal efforts, in tenths) a queue can
/// use that. Entries sit in bucket *i* when the highest bit in which their key differs from the
/// last popped key is bit *i* − 1 (bucket 0: equal to it). Inserting is an append; popping takes
/// from bucket 0, or, when that is empty, empties the lowest non-empty bucket into the buckets
/// below it around its smallest key, which becomes the last popped key. An entry only ever moves
/// to a lower bucket, so it moves at most 64 times, and at most log₂ *U* + 1 times when keys stay
/// below *U*. In a search every queued key is within *C*, the largest edge weight, of the last
/// popped one, and entries move about log₂ *C* times (the paper's variant with bucket widths
/// fixed by *C* bounds it by O(log *C*)) — against a comparison heap's O(log *n*) comparisons
/// per pop over scattered memory. The benchmark's networks (efforts 1.0–4.9, searched as 10–49
/// tenths) are such a case; the timings against the 4-ary heap are in `Benchmarks/README.md`.
///
/// > R. K. Ahuja, K. Mehlhorn, J. B. Orlin and R. E. Tarjan. "Faster algorithms for the shortest
/// > path problem." *Journal of the ACM* 37(2), 1990, pp. 213–223,
/// > doi:[10.1145/77600.77615](https://doi.org/10.1145/77600.77615)
///
/// Like ``QuaternaryHeap`` it has no decrease-key: a search inserts a vertex again when it finds
/// a shorter distance and skips the stale entry when it surfaces. Entries of equal key come out
/// in an unspecified (but deterministic) order.
///
/// Build with `-Xswiftc -DROLEGRAPH_INTERNAL_CHECKS` to check every key against the last popped
/// one on insertion, and every entry's bucket after each redistribution.
struct RadixHeap {
    /// One queued vertex and its key.
    struct Entry: Equatable {
        var key: UInt64
        var vertex: Int32
    }

    /// `buckets[0]` holds the keys equal to ``last``; `buckets[i]`, for *i* ≥ 1, the keys whose
    /// highest bit that differs from ``last`` is bit *i* − 1.
    private var buckets: [ContiguousArray<Entry>]
    /// The last key popped (0 before the first pop): no key below it may be inserted.
    private(set) var last: UInt64 = 0
    /// The number of entries.
    private(set) var count = 0

    /// Creates an empty heap.
    ///
    /// - Complexity: O(1): one allocation for the 65 (empty) buckets; each bucket allocates its
    ///   storage on its first insertion.
    init() {
        buckets = Array(repeating: [], count: 65)
    }

    /// Whether the heap is empty.
    ///
    /// - Complexity: O(1)
    var isEmpty: Bool { count == 0 }

    /// Removes every entry and forgets the last key, keeping the buckets' capacity for the next
    /// search.
    ///
    /// - Complexity: O(1) (65 buckets).
    mutating func removeAll() {
        for i in buckets.indices { buckets[i].removeAll(keepingCapacity: true) }
        last = 0
        count = 0
    }

    /// The bucket of `key` relative to `last`.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    private static func bucket(of key: UInt64, from last: UInt64) -> Int {
        key == last ? 0 : 64 &- (key ^ last).leadingZeroBitCount
    }

    /// Inserts `vertex` with `key`.
    ///
    /// - Precondition: `key` ≥ the last popped key (checked with `ROLEGRAPH_INTERNAL_CHECKS`).
    /// - Complexity: O(1) amortised.
    @inline(__always)
    mutating func insert(_ vertex: Int32, key: UInt64) {
        #if ROLEGRAPH_INTERNAL_CHECKS
        precondition(key >= last, "RadixHeap: key \(key) is below the last popped key \(last)")
        #endif
        buckets[Self.bucket(of: key, from: last)].append(Entry(key: key, vertex: vertex))
        count &+= 1
    }

    /// Removes and returns an entry with the smallest key, if any.
    ///
    /// - Complexity: amortised, O(1) plus the bucket moves its entries make: at most log₂ *U* + 1
    ///   each for keys below *U* (see above).
    @inline(__always)
    mutating func popMin() -> Entry? {
        guard count > 0 else { return nil }
        if buckets[0].isEmpty { redistribute() }
        count &-= 1
        return buckets[0].popLast()
    }

    /// Empties the lowest non-empty bucket into the ones below it, around its smallest key,
    /// which becomes ``last``; afterwards bucket 0 is not empty.
    ///
    /// - Complexity: O(size of that bucket).
    private mutating func redistribute() {
        var i = 1
        while buckets[i].isEmpty { i &+= 1 }
        var moving = ContiguousArray<Entry>()
        swap(&moving, &buckets[i])
        var smallest = UInt64.max
        for entry in moving where entry.key < smallest { smallest = entry.key }
        last = smallest
        // Every key in bucket i agrees with the new `last` above bit i − 1, so each lands lower.
        for entry in moving { buckets[Self.bucket(of: entry.key, from: smallest)].append(entry) }
        moving.removeAll(keepingCapacity: true)
        swap(&moving, &buckets[i])  // hand the capacity back for later use
        checkInvariants()
    }

    /// Verifies that every entry is in the bucket its key belongs to, when built with
    /// `ROLEGRAPH_INTERNAL_CHECKS`; free otherwise.
    @inline(__always)
    private func checkInvariants() {
        #if ROLEGRAPH_INTERNAL_CHECKS
        for (i, bucket) in buckets.enumerated() {
            for entry in bucket {
                precondition(entry.key >= last && Self.bucket(of: entry.key, from: last) == i,
                              "RadixHeap: key \(entry.key) in bucket \(i) with last \(last)")
            }
        }
        #endif
    }
}
