import RoleGraphAlgorithms
import Synchronization

/// A graph's relations, held either as `Relation` values or, for a graph read from an edge list,
/// as compact columns from which a `Relation` is made only when one is asked for.
///
/// An edge list of a million rows would otherwise hold a million `Relation` values (about 100
/// bytes each, two retained id strings apiece) that a path query never reads: it needs the
/// kinds, efforts and counts to weigh the network, and the few relations of the path it prints.
/// The columns hold exactly those facts (one byte, and two optional numbers, per relation); the
/// endpoints are the graph's dense indices, and ids come from the roles. The full array is made
/// once, on first use of ``RoleGraph/relations``, and kept.
final class RelationStore: Sendable {
    /// The number of relations.
    let count: Int
    /// Whether the relations are values (`eager`) rather than `columns`.
    private let isEager: Bool
    private let eager: [Relation]
    private let columns: RelationColumns
    private let materialised = Mutex<[Relation]?>(nil)

    /// A store of relation values, as a graph file or code states them.
    init(_ relations: [Relation]) {
        count = relations.count
        isEager = true
        eager = relations
        columns = RelationColumns(roleIDs: RoleIDs(), endpoints: [], kinds: [], efforts: [], counts: [], notes: [])
    }

    /// A store of columns, as the edge-list reader leaves them.
    init(_ columns: RelationColumns) {
        count = columns.kinds.count
        isEager = false
        eager = []
        self.columns = columns
    }

    /// Every relation, in file order; made from the columns once, on first use.
    ///
    /// - Complexity: O(1) after the first call, O(*E*) for it.
    var all: [Relation] {
        if isEager { return eager }
        return materialised.withLock { cache in
            if let cache { return cache }
            let columns = self.columns
            var made: [Relation] = []
            made.reserveCapacity(count)
            for position in 0 ..< count { made.append(columns.relation(at: position)) }
            cache = made
            return made
        }
    }

    /// Whether any relation may state a count: false for columns read from a file without a
    /// count column, so asking needs no pass over the relations.
    ///
    /// - Complexity: O(1).
    var mayHaveCounts: Bool { isEager || !columns.counts.isEmpty }

    /// The relation at `position`.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    func relation(at position: Int) -> Relation {
        if isEager { return eager[position] }
        return columns.relation(at: position)
    }

    /// The kind of the relation at `position`.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    func kind(at position: Int) -> RelationKind {
        if isEager { return eager[position].kind }
        return columns.kind(at: position)
    }

    /// The effort of the relation at `position` (`nil` unless a transition).
    ///
    /// - Complexity: O(1).
    @inline(__always)
    func effort(at position: Int) -> Double? {
        if isEager { return eager[position].effort }
        let effort = columns.efforts[position]
        return effort.isNaN ? nil : effort
    }

    /// The observed count of the relation at `position`, if it states one.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    func observedCount(at position: Int) -> Double? {
        if isEager { return eager[position].count }
        return columns.count(at: position)
    }
}

/// The relations of an edge list or a snapshot image as columns: what each row states beyond
/// its endpoints. An image's columns are read where they lie in the mapped file.
struct RelationColumns: Sendable {
    /// The role ids, by dense index.
    var roleIDs: RoleIDs
    /// The dense endpoints of each relation.
    var endpoints: Column<(from: Int32, to: Int32)>
    /// Each relation's kind, as its ``RelationKind/code``.
    var kinds: Column<UInt8>
    /// Each relation's effort; NaN for none (no stated effort is NaN).
    var efforts: Column<Double>
    /// Each relation's observed count, NaN for none; empty when the file has no count column.
    var counts: Column<Double>
    /// Each relation's note, or empty when the file has no note column.
    var notes: [String?]

    /// The kind of the relation at `position`.
    ///
    /// - Precondition: the codes were checked (the reader refuses an unknown one).
    /// - Complexity: O(1).
    @inline(__always)
    func kind(at position: Int) -> RelationKind {
        RelationKind(code: kinds[position])!
    }

    /// The observed count of the relation at `position`, if it states one.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    func count(at position: Int) -> Double? {
        guard !counts.isEmpty else { return nil }
        let count = counts[position]
        return count.isNaN ? nil : count
    }

    /// The relation at `position` as a value.
    ///
    /// - Complexity: O(1).
    func relation(at position: Int) -> Relation {
        let (a, b) = endpoints[position]
        return Relation(kind: kind(at: position), from: roleIDs[Int(a)], to: roleIDs[Int(b)],
                        effort: efforts[position].isNaN ? nil : efforts[position], count: count(at: position),
                        note: notes.isEmpty ? nil : notes[position])
    }
}
