import Foundation

extension Partition {
    /// Normalised mutual information between this partition and `other`, in [0, 1].
    ///
    /// The mutual information `I(U; V)` of the two labellings divided by the *arithmetic mean* of
    /// their entropies (Strehl & Ghosh 2002; Vinh, Epps & Bailey 2010, "NMI_sum"):
    ///
    ///     NMI(U, V) = I(U; V) / ((H(U) + H(V)) / 2)
    ///
    /// This is scikit-learn's default (`average_method="arithmetic"`), and the edge cases follow
    /// it: two partitions that both put every vertex in one community (zero entropy each) agree
    /// perfectly and score 1; otherwise zero mutual information scores 0. The logarithm's base
    /// cancels out. 1 means the same grouping; 0 means independent groupings. NMI is not adjusted
    /// for chance: many small communities score above 0 even against a random grouping; see
    /// ``adjustedRandIndex(with:)`` for a chance-adjusted measure.
    ///
    /// RoleGraph uses it to say how well a clustering recovers the declared areas.
    ///
    /// > A. Strehl and J. Ghosh, "Cluster ensembles — a knowledge reuse framework for combining
    /// > multiple partitions," *JMLR* 3, 583–617 (2002).
    /// > N. X. Vinh, J. Epps and J. Bailey, "Information theoretic measures for clusterings
    /// > comparison," *JMLR* 11, 2837–2854 (2010).
    ///
    /// - Precondition: both partitions cover the same number of vertices.
    /// - Complexity: O(*n* log *n*): the contingency table is built by sorting, so that the sums
    ///   run in a fixed order and the result is reproducible to the last bit.
    public func normalizedMutualInformation(with other: Partition) -> Double {
        precondition(vertexCount == other.vertexCount, "partitions of different vertex sets")
        if count == other.count && count <= 1 { return 1 }
        let n = Double(vertexCount)
        var mutual = 0.0
        for (a, b, nab) in Partition.contingency(self, other) {
            let pab = Double(nab) / n
            let pa = Double(size(of: a)) / n
            let pb = Double(other.size(of: b)) / n
            mutual += pab * log(pab / (pa * pb))
        }
        // Rounding can leave a hair below zero for independent labellings.
        guard mutual > 0 else { return 0 }
        let mean = (entropy + other.entropy) / 2
        return Swift.min(1, mutual / mean)
    }

    /// Adjusted Rand index between this partition and `other`: 1 for the same grouping, about 0
    /// for groupings as alike as chance makes them, negative for less alike than chance.
    ///
    /// The Rand index counts the pairs of vertices on which two partitions agree (together in
    /// both, or apart in both); Hubert & Arabie (1985) correct it for chance under the
    /// hypergeometric model:
    ///
    ///     ARI = (Σ_ij C(n_ij, 2) − E) / (½ [Σ_i C(a_i, 2) + Σ_j C(b_j, 2)] − E),
    ///     E   = Σ_i C(a_i, 2) · Σ_j C(b_j, 2) / C(n, 2)
    ///
    /// where `n_ij` counts the vertices in community *i* of this partition and *j* of `other`,
    /// and `a_i`, `b_j` are the community sizes. When the denominator is 0 the two partitions are
    /// the same trivial one (all singletons, or all together) and the index is 1, as in
    /// scikit-learn.
    ///
    /// > L. Hubert and P. Arabie, "Comparing partitions," *Journal of Classification* 2,
    /// > 193–218 (1985), doi:10.1007/BF01908075.
    ///
    /// - Precondition: both partitions cover the same number of vertices.
    /// - Complexity: O(*n* log *n*).
    public func adjustedRandIndex(with other: Partition) -> Double {
        precondition(vertexCount == other.vertexCount, "partitions of different vertex sets")
        func pairs(_ k: Int) -> Double { Double(k) * Double(k - 1) / 2 }
        var together = 0.0
        for (_, _, nab) in Partition.contingency(self, other) { together += pairs(nab) }
        var sumA = 0.0
        for c in 0 ..< count { sumA += pairs(size(of: Int32(c))) }
        var sumB = 0.0
        for c in 0 ..< other.count { sumB += pairs(other.size(of: Int32(c))) }
        let all = pairs(vertexCount)
        guard all > 0 else { return 1 }
        let expected = sumA * sumB / all
        let maximum = (sumA + sumB) / 2
        guard maximum != expected else { return 1 }
        return (together - expected) / (maximum - expected)
    }

    /// The Shannon entropy of the community sizes, in nats.
    ///
    /// - Complexity: O(`count`).
    var entropy: Double {
        let n = Double(vertexCount)
        var h = 0.0
        for c in 0 ..< count {
            let p = Double(size(of: Int32(c))) / n
            h -= p * log(p)
        }
        return h
    }

    /// The non-zero cells of the contingency table of `a` and `b`, ordered by `(a, b)`.
    ///
    /// - Complexity: O(*n* log *n*).
    static func contingency(_ a: Partition, _ b: Partition) -> [(Int32, Int32, Int)] {
        let width = b.count
        var codes = (0 ..< a.vertexCount).map {
            Int(a.communityOfVertex[$0]) * width + Int(b.communityOfVertex[$0])
        }
        codes.sort()
        var cells: [(Int32, Int32, Int)] = []
        var i = 0
        while i < codes.count {
            var j = i
            while j < codes.count && codes[j] == codes[i] { j += 1 }
            cells.append((Int32(codes[i] / width), Int32(codes[i] % width), j - i))
            i = j
        }
        return cells
    }
}
