import RoleGraphAlgorithms
import CByteClasses
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// When and how the edge-list reader splits a file's rows over threads.
///
/// The split never changes the result: the rows after the header are cut at line breaks into
/// consecutive chunks, each chunk is read by the one row parser (`EdgeListParser`) into its own
/// interner and columns, and the chunks are merged in file order into exactly what one pass over
/// the file makes (see `EdgeListParser.readRows(inChunks:)`). A file is split when that pays: it
/// is large and there is more than one core. A quoted field may hold a line break, so each cut is
/// placed at a line start after an even number of quotes (``linesOutsideQuotes(_:from:near:window:)``).
/// That count can be wrong (a quote inside an unquoted field), so it is checked: the chunk before
/// a cut that fell inside a quoted field ends inside it, which its parser notes
/// (`EdgeListParser.endedInsideQuotes`), and the file is then read again in one pass. The first
/// chunk starts at a row, so by induction a cut that no chunk ends inside a quoted field at is a
/// row's start too: files with quoted fields (titles such as "Managers, All Other", notes over
/// several lines) are split like any other.
struct EdgeListChunking: Sendable {
    /// Files smaller than this are read in one pass. A split costs a thread start, a second
    /// interning of each later chunk's distinct ids and a copy of its columns, and on a small file
    /// the whole parse is short enough that these would take most of what the second core saves;
    /// transition networks worth waiting for are tens of megabytes.
    static let minimumBytes = 4 << 20

    /// At most this many chunks, however many cores: the merge is sequential and re-interns
    /// every chunk's distinct ids, so past a few chunks it outweighs what another thread saves.
    static let maximumChunks = 8

    /// Inputs smaller than this many bytes are read in one pass.
    var minimumBytes: Int
    /// How many chunks to cut the rows into (1: one pass).
    var chunkCount: Int
    /// For tests: byte offsets to cut at instead of equal parts (each moved forward to the next
    /// line start; offsets before the rows cut right after the header).
    var cuts: [Int]?
    /// For tests: how many parts the pass after the parse that merges repeated rows splits its
    /// work into, however short it is; `nil` for one per processor
    /// on long work (``ContiguousParts/init(count:minimumPerPart:)``), and 1 for ``sequential``.
    var passParts: Int?
    /// Whether plain rows are read on the fast path (`EdgeListSimpleRows.swift`); `false` reads
    /// every row with the general row reader, which tests compare the fast path with.
    var readsPlainRows = true
    /// Whether repeated rows are found without sorting when each source's rows are together
    /// (``EdgeListParser/aggregateGrouped(_:roleCount:usingRuns:)``); `false` always sorts, which
    /// tests compare that path with.
    var findsRepeatsInGroups = true
    /// Whether that grouping is told while the fast path reads the rows (``SourceRuns``) when it
    /// reads them all; `false` always checks the rows after reading, which tests compare with.
    var tellsGroupingWhileReading = true
    /// How many bytes before each automatic cut's target are looked at for a quote
    /// (``linesOutsideQuotes(_:from:near:window:)``); tests make it small, so that a quoted field
    /// longer than it has a cut fall inside it.
    var quoteWindow = Self.quoteWindow

    /// ``quoteWindow``'s default: longer than any quoted field a transition file holds, and short
    /// enough that looking at it costs nothing beside the parse.
    static let quoteWindow = 64 << 10

    /// How a pass over `count` items after the parse splits them.
    ///
    /// - Complexity: O(number of parts).
    func parts(count: Int, minimumPerPart: Int = 1 << 16) -> ContiguousParts {
        if let passParts { return ContiguousParts(count: count, parts: passParts) }
        return ContiguousParts(count: count, minimumPerPart: minimumPerPart)
    }

    /// One chunk per active core (at most ``maximumChunks``), from ``minimumBytes`` on.
    static var automatic: EdgeListChunking {
        EdgeListChunking(minimumBytes: minimumBytes,
                         chunkCount: min(maximumChunks, Processors.active))
    }

