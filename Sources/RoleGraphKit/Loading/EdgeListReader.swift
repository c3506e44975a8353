import RoleGraphAlgorithms
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a CSV or TSV edge list into a role graph: the input for large occupation-transition
/// networks (10⁴–10⁶ roles, millions of transitions).
///
/// ## The format
///
/// ```
/// from,to,kind,effort,note
/// data-analyst,data-scientist,transition,2,"same skills, and more"
/// ml-scientist,ml-engineer,collaboration,,
/// ```
///
/// - The first row that is not blank and not a comment is the header. It must name a `from` and a
///   `to` column, in any order; `kind` (`stakeholder`, `collaboration` or `transition`; default
///   `transition`), `effort` (a number greater than 0; default 1, transitions only), `count` (the
///   observed moves: a number 0 or more, transitions only) and `note` are optional. Column names
///   ignore case, surrounding spaces, and spaces or hyphens versus `_`; the common names of real
///   transition files are aliases (``EdgeListField/aliases``: `source`/`target`, `src`/`dst`,
///   `from_role`/`to_role`, `weight`/`n`/`moves` …), and ``GraphLoadOptions/columns`` names any
///   other. Any other column is an error (with the nearest known name suggested), so a misspelt
///   `efort` is never silently dropped.
/// - Fields are separated by the header line's separator: `,`, `;`, a tab or `|`, whichever it
///   holds most outside quotes (the extension's separator when the header holds it at all). Fields
///   may be quoted as in RFC 4180 (`"a ""quoted"" word"`, separators and line breaks allowed inside
///   quotes). Spaces around an unquoted field are dropped.
/// - Lines end in LF or CRLF; a UTF-8 byte order mark is skipped; blank lines, and lines whose first
///   character is `#`, are skipped (quote an id that starts with `#`).
/// - An empty optional field takes the default.
///
/// ## The graph it makes
///
/// Roles are the ids named in `from` and `to`, numbered in order of first appearance; each has its
/// id as its name and the single area ``defaultArea`` (`unassigned`), since an edge list says
/// nothing else about them. The graph is named after the file.
///
/// ## Decisions
///
/// - A file with a header and no rows is an error ("has a header but no edges"), like an empty
///   file: every command on an edge-less graph would fail later with a less helpful message, and an
///   export that lost its rows should be caught at the load.
/// - A relation stated again (the same kind and endpoints; a collaboration in either order) is
///   merged into its first row, since observed-move files repeat rows: counts are summed, a stated
///   effort is kept, and two different stated efforts are an error naming both lines. The first
///   note is kept.
/// - A transition from a role to itself (`C,C`) is a self-move: people who stayed. It never becomes
///   an edge; with a count column its count is the role's ``Role/stays`` (part of the denominator
///   of a transition's share), without one it is dropped. Any other relation to itself is an error.
/// - A row whose count is 0 observed no move and is skipped.
/// - These three repairs are counted in an ``EdgeListSummary`` (a warning, never silence); under
///   ``GraphLoadOptions/strict`` each is an error at its row instead. YAML graph files get none of
///   this leniency.
///
/// ## Errors
///
/// Every problem is reported at `file:line:column` (columns count Unicode scalars; a quoted field's
/// column is its opening quote), in file order; after ``diagnosticLimit`` problems the rest are
/// counted in one last line ("… and 4900 more problems").
///
/// ## Speed
///
/// The file is parsed in one pass over its bytes: no line or field becomes a `String`. Ids are
/// interned by a byte-slice hash table (``ByteInterner``), so each distinct id is copied and made a
/// `String` once, however many rows name it; efforts are parsed from bytes. A large file with no
/// quote after its header is parsed in chunks, one per core, and merged into exactly what one pass
/// makes (``EdgeListChunking``).
enum EdgeListReader {
    /// The area of every role read from an edge list.
    static let defaultArea = Area(
        id: "unassigned", name: "Unassigned",
        summary: "Roles read from an edge list, which does not say what area they belong to.")

    /// The columns a header may name (canonical names).
    static let knownColumns = EdgeListField.allCases.map(\.rawValue)

    /// The separators an edge list may use, in the order a tie prefers them.
    static let separators: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, UInt8(ascii: "|")]


    /// How many problems are listed before the rest are only counted.
    static let diagnosticLimit = 100

    /// Reads an edge list whose extension implies `separator` (the header line may name another).
    ///
    /// - Complexity: O(*n* + *E* + *R*) for *n* bytes; edit-distance work only for unknown headers.
    static func read(_ bytes: [UInt8], separator: UInt8, file: String,
                     options: GraphLoadOptions = GraphLoadOptions()) throws(GraphLoadError) -> (graph: RoleGraph, summary: EdgeListSummary) {
        let result = try read(bytes, separator: separator, file: file, options: options, chunking: .automatic)
        return (result.graph, result.summary)
    }

    /// ``read(_:separator:file:options:)`` split as `chunking` says; also returns how many chunks
    /// the rows were parsed in (1 for the sequential pass), how many rows the fast path read, and
    /// whether repeated rows were found without sorting, so tests can see which paths ran.
    ///
    /// - Complexity: O(*n* + *E* + *R*) for *n* bytes, spread over the chunks' threads.
    static func read(_ bytes: [UInt8], separator: UInt8, file: String, options: GraphLoadOptions,
                     chunking: EdgeListChunking) throws(GraphLoadError)
        -> (graph: RoleGraph, summary: EdgeListSummary, chunks: Int, plainRows: Int, repeatsInGroups: Bool) {
        let separator = sniffSeparator(bytes, preferring: separator)
        let result: Result<(graph: RoleGraph, summary: EdgeListSummary, chunks: Int, plainRows: Int, repeatsInGroups: Bool), GraphLoadError>
        result = bytes.withUnsafeBytes { raw in
            var parser = EdgeListParser(raw, separator: separator, file: file, options: options)
            return parser.run(chunking: chunking).map { ($0.graph, $0.summary, parser.chunksRead, parser.plainRowsRead, parser.foundRepeatsInGroups) }
        }
        return try result.get()
    }

    /// Reads a large edge list from a file mapping, dropping the pages it has parsed from the
    /// process as it goes (see `EdgeListParser.releaseBehind()`), so its peak memory holds the
    /// columns and not also the file.
    ///
    /// - Complexity: O(*n* + *E* + *R*) for *n* bytes, spread over the chunks' threads.
    static func read(mapped mapping: FileMapping, separator: UInt8, file: String,
                     options: GraphLoadOptions) throws(GraphLoadError) -> (graph: RoleGraph, summary: EdgeListSummary) {
        let result = mapping.withWhole { raw -> Result<(graph: RoleGraph, summary: EdgeListSummary), GraphLoadError> in
            let separator = sniffSeparator(raw, preferring: separator)
            var parser = EdgeListParser(raw, separator: separator, file: file, options: options)
            parser.releasesBehind = true
            return parser.run(chunking: .automatic)
        }
        return try result.get()
    }

    /// How far a parse of a mapped file runs between drops of the pages behind it.
    static let releaseStride = 1 << 21

    /// The size of a memory page.
    static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// The separator of the header line (the first line that is not blank and not a comment):
    /// `preferred` when the line holds it outside quotes, else the candidate it holds most (ties
    /// in ``separators`` order), else `preferred`.
    ///
    /// - Complexity: O(*h*) for the bytes up to the end of the header line.
    static func sniffSeparator<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, preferring preferred: UInt8) -> UInt8
    where Bytes.Index == Int {
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let n = bytes.count
        // Skip blank and comment lines.
        while i < n {
            var j = i
            while j < n && (bytes[j] == 0x20 || bytes[j] == 0x09) { j += 1 }
            if j < n && bytes[j] != 0x0A && bytes[j] != 0x0D && bytes[j] != UInt8(ascii: "#") { break }
            while j < n && bytes[j] != 0x0A { j += 1 }
            i = j + 1
        }
        var counts = [Int](repeating: 0, count: separators.count)
        var quoted = false
        while i < n {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { quoted.toggle() }
            else if !quoted && (b == 0x0A || b == 0x0D) { break }
            else if !quoted, let k = separators.firstIndex(of: b) { counts[k] += 1 }
            i += 1
        }
        if let k = separators.firstIndex(of: preferred), counts[k] > 0 { return preferred }
        var best = -1
        for k in counts.indices where counts[k] > 0 && (best < 0 || counts[k] > counts[best]) { best = k }
        return best >= 0 ? separators[best] : preferred
    }
}

