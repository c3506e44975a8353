/// The layout of a snapshot image (`.rgx`): what `rolegraph index` writes and `--graph FILE.rgx`
/// maps. Every number is little-endian; Guides/Snapshot.md draws the layout.
///
/// An image is a fixed header, a table of sections (kind, offset, length, checksum) and the
/// sections themselves, each starting on an 8-byte boundary (the gaps are zero padding, outside
/// every checksum). The current version has exactly the kinds of ``SnapshotSection``, each once.
enum SnapshotLayout {
    /// The first eight bytes: a non-ASCII byte, `RGX`, and CR LF SUB LF (as PNG's signature), so
    /// a text transfer that rewrites line ends or a truncation at a SUB is noticed at once.
    static let magic: [UInt8] = [0x89, 0x52, 0x47, 0x58, 0x0D, 0x0A, 0x1A, 0x0A]
    /// The format version this build writes and the newest it reads.
    static let version: UInt32 = 5
    /// Magic (8), version (4), section count (4), file length (8), header checksum (8).
    static let headerSize = 32
    /// Kind (4), reserved (4), offset (8), length (8), checksum (8).
    static let tableEntrySize = 32
    /// The offset of the header checksum, which covers the header (this field read as zero) and
    /// the section table.
    static let headerChecksumOffset = 24
    /// Sections start on multiples of this.
    static let alignment = 8
    /// The meta section's length: role count, relation count, flags, source size, source mtime
    /// (seconds and nanoseconds), two reserved words.
    static let metaSize = 64

    /// Bits of the meta section's flags.
    enum Flag {
        static let counts: UInt64 = 1 << 0
        static let notes: UInt64 = 1 << 1
        static let stays: UInt64 = 1 << 2
        /// The source's size and mtime were recorded (the graph was not read from standard input).
        static let sourceStamp: UInt64 = 1 << 3
        /// The image holds the default path network (see ``SnapshotSection/networkOffsets``).
        static let network: UInt64 = 1 << 4
        /// The network's path sums are exact (`PathFinder.costsAreExact`).
        static let networkExact: UInt64 = 1 << 5
        /// The network's search weights are whole numbers (`PathFinder.costsAreWhole`).
        static let networkWhole: UInt64 = 1 << 6
        /// The search weights both ways are stored as Float32s, each equal to its Float64 (see
        /// ``SnapshotSection/networkNarrowWeights``); set only with the network's exact flag.
        static let networkNarrow: UInt64 = 1 << 7
        /// The search weights both ways are stored as codes into a palette of the distinct ones
        /// (see ``SnapshotSection/weightPalette``); set only with the network's exact flag, and
        /// never with the narrow flag.
        static let networkPalette: UInt64 = 1 << 8
        static let all: UInt64 = 0b1_1111_1111
    }
}

/// The sections of a version-5 image. Strings are arenas: an offsets section of *n* + 1 UInt64s
/// (the first 0, never decreasing) and a bytes section of UTF-8.
enum SnapshotSection: UInt32, CaseIterable {
    /// ``SnapshotLayout/metaSize`` bytes: counts, flags and the source's stamp.
    case meta = 1
    /// Offsets of three texts: the graph's name, its source, the indexed file's absolute path.
    case textOffsets = 2
    case textBytes = 3
    /// Offsets of the role ids, by dense index.
    case idOffsets = 4
    case idBytes = 5
    /// Per relation: the dense endpoints as two Int32s.
    case endpoints = 6
    /// Per relation: the kind, one byte (``RelationKind/code``).
    case kinds = 7
    /// Per relation: the effort as a Float64, NaN for none.
    case efforts = 8
    /// Per relation, when the counts flag is set: the observed count as a Float64, NaN for none.
    case counts = 9
    /// Per relation, when the notes flag is set: 1 when it has a note, else 0.
    case noteFlags = 10
    case noteOffsets = 11
    case noteBytes = 12
    /// Per role, when the stays flag is set: the stayers as a Float64, NaN for none.
    case stays = 13
    /// When the network flag is set, the network `path` and the other route queries search
    /// under their default costing (transitions weighted by effort), laid out as
    /// `RoutePlanner` lays it out, so a query copies it instead of building it: the CSR offsets
    /// as *R* + 1 UInt64s; then per edge, its target (Int32), weight (Float64) and relation
    /// position (Int32). The edge count is the meta section's seventh word; the eighth is the
    /// path finder's cost scale (a Float64), and when it is not 1 the search weights (the
    /// weights times the scale, as Float64s) follow, so a query need not check and scale them.
    case networkOffsets = 14
    case networkTargets = 15
    case networkWeights = 16
    case networkEdgeIDs = 17
    case networkSearchWeights = 18
    /// What loading the edge list repaired, four UInt64s: repeated rows aggregated, self-moves,
    /// whether they were kept as stayers (1) or dropped (0), zero-count rows skipped.
    case summary = 19
    /// When the network flag is set, the reversed network a bidirectional search walks
    /// backwards, as `PathFinder` derives it from the search weights: the offsets of the edges
    /// entering each role as *R* + 1 UInt64s; then per entering edge, its source (Int32), its
    /// search weight (Float64; empty when the narrow or the palette flag is set) and the position
    /// of the network edge it reverses (Int32).
    case reversedOffsets = 20
    case reversedSources = 21
    case reversedWeights = 22
    case reversedPositions = 23
    /// The table that finds a role by its id: ``RoleIDIndex/capacity(for:)`` of *R* Int32 slots,
    /// each 0 (empty) or a role's dense index plus one, placed by the id's hash
    /// (`ByteInterner.hash` of its UTF-8 bytes) with linear probing.
    case idSlots = 24
    /// When the narrow flag is set, the search weights of the network's edges (the weights, or
    /// the search weights when the cost scale is not 1) as Float32s, each equal to its Float64:
    /// what a bidirectional search reads, half the bytes, so it maps half as many of the image's
    /// pages. Set when every search weight converts to a Float32 and back unchanged (the whole
    /// numbers a decimal scaling makes do, below 2²⁴) and the path sums are exact.
    case networkNarrowWeights = 25
    /// When the narrow flag is set, the reversed network's search weights as Float32s.
    case reversedNarrowWeights = 26
    /// When the palette flag is set, the distinct search weights of the network, in ascending
    /// order, as 1 to 256 Float64s: what the bidirectional search reads through the two code
    /// sections that follow, a byte per edge, a quarter of the bytes of Float32s. Set instead of
    /// the narrow flag when the path sums are exact and the network has at most 256 distinct
    /// search weights, as an effort rated on a scale or rounded to a decimal gives.
    case weightPalette = 27
    /// When the palette flag is set, per network edge, the index of its search weight in the
    /// palette (one byte).
    case networkWeightCodes = 28
    /// When the palette flag is set, per reversed edge, the index of its search weight in the
    /// palette (one byte).
    case reversedWeightCodes = 29
}