    /// Always one pass, and every pass after it on one thread.
    static let sequential = EdgeListChunking(minimumBytes: .max, chunkCount: 1, passParts: 1)

    /// ``sequential``, every row read by the general row reader and repeated rows always found
    /// by sorting: the plainest reading, which tests take as the oracle.
    static let general = EdgeListChunking(minimumBytes: .max, chunkCount: 1, passParts: 1, readsPlainRows: false,
                                          findsRepeatsInGroups: false)

    /// The chunks to read the rows `rowsFrom ..< p.count` in (consecutive, each starting at a line
    /// start, some possibly empty), or `nil` for one pass. Test `cuts` are taken as they are; the
    /// automatic ones are moved past any quoted field they fall in (``linesOutsideQuotes(_:from:near:window:)``).
    ///
    /// - Complexity: O(*n*) for the *n* bytes after the header when there is a quote near a cut
    ///   (the count of quotes before the cuts, on every core), else O(``quoteWindow`` per cut).
    func chunks(of p: UnsafeRawBufferPointer, rowsFrom start: Int) -> [Range<Int>]? {
        let n = p.count
        guard chunkCount > 1 || cuts != nil, n >= minimumBytes, start < n, let base = p.baseAddress else { return nil }
        let targets = cuts ?? Self.linesOutsideQuotes(p, from: start, near: (1 ..< chunkCount).map { start + (n - start) / chunkCount * $0 },
                                                      window: quoteWindow)
        var bounds = [start]
        for target in targets {
            var cut = min(n, max(target, bounds[bounds.count - 1]))
            if cut > start && cut < n && p[cut - 1] != 0x0A {
                if let newline = memchr(base + cut, 0x0A, n - cut) {
                    cut = base.distance(to: UnsafeRawPointer(newline)) + 1
                } else {
                    cut = n
                }
            }
            bounds.append(cut)
        }
        bounds.append(n)
        return (0 ..< bounds.count - 1).map { bounds[$0] ..< bounds[$0 + 1] }
    }
}

extension EdgeListChunking {
    /// For each of `targets` (increasing positions after `start`), the first line start at or
    /// after it that is outside every quoted field, as far as the quotes before it tell: a quoted
    /// field holds its quotes in pairs (its opening and closing ones, and each doubled one), so a
    /// position after an even number of quotes is outside one. A quote inside an unquoted field
    /// (`5'10"`) breaks the count; the parse then finds the cut inside a row and reads the file
    /// again in one pass, so a wrong count costs time, never the result. A line start is the
    /// position after a line feed; a target past the last one gives the end.
    ///
    /// Files without a quote, or whose quoted fields hold no line break, get the line start after
    /// each target, as before; a file of notes over several lines no longer has a cut fall inside
    /// one and its parse thrown away.
    ///
    /// The quotes are counted only when there is one in the `window` bytes before a target or
    /// between it and its line start. When there is none, the line start after each target is
    /// the cut: it could be inside a quoted field only if that field opened before the window,
    /// a field longer than the window, which the parse's check then catches. Most large files
    /// hold no quote near their middle, and counting the quotes of half the file would otherwise
    /// hold both cores back from starting the parse.
    ///
    /// - Complexity: O(`window` × the number of targets) when there is no quote there; else O(*n*)
    ///   for the *n* bytes up to the last cut: the quotes before the targets counted on every
    ///   core at once, then a walk from each target to its line start.
    static func linesOutsideQuotes(_ p: UnsafeRawBufferPointer, from start: Int, near targets: [Int],
                                   window: Int = quoteWindow) -> [Int] {
        let targets = targets.map { min($0, p.count) }
        guard let last = targets.last, last > start, p.baseAddress != nil else { return targets }
        if let lines = lineStartsWithoutQuotes(p, from: start, near: targets, window: window) { return lines }
        // The quotes in [start, last), in parts cut at the targets and between them.
        var bounds = [start]
        for target in targets where target > bounds[bounds.count - 1] {
            bounds.append((bounds[bounds.count - 1] + target) / 2)
            bounds.append(target)
        }
        var counts = [Int](repeating: 0, count: bounds.count - 1)
        counts.withUnsafeMutableBufferPointer { counts in
            bounds.withUnsafeBufferPointer { bounds in
                let out = SharedPointer(counts), edges = SharedInput(bounds), bytes = SharedInput(p.assumingMemoryBound(to: UInt8.self))
                DispatchQueue.concurrentPerform(iterations: counts.count) { k in
                    let from = edges.buffer[k], to = edges.buffer[k + 1]
                    out.base[k] = rolegraph_count_byte(bytes.buffer.baseAddress! + from, to - from, UInt8(ascii: "\""))
                }
            }
        }
        let n = p.count
        var result: [Int] = []
        var quotes = 0, counted = 0, previous = start
        for target in targets {
            if target <= previous {
                // The walk from an earlier target went past this one.
                result.append(previous)
                continue
            }
            // The quotes before the target (one of the bounds), then a walk to the first line
            // feed after an even number of them.
            while counted + 1 < bounds.count && bounds[counted + 1] <= target {
                quotes += counts[counted]
                counted += 1
            }
            var i = min(target, n)
            var inside = quotes % 2 == 1
            if !(i < n && p[i - 1] == 0x0A && !inside) {
                while i < n {
                    let b = p[i]
                    i += 1
                    if b == UInt8(ascii: "\"") { inside.toggle() } else if b == 0x0A && !inside { break }
                }
            }
            result.append(i)
            previous = i
        }
        return result
    }
}

