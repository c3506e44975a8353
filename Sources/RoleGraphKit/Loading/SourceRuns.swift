/// Whether an edge list's rows list each source's rows together, told as the parser's fast path
/// appends them, so that the merging of repeated rows need not read every row again to find out
/// (``EdgeListParser/aggregate(_:)``, which looks for repeats without sorting when they are).
///
/// Only rows appended on the fast path are seen (plain transitions, whose key's source is their
/// `from`). A file whose rows were all read there is decided here; otherwise ``grouped(rowCount:)``
/// says it cannot tell, and the aggregation checks the rows itself. A later chunk's runs are
/// appended with its ids renumbered (``append(_:renumbering:rowCount:otherRowCount:)``): its first
/// run may continue the run the chunk before it ended with, and every other run must be of a
/// source not seen before.
struct SourceRuns {
    /// Whether a run of each source, by id, has started.
    private var started: [Bool] = []
    /// The source of the first row seen, and of the last; -1 before any.
    private var first: Int32 = -1
    private var last: Int32 = -1
    /// How many rows were seen (compared with the rows read, to tell whether every one was).
    private var rows = 0
    /// Whether some source's rows were found apart.
    private var apart = false
    /// Whether rows the fast path did not see were merged in, so no verdict can be given.
    private var unseen = false

    /// Notes a row of `source`, appended after the rows seen so far.
    ///
    /// - Complexity: O(1) amortised.
    @inline(__always)
    mutating func append(source: Int32) {
        rows &+= 1
        if source != last { start(source) }
    }

    /// Whether every source's rows are consecutive, when the `rowCount` rows read are the rows
    /// seen here; `nil` when they are not (some were read elsewhere).
    ///
    /// - Complexity: O(1).
    func grouped(rowCount: Int) -> Bool? {
        unseen || rows != rowCount ? nil : !apart
    }

    /// Appends the runs of a later chunk, whose ids are `map`'s indices here, when both this
    /// parser's `rowCount` rows and the chunk's `otherRowCount` rows were all seen; otherwise
    /// gives up the verdict.
    ///
    /// - Complexity: O(*r*) for the chunk's *r* distinct ids.
    mutating func append(_ other: SourceRuns, renumbering map: [Int32], rowCount: Int, otherRowCount: Int) {
        guard grouped(rowCount: rowCount) != nil, other.grouped(rowCount: otherRowCount) != nil else {
            unseen = true
            return
        }
        apart = apart || other.apart
        rows &+= other.rows
        guard other.first >= 0 else { return }
        let continuing = map[Int(other.first)] == last ? Int(other.first) : -1
        for local in other.started.indices where other.started[local] {
            let source = Int(map[local])
            reserve(source)
            if started[source] && local != continuing { apart = true }
            started[source] = true
        }
        if first < 0 { first = map[Int(other.first)] }
        last = map[Int(other.last)]
    }

    /// Starts a run of `source`.
    private mutating func start(_ source: Int32) {
        let v = Int(source)
        reserve(v)
        if started[v] { apart = true }
        started[v] = true
        if first < 0 { first = source }
        last = source
    }

    /// Makes room in ``started`` for id `v`, doubling it so that a run of new ids costs O(1)
    /// each.
    @inline(__always)
    private mutating func reserve(_ v: Int) {
        if v >= started.count { started.append(contentsOf: repeatElement(false, count: max(v + 1 - started.count, started.count, 1024))) }
    }
}
