import RoleGraphAlgorithms
import Synchronization

/// Maps role ids to dense indices: an open-addressing table of indices, hashed by the id's
/// UTF-8 bytes with the edge-list interner's hash, comparing against the ids' bytes where the
/// role store keeps them.
///
/// A `Dictionary<RoleID, Int32>` over a hundred thousand ids holds a copy of every id string
/// beside its index and costs a `Hasher` round per id to build; this table holds one `Int32` per
/// slot (at most half full) and reads the ids where the roles already keep them, so an edge
/// list's network pays a few bytes per role to be searchable by id. A snapshot image stores the
/// table, so a graph read from one is searchable by id without building one.
///
/// A found entry is always compared byte for byte with the id looked up, so a lookup that finds
/// a role is right whatever the table holds (of an image whose ids are unique, as every image
/// `index` writes is). Only a miss could be wrong, in a table an image stated that does not
/// match its ids (forged, with the checksums resealed); so the first miss in such a table checks
/// it whole (``findsEveryRole()``) and, should it fail, answers that and every later miss from a
/// table built from the ids. A query naming roles by their exact ids never misses and pays for no
/// check; one that names a role otherwise (by its name, in another case) pays for it once. A
/// forged image that gives two roles one id finds one of them by it, and never traps.
struct RoleIDIndex: Sendable {
    /// `slots[s]` is the index of the id hashed there plus one, or 0 for an empty slot.
    ///
    /// - Complexity: O(1), but for a table made from an interner's hashes, which is laid out on
    ///   its first use: O(*R*) expected, once.
    var slots: Column<Int32> {
        switch table {
        case .laidOut(let slots): slots
        case .deferred(let deferred): deferred.slots
        }
    }
    /// The table, or the hashes it is laid out from on first use.
    private let table: Table
    /// The slot count minus one (a power of two minus one).
    private let mask: Int
    fileprivate let store: RoleStore
    /// For a table an image stated: what its first miss found out; `nil` for a table built here.
    private let stated: StatedTable?

    /// The slot count for `count` ids: the smallest power of two at least twice `count`, and at
    /// least 16.
    ///
    /// - Complexity: O(log `count`).
    static func capacity(for count: Int) -> Int {
        var capacity = 16
        while capacity < count * 2 { capacity <<= 1 }
        return capacity
    }

    /// The index of every role of `store`; of roles sharing an id (which a valid graph never
    /// has), the last.
    ///
    /// - Complexity: O(*R*) expected, hashing each id once.
    init(_ store: RoleStore) {
        let capacity = Self.capacity(for: store.count)
        let mask = capacity - 1
        var slots = [Int32](repeating: 0, count: capacity)
        for index in 0 ..< store.count {
            store.withIDBytes(at: index) { id in
                var slot = Self.hash(id) & mask
                while slots[slot] != 0 {
                    if store.withIDBytes(at: Int(slots[slot]) - 1, { $0.elementsEqual(id) }) { break }
                    slot = (slot + 1) & mask
                }
                slots[slot] = Int32(index + 1)
            }
        }
        table = .laidOut(Column(slots))
        self.mask = mask
        self.store = store
        stated = nil
    }

    /// The table ``init(_:)`` builds for `store`, from each id's hash as the edge-list reader's
    /// interner found it: no id is read, hashed or compared again. It is laid out on its first
    /// use (``slots``, a lookup), so a load ends without it.
    ///
    /// - Precondition: the ids of `store` are distinct, and `hashes[i]` is
    ///   `ByteInterner.hash` of the UTF-8 bytes of id `i`.
    /// - Complexity: O(1); O(*R*) expected on first use.
    init(_ store: RoleStore, distinctIDHashes hashes: Column<UInt64>) {
        precondition(hashes.count == store.count, "one hash per id")
        let capacity = Self.capacity(for: store.count)
        table = .deferred(DeferredSlots(hashes: hashes, capacity: capacity))
        mask = capacity - 1
        self.store = store
        stated = nil
    }

    /// The table a snapshot image stored for `store`, made by ``init(_:)`` on the same ids; it is
    /// not checked here, but on its first miss (see the type's summary).
    ///
    /// - Precondition: `slots.count` is ``capacity(for:)`` of the store's count, and every slot
    ///   is 0 or at most that count (the reader's check); a table that does not match the ids
    ///   can only make a probe miss, and a probe visits at most every slot once.
    /// - Complexity: O(1).
    init(slots: Column<Int32>, store: RoleStore) {
        precondition(slots.count == Self.capacity(for: store.count), "an id table of the wrong size")
        table = .laidOut(slots)
        self.mask = slots.count - 1
        self.store = store
        stated = StatedTable()
    }

