import Testing
@testable import RoleGraphKit
import RoleGraphAlgorithms

/// Finding repeated rows without sorting, in a file that lists each source's rows together
/// (`EdgeListParser.aggregateGrouped`), against the counting sort that any file takes: on seeded
/// random grouped files full of repeats, merged or in conflict, every way of cutting the rows and
/// splitting the passes must give what the oracle (``EdgeListChunking/general``, which always
/// sorts) gives; and a file that is not grouped must take the sort.
@Suite struct EdgeListGroupedRepeatsTests {
    static func read(_ bytes: [UInt8], strict: Bool, chunking: EdgeListChunking)
        -> (outcome: EdgeListChunkTests.Outcome, repeatsInGroups: Bool) {
        do {
            let result = try EdgeListReader.read(bytes, separator: UInt8(ascii: ","), file: "moves.csv",
                                                 options: GraphLoadOptions(strict: strict), chunking: chunking)
            return (EdgeListChunkTests.Outcome(roles: result.graph.roles, relations: result.graph.relations,
                                               summary: result.summary, chunks: result.chunks), result.repeatsInGroups)
        } catch {
            return (EdgeListChunkTests.Outcome(diagnostics: error.diagnostics.map(\.description)), false)
        }
    }

    /// A random transition file whose rows come in one run per source: each run's targets drawn
    /// from a pool with repeats (the same effort, another effort, none, counts to add up), now and
    /// then a self-move, a comment or blank line between rows, a long or non-ASCII id; with
    /// `stakeholders`, some rows are stakeholder relations, which are keyed like transitions.
    static func groupedFile(seed: UInt64, stakeholders: Bool) -> [UInt8] {
        var rng = SplitMix64(seed: seed)
        func chance(_ p: Double) -> Bool { Double.random(in: 0 ..< 1, using: &rng) < p }
        var columns = ["from", "to"] + ["effort", "count", "note"].filter { _ in chance(0.6) }
        if stakeholders { columns.append("kind") }
        columns.shuffle(using: &rng)
        let pool: [String] = (0 ..< Int.random(in: 2 ..< 40, using: &rng)).map { k in
            switch k % 5 {
            case 0: "Senior Data Scientist (Financial Services) \(k)"
            case 1: "rôle-\(k)"
            default: "r\(k)"
            }
        }
        var text = columns.joined(separator: ",") + "\n"
        for source in pool.shuffled(using: &rng).prefix(Int.random(in: 1 ... pool.count, using: &rng)) {
            var targets: [(to: String, effort: String)] = []
            for _ in 0 ..< Int.random(in: 1 ..< 30, using: &rng) {
                if chance(0.05) { text += chance(0.5) ? "# a comment\n" : "\n" }
                var row: [String: String] = ["from": source]
                if !targets.isEmpty && chance(0.3) {
                    // A repeat: the same effort, another, or none stated.
                    let earlier = targets[Int.random(in: 0 ..< targets.count, using: &rng)]
                    row["to"] = earlier.to
                    row["effort"] = [earlier.effort, earlier.effort, "", "9"][Int.random(in: 0 ..< 4, using: &rng)]
                } else {
                    row["to"] = chance(0.03) ? source : pool.randomElement(using: &rng)!
                    row["effort"] = chance(0.3) ? "" : ["1", "2.5", "0.75"][Int.random(in: 0 ..< 3, using: &rng)]
                    targets.append((row["to"]!, row["effort"]!))
                }
                row["count"] = ["", "1", "0", "12", "0.5"][Int.random(in: 0 ..< 5, using: &rng)]
                row["note"] = chance(0.2) ? "note \(Int.random(in: 0 ..< 9, using: &rng))" : ""
                row["kind"] = stakeholders && chance(0.3) ? "stakeholder" : "transition"
                text += columns.map { row[$0] ?? "" }.joined(separator: ",") + "\n"
            }
        }
        return Array(text.utf8)
    }