extension EdgeListField {
    /// The column's position in ``allCases``, which indexes the parser's tables (read for every
    /// field of every row, so a switch rather than a search).
    var index: Int {
        switch self {
        case .from: 0
        case .to: 1
        case .kind: 2
        case .effort: 3
        case .count: 4
        case .note: 5
        }
    }
}

/// One field of the current row: a byte range of the input (inside the quotes for a quoted field).
struct Field {
    var start = 0
    var end = 0
    /// Quoted, with doubled quotes inside that must be undoubled.
    var escaped = false
    var quoted = false
    /// Where the field starts, for diagnostics.
    var line = 0
    var lineStart = 0
    var offset = 0

    var isEmpty: Bool { start == end }
}

/// One pass over the bytes of an edge list (or over one chunk of its rows: see
/// `EdgeListChunks.swift`).
struct EdgeListParser {
    let p: UnsafeRawBufferPointer
    /// Where the pass stops: the end of the input, or of the chunk being read.
    var n: Int
    let separator: UInt8
    let file: String
    let options: GraphLoadOptions

    var pos = 0
    var line = 1
    var lineStart = 0

    // The current row.
    var fields: [Field] = []
    var fieldCount = 0
    /// Where the current row ends (before its line break), for "missing value" diagnostics.
    var rowEnd = 0
    var rowEndLine = 1
    var rowEndLineStart = 0

    // The header.
    var columnOf: [EdgeListField?] = []
    var positionOf: [Int] = Array(repeating: -1, count: EdgeListField.allCases.count)

    // What has been read.
    var interner: ByteInterner
    /// How many distinct ids the interner is made for when the rows are read: the file's
    /// estimate, for every chunk (a chunk of a transition file meets most of its ids).
    var expectedIDs: Int
    /// The dense endpoints of each row read (the graph's endpoints as they are, when no row is
    /// merged into another).
    var endpoints: [(from: Int32, to: Int32)] = []
    /// Each row's kind, as its ``RelationKind/code`` (the relation columns' form).
    var kinds: [UInt8] = []
    /// Each row's effort; NaN for none (a relation other than a transition), which no stated
    /// effort can be: an optional would double the array.
    var efforts: [Double] = []
    /// Whether the row stated its effort (an empty field takes the default, which a repeated row
    /// may then state without a conflict).
    var effortStated: [Bool] = []
    /// Each row's count, NaN for none; empty when the file has no count column.
    var counts: [Double] = []
    var notes: [String?] = []
    /// The line each row was read from, for the problems found after the pass.
    var rowLines = RowLines()
    /// Observed stayers per interned id (self-moves with a count).
    var stays: [Double?] = []
    /// A chunk after the first logs its self-move counts here in row order instead of summing
    /// them into `stays`, so that the merge adds them in the order one pass would (floating-point
    /// sums depend on their order); `nil` to sum directly.
    var stayLog: [(id: Int32, count: Double)]?
    /// How many chunks the rows were read in (1: one pass).
    var chunksRead = 1
    /// Whether plain rows are read on the fast path (``EdgeListChunking/readsPlainRows``).
    var readsPlainRows = true
    /// How many rows the fast path read (for tests: that it ran).
    var plainRowsRead = 0
    /// Whether repeated rows were found without sorting (for tests: that that path ran).
    var foundRepeatsInGroups = false
    /// Whether the rows list each source's rows together, as far as the fast path saw them.
    var sourceRuns = SourceRuns()
    /// Whether the rows' grouping by source was told by ``sourceRuns`` rather than by a pass over
    /// the rows (for tests: that the verdict was used).
    var groupingToldWhileReading = false
    var summary: EdgeListSummary
    /// The last column computed on a line, so positions later on the same line continue from it
    /// instead of rescanning the line (a line of 80,000 problems would be quadratic otherwise).
    var columnCache: (lineStart: Int, offset: Int, column: Int) = (-1, 0, 1)
    /// Where each interned id with a byte outside ASCII was first seen, in index order: only
    /// such an id can fail to be UTF-8, which is reported there. An ASCII id, the usual one,
    /// records nothing: a place for every id would be the parse's largest table after its
    /// columns, grown and copied as the ids arrive.
    var firstSeen: [(id: Int32, line: Int, lineStart: Int, offset: Int)] = []

