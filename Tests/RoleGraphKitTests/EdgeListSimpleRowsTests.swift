import Testing
@testable import RoleGraphKit
import RoleGraphAlgorithms

/// The edge-list reader's fast path for plain rows (`EdgeListSimpleRows.swift`) against the
/// general row reader: on seeded random files with only the columns the fast path reads, full of
/// rows that are almost plain, reading with the fast path (in one pass and in chunks) must give
/// the same roles, relations, summary and diagnostics as reading every row the general way; and
/// the scanner's pieces against plain oracles.
@Suite struct EdgeListSimpleRowsTests {
    typealias Outcome = EdgeListChunkTests.Outcome

    static func read(_ bytes: [UInt8], strict: Bool, chunking: EdgeListChunking) -> (outcome: Outcome, plainRows: Int) {
        do {
            let result = try EdgeListReader.read(bytes, separator: UInt8(ascii: ","), file: "moves.csv",
                                                 options: GraphLoadOptions(strict: strict), chunking: chunking)
            return (Outcome(roles: result.graph.roles, relations: result.graph.relations,
                            summary: result.summary, chunks: result.chunks), result.plainRows)
        } catch {
            return (Outcome(diagnostics: error.diagnostics.map(\.description)), 0)
        }
    }

    /// A random transition file whose columns are `from`, `to` and some of `effort` and `count`
    /// (the fast path's), in random order, most rows plain, and beside them every near miss:
    /// ids of exactly 8 and 16 bytes and longer, ids with inner spaces, a `#` inside or leading
    /// the first field, padded and quoted fields (quoted ids with commas and inner padding, empty
    /// quotes, doubled quotes, a space after the closing quote, a line break inside, a quote
    /// never closed), empty fields, numbers with signs, exponents,
    /// 16 digits, a bare point, zero and out of range, self-moves and repeated rows, LF, CRLF
    /// and lone CR line ends, blank and comment lines, and rows with a field too many or few.
    static func randomPlainFile(seed: UInt64) -> [UInt8] {
        var rng = SplitMix64(seed: seed)
        func chance(_ p: Double) -> Bool { Double.random(in: 0 ..< 1, using: &rng) < p }
        let oddRate = [0.0, 0.02, 0.1, 0.5][Int.random(in: 0 ..< 4, using: &rng)]
        let rowCount = Int.random(in: 0 ..< (chance(0.3) ? 600 : 60), using: &rng)
        var columns = ["from", "to"] + ["effort", "count"].filter { _ in chance(0.6) }
        columns.shuffle(using: &rng)
        var pool: [[UInt8]] = []
        for k in 0 ..< Int.random(in: 1 ..< 40, using: &rng) {
            switch Int.random(in: 0 ..< 8, using: &rng) {
            case 0: pool.append(Array("abcdefg\(k % 10)".utf8))                      // 8 bytes
            case 1: pool.append(Array("0123456789abcde\(k % 10)".utf8))              // 16 bytes
            case 2: pool.append(Array("Senior Data Scientist (Financial Services) \(k)".utf8))
            case 3: pool.append(Array("rôle-\(k)".utf8))
            case 4: pool.append(Array("a#\(k)".utf8))
            case 5: pool.append(Array("\"Managers, All Other \(k)\"".utf8))   // quoted, as it must be
            case 6: pool.append(Array("\" padded inside \(k) \"".utf8))
            default: pool.append(Array("r\(k)".utf8))
            }
        }
        let plainEfforts = ["1", "2.5", "0.75", "3", "5.", ".5", "007", "1000000", "999999.999999999", "0.000001"]
        let oddEfforts = ["", " 3", "3 ", "+2", "-1", "0", "0.0", ".", "1e3", "1000000.1", "1234567890123456", "2x", "\"4\""]
        let plainCounts = ["1", "12", "0.5", "500", "999999999999999"]
        let oddCounts = ["", "0", "-3", "1e15", "1000000000000000", "1000000000000001", "0x1", " 7"]
        var out: [UInt8] = []
        func newline() {
            if chance(oddRate * 0.2) { out.append(0x0D); return }
            out += chance(0.3) ? [0x0D, 0x0A] : [0x0A]
        }
        out += Array(columns.joined(separator: ",").utf8)
        newline()
        var rows: [[String: [UInt8]]] = []
        for _ in 0 ..< rowCount {
            if chance(oddRate * 0.2) { out += Array("# a comment, with a comma".utf8); newline(); continue }
            if chance(oddRate * 0.1) { newline(); continue }
            if chance(oddRate * 0.05) { out += Array("  ".utf8); newline(); continue }
            var row: [String: [UInt8]]
            if !rows.isEmpty && chance(0.15) {
                row = rows[Int.random(in: 0 ..< rows.count, using: &rng)]
                if chance(0.3) { (row["from"], row["to"]) = (row["to"], row["from"]) }
            } else {
                row = [:]
                let from = pool.randomElement(using: &rng)!
                row["from"] = from
                row["to"] = chance(0.05) ? from : pool.randomElement(using: &rng)!
                row["effort"] = Array((chance(oddRate) ? oddEfforts : plainEfforts).randomElement(using: &rng)!.utf8)
                row["count"] = Array((chance(oddRate) ? oddCounts : plainCounts).randomElement(using: &rng)!.utf8)
            }
            var fields = columns.map { row[$0]! }
            if chance(oddRate) {
                let k = Int.random(in: 0 ..< fields.count, using: &rng)
                switch Int.random(in: 0 ..< 12, using: &rng) {
                case 0: fields[k] = [0x20] + fields[k]
                case 1: fields[k] += [0x09]
                case 2: fields[k] = [0x22] + fields[k] + [0x22]
                case 3: fields[k] = []
                case 4: fields.append(Array("extra".utf8))
                case 5: fields.removeLast()
                case 6: fields[k] = Array("\"\"".utf8)                          // an empty quoted field
                case 7: fields[k] = Array("\"say \"\"hi\"\"\"".utf8)         // a doubled quote
                case 8: fields[k] = [0x22] + fields[k] + [0x22, 0x20]            // a space after the quote
                case 9: fields[k] = Array("\"two\nlines\"".utf8)               // a line break inside
                case 10: fields[k] = [0x22] + fields[k]                         // never closed on the line
                default: fields[0] = Array("#".utf8) + fields[0]
                }
            }
            rows.append(row)
            out += fields.joined(separator: [UInt8(ascii: ",")])
            newline()
        }
        if chance(0.3) { EdgeListChunkTests.droppingFinalLineBreak(&out) }
        return out
    }

