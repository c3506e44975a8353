import Testing
@testable import RoleGraphKit
import RoleGraphAlgorithms

/// The bounded "did you mean": the banded, early-exit edit distance and the character-bag
/// pre-filter against a plain full-matrix distance, and the bounds on what a suggestion costs.
@Suite struct SuggestionBoundsTests {
    /// The oracle: optimal string alignment distance over the whole matrix, written independently.
    static func fullDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        for i in 1...a.count {
            for j in 1...b.count {
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }

    /// Random words over a small alphabet (so they are often close), with random limits.
    @Test func bandedDistanceMatchesTheFullMatrix() {
        var generator = SplitMix64(seed: 21)
        let alphabet = Array("abcdé数".unicodeScalars)
        func word() -> [Unicode.Scalar] {
            (0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
        }
        for _ in 0..<4_000 {
            let a = word(), b = word()
            let limit = Int.random(in: 0...8, using: &generator)
            let exact = Self.fullDistance(a, b)
            #expect(Suggestions.editDistance(a, b, limit: limit) == (exact <= limit ? exact : nil), "\(a) \(b) \(limit)")
            #expect(Suggestions.editDistance(a, b) == exact)
            #expect(CharacterBag(a).lowerBound(to: CharacterBag(b)) <= exact, "\(a) \(b)")
        }
    }

    /// `nearest` with the filters gives what an unfiltered search over the oracle gives.
    @Test func nearestMatchesAnUnfilteredSearch() {
        var generator = SplitMix64(seed: 7)
        let alphabet = Array("abcdef-".unicodeScalars)
        func word() -> String {
            String(String.UnicodeScalarView((0..<Int.random(in: 1...9, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        for _ in 0..<500 {
            let target = word()
            let candidates = (0..<20).map { _ in word() }
            let t = Array(target.unicodeScalars)
            let limit = max(2, t.count / 3)
            var expected: (String, Int)?
            for c in candidates {
                let d = Self.fullDistance(t, Array(c.unicodeScalars))
                if d <= limit && d < (expected?.1 ?? .max) { expected = (c, d) }
            }
            #expect(Suggestions.nearest(to: target, in: candidates) == expected?.0, "\(target) in \(candidates)")
        }
    }

    @Test func knownSuggestions() {
        #expect(Suggestions.nearest(to: "data-analist", in: ["data-engineer", "data-analyst"]) == "data-analyst")
        #expect(Suggestions.nearest(to: "ML-Engineer", in: ["ml-engineer"]) == "ml-engineer")
        #expect(Suggestions.nearest(to: "zzz", in: ["data-analyst"]) == nil)
    }

    /// A 10,000-character word gets no suggestion, even next to ids one edit away: nobody
    /// mistypes a paragraph, and comparing it would cost millions of cells per message.
    @Test func longWordsGetNoSuggestion() {
        let long = String(repeating: "r", count: 10_000)
        let near = String(repeating: "r", count: 9_999) + "s"
        #expect(Suggestions.nearest(to: long, in: [near]) == nil)
        let edge = String(repeating: "q", count: Suggestions.maximumWordLength)
        #expect(Suggestions.nearest(to: edge, in: [edge + "x"]) == edge + "x")
    }
}
