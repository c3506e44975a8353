/// A sparse accumulator of weights keyed by small integers (communities, clusters, vertices),
/// reset in O(1).
///
/// Louvain, Leiden, label propagation, aggregation and Jaccard similarity all ask the same
/// question in their inner loop: "summed over this vertex's edges, how much weight goes to each
/// community?" A dictionary answers it with a hash per edge and an allocation per vertex. This
/// answers it with two flat arrays indexed by key and a *stamp*: a key's slot is valid only if
/// its stamp equals the current one, so starting over is one increment instead of clearing the
/// arrays, and `touched` lists the keys seen, in first-seen order (which keeps every tie-break
/// deterministic).
struct NeighbourWeights {
    /// The accumulated weight of each key; meaningful only where `stamps[key] == current`.
    var weight: [Double]
    /// The round in which each key was last touched.
    var stamps: [UInt32]
    /// The current round.
    var current: UInt32 = 1
    /// The keys touched in this round, in first-touched order.
    var touched: [Int32] = []

    /// An accumulator for keys in `0 ..< capacity`.
    ///
    /// - Complexity: O(`capacity`).
    init(capacity: Int) {
        weight = [Double](repeating: 0, count: capacity)
        stamps = [UInt32](repeating: 0, count: capacity)
        touched.reserveCapacity(min(capacity, 1024))
    }

    /// Grows the key range to at least `0 ..< capacity`.
    ///
    /// - Complexity: O(`capacity`) when it grows, O(1) otherwise.
    mutating func ensureCapacity(_ capacity: Int) {
        if weight.count < capacity {
            weight += [Double](repeating: 0, count: capacity - weight.count)
            stamps += [UInt32](repeating: 0, count: capacity - stamps.count)
        }
    }

    /// Forgets every key: starts a new round.
    ///
    /// - Complexity: O(1), except once every 2³² rounds, when the stamps are cleared.
    @inline(__always)
    mutating func reset() {
        touched.removeAll(keepingCapacity: true)
        if current == UInt32.max {
            for i in stamps.indices { stamps[i] = 0 }
            current = 0
        }
        current &+= 1
    }

    /// Adds `w` to `key`'s weight, recording `key` in `touched` the first time in this round.
    ///
    /// - Complexity: O(1) amortised.
    @inline(__always)
    mutating func add(_ key: Int32, _ w: Double) {
        let k = Int(key)
        if stamps[k] != current {
            stamps[k] = current
            weight[k] = w
            touched.append(key)
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
