// The parser's fast path for the rows of a plain transition file, and the batches it reads them
// in.
//
// Nearly every row of a large edge list is plain: its fields are unquoted, or ids quoted simply
// (a title with a comma, "Managers, All Other": no doubled quote, no line break), none is empty
// or padded with spaces, the numbers are short decimals in range, and the row ends at a line
// break. Such a row needs none of what the general row reader (`readRow` and `readEdge`)
// prepares for the rest (a `Field` per value with its place for diagnostics, the header's
// columns looked up per row, text for a kind or a note), so it is read here, with one scan of
// its bytes. Any row that is not plain goes to the general reader unchanged, which reports it
// or reads it as it always has: the two paths read a file into exactly the same columns,
// interned ids and diagnostics.
//
// The rows are read in batches: the first pass over a batch (`findRows`, compiled for the
// header's columns when they are one of the usual shapes, `SimpleRowShape`) finds each row's
// fields (their ends taken in order from a `DelimiterCursor`, which classifies the bytes 64 at a
// time), checks them and hashes its ids, and asks the processor for the id table's slots those
// hashes probe (``ByteInterner/prefetch(hash:)``); the second interns the ids and appends the
// rows. On a network of many roles the table is larger than the caches, and a probe's first load
// is a miss for nearly every `to` id: fetched a batch ahead, those misses overlap instead of each
// stalling the parse in turn.

/// Where a plain row's values are, for the columns the fast path reads.
struct SimpleRowColumns {
    /// How many fields a row has.
    let fieldCount: Int
    let from: Int
    let to: Int
    /// -1 when the file has no such column.
    let effort: Int
    let count: Int
    /// What each field is, two bits a field from the first (the lowest): 0 `from`, 1 `to`,
    /// 2 `effort`, 3 `count`, so that a row's scan takes each field's from one register.
    let roles: UInt64

    /// The header's columns, when they are all ones the fast path reads (`from`, `to`, `effort`
    /// and `count`); `nil` when a `kind` or `note` column (whose values need text work) is there.
    init?(_ columnOf: [EdgeListField?], _ positionOf: [Int]) {
        guard columnOf.allSatisfy({ $0 == .from || $0 == .to || $0 == .effort || $0 == .count }) else { return nil }
        fieldCount = columnOf.count
        from = positionOf[EdgeListField.from.index]
        to = positionOf[EdgeListField.to.index]
        effort = positionOf[EdgeListField.effort.index]
        count = positionOf[EdgeListField.count.index]
        guard from >= 0, to >= 0 else { return nil }
        // A header names each column at most once, so a plain row has at most these four fields.
        var roles: UInt64 = 0
        for (k, column) in columnOf.enumerated() {
            let role: UInt64 = switch column { case .from: 0; case .to: 1; case .effort: 2; default: 3 }
            roles |= role << UInt64(2 * k)
        }
        self.roles = roles
    }
}

/// One plain row, found and checked by a batch's first pass.
struct SimpleRow {
    var lineStart = 0
    /// Where the next line starts.
    var next = 0
    /// Each id's bytes (inside the quotes of a quoted one).
    var fromStart = 0
    var fromEnd = 0
    var toStart = 0
    var toEnd = 0
    /// Where each id's field starts (its opening quote, if quoted), for the place a problem with
    /// the id is reported at.
    var fromOffset = 0
    var toOffset = 0
    var fromPrefix: (UInt64, UInt64) = (0, 0)
    var toPrefix: (UInt64, UInt64) = (0, 0)
    /// Whether the `from` id is the one of the row read before (on the fast path): it is then
    /// neither hashed nor looked up again.
    var fromRepeats = false
    /// The `from` id's hash, unless it repeats.
    var fromHash: UInt64 = 0
    var toHash: UInt64 = 0
    /// NaN when the row states none.
    var effort = Double.nan
    var count = Double.nan
}

extension EdgeListParser {
    /// How many rows a batch holds: enough that a slot fetched in its first pass has arrived by
    /// the second, and few enough that the batch's bytes are still in the cache for it.
    static let simpleBatch = 16

    /// How many kept rows wait in a batch's columns before they are appended to the parser's
    /// (a whole number of batches): each append checks its array and copies through a call,
    /// which for a batch's 16 rows cost about as much as finding one of them.
    static let simpleAppend = 8 * simpleBatch

