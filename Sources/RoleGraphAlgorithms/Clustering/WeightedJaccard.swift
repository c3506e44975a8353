/// A vertex and how similar it is to another, as ranked by ``WeightedJaccardSimilarity``.
package struct SimilarVertex: Hashable, Sendable {
    /// The vertex.
    package var vertex: Int32
    /// Its similarity, in (0, 1].
    package var similarity: Double

    /// Pairs `vertex` with its `similarity`.
    ///
    /// - Complexity: O(1).
    package init(vertex: Int32, similarity: Double) {
        self.vertex = vertex
        self.similarity = similarity
    }
}

/// Which pairs of vertices become edges of a similarity graph
/// (``WeightedJaccardSimilarity/graph(_:)``).
package enum SimilarityGraphSelection: Hashable, Sendable {
    /// Every pair whose similarity is at least the threshold (which must be positive).
    case threshold(Double)
    /// Each vertex's `k` most similar vertices (ties by lower index), joined both ways — the
    /// symmetric *k*-nearest-neighbour graph — keeping only similarities of at least `minimum`
    /// (and always above 0).
    case nearest(Int, minimum: Double = 0)
}

/// Weighted Jaccard similarity between vertices described by weighted features — for roles,
/// their skills, primary ones weighing more than secondary ones.
///
/// For feature weights `a(f)` of *u* and `b(f)` of *v* (0 where a feature is absent),
///
///     J(u, v) = Σ_f min(a(f), b(f)) / Σ_f max(a(f), b(f))
///
/// the weighted (Ruzicka) generalisation of Jaccard's index: 1 for identical weights, 0 for no
/// shared feature, and with all weights 1 the classic |A ∩ B| / |A ∪ B| (Jaccard 1912). Two
/// vertices with no features have similarity 0, not 1/0.
///
/// Similarities are computed through an inverted index (feature → vertices that have it) and
/// the identity `Σ max = Σ a + Σ b − Σ min`, so finding everything similar to *u* touches only
/// the vertices that share a feature with it, summing `min` in a stamped accumulator.
///
/// The similarity graph (``graph(_:)``) is what skill-similarity clustering runs on: pass it to
/// ``CSRGraph/communities(_:using:)``.
///
/// > P. Jaccard, "The distribution of the flora in the alpine zone," *New Phytologist* 11(2),
/// > 37–50 (1912). M. Ruzicka, "Anwendung mathematisch-statistischer Methoden in der
/// > Geobotanik," *Biologia* 13, 647–661 (1958).
package struct WeightedJaccardSimilarity: Sendable {
    /// The number of vertices.
    package let vertexCount: Int
    /// Per-vertex features, ascending by feature, in CSR form.
    let featureOffsets: [Int]
    let features: [Int32]
    let featureWeights: [Double]
    /// The sum of each vertex's feature weights.
    let totalWeight: [Double]
    /// The inverted index: for each feature, the vertices that have it (ascending) and weights.
    let postingOffsets: [Int]
    let postingVertices: [Int32]
    let postingWeights: [Double]

    /// Indexes the features of each vertex.
    ///
    /// A feature listed twice for one vertex keeps its larger weight (a skill that is both
    /// primary and secondary counts as primary); features of weight 0 are dropped. Feature
    /// numbers need not be dense, but the inverted index has one slot per number up to the
    /// largest.
    ///
    /// - Parameter features: for each vertex, its features and their weights, in any order.
    /// - Precondition: feature numbers are non-negative; weights are finite and non-negative.
    /// - Complexity: O(*F* log *d* + *K*), for *F* feature entries in all, *d* the most features
    ///   of one vertex and *K* the largest feature number.
    package init(features: [[(feature: Int32, weight: Double)]]) {
        let n = features.count
        var offsets = [Int](repeating: 0, count: n + 1)
        var ids: [Int32] = []
        var ws: [Double] = []
        var totals = [Double](repeating: 0, count: n)
        var largest: Int32 = -1
        for (v, list) in features.enumerated() {
            let sorted = list.sorted { $0.feature < $1.feature }
            var i = 0
            while i < sorted.count {
                let f = sorted[i].feature
                precondition(f >= 0, "feature numbers must be non-negative")
                var w = 0.0
                while i < sorted.count && sorted[i].feature == f {
                    let x = sorted[i].weight
                    precondition(x >= 0 && x.isFinite, "feature weights must be finite and non-negative")
                    w = Swift.max(w, x)
                    i += 1
                }
                if w > 0 {
                    ids.append(f)
                    ws.append(w)
                    totals[v] += w
                    largest = Swift.max(largest, f)
                }
            }
            offsets[v + 1] = ids.count
        }
        // Inverted index by counting sort; vertices come out ascending within each feature.
        let k = Int(largest) + 1
        var postingOffsets = [Int](repeating: 0, count: k + 1)
        for f in ids { postingOffsets[Int(f) + 1] += 1 }
        for f in 0 ..< k { postingOffsets[f + 1] += postingOffsets[f] }
        var next = postingOffsets
        var postingVertices = [Int32](repeating: 0, count: ids.count)
        var postingWeights = [Double](repeating: 0, count: ids.count)
        for v in 0 ..< n {
            for e in offsets[v] ..< offsets[v + 1] {
                let f = Int(ids[e])
                postingVertices[next[f]] = Int32(v)
                postingWeights[next[f]] = ws[e]
                next[f] += 1
            }
        }
        self.vertexCount = n
        self.featureOffsets = offsets
        self.features = ids
        self.featureWeights = ws
        self.totalWeight = totals
        self.postingOffsets = postingOffsets
        self.postingVertices = postingVertices
        self.postingWeights = postingWeights
    }

    /// The weighted Jaccard similarity of `u` and `v`, in [0, 1]; 1 when `u == v` has features.
    ///
    /// - Complexity: O(*d_u* + *d_v*), a merge of the two sorted feature lists.
    package func similarity(_ u: Int32, _ v: Int32) -> Double {
        var i = featureOffsets[Int(u)], j = featureOffsets[Int(v)]
        let iEnd = featureOffsets[Int(u) + 1], jEnd = featureOffsets[Int(v) + 1]
        var shared = 0.0
        while i < iEnd && j < jEnd {
            if features[i] < features[j] {
                i += 1
            } else if features[i] > features[j] {
                j += 1
            } else {
                shared += Swift.min(featureWeights[i], featureWeights[j])
                i += 1
                j += 1
            }
        }
        return ratio(shared, u, v)
    }

    /// `Σ min / Σ max`, with `Σ max = W_u + W_v − Σ min`.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    private func ratio(_ shared: Double, _ u: Int32, _ v: Int32) -> Double {
        guard shared > 0 else { return 0 }
        return shared / (totalWeight[Int(u)] + totalWeight[Int(v)] - shared)
    }

    /// Every other vertex that shares a feature with `u`, with its similarity, in first-seen
    /// order. Sums `min` in ascending feature order, so `J(u, v)` and `J(v, u)` are bit-equal.
    ///
    /// - Complexity: O(Σ over *u*'s features of how many vertices have that feature).
    private func neighbours(of u: Int32, accumulator acc: inout NeighbourWeights) -> [SimilarVertex] {
        acc.reset()
        for e in featureOffsets[Int(u)] ..< featureOffsets[Int(u) + 1] {
            let f = Int(features[e])
            let a = featureWeights[e]
            for p in postingOffsets[f] ..< postingOffsets[f + 1] where postingVertices[p] != u {
                acc.add(postingVertices[p], Swift.min(a, postingWeights[p]))
            }
        }
        return acc.touched.map { SimilarVertex(vertex: $0, similarity: ratio(acc.weight[Int($0)], u, $0)) }
    }

    /// Orders by similarity, highest first, then by vertex, lowest first.
    ///
    /// - Complexity: O(*c* log *c*) for *c* entries.
    private static func ranked(_ list: [SimilarVertex]) -> [SimilarVertex] {
        list.sorted { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.vertex < $1.vertex }
    }

    /// The `limit` vertices most similar to `u` (excluding `u` and vertices with nothing in
    /// common), highest similarity first, ties by lower vertex index.
    ///
    /// - Complexity: O(*P* + *c* log *c*), for *P* postings visited and *c* vertices sharing a
    ///   feature with `u`.
    package func mostSimilar(to u: Int32, limit: Int) -> [SimilarVertex] {
        precondition(limit >= 0, "limit must be non-negative")
        var acc = NeighbourWeights(capacity: vertexCount)
        return Array(Self.ranked(neighbours(of: u, accumulator: &acc)).prefix(limit))
    }

    /// ``mostSimilar(to:limit:)`` for every vertex, sharing one accumulator.
    ///
    /// - Complexity: O(*V* + Σ_u (*P_u* + *c_u* log *c_u*)).
    package func rankings(limit: Int) -> [[SimilarVertex]] {
        precondition(limit >= 0, "limit must be non-negative")
        var acc = NeighbourWeights(capacity: vertexCount)
        return (0 ..< vertexCount).map {
            Array(Self.ranked(neighbours(of: Int32($0), accumulator: &acc)).prefix(limit))
        }
    }

    /// The similarity graph: an undirected graph (stored symmetrically, neighbours ascending)
    /// whose edges join similar vertices, weighted by their similarity.
    ///
    /// - Parameter selection: which pairs become edges.
    /// - Precondition: a threshold is positive; `k` is non-negative.
    /// - Complexity: as ``rankings(limit:)``, plus O(*E* log *d*) to build the graph.
    package func graph(_ selection: SimilarityGraphSelection) -> CSRGraph {
        var acc = NeighbourWeights(capacity: vertexCount)
        var edges: [WeightedEdge] = []
        switch selection {
        case .threshold(let threshold):
            precondition(threshold > 0, "the similarity threshold must be positive")
            for u in 0 ..< vertexCount {
                for s in neighbours(of: Int32(u), accumulator: &acc) where s.similarity >= threshold {
                    edges.append(WeightedEdge(Int32(u), s.vertex, weight: s.similarity))
                }
            }
        case .nearest(let k, let minimum):
            precondition(k >= 0, "k must be non-negative")
            for u in 0 ..< vertexCount {
                let near = Self.ranked(neighbours(of: Int32(u), accumulator: &acc)).prefix(k)
                for s in near where s.similarity >= minimum {
                    edges.append(WeightedEdge(Int32(u), s.vertex, weight: s.similarity))
                    edges.append(WeightedEdge(s.vertex, Int32(u), weight: s.similarity))
                }
            }
        }
        return Self.simpleGraph(vertexCount: vertexCount, edges: edges)
    }

    /// A CSR graph with rows sorted by target and repeated edges (same weight) kept once.
    ///
    /// - Complexity: O(*V* + *E* log *d*).
    private static func simpleGraph(vertexCount: Int, edges: [WeightedEdge]) -> CSRGraph {
        let raw = CSRGraph(vertexCount: vertexCount, edges: edges)
        var offsets = [Int](repeating: 0, count: vertexCount + 1)
        var targets: [Int32] = []
        var weights: [Double] = []
        var row: [(Int32, Double)] = []
        for v in 0 ..< vertexCount {
            row.removeAll(keepingCapacity: true)
            for e in raw.edgeRange(of: Int32(v)) { row.append((raw.targets[e], raw.weights[e])) }
            row.sort { $0.0 < $1.0 }
            for (i, entry) in row.enumerated() where i == 0 || row[i - 1].0 != entry.0 {
                targets.append(entry.0)
                weights.append(entry.1)
            }
            offsets[v + 1] = targets.count
        }
        return CSRGraph(vertexCount: vertexCount, offsets: offsets, targets: targets, weights: weights,
                        edgeIDs: (0 ..< targets.count).map { Int32($0) })
    }
}