    var diagnostics: [Diagnostic] = []
    var problemCount = 0
    var scratch: [UInt8] = []
    /// Whether `p` is a private read-only file mapping whose pages the parse drops from the
    /// process behind it (``releaseBehind()``). Never set for memory the process owns, which
    /// `MADV_DONTNEED` would zero.
    var releasesBehind = false
    /// Where the bytes not yet dropped start.
    var releasedUpTo = 0
    /// Whether the input ended inside a quoted field: for a chunk before the last, a cut that
    /// fell inside a row (see `EdgeListChunking`).
    var endedInsideQuotes = false

    /// A parser of `p`, its tables reserved for `expectedBytes` of rows (all of `p` by default;
    /// a chunk's parser reserves for its chunk).
    init(_ p: UnsafeRawBufferPointer, separator: UInt8, file: String, options: GraphLoadOptions,
         expectedBytes: Int? = nil) {
        self.p = p
        self.n = p.count
        self.separator = separator
        self.file = file
        self.options = options
        self.summary = EdgeListSummary(file: file)
        // About 24 bytes per row and one new id per ten rows in a typical transition network.
        // The interner is made for one id per 16 rows, and its table (a power of two, at most
        // half full) holds up to about twice that before it grows: room for such a file's ids
        // in every chunk, since growing rehashes every id already in while the parse waits. It
        // is not made for the most ids a file could hold: that table would be many times the
        // size the usual file needs, and every probe of a table larger than the caches is a
        // miss. Nor is a guess made larger than 2^18 slots (6 MiB) a chunk: the table is zeroed
        // whole, so on a large file of few roles a larger guess would cost more memory than
        // growing costs time on one of many. It is made when the rows are read (``readRows()``),
        // so that each chunk's thread fills its own.
        let rowEstimate = max(16, (expectedBytes ?? p.count) / 24)
        expectedIDs = max(1024, min(rowEstimate / 16, 1 << 17))
        interner = ByteInterner(expectedCount: 0)
        endpoints.reserveCapacity(rowEstimate)
        kinds.reserveCapacity(rowEstimate)
        efforts.reserveCapacity(rowEstimate)
        effortStated.reserveCapacity(rowEstimate)
    }

    // MARK: Diagnostics

    /// The location of a byte. Columns count Unicode scalars: every byte that is not a UTF-8
    /// continuation byte. A later position on the line last asked about continues from it.
    mutating func location(line: Int, lineStart: Int, offset: Int) -> SourceLocation {
        var column = 1
        var i = lineStart
        if columnCache.lineStart == lineStart && columnCache.offset <= offset {
            column = columnCache.column
            i = columnCache.offset
        }
        while i < offset && i < n {
            if p[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        columnCache = (lineStart, i, column)
        return SourceLocation(file: file, line: line, column: column)
    }

    mutating func location(of field: Field) -> SourceLocation {
        location(line: field.line, lineStart: field.lineStart, offset: field.offset)
    }

    /// Counts a problem; lists it (computing its position) only while under the limit.
    mutating func report(_ problem: GraphProblem, line: Int, lineStart: Int, offset: Int) {
        problemCount += 1
        if diagnostics.count < EdgeListReader.diagnosticLimit {
            diagnostics.append(Diagnostic(problem, at: location(line: line, lineStart: lineStart, offset: offset)))
        }
    }

    mutating func report(_ problem: GraphProblem, at location: SourceLocation) {
        problemCount += 1
        if diagnostics.count < EdgeListReader.diagnosticLimit {
            diagnostics.append(Diagnostic(problem, at: location))
        }
    }

    mutating func report(_ problem: GraphProblem, _ field: Field) {
        report(problem, line: field.line, lineStart: field.lineStart, offset: field.offset)
    }

    // MARK: Fields

    /// The text of a field (undoubling quotes), for messages and notes; `nil` if not UTF-8.
    func text(_ field: Field) -> String? { Self.text(field, in: p) }

    /// The text of `field` of `p`; static, like the other readers of a field's bytes that a row
    /// calls, because a call to a method of the parser from its mutating row loop copies the
    /// whole parser (some 400 bytes, and a retain of each of its arrays) for the call.
    static func text(_ field: Field, in p: UnsafeRawBufferPointer) -> String? {
        if field.escaped {
            return String(validating: unescaped(field, in: p), as: UTF8.self)
        }
        return String(validating: UnsafeRawBufferPointer(rebasing: p[field.start ..< field.end]), as: UTF8.self)
    }

    /// The text of a field for a message, with invalid UTF-8 repaired.
    func shown(_ field: Field) -> String {
        text(field) ?? String(decoding: unescaped(field), as: UTF8.self)
    }

    func unescaped(_ field: Field) -> [UInt8] { Self.unescaped(field, in: p) }

    static func unescaped(_ field: Field, in p: UnsafeRawBufferPointer) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(field.end - field.start)
        var i = field.start
        while i < field.end {
            bytes.append(p[i])
            i += p[i] == UInt8(ascii: "\"") && field.escaped ? 2 : 1
        }
        return bytes
    }

    @inline(__always)
    func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || (b == 0x09 && separator != 0x09)
    }

    @inline(__always)
    mutating func append(_ field: Field) {
        if fieldCount < fields.count {
            fields[fieldCount] = field
        } else {
            fields.append(field)
        }
        fieldCount += 1
    }

    /// Reads one row from `pos`, which is at the start of a line, into `fields`.
    ///
    /// - Returns: `false` when the input ended inside a quoted field (already reported).
    mutating func readRow() -> Bool {
        fieldCount = 0
        var i = pos
        while true {
            while i < n && isSpace(p[i]) { i += 1 }
            var field = Field()
            field.line = line
            field.lineStart = lineStart
            field.offset = i
            if i < n && p[i] == UInt8(ascii: "\"") {
                field.quoted = true
                i += 1
                field.start = i
                while true {
                    if i >= n {
                        endedInsideQuotes = true
                        report(.other("unterminated quoted field (a '\"' opens it here and nothing closes it)"), field)
                        pos = n
                        return false
                    }
                    let b = p[i]
                    if b == UInt8(ascii: "\"") {
                        if i + 1 < n && p[i + 1] == UInt8(ascii: "\"") {
                            field.escaped = true
                            i += 2
                            continue
                        }
                        break
                    }
                    if b == 0x0A {
                        line += 1
                        lineStart = i + 1
                    }
                    i += 1
                }
                field.end = i
                i += 1
                while i < n && isSpace(p[i]) { i += 1 }
                if i < n && p[i] != separator && p[i] != 0x0A && p[i] != 0x0D {
                    report(.other("unexpected text after a closing quote (double a quote inside a quoted field: \"\")"),
                           line: line, lineStart: lineStart, offset: i)
                    while i < n && p[i] != separator && p[i] != 0x0A && p[i] != 0x0D { i += 1 }
                }
            } else {
                field.start = i
                while i < n {
                    let b = p[i]
                    if b == separator || b == 0x0A || b == 0x0D { break }
                    i += 1
                }
                var end = i
                while end > field.start && isSpace(p[end - 1]) { end -= 1 }
                field.end = end
            }
            append(field)
            if i < n && p[i] == separator {
                i += 1
                continue
            }
            rowEnd = i
            rowEndLine = line
            rowEndLineStart = lineStart
            if i < n {
                if p[i] == 0x0D && i + 1 < n && p[i + 1] == 0x0A { i += 1 }
                i += 1
                line += 1
                lineStart = i
            }
            pos = i
            return true
        }
    }