    /// Reads every row from `pos` to `n`, each plain one on the fast path: with a scan compiled
    /// for the columns when they are one of the usual shapes (`from,to` with an effort, a count,
    /// both or neither, in that order), else with one that reads each field's role as it comes.
    ///
    /// - Complexity: O(*n*) for the *n* bytes of the rows.
    mutating func readSimpleRows(_ columns: SimpleRowColumns) {
        switch (columns.fieldCount, columns.roles) {
        case (2, FromTo().roles): readSimpleRows(FromTo())
        case (3, FromToEffort().roles): readSimpleRows(FromToEffort())
        case (3, FromToCount().roles): readSimpleRows(FromToCount())
        case (4, FromToEffortCount().roles): readSimpleRows(FromToEffortCount())
        default: readSimpleRows(AnySimpleRowShape(columns))
        }
    }

    /// ``readSimpleRows(_:)`` for rows of the shape `shape`, whose fields' scan is then
    /// specialised to it when it is one of the usual shapes.
    ///
    /// - Complexity: O(*n*) for the *n* bytes of the rows.
    private mutating func readSimpleRows<Shape: SimpleRowShape>(_ shape: Shape) {
        let scanner = SimpleRowScanner(p: p, n: n, separator: separator)
        let batch = SimpleBatch()
        defer { batch.deallocate() }
        // The last `from` id interned here: a transition file usually lists a role's moves
        // together, so most rows repeat the one above and need no hash or probe.
        var lastFrom: (length: Int, prefix: (UInt64, UInt64), index: Int32) = (-1, (0, 0), 0)
        // The delimiters from `cursorAt` on; -1 when the cursor is not at a row's start (a row the
        // fast path did not read stopped it somewhere in that row).
        var cursor = DelimiterCursor(p, end: n, separator: separator, at: pos)
        var cursorAt = pos
        // The rows kept and not yet appended: `kept` of them, from consecutive lines from
        // `keptFrom`. They are appended before any row the general reader reads (a self-move
        // here, or the line a batch stopped at), so the columns keep the file's order.
        var kept = 0, keptFrom = line
        while pos < n {
            assert(kept &+ Self.simpleBatch <= Self.simpleAppend, "no room in the batch's columns for a batch")
            if cursorAt != pos { cursor.reset(to: pos) }
            let (found, scan) = scanner.findRows(from: pos, into: batch.rows, cursor: &cursor, shape: shape,
                                                 after: (lastFrom.length, lastFrom.prefix), prefetchingIn: interner)
            cursorAt = found == Self.simpleBatch || scan >= n ? scan : -1
            // Where the rows read go on: after the last one, or after the general reader's row.
            var resume = pos
            for k in 0 ..< found {
                // Only the fields this row's use need are loaded.
                let row = batch.rows + k
                let from: Int32
                if row.pointee.fromRepeats {
                    from = lastFrom.index
                } else {
                    let fromPrefix = row.pointee.fromPrefix
                    let key = scanner.bytes(row.pointee.fromStart, row.pointee.fromEnd)
                    let result = interner.intern(key, fromPrefix.0, fromPrefix.1, hash: row.pointee.fromHash)
                    if result.inserted {
                        noteFirstSeen(result.index, isASCII: ByteInterner.isASCII(key, fromPrefix),
                                      line: line, lineStart: row.pointee.lineStart, offset: row.pointee.fromOffset)
                    }
                    from = result.index
                    lastFrom = (key.count, fromPrefix, from)
                }
                let toPrefix = row.pointee.toPrefix
                let toKey = scanner.bytes(row.pointee.toStart, row.pointee.toEnd)
                let to = interner.intern(toKey, toPrefix.0, toPrefix.1, hash: row.pointee.toHash)
                if to.inserted {
                    noteFirstSeen(to.index, isASCII: ByteInterner.isASCII(toKey, toPrefix),
                                  line: line, lineStart: row.pointee.lineStart, offset: row.pointee.toOffset)
                }
                if from == to.index {
                    // A self-move: the general reader counts it (its ids are interned now, so
                    // it finds them and records nothing again), after the rows before it.
                    appendRows(batch, kept, firstLine: keptFrom, hasEfforts: shape.hasEffort, hasCounts: shape.hasCount)
                    kept = 0
                    pos = row.pointee.lineStart
                    lineStart = pos
                    readGeneralRow()
                    resume = pos
                    continue
                }
                batch.endpoints[kept] = (from, to.index)
                sourceRuns.append(source: from)
                // A row of a shape with an effort states one; of one with a count, a count.
                batch.efforts[kept] = shape.hasEffort ? row.pointee.effort : 1
                if shape.hasCount { batch.counts[kept] = row.pointee.count }
                if kept == 0 { keptFrom = line }
                kept &+= 1
                line &+= 1
                resume = row.pointee.next
            }
            pos = resume
            lineStart = resume
            plainRowsRead &+= found
            if kept > Self.simpleAppend &- Self.simpleBatch || found < Self.simpleBatch {
                appendRows(batch, kept, firstLine: keptFrom, hasEfforts: shape.hasEffort, hasCounts: shape.hasCount)
                kept = 0
            }
            if found < Self.simpleBatch && pos < n {
                // The line at `pos` is not a plain row: blank or comment lines are skipped (and
                // the rows after them tried on the fast path again), anything else is read by
                // the general reader.
                let line = pos
                skipBlankAndCommentLines()
                if pos >= n { break }
                if pos == line {
                    guard readGeneralRow() else { break }
                }
            }
            if releasesBehind && lineStart &- releasedUpTo >= EdgeListReader.releaseStride { releaseBehind() }
        }
        // Every way out of the loop but its end appends the rows kept first.
        appendRows(batch, kept, firstLine: keptFrom, hasEfforts: shape.hasEffort, hasCounts: shape.hasCount)
    }