    /// Whether looking up each role's own id in the table finds that role: true of every table
    /// ``init(_:)`` builds, and of a stated one that matches its ids. One that passes answers
    /// every lookup right, since a found entry is always compared byte for byte.
    ///
    /// - Complexity: O(*R*) expected, hashing each id once; at most every slot per id.
    func findsEveryRole() -> Bool {
        (0 ..< store.count).allSatisfy { index in store.withIDBytes(at: index) { probe($0) == Int32(index) } }
    }

    /// For a table an image stated: `nil` until a lookup has missed, then whether the table
    /// failed its check and lookups now go to one built from the ids; `nil` for a table built
    /// here. What the tests read to tell a miss that stands from one that was repaired.
    var statedTableWasReplaced: Bool? { stated?.wasReplaced }

    /// The dense index of `id`, or `nil`.
    ///
    /// - Complexity: O(1) expected; the first miss in a table an image stated, O(*R*) once.
    subscript(id: RoleID) -> Int32? {
        var text = id.rawValue  // var: withUTF8 may make it contiguous
        if let found = text.withUTF8({ probe(UnsafeRawBufferPointer($0)) }) { return found }
        guard let stated, let built = stated.replacement(for: self) else { return nil }
        return built[id]
    }

    /// The index the table holds for `id`, compared byte for byte, or `nil`.
    ///
    /// - Complexity: O(1) expected; at most every slot once.
    private func probe(_ id: UnsafeRawBufferPointer) -> Int32? {
        let slots = self.slots
        var slot = Self.hash(id) & mask
        for _ in 0 ... mask {
            let entry = slots[slot]
            if entry == 0 { return nil }
            if store.withIDBytes(at: Int(entry) - 1, { $0.elementsEqual(id) }) { return entry - 1 }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// The slot hash of an id's UTF-8 bytes: ``ByteInterner``'s hash. A snapshot image stores
    /// tables made with it, so changing it needs a new image format version.
    private static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
        let (w0, w1) = ByteInterner.prefix(bytes)
        return Int(truncatingIfNeeded: ByteInterner.hash(bytes, w0, w1))
    }
}

extension RoleIDIndex {
    /// A table laid out, or the hashes to lay it out from when it is first used.
    private enum Table: Sendable {
        case laidOut(Column<Int32>)
        case deferred(DeferredSlots)
    }
}

/// The table ``RoleIDIndex/init(_:distinctIDHashes:)`` makes, laid out on its first use, under a
/// lock, by whichever lookup comes first: a load of an edge list then ends without it, and a
/// client that never looks a role up by its id never pays for it (as ``LookupIndex`` is built).
private final class DeferredSlots: Sendable {
    private enum State { case hashes(Column<UInt64>, capacity: Int), laidOut(Column<Int32>) }
    private let state: Mutex<State>

    init(hashes: Column<UInt64>, capacity: Int) {
        state = Mutex(.hashes(hashes, capacity: capacity))
    }

    /// The table: each id's index plus one in the first free slot from its hash's, in index
    /// order, as ``RoleIDIndex/init(_:)`` places them.
    ///
    /// - Complexity: O(*R*) expected the first time, O(1) after.
    var slots: Column<Int32> {
        state.withLock { state in
            switch state {
            case .laidOut(let slots):
                return slots
            case .hashes(let hashes, let capacity):
                let mask = capacity - 1
                var slots = [Int32](repeating: 0, count: capacity)
                slots.withUnsafeMutableBufferPointer { slots in
                    hashes.withUnsafeBufferPointer { hashes in
                        for (index, hash) in hashes.enumerated() {
                            var slot = Int(truncatingIfNeeded: hash) & mask
                            while slots[slot] != 0 { slot = (slot + 1) & mask }
                            slots[slot] = Int32(index + 1)
                        }
                    }
                }
                state = .laidOut(Column(slots))
                return Column(slots)
            }
        }
    }
}

/// What the first miss in a table a snapshot image stated found out: whether the table finds
/// every role, and if not, the table built from the ids that answers in its place. Decided once,
/// under a lock, by whichever lookup misses first.
private final class StatedTable: Sendable {
    private enum Verdict { case sound, replaced(RoleIDIndex) }
    private let verdict = Mutex<Verdict?>(nil)

    /// `nil` before the first miss, then whether the table failed its check and was replaced.
    var wasReplaced: Bool? {
        verdict.withLock { verdict in
            switch verdict {
            case nil: nil
            case .sound: false
            case .replaced: true
            }
        }
    }

    /// `nil` when `table` finds every role (so its miss stands), else the table to ask instead.
    ///
    /// - Complexity: O(*R*) expected the first time, O(1) after.
    func replacement(for table: RoleIDIndex) -> RoleIDIndex? {
        verdict.withLock { verdict in
            if verdict == nil {
                verdict = table.findsEveryRole() ? .sound : .replaced(RoleIDIndex(table.store))
            }
            if case .replaced(let built) = verdict { return built }
            return nil
        }
    }
}
