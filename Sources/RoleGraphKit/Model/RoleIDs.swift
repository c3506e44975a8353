import RoleGraphAlgorithms

/// The ids of a lean graph's roles, by dense index: the strings an edge list's reader made, or
/// an arena of UTF-8 bytes read in place from a snapshot image, from which an id's `String` is
/// made only when one is asked for.
///
/// Looking an id up (``RoleIDIndex``) compares bytes, so a query on a hundred thousand roles
/// read from an image makes the strings of the roles it prints and of no other.
struct RoleIDs: Sendable {
    /// The ids as strings, when a reader made them; empty for an arena.
    private let strings: [RoleID]
    /// The arena's *R* + 1 offsets into `bytes` (from 0, never decreasing), when read in place.
    private let offsets: Column<Int>
    private let bytes: Column<UInt8>
    private let isArena: Bool

    /// The number of ids.
    let count: Int

    /// Ids made as strings.
    init(_ strings: [RoleID]) {
        self.strings = strings
        offsets = []
        bytes = []
        isArena = false
        count = strings.count
    }

    /// An arena of ids, whose offsets a reader checked: from 0 to `bytes.count`, never
    /// decreasing.
    ///
    /// - Precondition: `offsets` is not empty, starts at 0 and ends at `bytes.count` (the rest
    ///   is the caller's check).
    init(offsets: Column<Int>, bytes: Column<UInt8>) {
        precondition(offsets.first == 0 && offsets.last == bytes.count, "an id arena's offsets do not span its bytes")
        strings = []
        self.offsets = offsets
        self.bytes = bytes
        isArena = true
        count = offsets.count - 1
    }

    /// The id at `index`.
    ///
    /// - Complexity: O(1) for strings; O(length) for an arena, which makes the string.
    subscript(index: Int) -> RoleID {
        guard isArena else { return strings[index] }
        return withUTF8(at: index) { RoleID(String(decoding: $0, as: UTF8.self)) }
    }

    /// Calls `body` with the UTF-8 bytes of the id at `index`, valid only during the call.
    ///
    /// - Complexity: O(1) beyond `body` (a string not stored contiguously is made so once).
    func withUTF8<R>(at index: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        guard isArena else {
            var text = strings[index].rawValue  // var: withUTF8 may make it contiguous
            return text.withUTF8 { body(UnsafeRawBufferPointer($0)) }
        }
        let start = offsets[index], end = offsets[index + 1]
        return bytes.withUnsafeBufferPointer { all in
            body(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(all)[start ..< end]))
        }
    }
}