    /// Appends the first `count` rows of `batch`, read from consecutive lines from `firstLine`,
    /// to the columns: one copy per column per ``simpleAppend`` rows rather than one append per
    /// value.
    @inline(__always)
    private mutating func appendRows(_ batch: SimpleBatch, _ count: Int, firstLine: Int, hasEfforts: Bool, hasCounts: Bool) {
        guard count > 0 else { return }
        endpoints.append(contentsOf: UnsafeBufferPointer(start: batch.endpoints, count: count))
        // The kinds and the stated flags from buffers of the same value: the array's append of a
        // repeated value goes element by element.
        kinds.append(contentsOf: UnsafeBufferPointer(start: batch.transitions, count: count))
        efforts.append(contentsOf: UnsafeBufferPointer(start: batch.efforts, count: count))
        effortStated.append(contentsOf: UnsafeBufferPointer(start: hasEfforts ? batch.trues : batch.falses, count: count))
        if hasCounts { counts.append(contentsOf: UnsafeBufferPointer(start: batch.counts, count: count)) }
        rowLines.append(rows: count, from: Int32(truncatingIfNeeded: firstLine))
    }
}

/// A batch's rows as found, and the values of the rows kept (of this batch and those before it,
/// up to ``EdgeListParser/simpleAppend``), column by column, until they are appended to the
/// parser's columns.
private struct SimpleBatch {
    let rows: UnsafeMutablePointer<SimpleRow> = {
        let rows = UnsafeMutablePointer<SimpleRow>.allocate(capacity: EdgeListParser.simpleBatch)
        rows.initialize(repeating: SimpleRow(), count: EdgeListParser.simpleBatch)
        return rows
    }()
    let endpoints = UnsafeMutablePointer<(from: Int32, to: Int32)>.allocate(capacity: EdgeListParser.simpleAppend)
    let efforts = UnsafeMutablePointer<Double>.allocate(capacity: EdgeListParser.simpleAppend)
    let counts = UnsafeMutablePointer<Double>.allocate(capacity: EdgeListParser.simpleAppend)
    /// A batch's worth of the transition kind's code, of `true` and of `false`.
    let transitions = Self.filled(RelationKind.transition.code)
    let trues = Self.filled(true)
    let falses = Self.filled(false)

    private static func filled<T>(_ value: T) -> UnsafeMutablePointer<T> {
        let buffer = UnsafeMutablePointer<T>.allocate(capacity: EdgeListParser.simpleAppend)
        buffer.initialize(repeating: value, count: EdgeListParser.simpleAppend)
        return buffer
    }

    func deallocate() {
        rows.deallocate()
        endpoints.deallocate()
        efforts.deallocate()
        counts.deallocate()
        transitions.deallocate()
        trues.deallocate()
        falses.deallocate()
    }
}

