import Foundation
import Testing
@testable import RoleGraphKit
import RoleGraphTestSupport

/// Edge lists as real transition files come: counts, header aliases, explicit columns, repeated
/// rows, self-moves, zero counts, sniffed separators, gzip, and --strict.
@Suite struct EdgeListCountTests {
    func load(_ text: String, file: String = "moves.csv", options: GraphLoadOptions = GraphLoadOptions()) throws(GraphLoadError) -> (graph: RoleGraph, summary: EdgeListSummary) {
        try EdgeListReader.read(Array(text.utf8), separator: UInt8(ascii: ","), file: file, options: options)
    }

    func messages(_ text: String, options: GraphLoadOptions = GraphLoadOptions()) -> [String] {
        do {
            _ = try load(text, options: options)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func repeatedRowsAreSummedSelfMovesAreStayersZeroCountsSkipped() throws {
        let (graph, summary) = try load("from,to,count\na,b,3\nb,c,1\na,b,2\na,a,5\nb,c,0\na,a,1\nc,a,4\n")
        #expect(graph.relations.map { "\($0.from)>\($0.to):\($0.count ?? -1)" } == ["a>b:5.0", "b>c:1.0", "c>a:4.0"])
        #expect(graph.role("a")?.stays == 6)
        #expect(graph.role("b")?.stays == nil)
        #expect(summary == EdgeListSummary(file: "moves.csv", aggregatedRows: 1, selfMoves: 2, selfMovesKept: true, zeroCountRows: 1))
        #expect(summary.message == "moves.csv: aggregated 1 repeated row, 2 self-moves kept as stayers, 1 zero-count row skipped")
    }

    @Test func theSummaryGroupsThousands() {
        let summary = EdgeListSummary(file: "m.csv", aggregatedRows: 1234, selfMoves: 56, zeroCountRows: 3)
        #expect(summary.message == "m.csv: aggregated 1,234 repeated rows, 56 self-moves kept as stayers, 3 zero-count rows skipped")
        #expect(EdgeListSummary(file: "m.csv").message == "")
        #expect(EdgeListSummary.grouped(1_234_567) == "1,234,567")
    }

    @Test func withoutACountColumnSelfMovesAreDropped() throws {
        let (graph, summary) = try load("from,to\na,b\na,a\na,b\n")
        #expect(graph.relations.count == 1)
        #expect(graph.role("a")?.stays == nil)
        #expect(summary.message == "moves.csv: aggregated 1 repeated row, 1 self-move dropped (no count column to keep them as stayers)")
    }

    @Test func conflictingEffortsNameBothLines() {
        #expect(messages("from,to,effort\na,b,2\na,b,\na,b,3\n")
                == ["moves.csv:4:1: conflicting efforts for the transition 'a' → 'b': 2 at line 2, 3 at line 4"])
        // A repeated row that states no effort, or the same one, is no conflict.
        #expect(messages("from,to,effort\na,b,2\na,b,\na,b,2\n").isEmpty)
    }

    @Test func strictRefusesEachRepairAtItsRow() {
        #expect(messages("from,to,count\na,b,1\na,b,2\nc,c,4\nb,c,0\n", options: GraphLoadOptions(strict: true)) == [
            "moves.csv:3:1: the transition 'a' → 'b' repeats line 2; --strict refuses repeated rows, without --strict they are aggregated",
            "moves.csv:4:1: a self-move from 'c' to itself; --strict refuses it, without --strict it counts the role's stayers",
            "moves.csv:5:1: a row with count 0 (no observed move); --strict refuses it, without --strict it is skipped",
        ])
    }

    @Test(arguments: [
        ("source,target,weight", "count"), ("from_role,to_role,n", "count"), ("src,dst,moves", "count"),
        ("Origin,Destination,Count", "count"), ("From Role , To-Role ,effort", "effort"),
    ])
    func headerAliases(header: String, numeric: String) throws {
        let (graph, _) = try load("\(header)\na,b,2\n")
        #expect(graph.relations.count == 1)
        if numeric == "count" {
            #expect(graph.relations[0].count == 2 && graph.relations[0].effort == 1)
        } else {
            #expect(graph.relations[0].effort == 2 && graph.relations[0].count == nil)
        }
    }

    @Test func misspeltHeadersGetTheNearestName() {
        #expect(messages("sourse,traget,wieght\na,b,1\n") == [
            "moves.csv:1:1: unknown column 'sourse' in the header (did you mean 'source'?); the columns are from, to, kind, effort, count and note (or name them with --columns)",
            "moves.csv:1:1: the header has no 'from' column (an edge list starts with a header such as 'from,to' or 'source,target')",
            "moves.csv:1:1: the header has no 'to' column (an edge list starts with a header such as 'from,to' or 'source,target')",
            "moves.csv:1:8: unknown column 'traget' in the header (did you mean 'target'?); the columns are from, to, kind, effort, count and note (or name them with --columns)",
            "moves.csv:1:15: unknown column 'wieght' in the header (did you mean 'weight'?); the columns are from, to, kind, effort, count and note (or name them with --columns)",
        ])
        #expect(messages("from,to,count,weight\na,b,1,2\n")
                == ["moves.csv:1:15: columns 'count' and 'weight' both name the 'count' column; keep one, or map one with --columns count=NAME"])
    }

    @Test func explicitColumnsAreChecked() throws {
        let columns = try GraphLoadOptions.parseColumns("from=o,to=d,count=people")
        let (graph, _) = try load("o,d,people\na,b,7\n", options: GraphLoadOptions(columns: columns))
        #expect(graph.relations.first?.count == 7)
        // A mapped name the header lacks is reported at the header, with the header's columns
        // (and the nearest one nothing reads); an alias of a mapped column is no longer that column,
        // and is not reported again when the mapping is the problem.
        #expect(messages("o,dst,people\na,b,7\n", options: GraphLoadOptions(columns: columns))
                == ["moves.csv:1:1: --columns maps 'to' to 'd', but the header has no column 'd' (did you mean 'dst'?); its columns are 'o', 'dst', 'people'"])
        // When the mapped column is there, the standard column it displaces is reported as unread.
        #expect(messages("from,to,src\na,b,c\n", options: GraphLoadOptions(columns: try GraphLoadOptions.parseColumns("from=src")))
                == ["moves.csv:1:1: the header's column 'from' is not read: --columns takes 'from' from column 'src'; remove one of the two, or the mapping"])
        // A column read as another field is never the suggestion.
        #expect(messages("from;to;weight\na;b;2\n", options: GraphLoadOptions(columns: try GraphLoadOptions.parseColumns("count=w")))
                == ["moves.csv:1:1: --columns maps 'count' to 'w', but the header has no column 'w'; its columns are 'from', 'to', 'weight'"])
    }

    @Test(arguments: [
        ("from=a,tx=b", "unknown column 'tx' (did you mean 'to'?); the columns are from, to, kind, effort, count, note"),
        ("from", "'from' is not COLUMN=NAME (write --columns from=src,to=dst,count=n)"),
        ("from=a,from=b", "column 'from' is mapped twice"),
        ("from=a,to=A", "'A' is mapped to both 'from' and 'to'"),
    ])
    func malformedColumnMappings(text: String, message: String) {
        #expect(throws: ColumnMappingError(message)) { try GraphLoadOptions.parseColumns(text) }
    }

    @Test(arguments: [("a;b", "from;to;count\n\"x;1\";y;2\n"), ("tab", "from\tto\tcount\nx;1\ty\t2\n"),
                      ("pipe", "from|to|count\nx;1|y|2\n")])
    func theSeparatorIsSniffedFromTheHeader(_ name: String, _ text: String) throws {
        let (graph, _) = try load(text)
        #expect(graph.relations.map { "\($0.from)>\($0.to):\($0.count ?? -1)" } == ["x;1>y:2.0"], "\(name)")
    }

    @Test func sniffingHonoursQuotesAndPrefersTheExtensionsSeparator() {
        #expect(EdgeListReader.sniffSeparator(Array("# c\n\"a,b\";\"c,d\"\n".utf8), preferring: UInt8(ascii: ",")) == UInt8(ascii: ";"))
        #expect(EdgeListReader.sniffSeparator(Array("from\tto,x\n".utf8), preferring: 0x09) == 0x09)
        #expect(EdgeListReader.sniffSeparator(Array("from\n".utf8), preferring: 0x09) == 0x09)
    }

    @Test func aFileWithoutAnExtensionIsRecognisedByAliasedHeaders() {
        #expect(GraphFileFormat.sniff(Array("source;target;weight\n".utf8)) == .csv)
        #expect(GraphFileFormat.sniff(Array("Origin|Destination|n\n".utf8)) == .csv)
        #expect(GraphFileFormat.sniff(Array("src\tdst\n".utf8)) == .tsv)
        #expect(GraphFileFormat.sniff(Array("source: a book\ntarget: b\n".utf8)) == .yaml)
    }

    @Test func countsAreCheckedLikeEfforts() {
        #expect(messages("from,to,count\na,b,-1\n") == ["moves.csv:2:5: invalid count '-1': a count is a number of observed moves, from 0 to 1e15"])
        #expect(messages("from,to,kind,count\na,b,collaboration,3\n")
                == ["moves.csv:2:19: a collaboration relation has no count; only a transition counts observed moves"])
    }

    /// Issue 21, item 2: 80,000 "text after a closing quote" problems on one 400 KB line. The
    /// column of each listed problem continues from the last one instead of rescanning the line,
    /// and problems past the limit are only counted.
    @Test func aLongLineOfQuoteErrorsIsReportedOnce() {
        let line = String(repeating: "\"a\"x,", count: 80_000)
        let lines = messages("from,to\n" + line + "\n")
        #expect(lines.count == EdgeListReader.diagnosticLimit + 1)
        #expect(lines.first == "moves.csv:2:4: unexpected text after a closing quote (double a quote inside a quoted field: \"\")")
        #expect(lines[1] == "moves.csv:2:9: unexpected text after a closing quote (double a quote inside a quoted field: \"\")")
        // 80,000 quote problems and one for the row's 80,000 fields.
        #expect(lines.last == "… and 79901 more problems")
    }

    @Test func gzipIsReadAndCapped() throws {
        let plain = Array("from,to,count\na,b,3\n".utf8)
        let compressed = try gzip(plain)
        #expect(Gzip.isCompressed(compressed))
        #expect(try Gzip.decompress(compressed, limit: 1 << 20, file: "m.csv.gz") == plain)
        // Two members, as `cat a.gz b.gz` makes.
        #expect(try Gzip.decompress(compressed + (try gzip(Array("c,d,1\n".utf8))), limit: 1 << 20, file: "m.csv.gz")
                == plain + Array("c,d,1\n".utf8))
        #expect(throws: GraphLoadError.tooLarge(path: "m.csv.gz", limit: 10)) {
            try Gzip.decompress(compressed, limit: 10, file: "m.csv.gz")
        }
        #expect(throws: GraphLoadError.invalid([Diagnostic(.other("the gzip data is truncated"),
                                                           at: SourceLocation(file: "m.csv.gz", line: 1, column: 1))])) {
            try Gzip.decompress(Array(compressed.dropLast(12)), limit: 1 << 20, file: "m.csv.gz")
        }
        #expect(GraphFileFormat(path: "dir/moves.CSV.gz") == .csv)
        #expect(GraphFileFormat(path: "moves.gz") == nil)
    }

    /// Compresses with the system's gzip, an implementation independent of ours.
    func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rolegraph-gzip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("f")
        try Data(bytes).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-n", file.path]
        try process.run()
        process.waitUntilExit()
        return Array(try Data(contentsOf: directory.appendingPathComponent("f.gz")))
    }
}
