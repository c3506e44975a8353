import RoleGraphAlgorithms

/// The ids of a lean graph's roles, by dense index: an arena of UTF-8 bytes, read in place (the
/// edge-list reader's interner's keys, or a snapshot image's), from which an id's `String` is
/// made only when one is asked for.
///
/// Looking an id up (``RoleIDIndex``) compares bytes, so a query on a hundred thousand roles
/// makes the strings of the roles it prints and of no other, and a load makes none.
struct RoleIDs: Sendable {
    /// The arena's *R* + 1 offsets into `bytes` (from 0, never decreasing).
    private let offsets: Column<Int>
    private let bytes: Column<UInt8>

    /// The number of ids.
    var count: Int { offsets.count - 1 }

    /// No ids.
    init() {
        offsets = [0]
        bytes = []
    }

    /// An arena of ids, whose offsets a reader checked: from 0 to `bytes.count`, never
    /// decreasing.
    ///
    /// - Precondition: `offsets` is not empty, starts at 0 and ends at `bytes.count` (the rest
    ///   is the caller's check).
    init(offsets: Column<Int>, bytes: Column<UInt8>) {
        precondition(offsets.first == 0 && offsets.last == bytes.count, "an id arena's offsets do not span its bytes")
        self.offsets = offsets
        self.bytes = bytes
    }

    /// The id at `index`.
    ///
    /// - Complexity: O(length): the string is made on each call.
    subscript(index: Int) -> RoleID {
        withUTF8(at: index) { RoleID(String(decoding: $0, as: UTF8.self)) }
    }

    /// Calls `body` with the UTF-8 bytes of the id at `index`, valid only during the call.
    ///
    /// - Complexity: O(1) beyond `body`.
    func withUTF8<R>(at index: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        let start = offsets[index], end = offsets[index + 1]
        return bytes.withUnsafeBufferPointer { all in
            body(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(all)[start ..< end]))
        }
    }
}