    /// Skips blank lines and comment lines from `pos`.
    mutating func skipBlankAndCommentLines() {
        while pos < n {
            var i = pos
            while i < n && isSpace(p[i]) { i += 1 }
            if i < n && p[i] == UInt8(ascii: "#") {
                while i < n && p[i] != 0x0A && p[i] != 0x0D { i += 1 }
            }
            if i >= n {
                pos = n
                return
            }
            if p[i] == 0x0D || p[i] == 0x0A {
                if p[i] == 0x0D && i + 1 < n && p[i + 1] == 0x0A { i += 1 }
                pos = i + 1
                line += 1
                lineStart = pos
                continue
            }
            return
        }
    }

    // MARK: The file

    mutating func run(chunking: EdgeListChunking) -> Result<(graph: RoleGraph, summary: EdgeListSummary), GraphLoadError> {
        if n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF {
            pos = 3
            lineStart = 3
        }
        skipBlankAndCommentLines()
        guard pos < n else {
            return .failure(.invalid([Diagnostic(.empty, at: SourceLocation(file: file, line: 1, column: 1))]))
        }
        let headerLine = line
        readsPlainRows = chunking.readsPlainRows
        guard readRow() else { return .failure(.invalid(finalDiagnostics())) }
        readHeader()
        if problemCount > 0 { return .failure(.invalid(finalDiagnostics())) }

        if let chunks = chunking.chunks(of: p, rowsFrom: pos) {
            guard readRows(inChunks: chunks) else {
                // A cut fell inside a quoted field: everything again, in one pass.
                var again = EdgeListParser(p, separator: separator, file: file, options: options)
                again.releasesBehind = releasesBehind
                self = again
                var onePass = chunking
                onePass.chunkCount = 1
                onePass.cuts = nil
                return run(chunking: onePass)
            }
        } else {
            readRows()
        }

        if endpoints.isEmpty && problemCount == 0 {
            report(.other("the edge list has a header but no edges"),
                   at: SourceLocation(file: file, line: headerLine, column: 1))
        }
        let kept = aggregate(chunking)
        let roleIDs = checkedRoleIDs()
        if problemCount > 0 { return .failure(.invalid(finalDiagnostics())) }
        summary.selfMovesKept = positionOf[EdgeListField.count.index] >= 0
        // What only the checks read is released before the graph is built, so that the two are
        // never alive together (on a million rows, a quarter of the load's peak memory). The
        // interner's table goes; its keys and their hashes stay, read in place by the graph.
        let idHashes = interner.keyHashes
        interner = ByteInterner(expectedCount: 0)
        effortStated = []
        rowLines = RowLines()
        firstSeen = []
        return .success((makeGraph(roleIDs, idHashes: idHashes, keeping: kept), summary))
    }

    /// Reads every row from `pos` to `n`.
    mutating func readRows() {
        if interner.count == 0 { interner = ByteInterner(expectedCount: expectedIDs) }
        if readsPlainRows, let columns = SimpleRowColumns(columnOf, positionOf) {
            readSimpleRows(columns)
            return
        }
        while true {
            skipBlankAndCommentLines()
            if pos >= n { break }
            guard readGeneralRow() else { break }
            if releasesBehind && lineStart &- releasedUpTo >= EdgeListReader.releaseStride { releaseBehind() }
        }
    }

    /// Reads the row at `pos` (at a line start, not blank, not a comment) with the general row
    /// reader: every form a field may take, every problem reported.
    ///
    /// - Returns: `false` when the input ended inside a quoted field (already reported).
    @discardableResult
    mutating func readGeneralRow() -> Bool {
        guard readRow() else { return false }
        readEdge()
        return true
    }

    /// Drops the mapped pages before the current line from the process: the rows are parsed
    /// into columns, and a diagnostic that reads an earlier line again faults its page back in
    /// from the page cache. A large file is then never resident in the process all at once.
    /// Only whole pages between the last drop and this line go, so a neighbouring chunk's pages
    /// are left alone.
    mutating func releaseBehind() {
        let page = EdgeListReader.pageSize
        let start = (releasedUpTo + page - 1) / page * page
        let end = lineStart / page * page
        if end > start, let base = p.baseAddress {
            _ = madvise(UnsafeMutableRawPointer(mutating: base + start), end - start, MADV_DONTNEED)
        }
        releasedUpTo = max(releasedUpTo, end)
    }

