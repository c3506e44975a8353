import Foundation

/// Names for clusters of a graph that has no areas to name them by (an edge list): each cluster's
/// most distinctive words, by tf-idf over its roles' names.
///
/// A cluster is a document made of its roles' names; a word's score is its count in the cluster
/// (tf) times ln(clusters / clusters whose names use it) (idf), so a word every cluster shares
/// ("Senior", "Engineer" in a network of engineering jobs) scores 0 and a word that marks one
/// cluster ("Forecasting") ranks first. Words are split on anything that is not a letter or a
/// digit, compared in lower case, and shown as first written; numbers and one-letter words are
/// ignored. Ties go to the more frequent word, then alphabetical order, so names are stable.
public enum ClusterNaming {
    /// The `count` most distinctive words of each cluster, joined by " · "; a cluster whose words
    /// are all shared with every other gets its most frequent ones instead, and a cluster with no
    /// words gets "".
    ///
    /// - Parameter clusters: each cluster's role names.
    /// - Parameter count: how many words name a cluster.
    /// - Complexity: O(*n*) for *n* characters of names in all, plus sorting each cluster's words.
    public static func names(of clusters: [[String]], count: Int = 2) -> [String] {
        var documentFrequency: [String: Int] = [:]
        var termCounts: [[String: Int]] = []
        var spelling: [String: String] = [:]
        for names in clusters {
            var counts: [String: Int] = [:]
            for name in names {
                for word in words(of: name) {
                    let key = word.lowercased()
                    counts[key, default: 0] += 1
                    if spelling[key] == nil { spelling[key] = word }
                }
            }
            for key in counts.keys { documentFrequency[key, default: 0] += 1 }
            termCounts.append(counts)
        }
        let total = Double(clusters.count)
        return termCounts.map { counts in
            let scored = counts.map { key, tf in
                (key: key, tf: tf, score: Double(tf) * log(total / Double(documentFrequency[key] ?? 1)))
            }
            let ranked = scored.sorted { a, b in
                if a.score != b.score { return a.score > b.score }
                if a.tf != b.tf { return a.tf > b.tf }
                return a.key < b.key
            }
            let distinctive = ranked.filter { $0.score > 0 }
            let chosen = (distinctive.isEmpty ? ranked : distinctive).prefix(count)
            return chosen.map { spelling[$0.key] ?? $0.key }.joined(separator: " · ")
        }
    }

    /// The words of a name: runs of letters and digits, without numbers and one-letter words.
    static func words(of name: String) -> [String] {
        var result: [String] = []
        var current = ""
        func flush() {
            if current.count > 1 && !current.allSatisfy(\.isNumber) { result.append(current) }
            current = ""
        }
        for character in name {
            if character.isLetter || character.isNumber { current.append(character) } else { flush() }
        }
        flush()
        return result
    }
}
