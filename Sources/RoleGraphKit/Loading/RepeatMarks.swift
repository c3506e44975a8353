/// The marks with which an edge list's loader finds the rows that repeat an earlier row's key
/// (``EdgeListParser/aggregate(_:)``): one part's rows, visited a source at a time, each marked
/// under its key's target and kind with its source, so a row that finds its key marked by the
/// same source repeats the row that marked it.
///
/// The table is never cleared between sources: a mark holds its source, and a source's rows are
/// all visited together, so a mark left by another source never matches. Each part of a pass
/// has a table of its own.
struct RepeatMarks {
    /// For key = `kindCount` · target + kind, `seen[2 · key]` is source + 1 when that key has
    /// been marked by that source, first at row `seen[2 · key + 1]`: a mark and its row side by
    /// side, one cache line for both.
    private let seen: UnsafeMutableBufferPointer<Int32>
    /// 1 when every row is a transition (the kind need not be told apart), else 3.
    private let kindCount: Int
    /// The repeats found, each with the first row of its key, in the order visited.
    private(set) var repeats: [(row: Int, first: Int)] = []

    /// The repeats that `visit` finds with marks for `roleCount` roles and `kindCount` kinds
    /// (1 when every row is a transition).
    ///
    /// - Complexity: O(`kindCount` · `roleCount`) for the table, besides `visit`.
    static func repeats(roleCount: Int, kindCount: Int, _ visit: (inout RepeatMarks) -> Void) -> [(row: Int, first: Int)] {
        var table = [Int32](largeRepeating: 0, count: 2 * kindCount * roleCount)
        return table.withUnsafeMutableBufferPointer { table in
            var marks = RepeatMarks(seen: table, kindCount: kindCount)
            visit(&marks)
            return marks.repeats
        }
    }

    /// Marks row `row`, whose key is `key` (its source first) and kind `kind`; records it as a
    /// repeat when its source marked the key before.
    ///
    /// - Complexity: O(1) amortised.
    @inline(__always)
    mutating func mark(row: Int, key: (from: Int32, to: Int32), kind: UInt8) {
        mark(row: row, key: key, slot: 2 * (kindCount * Int(key.to) + (kindCount == 1 ? 0 : Int(kind))))
    }

    /// ``mark(row:key:kind:)`` for marks of one kind (`kindCount` 1), where a key's slot is its
    /// target's alone: the pass over rows that are all transitions reads neither their kinds
    /// nor the kind count.
    ///
    /// - Complexity: O(1) amortised.
    @inline(__always)
    mutating func mark(row: Int, transition key: (from: Int32, to: Int32)) {
        assert(kindCount == 1, "a transition's slot taken in marks of several kinds")
        mark(row: row, key: key, slot: 2 * Int(key.to))
    }

    /// Marks row `row`, of key `key`, at the key's mark `slot`: both marks' shared step.
    ///
    /// - Complexity: O(1) amortised.
    @inline(__always)
    private mutating func mark(row: Int, key: (from: Int32, to: Int32), slot: Int) {
        let stamp = key.from &+ 1
        if seen[slot] == stamp {
            repeats.append((row, Int(seen[slot + 1])))
        } else {
            seen[slot] = stamp
            seen[slot + 1] = Int32(truncatingIfNeeded: row)
        }
    }
}
