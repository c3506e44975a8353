import Testing
@testable import RoleGraphKit
import RoleGraphAlgorithms

/// The chunked edge-list parse (`EdgeListChunks.swift`) against the one pass: on seeded random
/// files full of what the reader repairs or refuses, every way of cutting the rows must give the
/// same roles, relations, summary and diagnostics.
@Suite struct EdgeListChunkTests {
    /// What a read gives, in a form `==` compares completely.
    struct Outcome: Equatable, CustomStringConvertible {
        var roles: [Role] = []
        var relations: [Relation] = []
        var summary: EdgeListSummary?
        var diagnostics: [String] = []
        var chunks = 0

        var description: String {
            "roles \(roles.map(\.id.rawValue)), \(relations.count) relations, \(summary.map { "\($0)" } ?? "no summary"), diagnostics \(diagnostics)"
        }
    }

    static func read(_ bytes: [UInt8], strict: Bool, chunking: EdgeListChunking) -> Outcome {
        do {
            let result = try EdgeListReader.read(bytes, separator: UInt8(ascii: ","), file: "moves.csv",
                                                 options: GraphLoadOptions(strict: strict), chunking: chunking)
            return Outcome(roles: result.graph.roles, relations: result.graph.relations,
                           summary: result.summary, chunks: result.chunks)
        } catch {
            return Outcome(diagnostics: error.diagnostics.map(\.description))
        }
    }

    /// A random edge list: a header of `from`, `to` and some optional columns in random order,
    /// then rows with repeats (same or swapped endpoints), self-moves, zero and fractional
    /// counts, LF and CRLF, comment, blank and space-only lines, and now and then a bad number,
    /// an unknown kind, a wrong field count, an empty id or an id that is not UTF-8.
    static func randomEdgeList(seed: UInt64, allowQuotes: Bool = false) -> [UInt8] {
        var rng = SplitMix64(seed: seed)
        func chance(_ p: Double) -> Bool { Double.random(in: 0 ..< 1, using: &rng) < p }
        let errorRate = [0.0, 0.01, 0.05, 0.4][Int.random(in: 0 ..< 4, using: &rng)]
        let rowCount = Int.random(in: 0 ..< (chance(0.2) ? 400 : 40), using: &rng)
        // Many fractional self-moves on few roles: their sums depend on the order they are added in.
        let stayers = chance(0.2)
        var columns = ["from", "to"] + ["kind", "effort", "count", "note"].filter { _ in chance(0.6) }
        columns.shuffle(using: &rng)
        var pool: [[UInt8]] = []
        for k in 0 ..< Int.random(in: 1 ..< (stayers ? 4 : 30), using: &rng) {
            switch Int.random(in: 0 ..< 5, using: &rng) {
            case 0: pool.append(Array("role-with-a-rather-long-id-\(k)".utf8))
            case 1: pool.append(Array("rôle-ü-\(k)".utf8))
            case 2: pool.append(Array("数据科学家-\(k)".utf8))
            default: pool.append(Array("r\(k)".utf8))
            }
        }
        if chance(0.1) { pool.append([0x62, 0xFF, 0x61, 0x64]) }  // not UTF-8
        if chance(0.1) { pool.append(Array("role-with-a-long-id-".utf8) + [0xFE]) }  // not UTF-8 past its 16th byte
        let kinds = ["transition", "collaboration", "stakeholder", ""]
        var out: [UInt8] = []
        func newline() { out += chance(0.3) ? [0x0D, 0x0A] : [0x0A] }
        if chance(0.2) { out += Array("# comment before the header".utf8); newline() }
        out += Array(columns.joined(separator: ",").utf8)
        newline()
        var rows: [[String: [UInt8]]] = []
        for _ in 0 ..< rowCount {
            if chance(0.08) { out += Array("# a comment, with a comma".utf8); newline(); continue }
            if chance(0.05) { newline(); continue }
            if chance(0.02) { out += Array("   ".utf8); newline(); continue }
            var row: [String: [UInt8]]
            if !rows.isEmpty && chance(0.2) {
                row = rows[Int.random(in: 0 ..< rows.count, using: &rng)]
                if chance(0.3) { (row["from"], row["to"]) = (row["to"], row["from"]) }
                if chance(0.3) { row["effort"] = Array("\(Int.random(in: 1 ... 3, using: &rng))".utf8) }
                if chance(0.5) { row["count"] = Array(["0.1", "0.2", "3", "0.3"][Int.random(in: 0 ..< 4, using: &rng)].utf8) }
            } else {
                row = [:]
                let from = pool.randomElement(using: &rng)!
                row["from"] = from
                row["to"] = chance(stayers ? 0.7 : 0.1) ? from : pool.randomElement(using: &rng)!
                row["kind"] = Array(kinds.randomElement(using: &rng)!.utf8)
                row["effort"] = chance(0.5) ? [] : Array(["1", "2.5", "0.75", " 3 "][Int.random(in: 0 ..< 4, using: &rng)].utf8)
                row["count"] = Array((stayers ? ["0.1", "0.2", "0.3", "0.7", "1e-17"] : ["", "0", "1", "2", "0.1", "0.7", "12"])
                    .randomElement(using: &rng)!.utf8)
                row["note"] = chance(0.3) ? Array("a note \(Int.random(in: 0 ..< 9, using: &rng))".utf8) : []
            }
            if chance(errorRate) {
                switch Int.random(in: 0 ..< 6, using: &rng) {
                case 0: row["effort"] = Array("2x".utf8)
                case 1: row["count"] = Array("-1".utf8)
                case 2: row["kind"] = Array("transitoin".utf8)
                case 3: row["from"] = []
                case 4: row["extra"] = Array("z".utf8)
                default: row["to"] = nil
                }
            }
            rows.append(row)
            var fields = columns.compactMap { row[$0] }
            if let extra = row["extra"] { fields.append(extra) }
            if allowQuotes && chance(0.1) { fields[0] = [0x22] + fields[0] + [0x22] }
            if allowQuotes && chance(0.1), let k = columns.firstIndex(of: "note"), k < fields.count {
                // A quoted note over two lines, with a doubled quote.
                fields[k] = Array("\"a note\nover two lines, \"\"quoted\"\"\"".utf8)
            }
            out += fields.joined(separator: [UInt8(ascii: ",")])
            newline()
        }
        if chance(0.3) { droppingFinalLineBreak(&out) }
        return out
    }