    mutating func readHeader() {
        var seen: [EdgeListField: Field] = [:]
        columnOf = []
        var explicit: [String: EdgeListField] = [:]
        for (field, name) in options.columns { explicit[EdgeListField.normalised(name)] = field }
        var explicitFound: Set<EdgeListField> = []
        let knownList = EdgeListReader.knownColumns.dropLast().joined(separator: ", ") + " and " + EdgeListReader.knownColumns.last!
        // Names a misspelt header may have meant: every name of a column not mapped explicitly.
        let candidates = EdgeListField.allNames.filter { EdgeListField(headerName: $0).map { options.columns[$0] == nil } ?? true }
        let headerNames = (0 ..< fieldCount).map { shown(fields[$0]) }
        let present = Set(headerNames.map(EdgeListField.normalised))
        for k in 0..<fieldCount {
            let field = fields[k]
            let raw = headerNames[k]
            let name = EdgeListField.normalised(raw)
            var column: EdgeListField?
            if let mapped = explicit[name] {
                column = mapped
                explicitFound.insert(mapped)
            } else if let known = EdgeListField(headerName: name), options.columns[known] == nil {
                column = known
            }
            if let column {
                if let earlier = seen[column] {
                    let earlierName = shown(earlier)
                    report(.other(earlierName.lowercased() == raw.lowercased()
                                  ? "column '\(raw)' is named twice in the header"
                                  : "columns '\(earlierName)' and '\(raw)' both name the '\(column.rawValue)' column; keep one, or map one with --columns \(column.rawValue)=NAME"), field)
                }
                seen[column] = field
                positionOf[column.index] = k
                columnOf.append(column)
            } else if let known = EdgeListField(headerName: name), let mapped = options.columns[known] {
                // A column --columns has taken the field's values from another: that mapping's
                // own error names a missing column, and this one is then its consequence.
                if present.contains(EdgeListField.normalised(mapped)) {
                    report(.other("the header's column '\(raw)' is not read: --columns takes '\(known.rawValue)' from column '\(mapped)'; "
                                  + "remove one of the two, or the mapping"), field)
                }
                columnOf.append(nil)
            } else {
                // Suggestions only for the problems that will be listed: a header of many thousand
                // unknown columns costs no edit distances past the limit.
                let listed = diagnostics.count < EdgeListReader.diagnosticLimit
                let suggestion = name.isEmpty || !listed ? nil : Suggestions.nearest(to: name, in: candidates)
                let what = name.isEmpty ? "an empty column name" : "unknown column '\(raw.lowercased())'"
                report(.other("\(what) in the header" + didYouMean(suggestion)
                              + "; the columns are \(knownList) (or name them with --columns)"), field)
                columnOf.append(nil)
            }
        }
        // A mapping's missing column may be one of the header's that nothing reads.
        let unread = (0 ..< fieldCount).filter { columnOf[$0] == nil }.map { headerNames[$0] }
        for (field, name) in options.columns.sorted(by: { $0.key.index < $1.key.index }) where !explicitFound.contains(field) {
            let listed = headerNames.prefix(10).map { "'\($0)'" }.joined(separator: ", ")
                + (headerNames.count > 10 ? " and \(headerNames.count - 10) more" : "")
            report(.other("--columns maps '\(field.rawValue)' to '\(name)', but the header has no column '\(name)'"
                          + didYouMean(Suggestions.nearest(to: name, in: unread.prefix(1000)))
                          + "; its columns are \(listed)"),
                   at: SourceLocation(file: file, line: fields[0].line, column: 1))
        }
        let separatorName = separator == 0x09 ? "\\t" : String(UnicodeScalar(separator))
        for required in [EdgeListField.from, .to] where seen[required] == nil && options.columns[required] == nil {
            report(.other("the header has no '\(required.rawValue)' column (an edge list starts with a header such as 'from\(separatorName)to' or 'source\(separatorName)target')"),
                   at: SourceLocation(file: file, line: fields[0].line, column: 1))
        }
    }

    /// Interns the id in `field`, or reports it empty.
    @inline(__always)
    mutating func intern(_ field: Field, key: String) -> Int32? {
        if field.isEmpty {
            report(.emptyValue(key: key), field)
            return nil
        }
        let result: (index: Int32, inserted: Bool)
        if field.escaped {
            scratch = unescaped(field)
            result = scratch.withUnsafeBytes { interner.intern($0) }
        } else {
            result = interner.intern(UnsafeRawBufferPointer(rebasing: p[field.start ..< field.end]))
        }
        if result.inserted {
            noteFirstSeen(result.index, isASCII: interner.isASCII(at: Int(result.index)),
                          line: field.line, lineStart: field.lineStart, offset: field.offset)
        }
        return result.index
    }

    /// Records where id `index`, just added, was first seen, unless its bytes are all ASCII
    /// (see ``firstSeen``): each caller tells which, from what it already holds of the id.
    ///
    /// - Complexity: O(1) amortised.
    @inline(__always)
    mutating func noteFirstSeen(_ index: Int32, isASCII: Bool, line: Int, lineStart: Int, offset: Int) {
        if !isASCII { firstSeen.append((index, line, lineStart, offset)) }
    }

    mutating func readEdge() {
        let columnCount = columnOf.count
        if fieldCount == 1 && columnCount > 1 && fields[0].isEmpty && !fields[0].quoted {
            return  // a line of spaces
        }
        if fieldCount != columnCount {
            if fieldCount < columnCount {
                let missing = columnOf[fieldCount].map(\.rawValue) ?? "?"
                report(.other("missing value for column '\(missing)': the row has \(fieldCount) field\(fieldCount == 1 ? "" : "s"), the header \(columnCount)"),
                       at: location(line: rowEndLine, lineStart: rowEndLineStart, offset: rowEnd))
            } else {
                report(.other("the row has \(fieldCount) fields, the header \(columnCount)"), fields[columnCount])
            }
            return
        }
        let fromField = fields[positionOf[EdgeListField.from.index]]
        let toField = fields[positionOf[EdgeListField.to.index]]
        let before = problemCount
        let from = intern(fromField, key: "from")
        let to = intern(toField, key: "to")

        var kind = RelationKind.transition
        let kindPosition = positionOf[EdgeListField.kind.index]
        if kindPosition >= 0 {
            let field = fields[kindPosition]
            if !field.isEmpty {
                if let parsed = Self.parseKind(field, in: p) {
                    kind = parsed
                } else {
                    let value = shown(field)
                    report(.unknownRelationKind(value, suggestion: Suggestions.nearest(
                        to: value, in: RelationKind.allCases.map(\.rawValue))), field)
                }
            }
        }

        var effort: Double? = kind == .transition ? 1 : nil
        var stated = false
        let effortPosition = positionOf[EdgeListField.effort.index]
        if effortPosition >= 0 {
            let field = fields[effortPosition]
            if !field.isEmpty {
                if kind != .transition {
                    report(.effortOnNonTransition(kind), field)
                } else if let value = Self.parseNumber(field, in: p), value.isFinite, value > 0, value <= GraphValidator.maximumEffort {
                    effort = value
                    stated = true
                } else {
                    report(.invalidEffort(shown(field)), field)
                }
            }
        }

        var count: Double?
        let countPosition = positionOf[EdgeListField.count.index]
        if countPosition >= 0 {
            let field = fields[countPosition]
            if !field.isEmpty {
                if kind != .transition {
                    report(.other("a \(kind.rawValue) relation has no count; only a transition counts observed moves"), field)
                } else if let value = Self.parseNumber(field, in: p), value.isFinite, value >= 0, value <= GraphValidator.maximumCount {
                    count = value
                } else {
                    report(.other("invalid count '\(shown(field))': a count is a number of observed moves, from 0 to 1e15"), field)
                }
            }
        }

        var note: String?
        let notePosition = positionOf[EdgeListField.note.index]
        if notePosition >= 0 {
            let field = fields[notePosition]
            if !field.isEmpty {
                note = Self.text(field, in: p)
                if note == nil { report(.other("the note is not UTF-8 text"), field) }
            }
        }

        guard let from, let to, problemCount == before else { return }
        if count == 0 {
            summary.zeroCountRows += 1
            if options.strict {
                report(.other("a row with count 0 (no observed move); --strict refuses it, without --strict it is skipped"), fields[0])
            }
            return
        }
        if from == to {
            guard kind == .transition else {
                report(.selfRelation(kind, RoleID(shown(fromField))), fields[0])
                return
            }
            summary.selfMoves += 1
            if options.strict {
                report(.other("a self-move from '\(shown(fromField))' to itself; --strict refuses it, without --strict it counts the role's stayers"), fields[0])
                return
            }
            if let count {
                if stayLog != nil {
                    stayLog!.append((from, count))
                } else {
                    addStays(count, to: from)
                }
            }
            return
        }
        endpoints.append((from, to))
        kinds.append(kind.code)
        efforts.append(effort ?? .nan)
        effortStated.append(stated)
        if countPosition >= 0 { counts.append(count ?? .nan) }
        rowLines.append(rows: 1, from: Int32(truncatingIfNeeded: fields[0].line))
        if notePosition >= 0 { notes.append(note) }
    }

