import RoleGraphAlgorithms
import CCacheHints
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Interns byte strings (role ids read from an edge list) as dense `Int32` indices, without making
/// a `String` for each occurrence.
///
/// The keys are copied once, on first sight, into one contiguous arena; the table is open
/// addressing with linear probing. Each slot is three words: the upper 24 bits of the key's hash,
/// its length (up to 255) and its index, packed in one, and its first 16 bytes (zero-padded). A
/// probe of a key of up to 16 bytes — every id in a typical transition network — touches that
/// one 24-byte slot and nothing else: no lookup in `starts`, no read of the arena, no `memcmp`.
/// A slot of one word, with the bytes compared in the arena, would cost several cache misses per
/// row once the table outgrows the caches, and on a million ids those misses would dominate the
/// load; a fourth word, for the length alone, would make a table that every probe misses in a
/// third larger. Longer keys compare their length and tail in the arena. An edge list of *E* rows
/// and *R* distinct ids makes *R* arena copies and no allocation per row; the graph reads its
/// ids from the arena in place (``roleIDs``), and makes an id's `String` only when it is asked for.
struct ByteInterner {
    /// The keys' bytes, in first-seen order, and their hashes (for growing the table).
    private var keys: InternerStorage
    /// Slot `s` is `slots[3s ..< 3s + 3]`: `(h >> 40) << 40 | min(length, 255) << 32 | (index + 1)`
    /// (0 for an empty slot), and the key's first 16 bytes as two little-endian words.
    private var slots: [UInt64]
    /// The slot count minus one (a power of two minus one).
    private var mask: Int

    /// The number of distinct keys.
    var count: Int { keys.count }

    /// The hash of each key, by index (``hash(_:_:_:)``), read in place as ``roleIDs`` is: the
    /// graph keeps the keys' storage for its ids, and its id table is laid out from these.
    ///
    /// - Complexity: O(1).
    var keyHashes: Column<UInt64> { keys.hashColumn() }

    init(expectedCount: Int = 1024) {
        var capacity = 16
        while capacity < expectedCount * 2 { capacity <<= 1 }
        slots = [UInt64](largeRepeating: 0, count: Self.slotWords * capacity)
        mask = capacity - 1
        // Room for as many keys as the table takes before it grows (it is at most half full), so
        // that the keys' buffers grow only with it: what is reserved and not used is never
        // touched.
        keys = InternerStorage(capacity: capacity / 2, arenaCapacity: capacity / 2 * 8)
    }

    /// The index of the key `bytes`, adding it if it is new.
    ///
    /// - Returns: the index, and whether the key was added by this call.
    /// - Complexity: O(*n*) expected for a key of *n* bytes.
    @inline(__always)
    mutating func intern(_ bytes: UnsafeRawBufferPointer) -> (index: Int32, inserted: Bool) {
        let (w0, w1) = Self.prefix(bytes)
        return intern(bytes, w0, w1, hash: Self.hash(bytes, w0, w1))
    }

    /// ``intern(_:)`` given the key's first 16 bytes as ``prefix(_:)`` makes them and its
    /// ``hash(_:_:_:)``, which a caller that has already made them (to ``prefetch(hash:)``)
    /// passes instead of making them again; and, as `upcoming`, the hash of a key it will
    /// intern soon, whose slot is then fetched while this probe runs.
    ///
    /// - Complexity: O(*n*) expected for a key of *n* bytes.
    @inline(__always)
    mutating func intern(_ bytes: UnsafeRawBufferPointer, _ w0: UInt64, _ w1: UInt64,
                         hash: UInt64, prefetching upcoming: UInt64? = nil) -> (index: Int32, inserted: Bool) {
        let head = Self.head(hash: hash, length: bytes.count)
        let mask = self.mask
        let (slot, found) = slots.withUnsafeBufferPointer { table in
            if let upcoming { rolegraph_prefetch(table.baseAddress! + Self.slotWords &* (Int(truncatingIfNeeded: upcoming) & mask)) }
            return Self.find(in: table, mask: mask, hash: hash, head: head, w0, w1) { bytes.count <= 16 || tailEquals($0, bytes) }
        }
        if let found { return (Int32(truncatingIfNeeded: found), false) }
        let index = keys.count
        precondition(index < Int(Int32.max) - 1, "too many distinct ids")
        slots.withUnsafeMutableBufferPointer { table in
            let base = Self.slotWords &* slot
            table[base] = head | UInt64(index &+ 1)
            table[base &+ 1] = w0
            table[base &+ 2] = w1
        }
        if !isKnownUniquelyReferenced(&keys) { keys = keys.copy() }
        keys.append(bytes, hash: hash)
        if keys.count * 2 > mask + 1 { grow() }
        return (Int32(index), true)
    }

