import Testing
@testable import RoleGraphKit
import RoleGraphAlgorithms

/// `RowLines` against a plain array of every row's line.
@Suite struct RowLinesTests {
    /// Rows read from lines that mostly follow one another, with jumps (skipped lines) now and
    /// then, appended in runs, as one part or as parts joined as the chunked parse joins them.
    @Test(arguments: 0 ..< 200)
    func linesAreTheRowsLines(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed))
        var parts: [(lines: RowLines, oracle: [Int32], lineCount: Int32)] = []
        for _ in 0 ..< Int.random(in: 1 ... 4, using: &rng) {
            var lines = RowLines(), oracle: [Int32] = []
            var line: Int32 = Int32.random(in: 1 ... 3, using: &rng)
            for _ in 0 ..< Int.random(in: 0 ... 40, using: &rng) {
                if Int.random(in: 0 ..< 4, using: &rng) == 0 { line += Int32.random(in: 1 ... 5, using: &rng) }
                let count = Int.random(in: 0 ... 6, using: &rng)
                lines.append(rows: count, from: line)
                oracle += (0 ..< count).map { line + Int32($0) }
                line += Int32(count)
            }
            parts.append((lines, oracle, line + Int32.random(in: 0 ... 2, using: &rng)))
        }
        var joined = parts[0].lines, oracle = parts[0].oracle, linesBefore = parts[0].lineCount - 1
        for part in parts.dropFirst() {
            joined.append(part.lines, linesBefore: linesBefore)
            oracle += part.oracle.map { $0 + linesBefore }
            linesBefore += part.lineCount - 1
        }
        #expect(joined.count == oracle.count)
        for row in oracle.indices { #expect(joined[row] == oracle[row], "seed \(seed), row \(row)") }
    }
}