    /// Adds `count` observed stayers to role `id`.
    mutating func addStays(_ count: Double, to id: Int32) {
        while stays.count <= Int(id) { stays.append(nil) }
        stays[Int(id)] = (stays[Int(id)] ?? 0) + count
    }

    static func parseKind(_ field: Field, in p: UnsafeRawBufferPointer) -> RelationKind? {
        let bytes = UnsafeRawBufferPointer(rebasing: p[field.start ..< field.end])
        if bytes.elementsEqual("transition".utf8) { return .transition }
        if bytes.elementsEqual("collaboration".utf8) { return .collaboration }
        if bytes.elementsEqual("stakeholder".utf8) { return .stakeholder }
        return nil
    }

    /// Parses a decimal number from bytes: `12`, `1.5`, `.5`, `-3`; anything else (exponents,
    /// `inf`, long mantissas) goes through `Double(String)`.
    static func parseNumber(_ field: Field, in p: UnsafeRawBufferPointer) -> Double? {
        var i = field.start
        let end = field.end
        var negative = false
        if p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+") {
            negative = p[i] == UInt8(ascii: "-")
            i += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var seenPoint = false
        var simple = i < end
        while i < end {
            let b = p[i]
            if b >= 0x30 && b <= 0x39 {
                mantissa = mantissa &* 10 &+ UInt64(b - 0x30)
                digits += 1
                if seenPoint { fractionDigits += 1 }
            } else if b == UInt8(ascii: ".") && !seenPoint {
                seenPoint = true
            } else {
                simple = false
                break
            }
            i += 1
        }
        if simple && digits > 0 && digits <= 15 {
            // Both operands are exact, so the quotient is correctly rounded.
            let value = Double(mantissa) / Self.powersOfTen[fractionDigits]
            return negative ? -value : value
        }
        return text(field, in: p).flatMap(DecimalNumber.parse)
    }

    static let powersOfTen: [Double] = (0...15).map { (0..<$0).reduce(1.0) { r, _ in r * 10 } }

    // MARK: After the pass