    /// Asks the processor to start loading the slot a probe for a key of hash `hash` reads
    /// first, so that a parser that knows its next keys a few rows ahead finds their slots in
    /// the cache: on a table larger than the caches, the probe's first load is otherwise a miss
    /// for nearly every new key, and the parse waits on it.
    ///
    /// - Complexity: O(1); it never changes the table.
    @inline(__always)
    func prefetch(hash: UInt64) {
        let slot = Int(truncatingIfNeeded: hash) & mask
        slots.withUnsafeBufferPointer { rolegraph_prefetch($0.baseAddress! + Self.slotWords &* slot) }
    }

    /// The bytes of key `index`.
    func bytes(at index: Int) -> [UInt8] { Array(keys.key(index)) }

    /// The keys, in index order, as role ids read in place from this interner's arena: no
    /// `String` is made until an id is asked for. The arena stays with the ids; interning
    /// another key afterwards copies it first.
    ///
    /// - Complexity: O(1).
    var roleIDs: RoleIDs { keys.roleIDs() }

    /// Interns every key of `other`, in its index order, and returns each one's index here.
    /// Keys new here are added in `other`'s order, so interning the interners of consecutive
    /// parts of an input one after another numbers the keys as interning the whole input would:
    /// in order of first appearance.
    ///
    /// The keys already here are found first (``find(keysOf:slots:into:)``), then those not found
    /// are added (``add(keysOf:missingFrom:)``); a caller with threads to spare splits the first
    /// step over them.
    ///
    /// - Complexity: O(*b*) expected for the *b* bytes of `other`'s keys.
    mutating func intern(keysOf other: ByteInterner) -> [Int32] {
        var map = [Int32](repeating: -1, count: other.count)
        let missing = map.withUnsafeMutableBufferPointer { find(keysOf: other, slots: 0 ..< other.slotCount, into: $0) }
        if missing > 0 { add(keysOf: other, missingFrom: &map) }
        return map
    }

    /// How many slots the table has.
    var slotCount: Int { mask + 1 }

    /// Sets `map[i]` to the index here of each key `i` of `other` held in `other`'s slots
    /// `slots`, when it is here, leaving the others' untouched; never changes this table, so
    /// several threads may find the keys of different slots at once.
    ///
    /// The keys are looked up in the order of `other`'s slots rather than of its indices: a slot's
    /// place follows its key's hash, so when the two tables are the same size (as two parts of one
    /// input make them) the probes here go through this table in order too, and read it as a
    /// stream instead of missing the cache at every key. A key of up to 16 bytes is whole in its
    /// slot, so neither its bytes nor its hash are read from `other`'s arrays: the hash is made
    /// again from the slot.
    ///
    /// - Returns: how many keys in those slots are not here.
    /// - Complexity: O(*s* + *b*) expected for *s* slots holding keys of *b* bytes past their
    ///   first 16.
    func find(keysOf other: ByteInterner, slots range: Range<Int>, into map: UnsafeMutableBufferPointer<Int32>) -> Int {
        var missing = 0
        other.slots.withUnsafeBufferPointer { theirs in
            slots.withUnsafeBufferPointer { table in
                for slot in range {
                    let base = Self.slotWords &* slot
                    let entry = theirs[base]
                    if entry == 0 { continue }
                    let w0 = theirs[base &+ 1], w1 = theirs[base &+ 2]
                    let index = Int(entry & 0xFFFF_FFFF) &- 1
                    let length = Int(truncatingIfNeeded: entry &>> 32) & 0xFF
                    let found: Int?
                    if length <= 16 {
                        // The key is its first `length` bytes, whose hash needs nothing more.
                        let hash = Self.hash(UnsafeRawBufferPointer(start: nil, count: 0), w0, w1, length: length)
                        found = Self.find(in: table, mask: mask, hash: hash, head: entry & 0xFFFF_FFFF_0000_0000, w0, w1) { _ in true }.index
                    } else {
                        let key = other.keys.key(index)
                        let hash = other.keys.hashes[index]
                        found = Self.find(in: table, mask: mask, hash: hash, head: Self.head(hash: hash, length: key.count), w0, w1) {
                            tailEquals($0, key)
                        }.index
                    }
                    if let found { map[index] = Int32(truncatingIfNeeded: found) } else { missing &+= 1 }
                }
            }
        }
        return missing
    }