    @Test(arguments: 0 ..< 300)
    func plainRowsReadAsTheGeneralReaderReadsThem(seed: Int) {
        let bytes = Self.randomPlainFile(seed: UInt64(seed))
        for strict in [false, true] {
            let (expected, generalPlain) = Self.read(bytes, strict: strict, chunking: .general)
            #expect(generalPlain == 0)
            var chunkings = [EdgeListChunking.sequential]
            chunkings += EdgeListChunkTests.cuttings(of: bytes, seed: UInt64(seed)).prefix(8)
            for chunking in chunkings {
                var (got, _) = Self.read(bytes, strict: strict, chunking: chunking)
                got.chunks = expected.chunks
                #expect(got == expected, "seed \(seed), strict \(strict), cuts \(chunking.cuts ?? []), chunks \(chunking.chunkCount)")
            }
        }
    }

    /// Each shape the scan is compiled for, and others read field by field: every plain row is
    /// read on the fast path, to what the general reader reads (quoted ids, CRLF, a last line
    /// without a line break, and a row that is not plain among them).
    @Test(arguments: ["from,to", "from,to,effort", "from,to,count", "from,to,effort,count",
                      "to,from", "from,to,count,effort", "effort,from,to", "count,to,effort,from"])
    func everyShapeReadsAsTheGeneralReader(header: String) {
        let columns = header.split(separator: ",").map(String.init)
        var rng = SplitMix64(seed: UInt64(header.utf8.count))
        var text = header + "\n"
        var plain = 0
        for k in 0 ..< 200 {
            let from = Int.random(in: 0 ..< 40, using: &rng), to = Int.random(in: 0 ..< 40, using: &rng)
            let values: [String: String] = [
                "from": from % 7 == 0 ? "\"Managers, All Other \(from)\"" : "role-\(from)",
                "to": "Senior Data Scientist \(to)",
                // A repeated move states the same effort, or the file would be refused.
                "effort": ["1", "2.5", "0.75", "12"][(from + to) % 4],
                "count": ["1", "7", "500"].randomElement(using: &rng)!,
            ]
            // Every 50th row is padded, which the general reader reads.
            text += columns.map { values[$0]! }.joined(separator: k % 50 == 49 ? " ," : ",")
            text += k % 3 == 0 ? "\r\n" : "\n"
            if k % 50 != 49 { plain += 1 }
        }
        text.removeLast()
        let bytes = Array(text.utf8)
        let (expected, _) = Self.read(bytes, strict: false, chunking: .general)
        let (outcome, plainRows) = Self.read(bytes, strict: false, chunking: .sequential)
        #expect(outcome == expected)
        #expect(outcome.summary != nil)
        #expect(plainRows == plain)
    }

