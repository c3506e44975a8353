/// "Did you mean" suggestions: the candidate nearest to a misspelt word.
///
/// A suggestion is computed inside an error path, so its cost must stay small whatever the input:
/// a file can hold a 10,000-character id referenced a hundred times, or thousands of ids of the
/// same length. Three bounds keep it so. Words longer than ``maximumWordLength`` get no
/// suggestion (nobody mistypes a paragraph). Each candidate first passes two cheap filters (the
/// length difference and a character-bag bound, both lower bounds of the edit distance), and the
/// edit distance itself is computed only in the diagonal band the limit allows, stopping as soon
/// as a whole row exceeds it. Finally the cells computed per call are capped at ``workBudget``:
/// past it the best suggestion so far is returned.
package enum Suggestions {
    /// The longest word (in Unicode scalars) that gets a suggestion.
    package static let maximumWordLength = 256

    /// The most edit-distance cells one suggestion may compute, over all its candidates.
    package static let workBudget = 2_000_000

    /// The candidate with the smallest edit distance to `word` (case-insensitive), if it is close
    /// enough to be a plausible typo: at most a third of the word's length, and at least 2 edits for
    /// short words. A candidate that differs only in case is the best suggestion (distance 0). Ties
    /// go to the earlier candidate, so suggestions are stable.
    ///
    /// - Complexity: O(*k* · *m* + min(*W*, *k* · *n* · *d*)) for *k* candidates of length at most
    ///   *m*, a word of length *n* ≤ 256, a limit *d* ≈ *n* / 3 and the work budget *W*.
    package static func nearest(to word: String, in candidates: some Sequence<String>) -> String? {
        // Counting stops past the bound, so a huge word costs nothing here.
        guard word.unicodeScalars.prefix(maximumWordLength + 1).count <= maximumWordLength else { return nil }
        let target = Array(word.lowercased().unicodeScalars)
        let limit = max(2, target.count / 3)
        let targetBag = CharacterBag(target)
        var budget = workBudget
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where !candidate.isEmpty {
            // The best so far bounds what is worth computing: only a strictly smaller distance wins.
            let bound = min(limit, (best?.distance ?? .max) - 1)
            guard bound >= 0 else { break }
            guard candidate.unicodeScalars.prefix(target.count + bound + 1).count <= target.count + bound else {
                continue
            }
            let c = Array(candidate.lowercased().unicodeScalars)
            guard abs(c.count - target.count) <= bound,
                  targetBag.lowerBound(to: CharacterBag(c)) <= bound else { continue }
            let cells = (2 * bound + 1) * (target.count + 1)
            guard budget >= cells else { break }
            budget -= cells
            if let d = editDistance(target, c, limit: bound) {
                best = (candidate, d)
            }
        }
        return best?.candidate
    }

    /// Optimal string alignment distance (Levenshtein plus adjacent transpositions), the usual
    /// measure for typing mistakes.
    ///
    /// - Complexity: O(*n* · *m*).
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        editDistance(a, b, limit: max(a.count, b.count))!
    }

    /// The optimal string alignment distance if it is at most `limit`, else `nil`.
    ///
    /// Only cells within `limit` of the diagonal can hold a value ≤ `limit`, so only those are
    /// computed (cells outside the band count as `limit + 1`), and the search stops at the first
    /// row whose every cell exceeds `limit`: values along a row never fall below the row's minimum
    /// in later rows except through the band, which the check covers.
    ///
    /// - Complexity: O(*n* · *limit*) for a word of length *n*.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
        guard abs(a.count - b.count) <= limit else { return nil }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let outside = limit + 1
        var previous2 = [Int](repeating: outside, count: b.count + 1)
        var previous = (0...b.count).map { min($0, outside) }
        var current = [Int](repeating: outside, count: b.count + 1)
        for i in 1...a.count {
            let low = max(1, i - limit), high = min(b.count, i + limit)
            // The cells just outside this row's band read as "too far".
            current[0] = i <= limit ? i : outside
            if low > 1 { current[low - 1] = outside }
            var rowMinimum = current[0]
            if low <= high {
                for j in low...high {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                    if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                        value = min(value, previous2[j - 2] + 1)
                    }
                    value = min(value, outside)
                    current[j] = value
                    rowMinimum = min(rowMinimum, value)
                }
            }
            if high < b.count { current[high + 1] = outside }
            if rowMinimum > limit { return nil }
            (previous2, previous, current) = (previous, current, previous2)
        }
        let distance = previous[b.count]
        return distance <= limit ? distance : nil
    }
}

/// Counts of a word's characters in 64 buckets: a lower bound of the edit distance between two
/// words in O(*n*), without aligning them.
///
/// Each edit (insert, delete, substitute, transpose) adds at most one to the characters one word
/// has in excess of the other, and at most one to those it lacks, so the larger of the two sums
/// never exceeds the distance. Sharing a bucket only hides differences, so the bound stays a
/// lower bound.
struct CharacterBag {
    private var counts = [Int32](repeating: 0, count: 64)

    /// - Complexity: O(*n*).
    init(_ scalars: [Unicode.Scalar]) {
        for scalar in scalars { counts[Int(scalar.value & 63)] += 1 }
    }

    /// A lower bound of the edit distance between the two words.
    ///
    /// - Complexity: O(1) (64 buckets).
    func lowerBound(to other: CharacterBag) -> Int {
        var excess = 0, lack = 0
        for bucket in 0..<64 {
            let difference = Int(counts[bucket]) - Int(other.counts[bucket])
            if difference > 0 { excess += difference } else { lack -= difference }
        }
        return max(excess, lack)
    }
}
