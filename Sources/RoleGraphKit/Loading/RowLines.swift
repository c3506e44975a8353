/// The line of the file each row of an edge list was read from, for the diagnostics of rows
/// found to repeat one another after the parse.
///
/// A row's line is its index plus the lines skipped before it (the header, comments, blank
/// lines, rows refused or counted as stayers), and that difference changes only where lines are
/// skipped, which in a large file is seldom or never. So the lines are kept as runs: where each
/// run of rows with the same difference starts, and the difference. A file read row by row as
/// one run costs two numbers instead of a number per row, and nothing is written per row; at
/// worst, a line skipped between every two rows, it costs two numbers per row.
struct RowLines {
    /// The first row of each run, ascending from 0.
    private var starts: [Int32] = []
    /// Each run's line minus row.
    private var differences: [Int32] = []
    /// The number of rows.
    private(set) var count = 0

    /// Adds `count` rows read from consecutive lines, the first from `line`.
    ///
    /// - Complexity: O(1) amortised.
    @inline(__always)
    mutating func append(rows count: Int, from line: Int32) {
        guard count > 0 else { return }
        let difference = line &- Int32(truncatingIfNeeded: self.count)
        if differences.last != difference {
            starts.append(Int32(truncatingIfNeeded: self.count))
            differences.append(difference)
        }
        self.count += count
    }

    /// Adds the rows of `other` after these, their lines moved down by `lines` (the lines of the
    /// file before the part `other` read).
    ///
    /// - Complexity: O(runs of `other`).
    mutating func append(_ other: RowLines, linesBefore lines: Int32) {
        for (start, difference) in zip(other.starts, other.differences) {
            let row = Int32(truncatingIfNeeded: count) &+ start
            let moved = difference &+ lines &- Int32(truncatingIfNeeded: count)
            if differences.last != moved {
                starts.append(row)
                differences.append(moved)
            }
        }
        count += other.count
    }

    /// The line row `row` was read from.
    ///
    /// - Precondition: `row` is below ``count``.
    /// - Complexity: O(log runs).
    subscript(row: Int) -> Int32 {
        precondition(row >= 0 && row < count, "row out of range")
        // The last run starting at or before `row`.
        var low = 0, high = starts.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if Int(starts[middle]) <= row { low = middle } else { high = middle }
        }
        return Int32(truncatingIfNeeded: row) &+ differences[low]
    }
}
