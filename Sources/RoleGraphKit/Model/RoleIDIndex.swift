/// Maps role ids to dense indices: an open-addressing table of indices, hashed by the id's
/// UTF-8 bytes with the edge-list interner's hash, comparing against the ids in the role store.
///
/// A `Dictionary<RoleID, Int32>` over a hundred thousand ids holds a copy of every id string
/// beside its index and costs a `Hasher` round per id to build; this table holds one `Int32` per
/// slot (at most half full) and reads the ids where the roles already keep them, so an edge
/// list's network pays a few bytes per role to be searchable by id.
struct RoleIDIndex: Sendable {
    /// `slots[s]` is the index of the id hashed there plus one, or 0 for an empty slot.
    private let slots: [Int32]
    /// The slot count minus one (a power of two minus one).
    private let mask: Int
    private let store: RoleStore

    /// The index of every role of `store`; of roles sharing an id (which a valid graph never
    /// has), the last.
    ///
    /// - Complexity: O(*R*) expected, hashing each id once.
    init(_ store: RoleStore) {
        var capacity = 16
        while capacity < store.count * 2 { capacity <<= 1 }
        let mask = capacity - 1
        var slots = [Int32](repeating: 0, count: capacity)
        for index in 0 ..< store.count {
            let id = store.id(at: index)
            var slot = Self.hash(id) & mask
            while slots[slot] != 0 {
                if store.id(at: Int(slots[slot]) - 1) == id { break }
                slot = (slot + 1) & mask
            }
            slots[slot] = Int32(index + 1)
        }
        self.slots = slots
        self.mask = mask
        self.store = store
    }

    /// The dense index of `id`, or `nil`.
    ///
    /// - Complexity: O(1) expected.
    subscript(id: RoleID) -> Int32? {
        var slot = Self.hash(id) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            if store.id(at: Int(entry) - 1) == id { return entry - 1 }
            slot = (slot + 1) & mask
        }
    }

    /// The slot hash of an id: ``ByteInterner``'s hash of its UTF-8 bytes.
    private static func hash(_ id: RoleID) -> Int {
        var text = id.rawValue  // var: withUTF8 may make it contiguous
        return text.withUTF8 { bytes in
            let raw = UnsafeRawBufferPointer(bytes)
            let (w0, w1) = ByteInterner.prefix(raw)
            return Int(truncatingIfNeeded: ByteInterner.hash(raw, w0, w1))
        }
    }
}