    /// Adds the keys of `other` whose `map` entry is negative (not found here), in `other`'s
    /// index order, and sets their entries to their new indices.
    ///
    /// - Complexity: O(*k* + *b*) expected for `other`'s *k* keys, of which those added have *b*
    ///   bytes.
    mutating func add(keysOf other: ByteInterner, missingFrom map: inout [Int32]) {
        let missing = map.indices.filter { map[$0] < 0 }
        // The keys are spread over `other`'s arrays and this table, all larger than the caches,
        // so what each key reads is fetched a few keys ahead: its start and hash, then (once its
        // start has arrived) its bytes, and the slot its probe reads first here.
        let ahead = 8
        let theirs = other.keys
        for (k, index) in missing.enumerated() {
            if k + 2 * ahead < missing.count {
                let later = missing[k + 2 * ahead]
                rolegraph_prefetch(theirs.starts + later)
                rolegraph_prefetch(theirs.hashes + later)
            }
            var upcoming: UInt64?
            if k + ahead < missing.count {
                let next = missing[k + ahead]
                rolegraph_prefetch(theirs.arena + theirs.starts[next])
                upcoming = theirs.hashes[next]
            }
            let key = theirs.key(index)
            let (w0, w1) = Self.prefix(key)
            map[index] = intern(key, w0, w1, hash: theirs.hashes[index], prefetching: upcoming).index
        }
    }

    /// Whether key `index` is UTF-8 text.
    ///
    /// - Complexity: O(*n*) for a key of *n* bytes.
    func isUTF8(at index: Int) -> Bool {
        String(validating: keys.key(index).assumingMemoryBound(to: UInt8.self), as: UTF8.self) != nil
    }

    /// Whether key `index`, of more than 16 bytes, equals `bytes`, whose first 16 bytes (and
    /// length, up to 255) are already known to match: its length, then its bytes after the 16.
    private func tailEquals(_ index: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
        let key = keys.key(index)
        guard key.count == bytes.count else { return false }
        return memcmp(key.baseAddress! + 16, bytes.baseAddress! + 16, bytes.count - 16) == 0
    }