    @Test func theRandomFilesKeepTheFastPathBusy() {
        // The property above compares something only if most rows do take the fast path. (A
        // file with a problem is refused whole, so only the files that load are counted.)
        var plain = 0, rows = 0, loaded = 0
        for seed in 0 ..< 100 {
            let bytes = Self.randomPlainFile(seed: UInt64(seed))
            let (outcome, plainRows) = Self.read(bytes, strict: false, chunking: .sequential)
            guard outcome.summary != nil else { continue }
            loaded += 1
            plain += plainRows
            rows += bytes.split(separator: 0x0A).count - 1
        }
        #expect(loaded >= 20)
        #expect(plain > rows * 3 / 4, "\(plain) of \(rows) rows plain")
    }

    @Test func aFileIsReadPlainRowByPlainRowAndTheRestTheGeneralWay() {
        let text = """
            from,to,effort
            a,b,1
            b,c,2.5
            "c",d,1
             d,e,1
            e,e,1
            e,f,
            # a comment
            f,Data Scientist,0.5\r
            Data Scientist,a,1
            a,"Managers, All Other",2
            "Managers, All Other",a,"3"
            a,"say \"\"hi\"\"",1
            """
        let (outcome, plainRows) = Self.read(Array(text.utf8), strict: false, chunking: .sequential)
        // a→b, b→c, the quoted c→d, the self-move e→e (handed to the general reader),
        // f→Data Scientist, Data Scientist→a and a→"Managers, All Other" are plain; the padded and
        // empty-effort rows, the quoted number and the doubled quote are not.
        #expect(plainRows == 7)
        #expect(outcome.relations.map { "\($0.from.rawValue)>\($0.to.rawValue):\($0.effort ?? -1)" }
                == ["a>b:1.0", "b>c:2.5", "c>d:1.0", "d>e:1.0", "e>f:1.0", "f>Data Scientist:0.5", "Data Scientist>a:1.0",
                    "a>Managers, All Other:2.0", "Managers, All Other>a:3.0", "a>say \"hi\":1.0"])
        #expect(outcome.roles.map(\.id.rawValue) == ["a", "b", "c", "d", "e", "f", "Data Scientist", "Managers, All Other", "say \"hi\""])
        #expect(outcome.summary?.selfMoves == 1)
        #expect(outcome == Self.read(Array(text.utf8), strict: false, chunking: .general).outcome)
    }

    @Test func aQuotedIDThatIsNotUTF8IsReportedAtItsOpeningQuote() {
        // The fast path reads the quoted id; the problem is placed where the general reader places it.
        let bytes = Array("from,to\nx,y\n  \"a".utf8) + [0xFF] + Array("b\",c\n".utf8)
        let padded = Self.read(bytes, strict: false, chunking: .sequential)
        let fast = Array("from,to\nx,y\n\"a".utf8) + [0xFF] + Array("b\",c\n".utf8)
        let (outcome, _) = Self.read(fast, strict: false, chunking: .sequential)
        #expect(outcome == Self.read(fast, strict: false, chunking: .general).outcome)
        #expect(outcome.diagnostics.count == 1)
        #expect(outcome.diagnostics.first?.hasPrefix("moves.csv:3:1:") == true, "\(outcome.diagnostics)")
        // Padded, the row is the general reader's, which reports the id at its quote too.
        #expect(padded.outcome.diagnostics.first?.hasPrefix("moves.csv:3:3:") == true, "\(padded.outcome.diagnostics)")
    }

    // MARK: The scanner's pieces

    static func scanner(_ p: UnsafeRawBufferPointer, n: Int) -> SimpleRowScanner {
        SimpleRowScanner(p: p, n: n, separator: UInt8(ascii: ","))
    }

    @Test func theCursorTakesEveryDelimiterInOrder() {
        var rng = SplitMix64(seed: 41)
        let alphabet: [UInt8] = [0x2C, 0x0A, 0x0D, 0x61, 0x62, 0x20, 0x09, 0xFF, 0x2C ^ 0x80, 0x0A ^ 0x01, 0x00]
        for trial in 0 ..< 4000 {
            // Lengths around the 64-byte blocks and the input's last 64 bytes (copied into a
            // padded block), with a tab as the separator for a quarter of the trials.
            let bytes = (0 ..< Int.random(in: 0 ... 200, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            let separator: UInt8 = trial % 4 == 0 ? 0x09 : 0x2C
            let end = Int.random(in: 0 ... bytes.count, using: &rng)
            let start = Int.random(in: 0 ... end, using: &rng)
            let delimiters = (0 ..< end).filter { [separator, 0x0A, 0x0D].contains(bytes[$0]) }
            let expected = delimiters.filter { $0 >= start } + [end, end]
            bytes.withUnsafeBytes { p in
                var cursor = DelimiterCursor(p, end: end, separator: separator, at: start)
                let taken = (0 ..< expected.count).map { _ in cursor.next() }
                #expect(taken == expected, "\(bytes) from \(start) to \(end)")
                // A reset anywhere starts again from there.
                let restart = Int.random(in: 0 ... end, using: &rng)
                cursor.reset(to: restart)
                #expect(cursor.next() == (delimiters.first { $0 >= restart } ?? end), "\(bytes) reset to \(restart)")
            }
        }
    }

    @Test func aPrefixIsTheInternersPrefix() {
        var rng = SplitMix64(seed: 43)
        for _ in 0 ..< 4000 {
            let bytes = (0 ..< Int.random(in: 1 ... 48, using: &rng)).map { _ in UInt8.random(in: 0 ... 255, using: &rng) }
            let start = Int.random(in: 0 ..< bytes.count, using: &rng)
            let end = Int.random(in: start ... min(bytes.count, start + 20), using: &rng)
            bytes.withUnsafeBytes { p in
                let got = Self.scanner(p, n: p.count).prefix(start, end)
                let expected = ByteInterner.prefix(UnsafeRawBufferPointer(rebasing: p[start ..< end]))
                #expect(got == expected, "\(bytes) \(start) ..< \(end)")
            }
        }
    }

    @Test func aSimpleNumberIsTheGeneralReadersNumberOrLeftToIt() {
        var rng = SplitMix64(seed: 47)
        let alphabet = Array("0123456789..+-e ".utf8)
        var taken = 0
        for trial in 0 ..< 20_000 {
            var bytes: [UInt8]
            if trial % 2 == 0 {
                // Digits with at most one point: the form the fast path reads.
                let digits = (0 ..< Int.random(in: 1 ... 17, using: &rng)).map { _ in UInt8.random(in: 0x30 ... 0x39, using: &rng) }
                bytes = digits
                if Self.chance(0.7, &rng) { bytes.insert(UInt8(ascii: "."), at: Int.random(in: 0 ... digits.count, using: &rng)) }
            } else {
                bytes = (0 ..< Int.random(in: 1 ... 18, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            }
            for (low, high) in [(0.0, GraphValidator.maximumEffort), (0.0, GraphValidator.maximumCount)] {
                bytes.withUnsafeBytes { p in
                    var field = Field()
                    field.start = 0
                    field.end = p.count
                    let general = EdgeListParser.parseNumber(field, in: p)
                    let fast = Self.scanner(p, n: p.count).simpleNumber(0, p.count, above: low, atMost: high)
                    let text = String(decoding: bytes, as: UTF8.self)
                    if let fast {
                        taken += 1
                        #expect(general == fast, "\(text)")
                        #expect(fast > low && fast <= high, "\(text)")
                    } else if let general, general > low, general <= high, trial % 2 == 0,
                              bytes.filter({ $0 != UInt8(ascii: ".") }).count <= 15 {
                        Issue.record("'\(text)' is plain and in range (\(general)) but was left to the general reader")
                    }
                }
            }
        }
        #expect(taken > 10_000)
    }

    static func chance(_ p: Double, _ rng: inout SplitMix64) -> Bool { Double.random(in: 0 ..< 1, using: &rng) < p }
}
