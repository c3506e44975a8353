/// A binary min-heap of `(distance, vertex)` pairs: the frontier of the Dijkstra searches in
/// weighted Brandes betweenness.
///
/// Kept small and private to centrality on purpose: it supports exactly what Brandes needs —
/// push and pop-min, with *lazy deletion* (a vertex whose distance improves is pushed again and
/// its stale entries are skipped when popped, which is cheaper than a decrease-key index on
/// sparse graphs) — and its storage is reused from one source vertex to the next. Pairs are
/// ordered by distance, then by vertex, so equal distances settle in a fixed order.
///
/// > J. W. J. Williams, "Algorithm 232: Heapsort," *Communications of the ACM* 7(6), 347–348
/// > (1964).
struct BrandesHeap {
    /// The heap in breadth-first order: the parent of slot `i` is slot `(i - 1) / 2`.
    private var distances: [Double] = []
    private var vertices: [Int32] = []

    /// Whether the heap is empty.
    ///
    /// - Complexity: O(1).
    var isEmpty: Bool { distances.isEmpty }

    /// The number of entries, stale ones included.
    ///
    /// - Complexity: O(1).
    var count: Int { distances.count }

    /// Whether `(d1, v1)` comes before `(d2, v2)`.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    private static func precedes(_ d1: Double, _ v1: Int32, _ d2: Double, _ v2: Int32) -> Bool {
        d1 < d2 || (d1 == d2 && v1 < v2)
    }

    /// Adds `vertex` at `distance`.
    ///
    /// - Complexity: O(log *n*).
    mutating func push(_ distance: Double, _ vertex: Int32) {
        var i = distances.count
        distances.append(distance)
        vertices.append(vertex)
        // Sift up: move the hole toward the root while the parent comes later.
        while i > 0 {
            let parent = (i - 1) / 2
            guard Self.precedes(distance, vertex, distances[parent], vertices[parent]) else { break }
            distances[i] = distances[parent]
            vertices[i] = vertices[parent]
            i = parent
        }
        distances[i] = distance
        vertices[i] = vertex
    }

    /// Removes and returns the entry with the smallest distance (then smallest vertex).
    ///
    /// - Complexity: O(log *n*).
    mutating func popMin() -> (distance: Double, vertex: Int32)? {
        guard let lastDistance = distances.popLast(), let lastVertex = vertices.popLast() else { return nil }
        guard !distances.isEmpty else { return (lastDistance, lastVertex) }
        let top = (distances[0], vertices[0])
        // Sift the last entry down from the root.
        let n = distances.count
        var i = 0
        while true {
            let left = 2 * i + 1
            guard left < n else { break }
            var child = left
            let right = left + 1
            if right < n && Self.precedes(distances[right], vertices[right], distances[left], vertices[left]) {
                child = right
            }
            guard Self.precedes(distances[child], vertices[child], lastDistance, lastVertex) else { break }
            distances[i] = distances[child]
            vertices[i] = vertices[child]
            i = child
        }
        distances[i] = lastDistance
        vertices[i] = lastVertex
        return top
    }

    /// Empties the heap, keeping its storage.
    ///
    /// - Complexity: O(1).
    mutating func removeAll() {
        distances.removeAll(keepingCapacity: true)
        vertices.removeAll(keepingCapacity: true)
    }
}