    /// Merges each relation stated again into its first row (counts summed; a stated effort kept,
    /// two different stated efforts an error naming both lines; the first note kept), counting
    /// the merged rows in the summary (errors under --strict). Rows are grouped by source with a
    /// stable counting sort and each source's targets marked, so it takes O(*R* + *E*) time and no
    /// hashing.
    ///
    /// - Returns: for each row, whether it stays (`false` for a row merged into an earlier one).
    mutating func aggregate(_ chunking: EdgeListChunking) -> [Bool] {
        let roleCount = interner.count
        let edgeCount = endpoints.count
        var keep = [Bool](largeRepeating: true, count: edgeCount)
        // Two passes, each split into parts run at once: rows grouped by their key's source (a
        // stable counting sort, each part placing its own rows after the earlier parts'), then
        // each part of the sources marking its rows' targets. The repeats are sorted by row at
        // the end, so the result is the serial one. When the file has each source's rows
        // together already, the sort is skipped (``aggregateGrouped``).
        let rowParts = chunking.parts(count: edgeCount)
        var repeats: [(row: Int, first: Int)] = []
        groupingToldWhileReading = chunking.tellsGroupingWhileReading && sourceRuns.grouped(rowCount: edgeCount) != nil
        if chunking.findsRepeatsInGroups,
           let grouped = aggregateGrouped(rowParts, roleCount: roleCount, usingRuns: chunking.tellsGroupingWhileReading) {
            repeats = grouped
            foundRepeatsInGroups = true
        } else {
            var order = [Int32](largeRepeating: 0, count: edgeCount)
            endpoints.withUnsafeBufferPointer { endpoints in
                kinds.withUnsafeBufferPointer { kinds in
                    let rows = SharedInput(endpoints), rowKinds = SharedInput(kinds)
                    @Sendable @inline(__always) func keyOf(_ e: Int) -> (from: Int32, to: Int32) {
                        Self.key(rows.buffer[e], kind: rowKinds.buffer[e])
                    }
                    // next[part * roleCount + v]: the rows of the part keyed from v, then where the
                    // part places the first of them.
                    var next = [Int](largeRepeating: 0, count: rowParts.count * roleCount)
                    // Whether each part has a row other than a transition: when none has, a key's
                    // kind need not be told apart, and the marking tables are a third of the size.
                    var mixed = [Bool](repeating: false, count: rowParts.count)
                    next.withUnsafeMutableBufferPointer { next in
                        mixed.withUnsafeMutableBufferPointer { mixed in
                            let counts = SharedPointer(next), found = SharedPointer(mixed)
                            rowParts.forEach { part, range in
                                let counts = counts.base + part * roleCount
                                var other = false
                                for e in range {
                                    counts[Int(keyOf(e).from)] += 1
                                    other = other || rowKinds.buffer[e] != RelationKind.transition.code
                                }
                                found.base[part] = other
                            }
                        }
                    }
                    let kindCount = mixed.contains(true) ? 3 : 1
                    let start = rowParts.startSlots(&next, buckets: roleCount)
                    next.withUnsafeMutableBufferPointer { next in
                        order.withUnsafeMutableBufferPointer { order in
                            let slots = SharedPointer(next), placed = SharedPointer(order)
                            rowParts.forEach { part, range in
                                let next = slots.base + part * roleCount
                                for e in range {
                                    let v = Int(keyOf(e).from)
                                    placed.base[Int(next[v])] = Int32(truncatingIfNeeded: e)
                                    next[v] += 1
                                }
                            }
                        }
                    }
                    // The sources in parts of about as many rows each; each part marks its rows
                    // with marks of its own (``RepeatMarks``), a source at a time.
                    var bounds = [0]
                    for part in 1 ..< rowParts.count {
                        var v = bounds[part - 1]
                        while v < roleCount && Int(start[v]) < edgeCount * part / rowParts.count { v += 1 }
                        bounds.append(v)
                    }
                    bounds.append(roleCount)
                    let sourceParts = ContiguousParts(ranges: (0 ..< rowParts.count).map { bounds[$0] ..< bounds[$0 + 1] })
                    var found = [[(row: Int, first: Int)]](repeating: [], count: sourceParts.count)
                    found.withUnsafeMutableBufferPointer { found in
                        order.withUnsafeBufferPointer { order in
                            start.withUnsafeBufferPointer { start in
                                let out = SharedPointer(found), order = SharedInput(order), start = SharedInput(start)
                                sourceParts.forEach { part, sources in
                                    out.base[part] = RepeatMarks.repeats(roleCount: roleCount, kindCount: kindCount) { marks in
                                        for v in sources {
                                            for slot in Int(start.buffer[v]) ..< Int(start.buffer[v + 1]) {
                                                let e = Int(order.buffer[slot])
                                                marks.mark(row: e, key: keyOf(e), kind: rowKinds.buffer[e])
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                    repeats = found.flatMap { $0 }
                }
            }
        }
        guard !repeats.isEmpty else { return keep }
        repeats.sort { $0.row < $1.row }
        for (e, f) in repeats {
            keep[e] = false
            summary.aggregatedRows += 1
            let from = RoleID(String(decoding: interner.bytes(at: Int(endpoints[e].from)), as: UTF8.self))
            let to = RoleID(String(decoding: interner.bytes(at: Int(endpoints[e].to)), as: UTF8.self))
            if effortStated[e] && effortStated[f] && efforts[e] != efforts[f] {
                report(.other("conflicting efforts for the \(RelationKind(code: kinds[e])!.rawValue) '\(from)' → '\(to)': "
                              + "\(formatNumber(efforts[f].isNaN ? 1 : efforts[f])) at line \(rowLines[f]), \(formatNumber(efforts[e].isNaN ? 1 : efforts[e])) at line \(rowLines[e])"),
                       at: SourceLocation(file: file, line: Int(rowLines[e]), column: 1))
                continue
            }
            if options.strict {
                report(.other("the \(RelationKind(code: kinds[e])!.rawValue) '\(from)' → '\(to)' repeats line \(rowLines[f]); --strict refuses repeated rows, without --strict they are aggregated"),
                       at: SourceLocation(file: file, line: Int(rowLines[e]), column: 1))
                continue
            }
            if effortStated[e] && !effortStated[f] {
                efforts[f] = efforts[e]
                effortStated[f] = true
            }
            if !counts.isEmpty, !counts[e].isNaN { counts[f] = (counts[f].isNaN ? 0 : counts[f]) + counts[e] }
            if !notes.isEmpty && notes[f] == nil { notes[f] = notes[e] }
        }
        return keep
    }


    /// The key a row is merged by: its endpoints, a collaboration's smaller one first (a
    /// collaboration is the same relation read either way).
    @inline(__always)
    static func key(_ endpoints: (from: Int32, to: Int32), kind: UInt8) -> (from: Int32, to: Int32) {
        let (a, b) = endpoints
        return kind == RelationKind.collaboration.code && b < a ? (b, a) : (a, b)
    }

    /// ``aggregate(_:)``'s repeated rows, each with the first row it repeats, in row order, when
    /// every key source's rows are consecutive in the file, as a transition file that lists each
    /// role's moves together has them; `nil` when some source's rows are not (the caller then
    /// groups them with a counting sort).
    ///
    /// Grouped rows are marked in file order: each part, cut where a source's run starts, marks
    /// its rows' keys with a table of its own, and a key's first row is the first one marked, as
    /// after the sort. Whether the rows are grouped was told while reading when the fast path read
    /// them all (``sourceRuns``, when `usingRuns`); otherwise one serial pass finds out, stopping
    /// at the first source seen again after another. The sort either saves is two passes and an
    /// array of the row count.
    ///
    /// - Complexity: O(*E* + *R*) for *E* rows and *R* roles.
    private func aggregateGrouped(_ rowParts: ContiguousParts, roleCount: Int, usingRuns: Bool) -> [(row: Int, first: Int)]? {
        let edgeCount = endpoints.count
        guard edgeCount > 0 else { return [] }
        // Told while reading when the fast path read every row (all of them transitions), else
        // found here.
        let told = usingRuns ? sourceRuns.grouped(rowCount: edgeCount) : nil
        if told == false { return nil }
        return endpoints.withUnsafeBufferPointer { endpoints -> [(row: Int, first: Int)]? in
            kinds.withUnsafeBufferPointer { kinds -> [(row: Int, first: Int)]? in
                let mixed: Bool
                if told == true {
                    mixed = false
                } else {
                    guard let found = Self.mixedKindsIfGrouped(endpoints, kinds: kinds, roleCount: roleCount) else { return nil }
                    mixed = found
                }
                let kindCount = mixed ? 3 : 1
                // The row parts, each boundary moved forward to the start of a source's run.
                var bounds = rowParts.ranges.map(\.lowerBound) + [edgeCount]
                for part in 1 ..< rowParts.ranges.count {
                    var cut = max(bounds[part], bounds[part - 1])
                    while cut < edgeCount && cut > 0
                        && Self.key(endpoints[cut], kind: kinds[cut]).from == Self.key(endpoints[cut - 1], kind: kinds[cut - 1]).from {
                        cut += 1
                    }
                    bounds[part] = cut
                }
                let parts = ContiguousParts(ranges: (0 ..< rowParts.ranges.count).map { bounds[$0] ..< bounds[$0 + 1] })
                let rows = SharedInput(endpoints), rowKinds = SharedInput(kinds)
                var found = [[(row: Int, first: Int)]](repeating: [], count: parts.count)
                found.withUnsafeMutableBufferPointer { found in
                    let out = SharedPointer(found)
                    parts.forEach { part, range in
                        guard !range.isEmpty else { return }
                        out.base[part] = RepeatMarks.repeats(roleCount: roleCount, kindCount: kindCount) { marks in
                            if mixed {
                                for e in range {
                                    let kind = rowKinds.buffer[e]
                                    marks.mark(row: e, key: Self.key(rows.buffer[e], kind: kind), kind: kind)
                                }
                            } else {
                                // Every row a transition: its key is its endpoints as they are.
                                for e in range { marks.mark(row: e, transition: rows.buffer[e]) }
                            }
                        }
                    }
                }
                return found.flatMap { $0 }
            }
        }
    }

    /// When every key source's rows are consecutive in `endpoints` (with their `kinds`), whether
    /// any row is not a transition; `nil` at the first source seen again after another. One
    /// serial pass, which stops there.
    ///
    /// - Complexity: O(*E* + *R*) for *E* rows and *R* roles.
    static func mixedKindsIfGrouped(_ endpoints: UnsafeBufferPointer<(from: Int32, to: Int32)>, kinds: UnsafeBufferPointer<UInt8>,
                                    roleCount: Int) -> Bool? {
        var started = [Bool](repeating: false, count: roleCount)
        var previous: Int32 = -1
        var mixed = false
        for e in endpoints.indices {
            let kind = kinds[e]
            mixed = mixed || kind != RelationKind.transition.code
            let source = key(endpoints[e], kind: kind).from
            if source != previous {
                if started[Int(source)] { return nil }
                started[Int(source)] = true
                previous = source
            }
        }
        return mixed
    }

    /// The distinct ids, read in place from the interner's arena (a `String` is made for an id
    /// only when it is asked for); an id that is not UTF-8 is reported where it was first seen.
    ///
    /// Only an id with a byte outside ASCII can fail, and only those have a place recorded
    /// (``firstSeen``), in index order: they are the only ids checked here.
    ///
    /// - Complexity: O(*b*) for the *b* bytes of the ids outside ASCII.
    mutating func checkedRoleIDs() -> RoleIDs {
        for seen in firstSeen where !interner.isUTF8(at: Int(seen.id)) {
            report(.other("role id is not UTF-8 text"), at: location(line: seen.line, lineStart: seen.lineStart, offset: seen.offset))
        }
        return interner.roleIDs
    }

    func finalDiagnostics() -> [Diagnostic] {
        // Problems found after the pass (duplicates, ids) are merged into file order.
        var sorted = diagnostics.enumerated().sorted { a, b in
            let la = a.element.location?.line ?? .max, lb = b.element.location?.line ?? .max
            if la != lb { return la < lb }
            let ca = a.element.location?.column ?? 0, cb = b.element.location?.column ?? 0
            if ca != cb { return ca < cb }
            return a.offset < b.offset
        }.map(\.element)
        if problemCount > sorted.count {
            let more = problemCount - sorted.count
            sorted.append(Diagnostic(.other("… and \(more) more problem\(more == 1 ? "" : "s")")))
        }
        return sorted
    }

    /// The network of the rows read, with the ids `ids` (and their hashes), keeping the rows
    /// `keep` marks (the others were merged into an earlier row): the parser's columns are moved
    /// into it, and this parser is left without them.
    ///
    /// - Complexity: O(*E* + *R*) for *E* rows and *R* roles.
    mutating func makeGraph(_ ids: RoleIDs, idHashes: Column<UInt64>, keeping keep: [Bool]) -> RoleGraph {
        let area = EdgeListReader.defaultArea
        let stays = self.stays.isEmpty ? [] : (0 ..< ids.count).map { i in i < self.stays.count ? self.stays[i] ?? .nan : .nan }
        // The relations stay columns (the rich values are made only when asked for): the
        // parser's arrays, moved out of it, with the rows merged into another taken out in place
        // (each kept row moved down over them, in order), so that no second copy of the columns
        // is made.
        var kept = (endpoints: endpoints, kinds: kinds, efforts: efforts, counts: counts, notes: notes)
        (endpoints, kinds, efforts, counts, notes) = ([], [], [], [], [])
        if let firstDropped = keep.firstIndex(of: false) {
            let hasNotes = !kept.notes.isEmpty, hasCounts = !kept.counts.isEmpty
            var next = firstDropped
            keep.withUnsafeBufferPointer { keep in
                kept.endpoints.withUnsafeMutableBufferPointer { endpoints in
                    kept.kinds.withUnsafeMutableBufferPointer { kinds in
                        kept.efforts.withUnsafeMutableBufferPointer { efforts in
                            for e in firstDropped + 1 ..< endpoints.count where keep[e] {
                                endpoints[next] = endpoints[e]
                                kinds[next] = kinds[e]
                                efforts[next] = efforts[e]
                                next += 1
                            }
                        }
                    }
                }
            }
            if hasCounts || hasNotes {
                var at = firstDropped
                for e in firstDropped + 1 ..< keep.count where keep[e] {
                    if hasCounts { kept.counts[at] = kept.counts[e] }
                    if hasNotes { kept.notes[at] = kept.notes[e] }
                    at += 1
                }
            }
            kept.endpoints.removeSubrange(next...)
            kept.kinds.removeSubrange(next...)
            kept.efforts.removeSubrange(next...)
            if hasCounts { kept.counts.removeSubrange(next...) }
            if hasNotes { kept.notes.removeSubrange(next...) }
        }
        let columns = RelationColumns(roleIDs: ids, endpoints: Column(kept.endpoints), kinds: Column(kept.kinds),
                                      efforts: Column(kept.efforts), counts: Column(kept.counts), notes: kept.notes)
        let base = file.split(separator: "/").last.map(String.init) ?? file
        let name = base.split(separator: ".").first.map(String.init) ?? base
        return RoleGraph(edgeList: name, source: file, area: area, ids: ids, stays: stays, relations: columns, idHashes: idHashes)
    }
}