/// The checksum of every section and of the header: little-endian 8-byte words added into four
/// lanes, each lane rotated after every word, and the lanes and the length mixed by
/// multiplication at the end.
///
/// Each step, `h = (h + w) <<< 29`, is a bijection of the word for a fixed lane state and of
/// the state for a fixed word, so changing any one word of the input (in particular any single
/// byte, or any bits within one word) always changes the result; the rotation makes the order of
/// the words count. The steps are additions and shifts, which run four words at a time in vector
/// registers on any 64-bit machine: a reader checks an image at the speed it can read it. It is
/// no defence against a deliberate forgery, which a local cache file does not need.
///
/// The bytes may be fed in pieces (``absorb(_:)``), so that a reader checks each piece's values
/// while it is in the cache; the result is the same as for the bytes at once (``of(_:)-swift.type.method``).
struct SnapshotChecksum {
    private static let k: UInt64 = 0x9E37_79B9_7F4A_7C15

    private var a: UInt64 = 0x243F_6A88_85A3_08D3, b: UInt64 = 0x1319_8A2E_0370_7344
    private var c: UInt64 = 0xA409_3822_299F_31D0, d: UInt64 = 0x082E_FA98_EC4E_6C89
    /// The bytes fed so far.
    private var length = 0
    /// Whether a piece that is not a whole number of 32-byte blocks was fed: it must be the last.
    private var ended = false

    /// The checksum of `bytes`.
    ///
    /// - Complexity: O(*n*) for *n* bytes.
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var checksum = SnapshotChecksum()
        checksum.absorb(bytes)
        return checksum.value
    }

    /// The checksum of a byte array.
    static func of(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes { of($0) } }

    @inline(__always)
    private static func step(_ h: UInt64, _ w: UInt64) -> UInt64 {
        let x = h &+ w
        return x << 29 | x >> 35
    }

    @inline(__always)
    private static func mix(_ h: UInt64, _ w: UInt64) -> UInt64 {
        var x = (h ^ w) &* k
        x ^= x >> 32
        return x
    }

    /// Feeds the next piece of the bytes.
    ///
    /// - Precondition: every piece but the last is a multiple of 32 bytes long.
    /// - Complexity: O(*n*) for a piece of *n* bytes.
    mutating func absorb(_ bytes: UnsafeRawBufferPointer) {
        precondition(!ended, "only the last piece of a checksum may be a part of a 32-byte block")
        length += bytes.count
        guard let base = bytes.baseAddress else { return }
        let words = bytes.count / 8
        var i = 0
        var a = self.a, b = self.b, c = self.c, d = self.d
        while i &+ 4 <= words {
            let at = base + i &* 8
            a = Self.step(a, UInt64(littleEndian: at.loadUnaligned(as: UInt64.self)))
            b = Self.step(b, UInt64(littleEndian: at.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
            c = Self.step(c, UInt64(littleEndian: at.loadUnaligned(fromByteOffset: 16, as: UInt64.self)))
            d = Self.step(d, UInt64(littleEndian: at.loadUnaligned(fromByteOffset: 24, as: UInt64.self)))
            i &+= 4
        }
        defer { (self.a, self.b, self.c, self.d) = (a, b, c, d) }
        guard bytes.count % 32 != 0 else { return }
        ended = true
        while i < words {
            a = Self.step(a, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)))
            i += 1
        }
        var tail: UInt64 = 0
        for j in stride(from: bytes.count - 1, through: words * 8, by: -1) { tail = tail << 8 | UInt64(bytes[j]) }
        if bytes.count % 8 != 0 { b = Self.step(b, tail) }
    }

    /// The checksum of everything fed.
    ///
    /// - Complexity: O(1).
    var value: UInt64 {
        var h = Self.mix(0x4528_21E6_38D0_1377, UInt64(length))
        h = Self.mix(h, a); h = Self.mix(h, b); h = Self.mix(h, c); h = Self.mix(h, d)
        return h
    }
}
