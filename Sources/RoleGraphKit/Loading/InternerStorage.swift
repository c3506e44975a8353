import RoleGraphAlgorithms
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The keys of a ``ByteInterner``: their bytes back to back, where each starts, and each one's
/// hash, in buffers this class grows itself.
///
/// Adding a key writes through pointers: with three arrays, each append checked that its array
/// was uniquely referenced and had room, and copied the key through the generic append, several
/// times the work of the copy itself. The interner checks that it holds this storage alone once
/// per key it adds (``ByteInterner`` keeps value semantics by copying it first otherwise).
///
/// Sendable, unchecked: it changes only through an interner that holds it alone, so storage that
/// threads share is only read.
final class InternerStorage: @unchecked Sendable {
    /// The bytes of every key, back to back, in index order.
    private(set) var arena: UnsafeMutablePointer<UInt8>
    /// `starts[i] ..< starts[i + 1]` is key `i` in ``arena``: ``count`` + 1 entries.
    private(set) var starts: UnsafeMutablePointer<Int>
    /// The hash of each key, by index.
    private(set) var hashes: UnsafeMutablePointer<UInt64>
    /// The number of keys.
    private(set) var count = 0
    /// How many keys, and how many bytes, there is room for.
    private var capacity: Int
    private var arenaCapacity: Int

    /// Empty storage with room for `capacity` keys of `arenaCapacity` bytes in all.
    ///
    /// - Complexity: O(1).
    init(capacity: Int, arenaCapacity: Int) {
        self.capacity = max(capacity, 1)
        self.arenaCapacity = max(arenaCapacity, 16)
        arena = .allocate(capacity: self.arenaCapacity)
        starts = .allocate(capacity: self.capacity + 1)
        hashes = .allocate(capacity: self.capacity)
        starts.initialize(to: 0)
    }

    deinit {
        arena.deallocate()
        starts.deallocate()
        hashes.deallocate()
    }

    /// The bytes of key `index`.
    ///
    /// - Precondition: `index` is below ``count``.
    /// - Complexity: O(1).
    @inline(__always)
    func key(_ index: Int) -> UnsafeRawBufferPointer {
        precondition(index >= 0 && index < count, "a key index out of range")
        return UnsafeRawBufferPointer(start: arena + starts[index], count: starts[index &+ 1] &- starts[index])
    }

    /// The keys as ids read in place (``RoleIDs/init(offsets:bytes:)``): ``starts`` and the used
    /// part of ``arena``, borrowed, with this storage as their owner. An interner that holds this
    /// storage copies it before it changes it again, so the borrowed bytes never change.
    ///
    /// - Complexity: O(1).
    func roleIDs() -> RoleIDs {
        RoleIDs(offsets: Column(borrowing: starts, count: count + 1, owner: self),
                bytes: Column(borrowing: arena, count: starts[count], owner: self))
    }

    /// Each key's hash, by index, borrowed with this storage as its owner, as ``roleIDs()``.
    ///
    /// - Complexity: O(1).
    func hashColumn() -> Column<UInt64> {
        Column(borrowing: hashes, count: count, owner: self)
    }

    /// A copy of this storage, for an interner that shares it and is about to change it.
    ///
    /// - Complexity: O(*k* + *b*) for *k* keys of *b* bytes.
    func copy() -> InternerStorage {
        let copy = InternerStorage(capacity: capacity, arenaCapacity: arenaCapacity)
        copy.arena.initialize(from: arena, count: starts[count])
        copy.starts.initialize(from: starts, count: count + 1)
        copy.hashes.initialize(from: hashes, count: count)
        copy.count = count
        return copy
    }

    /// Appends a key with its hash; its index is the ``count`` before the call.
    ///
    /// - Complexity: O(*n*) amortised for a key of *n* bytes.
    @inline(__always)
    func append(_ key: UnsafeRawBufferPointer, hash: UInt64) {
        let end = starts[count]
        if count == capacity || end + key.count > arenaCapacity { grow(toFit: key.count) }
        if let source = key.baseAddress { (arena + end).initialize(from: source.assumingMemoryBound(to: UInt8.self), count: key.count) }
        hashes[count] = hash
        starts[count + 1] = end + key.count
        count += 1
    }

    /// Doubles whichever buffer is full, so that a run of appends costs O(1) each.
    private func grow(toFit bytes: Int) {
        if count == capacity {
            capacity *= 2
            starts = Self.moved(starts, count: count + 1, capacity: capacity + 1)
            hashes = Self.moved(hashes, count: count, capacity: capacity)
        }
        let used = starts[count]
        if used + bytes > arenaCapacity {
            arenaCapacity = max(arenaCapacity * 2, used + bytes)
            arena = Self.moved(arena, count: used, capacity: arenaCapacity)
        }
    }

    /// `buffer`'s first `count` elements in a new buffer of `capacity`; `buffer` deallocated.
    private static func moved<T>(_ buffer: UnsafeMutablePointer<T>, count: Int, capacity: Int) -> UnsafeMutablePointer<T> {
        let larger = UnsafeMutablePointer<T>.allocate(capacity: capacity)
        larger.moveInitialize(from: buffer, count: count)
        buffer.deallocate()
        return larger
    }
}