extension EdgeListChunking {
    /// The first line start at or after each of `targets` (increasing positions after `start`,
    /// none past the input), or at or after the cut before it; `nil` when there is a quote in the
    /// `window` bytes before a target (after `start`) or between a target and its line start.
    ///
    /// - Complexity: O(`window` + *m*) for each target, whose line is *m* bytes long.
    private static func lineStartsWithoutQuotes(_ p: UnsafeRawBufferPointer, from start: Int, near targets: [Int],
                                                window: Int) -> [Int]? {
        guard let base = p.baseAddress else { return nil }
        let n = p.count
        var result: [Int] = []
        var previous = start
        for target in targets {
            // The line start: the target itself when a line feed is right before it.
            var line = target
            if !(target < n && p[target - 1] == 0x0A) {
                if let newline = memchr(base + target, 0x0A, n - target) {
                    line = base.distance(to: UnsafeRawPointer(newline)) + 1
                } else {
                    line = n
                }
            }
            let from = max(start, target - window)
            if line > from && memchr(base + from, Int32(UInt8(ascii: "\"")), line - from) != nil { return nil }
            previous = max(previous, line)
            result.append(previous)
        }
        return result
    }
}

/// The chunks' parsers, handed to their threads: each thread reads and writes only its own
/// element, and the calling thread touches none until every thread is done, which the compiler
/// cannot check.
private struct ChunkParsers: @unchecked Sendable {
    let base: UnsafeMutablePointer<EdgeListParser>
}