/// The bytes of an edge list's rows, read for plain rows: only plain values, so that a scan
/// holds no reference and copies nothing.
struct SimpleRowScanner {
    let p: UnsafeRawBufferPointer
    /// Where the rows being read end.
    let n: Int
    let separator: UInt8
    /// ``EdgeListParser/powersOfTen``, held here so that a row's number reads no lazily made
    /// global (each read of one checks that it has been made).
    let powersOfTen = EdgeListParser.powersOfTen
    /// The bytes below 64 that a plain field may not start with, as bits: a quote, a space, and a
    /// tab unless it separates the fields (a field that starts or ends with one is padded).
    let refusedAtStart: UInt64
    /// The bytes below 64 that a plain field may not end with: a space, and a tab unless it
    /// separates the fields.
    let refusedAtEnd: UInt64
    /// The last position from which the input holds 16 bytes (negative when it is shorter).
    let wordsEnd: Int

    init(p: UnsafeRawBufferPointer, n: Int, separator: UInt8) {
        self.p = p
        self.n = n
        self.separator = separator
        let spaces: UInt64 = 1 << 0x20 | (separator == 0x09 ? 0 : 1 << 0x09)
        refusedAtStart = spaces | 1 << UInt64(UInt8(ascii: "\""))
        refusedAtEnd = spaces
        wordsEnd = p.count - 16
    }