    @Test(arguments: 0 ..< 150)
    func groupedRowsFindTheRepeatsTheSortFinds(seed: Int) {
        let bytes = Self.groupedFile(seed: UInt64(seed), stakeholders: seed % 3 == 0)
        for strict in [false, true] {
            let expected = Self.read(bytes, strict: strict, chunking: .general)
            #expect(!expected.repeatsInGroups)
            var chunkings = EdgeListChunkTests.cuttings(of: bytes, seed: UInt64(seed))
            chunkings.append(.sequential)
            for chunking in chunkings {
                var got = Self.read(bytes, strict: strict, chunking: chunking)
                if got.outcome.summary != nil {
                    // Every source's rows are together, so the sort was skipped.
                    #expect(got.repeatsInGroups, "seed \(seed)")
                }
                got.outcome.chunks = expected.outcome.chunks
                #expect(got.outcome == expected.outcome, "seed \(seed), strict \(strict), cuts \(chunking.cuts ?? [])")
            }
        }
    }

    @Test func aSourceSeenAgainAfterAnotherTakesTheSort() {
        let bytes = Array("from,to,effort\na,b,1\na,c,2\nb,c,1\na,b,\nb,c,3\n".utf8)
        let expected = Self.read(bytes, strict: false, chunking: .general)
        for chunking in [EdgeListChunking.sequential, EdgeListChunking(minimumBytes: 0, chunkCount: 2, passParts: 3)] {
            let got = Self.read(bytes, strict: false, chunking: chunking)
            #expect(!got.repeatsInGroups)
            #expect(got.outcome.diagnostics == expected.outcome.diagnostics)
            #expect(got.outcome.relations == expected.outcome.relations)
        }
        // Known answer: a → b repeats line 2 without an effort (merged), b → c states 3 after 1.
        #expect(expected.outcome.diagnostics == ["moves.csv:6:1: conflicting efforts for the transition 'b' → 'c': 1 at line 4, 3 at line 6"])
    }

