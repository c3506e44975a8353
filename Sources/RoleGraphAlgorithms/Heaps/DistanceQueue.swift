/// The queue of a distances-only Dijkstra search (``SearchScratch/distances(_:from:queue:)``):
/// vertices with tentative distances, popped nearest first. Lazy deletion: a vertex may be queued
/// again at a shorter distance, and the search skips the stale entry when it surfaces.
protocol DistanceQueue {
    /// Empties the queue for a new search.
    ///
    /// - Complexity: O(1) for both conformances (capacity is kept).
    mutating func removeAll()

    /// Queues `vertex` at `distance`.
    ///
    /// - Complexity: the conformance's insertion.
    mutating func insert(_ vertex: Int32, distance: Double)

    /// Removes and returns a queued vertex of least distance, if any.
    ///
    /// - Complexity: the conformance's removal of the minimum.
    mutating func popNearest() -> (vertex: Int32, distance: Double)?
}

/// The comparison heap, for any non-negative weights; hop counts are not needed here, so all 0.
extension QuaternaryHeap: DistanceQueue {
    /// Queues `vertex` at `distance`, with hop count 0.
    ///
    /// - Complexity: O(log₄ *n*).
    @inline(__always)
    mutating func insert(_ vertex: Int32, distance: Double) {
        insert(vertex, distance: distance, hops: 0)
    }

    /// Removes and returns a queued vertex of least distance, if any.
    ///
    /// - Complexity: O(4 log₄ *n*).
    @inline(__always)
    mutating func popNearest() -> (vertex: Int32, distance: Double)? {
        popMin().map { ($0.vertex, $0.distance) }
    }
}

/// The radix heap, for whole-number weights with a total of at most 2⁵⁰ (see
/// ``SearchScratch/wholeDistances(_:from:)``): distances then convert to keys and back exactly.
extension RadixHeap: DistanceQueue {
    /// Queues `vertex` with its distance as the key.
    ///
    /// - Complexity: O(1) amortised.
    @inline(__always)
    mutating func insert(_ vertex: Int32, distance: Double) {
        insert(vertex, key: UInt64(distance))
    }

    /// Removes and returns a queued vertex of least distance, if any.
    ///
    /// - Complexity: see ``RadixHeap/popMin()``.
    @inline(__always)
    mutating func popNearest() -> (vertex: Int32, distance: Double)? {
        popMin().map { ($0.vertex, Double($0.key)) }
    }
}