    /// The probe: from the slot of `hash`, the first slot whose words match `head`, `w0` and
    /// `w1` and whose key `tailMatches` accepts (it compares what a slot does not hold), with
    /// that key's index; or the first empty slot, where such a key would go, and `nil`.
    ///
    /// - Complexity: O(1) expected.
    @inline(__always)
    private static func find(in table: UnsafeBufferPointer<UInt64>, mask: Int, hash: UInt64, head: UInt64,
                             _ w0: UInt64, _ w1: UInt64, tailMatches: (Int) -> Bool) -> (slot: Int, index: Int?) {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let base = slotWords &* slot
            let entry = table[base]
            if entry == 0 { return (slot, nil) }
            if entry & 0xFFFF_FFFF_0000_0000 == head && table[base &+ 1] == w0 && table[base &+ 2] == w1 {
                let index = Int(entry & 0xFFFF_FFFF) &- 1
                if tailMatches(index) { return (slot, index) }
            }
            slot = (slot &+ 1) & mask
        }
    }

    private mutating func grow() {
        let capacity = (mask + 1) * 2
        let old = slots
        mask = capacity - 1
        slots = [UInt64](largeRepeating: 0, count: Self.slotWords * capacity)
        slots.withUnsafeMutableBufferPointer { table in
            var base = 0
            while base < old.count {
                let entry = old[base]
                if entry != 0 {
                    let hash = keys.hashes[Int(entry & 0xFFFF_FFFF) - 1]
                    var slot = Int(truncatingIfNeeded: hash) & mask
                    while table[Self.slotWords * slot] != 0 { slot = (slot + 1) & mask }
                    for k in 0 ..< Self.slotWords { table[Self.slotWords * slot + k] = old[base + k] }
                }
                base += Self.slotWords
            }
        }
    }

    /// The words of a slot.
    private static let slotWords = 3

    /// A slot's first word but for the index: the upper 24 bits of `hash`, and `length` (255 for
    /// any longer key, whose length the probe then compares in the arena).
    @inline(__always)
    private static func head(hash: UInt64, length: Int) -> UInt64 {
        (hash & 0xFFFF_FF00_0000_0000) | UInt64(min(length, 255)) << 32
    }

    /// Whether every byte of `bytes`, whose ``prefix(_:)`` is `prefix`, is ASCII: from the
    /// prefix alone for a key of up to 16 bytes.
    ///
    /// - Complexity: O(1) for a key of up to 16 bytes, O(*n*) for one of *n* bytes.
    @inline(__always)
    static func isASCII(_ bytes: UnsafeRawBufferPointer, _ prefix: (UInt64, UInt64)) -> Bool {
        if (prefix.0 | prefix.1) & 0x8080_8080_8080_8080 != 0 { return false }
        return bytes.count <= 16 || !bytes[16...].contains { $0 >= 0x80 }
    }

    /// Whether every byte of key `index` is ASCII.
    ///
    /// - Complexity: O(*n*) for a key of *n* bytes.
    func isASCII(at index: Int) -> Bool {
        var high: UInt8 = 0
        for byte in keys.key(index) { high |= byte }
        return high < 0x80
    }

    /// The first 16 bytes of `bytes`, zero-padded, as two little-endian words.
    @inline(__always)
    static func prefix(_ bytes: UnsafeRawBufferPointer) -> (UInt64, UInt64) {
        let n = bytes.count
        if n >= 16 {
            return (UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self)),
                    UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
        }
        var w0: UInt64 = 0
        var w1: UInt64 = 0
        var i = 0
        if n >= 8 {
            w0 = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
            i = 8
        }
        while i < n {
            let byte = UInt64(bytes[i])
            if i < 8 { w0 |= byte << UInt64(8 * i) } else { w1 |= byte << UInt64(8 * (i - 8)) }
            i += 1
        }
        return (w0, w1)
    }

    /// A fast, well-mixed 64-bit hash of a short byte string, given its first 16 bytes as
    /// `w0`, `w1`: each word folded in with a multiply, then eight bytes at a time for the rest,
    /// then a final avalanche (the finaliser of SplitMix64).
    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer, _ w0: UInt64, _ w1: UInt64) -> UInt64 {
        hash(bytes, w0, w1, length: bytes.count)
    }

    /// ``hash(_:_:_:)`` of a key of `n` bytes, of which only those past the first 16 are read
    /// from `bytes`: a key of up to 16 bytes is hashed from `w0`, `w1` and its length alone.
    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer, _ w0: UInt64, _ w1: UInt64, length n: Int) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(n)
        h = (h ^ w0) &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 31
        h = (h ^ w1) &* 0xBF58_476D_1CE4_E5B9
        var i = 16
        while i < n {
            var word: UInt64 = 0
            if i + 8 <= n {
                word = bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                i += 8
            } else {
                var shift: UInt64 = 0
                while i < n {
                    word |= UInt64(bytes[i]) << shift
                    shift += 8
                    i += 1
                }
            }
            h ^= h >> 31
            h = (h ^ word) &* 0xBF58_476D_1CE4_E5B9
        }
        h = (h ^ (h >> 30)) &* 0xBF58_476D_1CE4_E5B9
        h = (h ^ (h >> 27)) &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 31)
    }
}