    @Test func aFileGroupedBySourceSkipsTheSort() {
        // Each source's rows together: the sort is skipped, and the repeats are merged into
        // their first rows.
        let bytes = Array("from,to,effort\na,b,1\na,c,2\na,b,\nb,c,\nb,c,1\n".utf8)
        let got = Self.read(bytes, strict: false, chunking: .sequential)
        #expect(got.repeatsInGroups)
        #expect(got.outcome.summary?.aggregatedRows == 2)
        #expect(got.outcome.relations.map { "\($0.from)>\($0.to) \($0.effort ?? 0)" } == ["a>b 1.0", "a>c 2.0", "b>c 1.0"])
        // A conflict is reported at the later row, naming the first.
        let conflict = Array("from,to,effort\na,b,1\na,c,2\na,b,\nb,c,1\nb,c,3\n".utf8)
        #expect(Self.read(conflict, strict: false, chunking: .sequential).outcome.diagnostics
                == ["moves.csv:6:1: conflicting efforts for the transition 'b' → 'c': 1 at line 5, 3 at line 6"])
    }

    /// A random file of plain transitions, in runs of one source each: with `apart`, one source
    /// has a second run somewhere later; now and then a self-move (read by the general reader and
    /// kept as no row), a repeated row, and, with `unplain`, a row whose first field is padded
    /// (never a self-move), which the fast path leaves to the general reader.
    static func runsFile(seed: UInt64, apart: Bool, unplain: Bool) -> [UInt8] {
        var rng = SplitMix64(seed: seed)
        func chance(_ p: Double) -> Bool { Double.random(in: 0 ..< 1, using: &rng) < p }
        let ids = (0 ..< Int.random(in: 2 ..< 60, using: &rng)).map { k in k % 7 == 0 ? "a-much-longer-role-id-than-sixteen-bytes-\(k)" : "r\(k)" }
        var sources = Array(ids.shuffled(using: &rng).prefix(Int.random(in: 1 ... ids.count, using: &rng)))
        if apart && sources.count >= 2 {
            // A source again, after at least one other.
            let k = Int.random(in: 0 ..< sources.count - 1, using: &rng)
            sources.insert(sources[k], at: Int.random(in: k + 2 ... sources.count, using: &rng))
        }
        var text = "from,to,effort\n"
        for source in sources {
            for _ in 0 ..< Int.random(in: 1 ..< 12, using: &rng) {
                let to = chance(0.04) ? source : ids.randomElement(using: &rng)!
                let effort = ["1", "2.5", "1"][Int.random(in: 0 ..< 3, using: &rng)]
                text += unplain && to != source && chance(0.02) ? " \(source),\(to),\(effort)\n" : "\(source),\(to),\(effort)\n"
            }
        }
        return Array(text.utf8)
    }

    /// What a parse of `bytes` as `chunking` says makes, whether its rows were found grouped by
    /// source, and whether that was told while reading.
    static func parse(_ bytes: [UInt8], chunking: EdgeListChunking)
        -> (outcome: EdgeListChunkTests.Outcome, grouped: Bool, told: Bool) {
        bytes.withUnsafeBytes { raw in
            var parser = EdgeListParser(raw, separator: UInt8(ascii: ","), file: "moves.csv", options: GraphLoadOptions())
            switch parser.run(chunking: chunking) {
            case .success(let result):
                return (EdgeListChunkTests.Outcome(roles: result.graph.roles, relations: result.graph.relations,
                                                   summary: result.summary, chunks: 0),
                        parser.foundRepeatsInGroups, parser.groupingToldWhileReading)
            case .failure(let error):
                return (EdgeListChunkTests.Outcome(diagnostics: error.diagnostics.map(\.description)),
                        parser.foundRepeatsInGroups, parser.groupingToldWhileReading)
            }
        }
    }

    /// The grouping told while reading, chunk by chunk and merged, against the pass over the rows
    /// after reading: on every cutting the same verdict, the same repeats and the same graph; told
    /// whenever the fast path read every row, and never otherwise.
    @Test(arguments: 0 ..< 200)
    func groupingToldWhileReadingIsTheOneFoundAfter(seed: Int) {
        let apart = seed % 2 == 1, unplain = seed % 5 == 0
        let bytes = Self.runsFile(seed: UInt64(seed), apart: apart, unplain: unplain)
        var chunkings = EdgeListChunkTests.cuttings(of: bytes, seed: UInt64(seed))
        chunkings.append(.sequential)
        for var chunking in chunkings {
            chunking.tellsGroupingWhileReading = false
            let expected = Self.parse(bytes, chunking: chunking)
            chunking.tellsGroupingWhileReading = true
            let got = Self.parse(bytes, chunking: chunking)
            let context = "seed \(seed), cuts \(chunking.cuts ?? []), chunks \(chunking.chunkCount)"
            #expect(got.outcome == expected.outcome, "\(context)")
            #expect(got.grouped == expected.grouped, "\(context)")
            #expect(!expected.told, "\(context)")
            let padded = bytes.contains(UInt8(ascii: " "))
            #expect(got.told == !padded, "\(context)")
            if !padded && !apart { #expect(got.grouped, "\(context)") }
        }
    }

    /// Known answers at a chunk boundary: a run that goes on across it is one run; a source whose
    /// run ended before the boundary and starts again after it is apart.
    @Test func aRunAcrossAChunkBoundaryIsOneRun() {
        let continued = Array("from,to,effort\na,b,1\na,c,1\na,d,1\nb,c,1\n".utf8)
        let cut = continued.count - "a,d,1\nb,c,1\n".count
        let again = Array("from,to,effort\na,b,1\nb,c,1\na,d,1\n".utf8)
        let cutAgain = again.count - "a,d,1\n".count
        for (bytes, cut, grouped) in [(continued, cut, true), (again, cutAgain, false)] {
            let got = Self.parse(bytes, chunking: EdgeListChunking(minimumBytes: 0, chunkCount: 2, cuts: [cut]))
            #expect(got.told)
            #expect(got.grouped == grouped)
        }
    }
}
