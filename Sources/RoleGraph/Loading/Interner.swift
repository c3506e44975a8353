#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Interns byte strings (role ids read from an edge list) as dense `Int32` indices, without making
/// a `String` for each occurrence.
///
/// The keys are copied once, on first sight, into one contiguous arena; the table is open
/// addressing with linear probing, and each slot packs the upper 32 bits of the key's hash with its
/// index, so a probe touches one slot and compares bytes only when the hashes agree. An edge list of *E* rows and *R* distinct ids
/// makes *R* arena copies and no allocation per row; `String`s are made afterwards, once per id
/// (see ``string(at:)``).
struct ByteInterner {
    /// The bytes of every key, back to back, in first-seen order.
    private(set) var arena: [UInt8] = []
    /// `starts[i] ..< starts[i + 1]` is key `i` in `arena`.
    private(set) var starts: [Int] = [0]
    /// The hash of each key (for growing the table).
    private var hashes: [UInt64] = []
    /// `slots[h & mask]` holds `(h >> 32) << 32 | (index + 1)`, or 0 for an empty slot.
    private var slots: [UInt64]
    private var mask: Int

    /// The number of distinct keys.
    var count: Int { hashes.count }

    init(expectedCount: Int = 1024) {
        var capacity = 16
        while capacity < expectedCount * 2 { capacity <<= 1 }
        slots = [UInt64](repeating: 0, count: capacity)
        mask = capacity - 1
        hashes.reserveCapacity(expectedCount)
        starts.reserveCapacity(expectedCount + 1)
        arena.reserveCapacity(expectedCount * 8)
    }

    /// The index of the key `bytes`, adding it if it is new.
    ///
    /// - Returns: the index, and whether the key was added by this call.
    /// - Complexity: O(*n*) expected for a key of *n* bytes.
    @inline(__always)
    mutating func intern(_ bytes: UnsafeRawBufferPointer) -> (index: Int32, inserted: Bool) {
        let hash = Self.hash(bytes)
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            if entry & 0xFFFF_FFFF_0000_0000 == tag {
                let index = Int(entry & 0xFFFF_FFFF) - 1
                if equals(index, bytes) { return (Int32(index), false) }
            }
            slot = (slot + 1) & mask
        }
        let index = hashes.count
        precondition(index < Int(Int32.max) - 1, "too many distinct ids")
        slots[slot] = tag | UInt64(index + 1)
        hashes.append(hash)
        arena.append(contentsOf: bytes)
        starts.append(arena.count)
        if hashes.count * 2 > slots.count { grow() }
        return (Int32(index), true)
    }

    /// The bytes of key `index`.
    func bytes(at index: Int) -> ArraySlice<UInt8> { arena[starts[index] ..< starts[index + 1]] }

    /// Key `index` as a string, or `nil` when its bytes are not UTF-8.
    func string(at index: Int) -> String? {
        arena.withUnsafeBufferPointer { buffer in
            String(validating: UnsafeBufferPointer(rebasing: buffer[starts[index] ..< starts[index + 1]]), as: UTF8.self)
        }
    }

    @inline(__always)
    private func equals(_ index: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
        let start = starts[index]
        let length = starts[index + 1] - start
        guard length == bytes.count else { return false }
        if length == 0 { return true }
        return arena.withUnsafeBytes { stored in
            memcmp(stored.baseAddress! + start, bytes.baseAddress!, length) == 0
        }
    }

    private mutating func grow() {
        let capacity = slots.count * 2
        mask = capacity - 1
        slots = [UInt64](repeating: 0, count: capacity)
        for (index, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(index + 1)
        }
    }

    /// A fast, well-mixed 64-bit hash of a short byte string: eight bytes at a time, each word
    /// folded in with a multiply, then a final avalanche (the finaliser of SplitMix64).
    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var i = 0
        let n = bytes.count
        while i + 8 <= n {
            let word = bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h ^ word) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            i += 8
        }
        if i < n {
            var word: UInt64 = 0
            var shift: UInt64 = 0
            while i < n {
                word |= UInt64(bytes[i]) << shift
                shift += 8
                i += 1
            }
            h = (h ^ word) &* 0xBF58_476D_1CE4_E5B9
        }
        h = (h ^ (h >> 30)) &* 0xBF58_476D_1CE4_E5B9
        h = (h ^ (h >> 27)) &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 31)
    }
}
