/// A sparse accumulator of weights keyed by small integers (communities, clusters, vertices),
/// reset in O(1).
///
/// Louvain, Leiden, label propagation, aggregation and Jaccard similarity all ask the same
/// question in their inner loop: "summed over this vertex's edges, how much weight goes to each
/// community?" A dictionary answers it with a hash per edge and an allocation per vertex. This
/// answers it with flat storage indexed by key and a *stamp*: a key's slot is valid only if its
/// stamp equals the current one, so starting over is one increment instead of clearing, and
/// `touched` lists the keys seen, in first-seen order (which keeps every tie-break
/// deterministic).
///
/// The storage is three `Slab`s owned by this non-copyable value and freed with it.
/// Arrays would do, but this loop runs once per edge per visit — millions of times on a graph of
/// ten thousand roles — and arrays there pay a uniqueness check on every write and on every
/// append to `touched`; the buffers pay nothing (bounds are checked in debug builds).
struct NeighbourWeights: ~Copyable {
    /// The number of keys: keys are `0 ..< capacity`.
    let capacity: Int
    /// The memory behind `weight`, `stamps` and `keys`, freed with this value.
    private let storage: (weight: Slab<Double>, stamps: Slab<UInt32>, keys: Slab<Int32>)
    /// The accumulated weight of each key; meaningful only where `stamps[key] == current`.
    let weight: UnsafeMutablePointer<Double>
    /// The round in which each key was last touched.
    private let stamps: UnsafeMutablePointer<UInt32>
    /// The keys touched in this round, in first-touched order (the first `touchedCount`).
    private let keys: UnsafeMutablePointer<Int32>
    /// How many keys were touched in this round.
    private(set) var touchedCount = 0
    /// The current round.
    private var current: UInt32 = 1

    /// An accumulator for keys in `0 ..< capacity`.
    ///
    /// - Complexity: O(`capacity`).
    init(capacity: Int) {
        precondition(capacity >= 0)
        self.capacity = capacity
        storage = (Slab(count: capacity, repeating: 0), Slab(count: capacity, repeating: 0),
                   Slab(count: capacity, repeating: 0))
        weight = storage.weight.base
        stamps = storage.stamps.base
        keys = storage.keys.base
    }

    /// The keys touched in this round, in first-touched order. Valid until the next `reset()`.
    ///
    /// - Complexity: O(1).
    var touched: UnsafeBufferPointer<Int32> {
        UnsafeBufferPointer(start: keys, count: touchedCount)
    }

    /// Forgets every key: starts a new round.
    ///
    /// - Complexity: O(1), except once every 2³² rounds, when the stamps are cleared.
    @inline(__always)
    mutating func reset() {
        touchedCount = 0
        if current == UInt32.max {
            stamps.update(repeating: 0, count: capacity)
            current = 0
        }
        current &+= 1
    }

    /// Adds `w` to `key`'s weight, recording `key` in `touched` the first time in this round.
    ///
    /// - Precondition: `key` is in `0 ..< capacity` (checked in debug builds).
    /// - Complexity: O(1).
    @inline(__always)
    mutating func add(_ key: Int32, _ w: Double) {
        let k = Int(key)
        assert(k >= 0 && k < capacity, "key out of range")
        if stamps[k] != current {
            stamps[k] = current
            weight[k] = w
            keys[touchedCount] = key
            touchedCount += 1
        } else {
            weight[k] += w
        }
    }

    /// The weight accumulated for `key` in this round (0 if untouched).
    ///
    /// - Complexity: O(1).
    @inline(__always)
    func weight(of key: Int32) -> Double {
        stamps[Int(key)] == current ? weight[Int(key)] : 0
    }
}

/// One worker thread's ``NeighbourWeights`` in a parallel step (local moving, aggregation, label
/// propagation): each thread uses only its own, so the class is shared without locks.
final class ThreadAccumulator: @unchecked Sendable {
    var accumulator: NeighbourWeights

    /// A thread's accumulator for keys in `0 ..< capacity`.
    ///
    /// - Complexity: O(`capacity`).
    init(capacity: Int) { accumulator = NeighbourWeights(capacity: capacity) }
}