    /// The bytes `start ..< end` of the input, which the caller has found inside it (unchecked:
    /// it is asked for every id a row interns).
    @inline(__always)
    func bytes(_ start: Int, _ end: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: p.baseAddress.unsafelyUnwrapped + start, count: end &- start)
    }

    /// Reads the plain rows from the line at `start` on into `rows`, up to
    /// ``EdgeListParser/simpleBatch`` of them, stopping at the first line that is not one
    /// (``read(rowAt:into:cursor:shape:)``) or at the end; hashes each row's ids and asks the
    /// processor for the slots of `interner` they probe. `previous` is the length and prefix of
    /// the `from` id of the row before: a `from` id that repeats the row above it is not hashed
    /// (`fromRepeats`).
    ///
    /// Out of line, called once a batch, with the row scan inlined into it
    /// (``read(rowAt:into:cursor:shape:)`` and its fields are `@_transparent`: the compiler did
    /// not honour `@inline(__always)` for them, and a call per field costs about as much as the
    /// field's checks), so that the scan is one loop compiled for the shape.
    ///
    /// - Returns: how many rows were read, and where the line after them starts.
    /// - Complexity: O(*m*) for the *m* bytes of the rows read.
    @inline(never)
    func findRows<Shape: SimpleRowShape>(from start: Int, into rows: UnsafeMutablePointer<SimpleRow>,
                                         cursor: inout DelimiterCursor, shape: Shape,
                                         after previous: (length: Int, prefix: (UInt64, UInt64)),
                                         prefetchingIn interner: ByteInterner) -> (found: Int, next: Int) {
        var delimiters = cursor
        defer { cursor = delimiters }
        var found = 0
        var scan = start
        var previous = previous
        while found < EdgeListParser.simpleBatch && scan < n && read(rowAt: scan, into: rows + found, cursor: &delimiters, shape: shape) {
            let row = rows + found
            let length = row.pointee.fromEnd &- row.pointee.fromStart
            let fromPrefix = row.pointee.fromPrefix
            let repeats = length <= 16 && length == previous.length && fromPrefix == previous.prefix
            row.pointee.fromRepeats = repeats
            if !repeats {
                row.pointee.fromHash = idHash(row.pointee.fromStart, row.pointee.fromEnd, fromPrefix)
                interner.prefetch(hash: row.pointee.fromHash)
            }
            previous = (length, fromPrefix)
            row.pointee.toHash = idHash(row.pointee.toStart, row.pointee.toEnd, row.pointee.toPrefix)
            interner.prefetch(hash: row.pointee.toHash)
            found &+= 1
            scan = row.pointee.next
        }
        return (found, scan)
    }

    /// Reads the plain row on the line at `start` into `slot` (an initialised row), taking its
    /// fields' ends from `cursor`, whose next delimiter is the first at or after `start`; `false`
    /// when the line is not one: a field empty or padded with spaces, quoted other than as a
    /// plain quoted id (``closingQuote(after:)``), a number the fast path does not read or out of
    /// range, a line not ending in a line feed (or CRLF), a comment, or another number of fields
    /// than the header's. After a row it reads, the cursor's next delimiter is the first after
    /// the row; after one it does not, the cursor is anywhere.
    ///
    /// The fields are read one after another, not in a loop, so that a shape known when this is
    /// compiled reads each field's role as a constant.
    ///
    /// - Complexity: O(*m*) for a line of *m* bytes.
    @_transparent
    func read<Shape: SimpleRowShape>(rowAt start: Int, into slot: UnsafeMutablePointer<SimpleRow>,
                                     cursor: inout DelimiterCursor, shape: Shape) -> Bool {
        // Nothing is reset: a row it accepts has every field of the shape written by the scan,
        // and the fields of the columns the shape does not have are never written (a
        // `SimpleRow` is plain data, and the batch's rows are initialised once, with no effort or
        // count, for one shape).
        slot.pointee.lineStart = start
        var fieldStart = start
        // The row's first field may not be a comment.
        guard field(0, of: shape, at: &fieldStart, into: slot, cursor: &cursor, refusing: refusedAtStart | 1 << UInt64(UInt8(ascii: "#"))),
              field(1, of: shape, at: &fieldStart, into: slot, cursor: &cursor, refusing: refusedAtStart) else { return false }
        if shape.fieldCount > 2 {
            guard field(2, of: shape, at: &fieldStart, into: slot, cursor: &cursor, refusing: refusedAtStart) else { return false }
            if shape.fieldCount > 3 {
                guard field(3, of: shape, at: &fieldStart, into: slot, cursor: &cursor, refusing: refusedAtStart) else { return false }
            }
        }
        return true
    }

    /// Reads field `column` of a row of the shape `shape`, which starts at `fieldStart`, into
    /// `slot`, and then its separator (moving `fieldStart` to the next field) or its line's end
    /// (setting the row's `next`); `false` when it is not plain. A field may not start with a
    /// byte under 64 whose bit is set in `refused`.
    ///
    /// - Complexity: O(*m*) for a field of *m* bytes.
    @_transparent
    func field<Shape: SimpleRowShape>(_ column: Int, of shape: Shape, at fieldStart: inout Int,
                                              into slot: UnsafeMutablePointer<SimpleRow>,
                                              cursor: inout DelimiterCursor, refusing refused: UInt64) -> Bool {
        let base = p.baseAddress.unsafelyUnwrapped
        let role = shape.role(column)
        // The field's end, and its value's bytes (inside the quotes of a quoted id).
        var i = cursor.next()
        guard i > fieldStart else { return false }
        var valueStart = fieldStart, valueEnd = i
        let first = base.load(fromByteOffset: fieldStart, as: UInt8.self)
        if first == UInt8(ascii: "\"") && role < 2 {
            // A quoted id ("Managers, All Other"): plain when it closes on its line, holds no
            // doubled quote and is not empty, and a delimiter follows the closing quote.
            guard let close = closingQuote(after: fieldStart) else { return false }
            valueStart = fieldStart &+ 1
            valueEnd = close
            i = close &+ 1
            // The delimiters inside the quotes are not the row's: the cursor goes on from
            // the one after them.
            cursor.reset(to: i)
            _ = cursor.next()
        } else {
            let last = base.load(fromByteOffset: i &- 1, as: UInt8.self)
            // Each set: a byte under 64 whose bit is set (a quoted number is refused here).
            if first < 64 && refused &>> UInt64(first) & 1 != 0 { return false }
            if last < 64 && refusedAtEnd &>> UInt64(last) & 1 != 0 { return false }
        }
        switch role {
        case 0:
            slot.pointee.fromStart = valueStart
            slot.pointee.fromEnd = valueEnd
            slot.pointee.fromOffset = fieldStart
            slot.pointee.fromPrefix = prefix(valueStart, valueEnd)
        case 1:
            slot.pointee.toStart = valueStart
            slot.pointee.toEnd = valueEnd
            slot.pointee.toOffset = fieldStart
            slot.pointee.toPrefix = prefix(valueStart, valueEnd)
        case 2:
            guard let value = simpleNumber(fieldStart, i, above: 0, atMost: GraphValidator.maximumEffort) else { return false }
            slot.pointee.effort = value
        default:
            // The count: 0 is left to the general reader, which counts the row skipped.
            guard let value = simpleNumber(fieldStart, i, above: 0, atMost: GraphValidator.maximumCount) else { return false }
            slot.pointee.count = value
        }
        if column &+ 1 < shape.fieldCount {
            guard i < n && base.load(fromByteOffset: i, as: UInt8.self) == separator else { return false }
            fieldStart = i &+ 1
        } else if i == n {
            slot.pointee.next = n
        } else {
            let end = base.load(fromByteOffset: i, as: UInt8.self)
            if end == 0x0A {
                slot.pointee.next = i &+ 1
            } else if end == 0x0D && i &+ 1 < n && base.load(fromByteOffset: i &+ 1, as: UInt8.self) == 0x0A {
                // The line feed of the CRLF is a delimiter too: taken here, so that the
                // cursor's next one is after the row.
                _ = cursor.next()
                slot.pointee.next = i &+ 2
            } else {
                return false
            }
        }
        return true
    }

    /// Where the quoted field whose opening quote is at `open` closes, when it is a plain quoted
    /// id: a closing quote on the same line, not right after the opening one (an empty id), and
    /// followed by the end of the rows or a delimiter (a second quote there is a doubled quote,
    /// which the general reader unescapes; spaces or text there, it reports or trims); `nil`
    /// otherwise.
    ///
    /// - Complexity: O(*m*) for the *m* bytes up to the closing quote.
    @inline(__always)
    func closingQuote(after open: Int) -> Int? {
        let base = p.baseAddress.unsafelyUnwrapped
        var close = open &+ 1
        while close < n {
            let b = base.load(fromByteOffset: close, as: UInt8.self)
            if b == UInt8(ascii: "\"") { break }
            if b == 0x0A || b == 0x0D { return nil }
            close &+= 1
        }
        guard close < n, close > open &+ 1 else { return nil }
        if close &+ 1 < n {
            let after = base.load(fromByteOffset: close &+ 1, as: UInt8.self)
            guard after == separator || after == 0x0A || after == 0x0D else { return nil }
        }
        return close
    }

    /// ``ByteInterner/hash(_:_:_:)`` of the id at `start ..< end`, whose ``prefix(_:_:)`` is
    /// `prefix`: an id of up to 16 bytes is hashed from its prefix and length alone.
    @inline(__always)
    func idHash(_ start: Int, _ end: Int, _ prefix: (UInt64, UInt64)) -> UInt64 {
        let length = end &- start
        guard length <= 16 else { return longIDHash(start, end, prefix) }
        return ByteInterner.hash(UnsafeRawBufferPointer(start: nil, count: 0), prefix.0, prefix.1, length: length)
    }

    /// ``idHash(_:_:_:)`` of an id of more than 16 bytes: out of line, as ``slowPrefix(_:_:)``.
    @inline(never)
    private func longIDHash(_ start: Int, _ end: Int, _ prefix: (UInt64, UInt64)) -> UInt64 {
        ByteInterner.hash(bytes(start, end), prefix.0, prefix.1)
    }

    /// ``ByteInterner/prefix(_:)`` of the bytes `start ..< end`, with two whole-word loads when
    /// the input has 16 bytes from `start` (nearly always), masked to the key's length.
    @inline(__always)
    func prefix(_ start: Int, _ end: Int) -> (UInt64, UInt64) {
        let length = end &- start
        guard length < 16, start <= wordsEnd else { return slowPrefix(start, end) }
        let base = p.baseAddress.unsafelyUnwrapped
        let low = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: start, as: UInt64.self))
        let high = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: start &+ 8, as: UInt64.self))
        if length >= 8 {
            return (low, length == 8 ? 0 : high & (UInt64.max >> UInt64(8 &* (16 &- length))))
        }
        return (low & (UInt64.max >> UInt64(8 &* (8 &- length))), 0)
    }

    /// ``prefix(_:_:)`` of a key of 16 bytes or more, or of one in the input's last 16 bytes: out
    /// of line, so that the row's scan keeps its registers.
    @inline(never)
    private func slowPrefix(_ start: Int, _ end: Int) -> (UInt64, UInt64) {
        ByteInterner.prefix(bytes(start, end))
    }

    /// A number of the bytes `start ..< end` in the form ``EdgeListParser/parseNumber(_:in:)``
    /// reads without text (digits with at most one point, at most 15 digits, no sign), to the
    /// same value, when it is above `low` and at most `high` (both whole numbers); `nil` for
    /// anything else, which the general reader then reads or reports.
    ///
    /// The range is checked on the digits as an integer, so the row's checks never wait on the
    /// division that makes the value.
    ///
    /// - Complexity: O(*m*) for *m* bytes.
    @inline(__always)
    func simpleNumber(_ start: Int, _ end: Int, above low: Double, atMost high: Double) -> Double? {
        let base = p.baseAddress.unsafelyUnwrapped
        // The digits before a point, then those after it: two loops with one test a byte each.
        // (Past 19 digits the mantissa wraps, but such a number is refused below.)
        var mantissa: UInt64 = 0
        var i = start
        while i < end {
            let digit = base.load(fromByteOffset: i, as: UInt8.self) &- 0x30
            if digit >= 10 { break }
            mantissa = mantissa &* 10 &+ UInt64(digit)
            i &+= 1
        }
        var digits = i &- start
        var fractionDigits = 0
        if i < end {
            guard base.load(fromByteOffset: i, as: UInt8.self) == UInt8(ascii: ".") else { return nil }
            i &+= 1
            let fractionStart = i
            while i < end {
                let digit = base.load(fromByteOffset: i, as: UInt8.self) &- 0x30
                if digit >= 10 { return nil }
                mantissa = mantissa &* 10 &+ UInt64(digit)
                i &+= 1
            }
            fractionDigits = i &- fractionStart
            digits &+= fractionDigits
        }
        guard digits > 0 && digits <= 15 else { return nil }
        // whole / 10^f is compared as whole against the bounds times 10^f. `whole` (under 10^15)
        // and 0 · 10^f are exact Doubles, and so is 10^6 · 10^f, the largest effort's (up to
        // 10^21); a count's 10^15 · 10^f may round, but only when f > 0, where it is far above
        // any `whole` either way. The quotient rounded to a Double falls on the same side of
        // each bound as the exact one: 15 digits cannot come within half a unit in the last
        // place of 10^6 or 10^15 without reaching it.
        // Unchecked: `fractionDigits` is at most 15 here.
        let scale = powersOfTen.withUnsafeBufferPointer { $0[fractionDigits] }
        let whole = Double(Int64(bitPattern: mantissa))
        guard whole > low * scale && whole <= high * scale else { return nil }
        return whole / scale
    }
}