extension EdgeListParser {
    /// Reads the rows in `chunks` (consecutive, each starting at a line start, the first at
    /// `pos`, the last ending at `n`), each on its own thread, and merges them into this parser
    /// as if it had read them in one pass; `false`, with nothing merged, when a chunk before the
    /// last ended inside a quoted field (a cut fell inside a row: the caller reads the file again
    /// in one pass).
    ///
    /// The first chunk is read by this parser itself, with the file's line numbers. Each later
    /// chunk is read by a parser of its own that counts lines from 1 and logs its self-move counts
    /// (`stayLog`); its ids are then interned here in its own first-seen order, which numbers
    /// every id in order of first appearance in the file, and its rows, diagnostics and
    /// first-seen places are appended with its line numbers moved past the lines before it.
    /// Problems are listed up to the limit in chunk order and all of them counted, so the listed
    /// ones are the first in the file, as in one pass.
    ///
    /// - Complexity: O(*n* / *c* + *E* + Σ *rᵢ*) time on *c* chunks for *n* bytes and *E* rows,
    ///   where *rᵢ* is the size of chunk *i*'s distinct ids (interned a second time in the merge).
    mutating func readRows(inChunks chunks: [Range<Int>]) -> Bool {
        let end = n
        var parts: [EdgeListParser] = []
        parts.reserveCapacity(chunks.count)
        var first = self
        first.n = chunks[0].upperBound
        parts.append(first)
        first = EdgeListParser(p, separator: separator, file: file, options: options, expectedBytes: 0)
        for chunk in chunks.dropFirst() {
            var part = EdgeListParser(p, separator: separator, file: file, options: options, expectedBytes: chunk.count)
            part.columnOf = columnOf
            part.positionOf = positionOf
            part.pos = chunk.lowerBound
            part.lineStart = chunk.lowerBound
            part.n = chunk.upperBound
            part.stayLog = []
            part.readsPlainRows = readsPlainRows
            part.releasesBehind = releasesBehind
            part.releasedUpTo = chunk.lowerBound
            part.expectedIDs = expectedIDs
            parts.append(part)
        }
        // Release this parser's tables, so that the first chunk's parser owns them alone and
        // grows them in place.
        self = first

        parts.withUnsafeMutableBufferPointer { buffer in
            let shared = ChunkParsers(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: buffer.count) { k in
                shared.base[k].readRows()
            }
        }

        if parts.dropLast().contains(where: \.endedInsideQuotes) { return false }
        swap(&self, &parts[0])
        n = end
        pos = end
        chunksRead = chunks.count
        var linesBefore = line - 1
        for k in 1 ..< parts.count {
            absorb(&parts[k], linesBefore: linesBefore)
            linesBefore += parts[k].line - 1
        }
        line = linesBefore + 1
        return true
    }

