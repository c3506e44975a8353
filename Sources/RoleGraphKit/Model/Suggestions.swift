/// "Did you mean" suggestions: the candidate nearest to a misspelt word.
package enum Suggestions {
    /// The candidate with the smallest edit distance to `word` (case-insensitive), if it is close
    /// enough to be a plausible typo: at most a third of the word's length, and at least 2 edits for
    /// short words. A candidate that differs only in case is the best suggestion (distance 0). Ties go to the earlier candidate, so suggestions are stable.
    ///
    /// - Complexity: O(*n* · *m* · *k*) for *k* candidates of length *m* and a word of length *n*.
    package static func nearest(to word: String, in candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased().unicodeScalars)
        let limit = max(2, target.count / 3)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where !candidate.isEmpty {
            let c = Array(candidate.lowercased().unicodeScalars)
            guard abs(c.count - target.count) <= limit else { continue }
            let d = editDistance(target, c)
            if d <= limit && d < (best?.distance ?? .max) {
                best = (candidate, d)
            }
        }
        return best?.candidate
    }

    /// Optimal string alignment distance (Levenshtein plus adjacent transpositions), the usual
    /// measure for typing mistakes.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