/// The columns of a plain row, as the fast path's scan reads them: how many fields it has and
/// what each one is. The usual shapes are types of their own, whose scan is compiled for them.
protocol SimpleRowShape {
    /// How many fields a row has: 2 to 4.
    var fieldCount: Int { get }
    /// What each field is, two bits a field from the first: as ``SimpleRowColumns/roles``.
    var roles: UInt64 { get }
    /// Whether a row has an effort, and a count.
    var hasEffort: Bool { get }
    var hasCount: Bool { get }
}

extension SimpleRowShape {
    /// What field `column` is: 0 `from`, 1 `to`, 2 `effort`, 3 `count`.
    @inline(__always)
    func role(_ column: Int) -> UInt64 { roles &>> UInt64(2 &* column) & 3 }
}

/// Any header's columns, read as they come.
struct AnySimpleRowShape: SimpleRowShape {
    let fieldCount: Int
    let roles: UInt64
    let hasEffort: Bool
    let hasCount: Bool

    init(_ columns: SimpleRowColumns) {
        fieldCount = columns.fieldCount
        roles = columns.roles
        hasEffort = columns.effort >= 0
        hasCount = columns.count >= 0
    }
}

/// `from,to`.
struct FromTo: SimpleRowShape {
    var fieldCount: Int { 2 }
    var roles: UInt64 { 0b01_00 }
    var hasEffort: Bool { false }
    var hasCount: Bool { false }
}

/// `from,to,effort`.
struct FromToEffort: SimpleRowShape {
    var fieldCount: Int { 3 }
    var roles: UInt64 { 0b10_01_00 }
    var hasEffort: Bool { true }
    var hasCount: Bool { false }
}

/// `from,to,count`: observed moves with how many made them.
struct FromToCount: SimpleRowShape {
    var fieldCount: Int { 3 }
    var roles: UInt64 { 0b11_01_00 }
    var hasEffort: Bool { false }
    var hasCount: Bool { true }
}

/// `from,to,effort,count`.
struct FromToEffortCount: SimpleRowShape {
    var fieldCount: Int { 4 }
    var roles: UInt64 { 0b11_10_01_00 }
    var hasEffort: Bool { true }
    var hasCount: Bool { true }
}