    /// Removes the line break (LF or CRLF) `out` ends with, if any: a file whose last row has none.
    static func droppingFinalLineBreak(_ out: inout [UInt8]) {
        guard out.last == 0x0A else { return }
        out.removeLast()
        if out.last == 0x0D { out.removeLast() }
    }

    /// Every way of cutting `bytes` that a test tries: equal parts into 2, 3 and 7 chunks, a cut
    /// right after the header, a cut at the very end (an empty last chunk), repeated cuts (empty
    /// chunks between), and random cuts, which land on comment, blank and data lines alike; and
    /// the passes after the parse (merging repeated rows, making the ids) split into 2, 3 and 5
    /// parts, after one pass or after chunks.
    static func cuttings(of bytes: [UInt8], seed: UInt64) -> [EdgeListChunking] {
        var rng = SplitMix64(seed: seed ^ 0xC0FFEE)
        var result = [2, 3, 7].map { EdgeListChunking(minimumBytes: 0, chunkCount: $0) }
        result += [2, 5].map { EdgeListChunking(minimumBytes: .max, chunkCount: 1, passParts: $0) }
        result.append(EdgeListChunking(minimumBytes: 0, chunkCount: 2, passParts: 3))
        result.append(EdgeListChunking(minimumBytes: 0, chunkCount: 2, cuts: [0]))
        result.append(EdgeListChunking(minimumBytes: 0, chunkCount: 2, cuts: [0, 0, bytes.count]))
        for _ in 0 ..< 12 {
            let cuts = (0 ..< Int.random(in: 1 ... 6, using: &rng)).map { _ in Int.random(in: 0 ... bytes.count, using: &rng) }.sorted()
            result.append(EdgeListChunking(minimumBytes: 0, chunkCount: 2, cuts: cuts))
        }
        return result
    }

    @Test(arguments: 0 ..< 300)
    func chunkedParseEqualsOnePass(seed: Int) {
        let bytes = Self.randomEdgeList(seed: UInt64(seed))
        for strict in [false, true] {
            // The oracle reads every row the general way (`EdgeListSimpleRowsTests` compares the
            // fast path with it on files made for it).
            let expected = Self.read(bytes, strict: strict, chunking: .general)
            #expect(expected.chunks <= 1)
            for chunking in Self.cuttings(of: bytes, seed: UInt64(seed)) {
                var got = Self.read(bytes, strict: strict, chunking: chunking)
                if got.summary != nil {
                    // The header was read, so the rows were cut.
                    #expect(got.chunks == (chunking.cuts.map { $0.count + 1 } ?? chunking.chunkCount))
                }
                got.chunks = expected.chunks
                #expect(got == expected, "seed \(seed), strict \(strict), cuts \(chunking.cuts ?? []), chunks \(chunking.chunkCount)")
            }
        }
    }