    /// Appends what `part` read (a later chunk, whose lines count from 1) to what this parser
    /// has read, its ids re-interned and its lines moved down by `linesBefore`; releases
    /// `part`'s tables as it goes. The lookups of its ids run in parts beside the copies of the
    /// columns that need no renumbering, and the endpoints are renumbered in parts beside the
    /// appending of its source runs.
    ///
    /// - Complexity: O(*e* + *s* + *r*) for the chunk's *e* rows, the *s* slots of its id table
    ///   and the *r* bytes of its distinct ids, on every core.
    private mutating func absorb(_ part: inout EdgeListParser, linesBefore: Int) {
        // The chunk's ids already known are found in parts of its id table, and the columns that
        // need no renumbering are copied, all at once: the lookups only read the two tables, and
        // the copies touch other arrays, moved out of the parsers until every task is done. The
        // ids not found are then added, in the chunk's first-seen order. The tables are reached
        // through pointers, not copies: a copy alive when the ids are added would have this
        // parser's table copied whole before its first change.
        var map = [Int32](repeating: -1, count: part.interner.count)
        var columns = (kinds: kinds, efforts: efforts, stated: effortStated, counts: counts)
        (kinds, efforts, effortStated, counts) = ([], [], [], [])
        let added = (kinds: part.kinds, efforts: part.efforts, stated: part.effortStated, counts: part.counts)
        (part.kinds, part.efforts, part.effortStated, part.counts) = ([], [], [], [])
        // The copies first, as the longest task; the lookups in a few parts after them, so that
        // the two threads finish together.
        let lookups = ContiguousParts(count: part.interner.slotCount, parts: 4)
        var missing = [Int](repeating: 0, count: lookups.count)
        map.withUnsafeMutableBufferPointer { map in
            missing.withUnsafeMutableBufferPointer { missing in
                withUnsafeMutablePointer(to: &columns) { columns in
                    withUnsafePointer(to: interner) { interner in
                        withUnsafePointer(to: part.interner) { other in
                            let count = map.count, map = SharedPointer(map), missing = SharedPointer(missing)
                            let columns = SharedPointer(base: columns)
                            let tables = SharedInput(UnsafeBufferPointer(start: interner, count: 1)),
                                others = SharedInput(UnsafeBufferPointer(start: other, count: 1))
                            DispatchQueue.concurrentPerform(iterations: 1 + lookups.count) { task in
                                if task == 0 {
                                    columns.base.pointee.kinds += added.kinds
                                    columns.base.pointee.efforts += added.efforts
                                    columns.base.pointee.stated += added.stated
                                    columns.base.pointee.counts += added.counts
                                } else {
                                    missing.base[task - 1] = tables.buffer[0].find(
                                        keysOf: others.buffer[0], slots: lookups.ranges[task - 1],
                                        into: UnsafeMutableBufferPointer(start: map.base, count: count))
                                }
                            }
                        }
                    }
                }
            }
        }
        // The ids new here, in the chunk's order: their first-seen places are the chunk's.
        let known = interner.count
        if missing.contains(where: { $0 > 0 }) { interner.add(keysOf: part.interner, missingFrom: &map) }
        part.interner = ByteInterner(expectedCount: 0)
        (kinds, efforts, effortStated, counts) = columns
        // The chunk's places of ids outside ASCII, for those it added: its ids are added in its
        // own index order, so the places stay in index order here.
        for var seen in part.firstSeen where map[Int(seen.id)] >= known {
            seen.id = map[Int(seen.id)]
            seen.line += linesBefore
            firstSeen.append(seen)
        }
        part.firstSeen = []

        // The chunk's source runs are appended while the rows' endpoints, copied, are renumbered
        // in parts: all at once.
        let rowCount = endpoints.count, otherRowCount = part.endpoints.count
        var runs = (sourceRuns, part.sourceRuns)
        (sourceRuns, part.sourceRuns) = (SourceRuns(), SourceRuns())
        endpoints += part.endpoints
        part.endpoints = []
        let renumbering = ContiguousParts(count: otherRowCount)
        let ids = map
        ids.withUnsafeBufferPointer { map in
            endpoints.withUnsafeMutableBufferPointer { endpoints in
                withUnsafeMutablePointer(to: &runs) { runs in
                    let rows = SharedPointer(UnsafeMutableBufferPointer(rebasing: endpoints[rowCount...])), map = SharedInput(map)
                    let runs = SharedPointer(base: runs)
                    DispatchQueue.concurrentPerform(iterations: 1 + renumbering.count) { task in
                        guard task > 0 else {
                            runs.base.pointee.0.append(runs.base.pointee.1, renumbering: ids, rowCount: rowCount, otherRowCount: otherRowCount)
                            return
                        }
                        for e in renumbering.ranges[task - 1] {
                            let (from, to) = rows.base[e]
                            rows.base[e] = (map.buffer[Int(from)], map.buffer[Int(to)])
                        }
                    }
                }
            }
        }
        sourceRuns = runs.0
        notes.append(contentsOf: part.notes)
        part.notes = []
        let offset = Int32(truncatingIfNeeded: linesBefore)
        rowLines.append(part.rowLines, linesBefore: offset)
        part.rowLines = RowLines()

        for (id, count) in part.stayLog ?? [] { addStays(count, to: map[Int(id)]) }
        part.stayLog = nil

        for var diagnostic in part.diagnostics {
            guard diagnostics.count < EdgeListReader.diagnosticLimit else { break }
            diagnostic.location?.line += linesBefore
            diagnostics.append(diagnostic)
        }
        part.diagnostics = []
        problemCount += part.problemCount
        plainRowsRead += part.plainRowsRead
        summary.selfMoves += part.summary.selfMoves
        summary.zeroCountRows += part.summary.zeroCountRows
        summary.aggregatedRows += part.summary.aggregatedRows
    }
}