    @Test func theLimitOnListedProblemsHoldsAcrossChunks() {
        // 250 bad rows: the first 100 are listed, whichever chunk they are in.
        var text = "from,to,effort\n"
        for k in 0 ..< 250 { text += k % 2 == 0 ? "a\(k),b,x\n" : "a\(k),b,1\n# c\n" }
        text += "a1,b,2\n"
        let bytes = Array(text.utf8)
        let expected = Self.read(bytes, strict: false, chunking: .sequential)
        #expect(expected.diagnostics.count == EdgeListReader.diagnosticLimit + 1)
        #expect(expected.diagnostics.last == "… and 26 more problems")
        for count in [2, 3, 7] {
            var got = Self.read(bytes, strict: false, chunking: EdgeListChunking(minimumBytes: 0, chunkCount: count))
            got.chunks = expected.chunks
            #expect(got == expected)
        }
    }

    @Test func aCutInsideAQuotedFieldMeansOnePassAndOthersSplit() {
        let chunking = EdgeListChunking(minimumBytes: 0, chunkCount: 3)
        // Known answers: a cut between the two lines of a quoted note reads the file again in one
        // pass; quoted fields without a line break are split like any other.
        let spanning = Array("from,to,note\na,b,\"x\ny\"\nb,c,\nc,d,\n".utf8)
        let cut = Array("from,to,note\na,b,\"x\n".utf8).count
        let outcome = Self.read(spanning, strict: false, chunking: EdgeListChunking(minimumBytes: 0, chunkCount: 2, cuts: [cut]))
        #expect(outcome.chunks == 1)
        #expect(outcome.relations.map(\.note) == ["x\ny", nil, nil])
        let quotedIDs = Array("from,to,note\n\"Managers, All Other\",b,x\nb,\"c \"\"d\"\"\",\nc,d,\n".utf8)
        let split = Self.read(quotedIDs, strict: false, chunking: chunking)
        #expect(split.chunks == 3)
        #expect(split.relations.map(\.from.rawValue) == ["Managers, All Other", "b", "c"])
        #expect(split.relations.map(\.to.rawValue) == ["b", "c \"d\"", "d"])
        // A quoted field left open in the last chunk is the file's own error, reported as in one pass.
        let open = Array("from,to\na,b\nb,c\n\"c,d\n".utf8)
        #expect(Self.read(open, strict: false, chunking: chunking).diagnostics
                == Self.read(open, strict: false, chunking: .sequential).diagnostics)
        for seed in 0 ..< 120 {
            let bytes = Self.randomEdgeList(seed: UInt64(seed), allowQuotes: true)
            let expected = Self.read(bytes, strict: false, chunking: .general)
            let multiline = String(decoding: bytes, as: UTF8.self).contains("a note\nover")
            for chunking in Self.cuttings(of: bytes, seed: UInt64(seed)) {
                var got = Self.read(bytes, strict: false, chunking: chunking)
                if got.summary != nil && chunking.cuts == nil && chunking.chunkCount > 1 {
                    // The automatic cuts are placed outside the quoted fields (the generator's quotes
                    // are all in pairs), so the file is read in chunks, never again in one pass.
                    #expect(got.chunks == chunking.chunkCount, "seed \(seed), multi-line notes: \(multiline)")
                }
                got.chunks = expected.chunks
                #expect(got == expected, "seed \(seed), cuts \(chunking.cuts ?? [])")
            }
        }
    }

    /// The automatic cuts against a plain walk of the file: on random files of quoted ids, quoted
    /// notes over several lines and doubled quotes (every quote in a pair), each cut is the first
    /// line start at or after its target that is outside every quoted field, whether the quotes
    /// are counted or none is near the targets (the default window, and one longer than every
    /// field); with a window shorter than a quoted field, each cut is still a line start at or
    /// after its target, in order.
    @Test func automaticCutsAreTheFirstRowStartsAfterTheirTargets() {
        var rng = SplitMix64(seed: 61)
        for trial in 0 ..< 300 {
            var text = "from,to,note\n"
            for _ in 0 ..< Int.random(in: 0 ..< 80, using: &rng) {
                let note = ["", "short", "\"two\nlines\"", "\"a \"\"quote\"\" and\r\nthree\nlines\"", "\"\""].randomElement(using: &rng)!
                let from = Bool.random(using: &rng) ? "\"Managers, All Other\"" : "r\(Int.random(in: 0 ..< 9, using: &rng))"
                text += "\(from),r\(Int.random(in: 0 ..< 9, using: &rng)),\(note)\n"
            }
            let bytes = Array(text.utf8)
            let start = "from,to,note\n".utf8.count
            // The oracle: every line start outside a quoted field, found by walking the file.
            var rowStarts: [Int] = []
            var inside = false
            for (i, b) in bytes.enumerated().dropFirst(start) {
                if b == UInt8(ascii: "\"") { inside.toggle() } else if b == 0x0A && !inside { rowStarts.append(i + 1) }
            }
            let targets = (0 ..< Int.random(in: 1 ... 7, using: &rng)).map { _ in Int.random(in: start + 1 ... max(start + 1, bytes.count), using: &rng) }.sorted()
            let lineStarts = bytes.indices.filter { $0 > start && bytes[$0 - 1] == 0x0A } + [bytes.count]
            bytes.withUnsafeBytes { p in
                var previous = start
                let expected = targets.map { target -> Int in
                    let cut = max(previous, rowStarts.first { $0 >= target } ?? bytes.count)
                    previous = cut
                    return cut
                }
                for window in [EdgeListChunking.quoteWindow, 64] {
                    let cuts = EdgeListChunking.linesOutsideQuotes(p, from: start, near: targets, window: window)
                    #expect(cuts == expected, "trial \(trial): targets \(targets), window \(window)")
                }
                let cuts = EdgeListChunking.linesOutsideQuotes(p, from: start, near: targets, window: 3)
                #expect(cuts == cuts.sorted() && zip(cuts, targets).allSatisfy { $0 >= min($1, bytes.count) && lineStarts.contains($0) },
                        "trial \(trial): targets \(targets), cuts \(cuts)")
            }
        }
    }

    /// A quoted note longer than the quote window, with the middle of the file inside it: the
    /// window has no quote, so the cut is the line start after the middle, inside the note; the
    /// parse finds that and reads the file in one pass. With the window over the note's opening
    /// quote, the quotes are counted and the cut placed after the note.
    @Test func aQuotedFieldLongerThanTheWindowIsCaughtByTheParse() {
        var text = "from,to,note\n"
        for k in 0 ..< 20 { text += "a\(k),b\(k),plain\n" }
        text += "x,y,\"" + (0 ..< 40).map { "line \($0) of a long note" }.joined(separator: "\n") + "\"\n"
        for k in 0 ..< 20 { text += "c\(k),d\(k),\n" }
        let bytes = Array(text.utf8)
        let expected = Self.read(bytes, strict: false, chunking: .sequential)
        #expect(expected.relations.count == 41)
        let noteStart = Array(text.utf8).firstIndex(of: UInt8(ascii: "\""))!
        let middle = Array("from,to,note\n".utf8).count + (bytes.count - Array("from,to,note\n".utf8).count) / 2
        #expect(middle - noteStart > 100, "the middle is well inside the note")
        for (window, chunks) in [(16, 1), (EdgeListChunking.quoteWindow, 2)] {
            var chunking = EdgeListChunking(minimumBytes: 0, chunkCount: 2)
            chunking.quoteWindow = window
            var got = Self.read(bytes, strict: false, chunking: chunking)
            #expect(got.chunks == chunks, "window \(window)")
            got.chunks = expected.chunks
            #expect(got == expected, "window \(window)")
        }
    }

    @Test func smallFilesAndOneCoreReadInOnePass() {
        let bytes = Array("from,to\na,b\nb,c\nc,d\n".utf8)
        #expect(Self.read(bytes, strict: false, chunking: .automatic).chunks == 1)
        #expect(Self.read(bytes, strict: false, chunking: EdgeListChunking(minimumBytes: 0, chunkCount: 1)).chunks == 1)
        #expect(Self.read(bytes, strict: false, chunking: EdgeListChunking(minimumBytes: bytes.count + 1, chunkCount: 2)).chunks == 1)
        #expect(Self.read(bytes, strict: false, chunking: EdgeListChunking(minimumBytes: bytes.count, chunkCount: 2)).chunks == 2)
    }
}
