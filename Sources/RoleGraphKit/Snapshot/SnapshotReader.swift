import RoleGraphAlgorithms

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a snapshot image (``SnapshotLayout``): maps it, checks the header, the version, the
/// bounds of every section, every checksum and every index a later step follows, refuses a stale
/// image, and makes the graph over the columns where they lie in the mapping (no text parsing, no
/// de-duplication, no copy, no validation of the graph beyond bounds: it was validated when the
/// image was written).
enum SnapshotReader {
    /// Whether `path` is to be read as a snapshot: `format` says so, else its extension (`.rgx`),
    /// else its first bytes are the magic number, whatever its extension.
    ///
    /// - Complexity: O(1): one read of the first eight bytes.
    static func isSnapshot(_ path: String, format: GraphFileFormat?) -> Bool {
        if let format { return format == .snapshot }
        // An image is known by its magic number whatever its name (`moves.csv` copied over with
        // an image is still an image), so only `.rgx` skips the look.
        if GraphFileFormat(path: path) == .snapshot { return true }
        guard path != "-" else { return false }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        var head = [UInt8](repeating: 0, count: SnapshotLayout.magic.count)
        let got = head.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        return got == head.count && head == SnapshotLayout.magic
    }

    /// The graph in the image at `path`.
    ///
    /// - Throws: ``GraphLoadError/fileNotFound(path:)`` or ``GraphLoadError/unreadable(path:reason:)``
    ///   when it cannot be mapped; ``GraphLoadError/invalid(_:)`` with one diagnostic, `path: …`,
    ///   for a truncated, corrupt, wrong-magic, newer-version or stale image.
    /// - Complexity: O(*n*) for an image of *n* bytes, one checking pass on both cores, or O(*R*)
    ///   when `options` name a ledger that vouches for the file (``VerifiedImageLedger``); no copy
    ///   of a column but the stayers', no string per id, no hash per id (the stored id table is
    ///   used as it lies; see `RoleIDIndex`).
    static func load(_ path: String, options: GraphLoadOptions) throws(GraphLoadError) -> GraphLoadResult {
        try load(path, options: options, ledger: options.verifiedImagesDirectory.map { VerifiedImageLedger(directory: $0) })
    }

    /// ``load(_:options:)`` with the ledger given (tests inject its clock).
    static func load(_ path: String, options: GraphLoadOptions, ledger: VerifiedImageLedger?) throws(GraphLoadError) -> GraphLoadResult {
        guard path != "-" else {
            throw .unreadable(path: "<stdin>", reason: "a snapshot image is mapped from a file, not read from standard input")
        }
        // The clock before the file's identity is taken (see `VerifiedImageLedger.remember`).
        let since = ledger?.now() ?? 0
        let mapping = try FileMapping(path: path, maximumSize: options.maximumSize)
        let image = try ValidatedImage(mapping, file: path, ledger: ledger, since: since)
        try image.refuseIfStale()
        let graph = try image.graph()
        let summary = try image.summary(source: graph.source)
        if options.strict && !summary.isEmpty {
            throw image.corrupt("--strict refuses what loading this image's source repaired (\(summary.repairs)); "
                                + "'rolegraph validate --strict \(graph.source)' shows each at its line")
        }
        return GraphLoadResult(graph: graph, edgeListSummary: summary.isEmpty ? nil : summary)
    }
}

extension LayerLoader {
    /// An image as the base of the layers: finished when alone, as an edge list is; a document
    /// when an overlay's `extends:` names it.
    func snapshotBase(_ path: String, chain: [String]) throws(GraphLoadError) -> Base {
        let result = try SnapshotReader.load(path, options: options)
        return chain.isEmpty ? .finished(result) : .document(GraphDocument(graph: result.graph, file: path), lastOverlay: nil)
    }
}

/// An image whose header, table, section bounds and checksums have been checked.
private struct ValidatedImage {
    let mapping: FileMapping
    let file: String
    var ranges: [SnapshotSection: Range<Int>] = [:]
    var roleCount = 0, relationCount = 0, networkEdgeCount = 0
    var costScale = 1.0
    var flags: UInt64 = 0
    var stamp = SourceStamp(size: 0, seconds: 0, nanoseconds: 0)
    /// The graph's name, its source, and the indexed file's absolute path.
    var texts: [String] = []

    /// Sections this large are dropped from the process once checksummed or copied
    /// (``FileMapping/release(_:)``); smaller ones are not worth a system call.
    static let releasedSectionSize = 1 << 20

    func corrupt(_ what: String) -> GraphLoadError {
        .invalid([Diagnostic(.other("\(file): \(what)"))])
    }

    /// Checks the image, every byte of it unless `ledger` vouches for the file, and records in
    /// `ledger` a file that passed (`since`: the clock before the file was opened).
    init(_ mapping: FileMapping, file: String, ledger: VerifiedImageLedger? = nil, since: Double = 0) throws(GraphLoadError) {
        self.mapping = mapping
        self.file = file
        let layout = SnapshotLayout.self
        let size = mapping.count
        let corrupt = { (what: String) in GraphLoadError.invalid([Diagnostic(.other("\(file): \(what)"))]) }
        guard size >= layout.magic.count,
              try mapping.withBytes(0 ..< layout.magic.count, { Array($0) == layout.magic }) else {
            throw corrupt(size < layout.magic.count ? "not a snapshot image (\(size) bytes, shorter than its magic number)"
                                                   : "not a snapshot image (no RGX magic number); make one with 'rolegraph index'")
        }
        guard size >= layout.headerSize else { throw corrupt("truncated snapshot image (\(size) bytes, shorter than its header)") }
        let version = try u32(at: 8), sectionCount = Int(try u32(at: 12)), fileLength = try u64(at: 16)
        if version > layout.version {
            throw corrupt("snapshot format version \(version) is newer than this rolegraph reads (\(layout.version)); index the source again")
        }
        if version == 0 { throw corrupt("corrupt snapshot image (format version 0)") }
        if version < layout.version {
            throw corrupt("snapshot format version \(version) is older than this rolegraph reads (\(layout.version)); index the source again")
        }
        if fileLength > UInt64(size) { throw corrupt("truncated snapshot image (\(size) of \(fileLength) bytes)") }
        if fileLength < UInt64(size) { throw corrupt("corrupt snapshot image (\(UInt64(size) - fileLength) bytes after its end)") }
        guard sectionCount == SnapshotSection.allCases.count,
              mapping.contains(offset: UInt64(layout.headerSize), length: UInt64(sectionCount * layout.tableEntrySize)) else {
            throw corrupt("corrupt snapshot image (section table)")
        }
        let tableEnd = layout.headerSize + sectionCount * layout.tableEntrySize
        let headerChecksum = try mapping.withBytes(0 ..< tableEnd) { bytes in
            var copy = Array(bytes)
            for i in layout.headerChecksumOffset ..< layout.headerChecksumOffset + 8 { copy[i] = 0 }
            return SnapshotChecksum.of(copy)
        }
        if headerChecksum != (try u64(at: layout.headerChecksumOffset)) { throw corrupt("corrupt snapshot image (header checksum)") }
        var checksums: [SnapshotSection: UInt64] = [:], order: [SnapshotSection] = []
        for i in 0 ..< sectionCount {
            let entry = layout.headerSize + i * layout.tableEntrySize
            guard let kind = SnapshotSection(rawValue: try u32(at: entry)), ranges[kind] == nil, try u32(at: entry + 4) == 0 else {
                throw corrupt("corrupt snapshot image (section table entry \(i + 1))")
            }
            let offset = try u64(at: entry + 8), length = try u64(at: entry + 16)
            // Sections are read in place, as columns of 8-byte numbers among others: aligned.
            guard offset >= UInt64(tableEnd), offset % UInt64(layout.alignment) == 0,
                  mapping.contains(offset: offset, length: length) else {
                throw corrupt("corrupt snapshot image (section \(kind) out of bounds)")
            }
            ranges[kind] = Int(offset) ..< Int(offset + length)
            checksums[kind] = try u64(at: entry + 24)
            order.append(kind)
        }
        // The meta section first: its counts say what the others must hold.
        if try mapping.withBytes(ranges[.meta]!, { SnapshotChecksum.of($0) }) != checksums[.meta]! {
            throw corrupt("corrupt snapshot image (checksum of section \(SnapshotSection.meta))")
        }
        guard ranges[.meta]!.count == layout.metaSize else { throw corrupt("corrupt snapshot image (meta section)") }
        let meta = ranges[.meta]!.lowerBound
        let roles = try u64(at: meta), relations = try u64(at: meta + 8)
        flags = try u64(at: meta + 16)
        guard roles <= UInt64(Int32.max), relations <= UInt64(Int32.max), flags & ~SnapshotLayout.Flag.all == 0 else {
            throw corrupt("corrupt snapshot image (meta section)")
        }
        roleCount = Int(roles)
        relationCount = Int(relations)
        let networkEdges = try u64(at: meta + 48)
        guard networkEdges <= 2 * relations else { throw corrupt("corrupt snapshot image (meta section)") }
        networkEdgeCount = Int(networkEdges)
        costScale = Double(bitPattern: try u64(at: meta + 56))
        // 1, or a power of ten up to 10⁶ (`PathFinder.PreparedWeights`).
        guard [1, 10, 100, 1e3, 1e4, 1e5, 1e6].contains(costScale) else { throw corrupt("corrupt snapshot image (meta section)") }
        stamp = SourceStamp(size: try u64(at: meta + 24), seconds: Int64(bitPattern: try u64(at: meta + 32)),
                            nanoseconds: Int64(bitPattern: try u64(at: meta + 40)))
        // Every section's length must agree with the counts and flags.
        let e = relationCount, r = roleCount, n = networkEdgeCount
        let stated = flags
        func has(_ flag: UInt64) -> Bool { stated & flag != 0 }
        let network = has(SnapshotLayout.Flag.network)
        let narrow = has(SnapshotLayout.Flag.networkNarrow), palette = has(SnapshotLayout.Flag.networkPalette)
        // Compact search weights are for the bidirectional search, which only an exact network
        // gets, and an image stores them one way or the other.
        if (narrow || palette) && !(network && has(SnapshotLayout.Flag.networkExact)) || (narrow && palette) {
            throw corrupt("corrupt snapshot image (meta section)")
        }
        let expected: [SnapshotSection: Int] = [
            .textOffsets: 8 * 4, .idOffsets: 8 * (r + 1), .endpoints: 8 * e, .kinds: e, .efforts: 8 * e,
            .counts: has(SnapshotLayout.Flag.counts) ? 8 * e : 0,
            .noteFlags: has(SnapshotLayout.Flag.notes) ? e : 0,
            .noteOffsets: has(SnapshotLayout.Flag.notes) ? 8 * (e + 1) : 0,
            .stays: has(SnapshotLayout.Flag.stays) ? 8 * r : 0,
            .networkOffsets: network ? 8 * (r + 1) : 0,
            .networkTargets: network ? 4 * n : 0,
            .networkWeights: network ? 8 * n : 0,
            .networkEdgeIDs: network ? 4 * n : 0,
            .networkSearchWeights: network && costScale != 1 ? 8 * n : 0,
            .reversedOffsets: network ? 8 * (r + 1) : 0,
            .reversedSources: network ? 4 * n : 0,
            .reversedWeights: network && !narrow && !palette ? 8 * n : 0,
            .reversedPositions: network ? 4 * n : 0,
            .summary: 8 * 4,
            .idSlots: 4 * RoleIDIndex.capacity(for: r),
            .networkNarrowWeights: narrow ? 4 * n : 0,
            .reversedNarrowWeights: narrow ? 4 * n : 0,
            .networkWeightCodes: palette ? n : 0,
            .reversedWeightCodes: palette ? n : 0,
        ]
        for kind in SnapshotSection.allCases {
            guard let length = expected[kind], ranges[kind]!.count != length else { continue }
            throw corrupt("corrupt snapshot image (section \(kind) has \(ranges[kind]!.count) bytes, not \(length))")
        }
        // The palette: one weight or more, up to a byte's worth, when the flag is set (none for a
        // network without edges); else nothing.
        let paletteLength = ranges[.weightPalette]!.count
        guard paletteLength % 8 == 0,
              palette ? paletteLength <= 8 * CompactSearchWeights.paletteCapacity && (paletteLength > 0 || n == 0)
                      : paletteLength == 0
        else { throw corrupt("corrupt snapshot image (section weightPalette has \(paletteLength) bytes)") }
        // Every section's checksum, and the values of those read in place, in one pass; unless
        // this file, unchanged since, has passed it before.
        if ledger?.vouches(for: mapping.identity, header: headerChecksum) != true {
            try checkEverySection(order: order, checksums: checksums)
            ledger?.remember(mapping.identity, header: headerChecksum, checkedSince: since)
        }
        mapping.expectRandomReads()
        texts = strings(.textOffsets, .textBytes)
        if !has(SnapshotLayout.Flag.notes) && !ranges[.noteBytes]!.isEmpty { throw corrupt("corrupt snapshot image (notes)") }
    }

    /// The one pass over every section: its checksum, and the values a later step follows without
    /// a check of its own.
    ///
    /// - Complexity: O(*n*) for an image of *n* bytes, on both cores from 4 MiB.
    private func checkEverySection(order: [SnapshotSection], checksums: [SnapshotSection: UInt64]) throws(GraphLoadError) {
        let r = roleCount, e = relationCount, n = networkEdgeCount
        let below = { (count: Int) in SectionCheck.indices(below: UInt32(count)) }
        let checks: [SnapshotSection: SectionCheck] = [
            .textOffsets: .offsets(total: ranges[.textBytes]!.count), .idOffsets: .offsets(total: ranges[.idBytes]!.count),
            .noteOffsets: .offsets(total: ranges[.noteBytes]!.count), .endpoints: below(r), .kinds: .kinds,
            .networkOffsets: .offsets(total: n), .networkTargets: below(r), .networkEdgeIDs: below(e),
            .networkWeights: .weights, .networkSearchWeights: .weights,
            .reversedOffsets: .offsets(total: n), .reversedSources: below(r), .reversedWeights: .weights,
            .reversedPositions: below(n), .idSlots: below(r + 1),
            .networkNarrowWeights: .narrowWeights, .reversedNarrowWeights: .narrowWeights,
            .weightPalette: .weights, .networkWeightCodes: .codes(below: ranges[.weightPalette]!.count / 8),
            .reversedWeightCodes: .codes(below: ranges[.weightPalette]!.count / 8),
            .efforts: .amounts, .counts: .amounts, .stays: .amounts,
        ]
        let verified = mapping.verify(order.map { ranges[$0]! }, checks: order.map { checks[$0] ?? .none })
        for (kind, result) in zip(order, verified) {
            if result.checksum != checksums[kind]! { throw corrupt("corrupt snapshot image (checksum of section \(kind))") }
            // An empty section (no notes, no network) has no values to check.
            if !result.valid && !ranges[kind]!.isEmpty {
                throw corrupt("corrupt snapshot image (section \(kind): \(checks[kind]!.problem))")
            }
        }
    }

    /// Calls `body` with the bytes of `section`, then drops a large section's pages from the
    /// process (see ``releasedSectionSize``): what `body` needs of them, it copies.
    private func readSection<T>(_ section: SnapshotSection, _ body: (UnsafeRawBufferPointer) throws(GraphLoadError) -> T) throws(GraphLoadError) -> T {
        let range = ranges[section]!
        defer { if range.count >= Self.releasedSectionSize { mapping.release(range) } }
        return try mapping.withBytes(range, body)
    }

    private func u32(at offset: Int) throws(GraphLoadError) -> UInt32 {
        try mapping.withBytes(offset ..< offset + 4) { UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self)) }
    }

    private func u64(at offset: Int) throws(GraphLoadError) -> UInt64 {
        try mapping.withBytes(offset ..< offset + 8) { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
    }

    /// The strings of an arena, whose offsets the checking pass found to run from 0 to the end of
    /// its bytes, never decreasing.
    ///
    /// - Complexity: O(bytes of the arena).
    private func strings(_ offsets: SnapshotSection, _ bytes: SnapshotSection) -> [String] {
        let cuts = column(offsets, of: Int.self), text = column(bytes, of: UInt8.self)
        return text.withUnsafeBufferPointer { text in
            (0 ..< max(0, cuts.count - 1)).map { String(decoding: UnsafeBufferPointer(rebasing: text[cuts[$0] ..< cuts[$0 + 1]]), as: UTF8.self) }
        }
    }

    /// A column of little-endian Float64s.
    private func doubles(_ section: SnapshotSection) throws(GraphLoadError) -> [Double] {
        try readSection(section) { bytes in
            let n = bytes.count / 8
            return [Double](unsafeUninitializedCapacity: n) { buffer, initialized in
                for i in 0 ..< n { buffer[i] = Double(bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self))) }
                initialized = n
            }
        }
    }

    /// What the edge list's load repaired (repeated rows, self-moves, zero counts), as `index`
    /// found it, so a load from the image warns as a load from the file does.
    func summary(source: String) throws(GraphLoadError) -> EdgeListSummary {
        let at = ranges[.summary]!.lowerBound
        let aggregated = try u64(at: at), selfMoves = try u64(at: at + 8), kept = try u64(at: at + 16), zero = try u64(at: at + 24)
        guard aggregated <= UInt64(Int32.max), selfMoves <= UInt64(Int32.max), kept <= 1, zero <= UInt64(Int32.max) else {
            throw corrupt("corrupt snapshot image (summary)")
        }
        return EdgeListSummary(file: source, aggregatedRows: Int(aggregated), selfMoves: Int(selfMoves), selfMovesKept: kept == 1,
                               zeroCountRows: Int(zero))
    }

    /// The default path network and its reversed adjacency, read in place from the mapping,
    /// whose values ``init(_:file:ledger:since:)`` checked (or a ledger vouched for): offsets
    /// from 0 to the edge count, never decreasing; every target and source a role, every edge id
    /// a relation, every position a network edge; every weight finite and not negative (the
    /// compact search weights too), every palette code a palette entry. The checksums make a
    /// mismatch with the relations a sign of a forged image, not of damage; these checks keep
    /// even that one from reading out of bounds or sending a search astray (a forged image whose
    /// columns disagree with each other within those bounds can only give a wrong answer).
    ///
    /// - Complexity: O(1): no copy.
    private func network() -> RoleGraph.ReadyNetwork {
        let graph = CSRGraph(vertexCount: roleCount, offsets: column(.networkOffsets, of: Int.self),
                             targets: column(.networkTargets, of: Int32.self), weights: column(.networkWeights, of: Double.self),
                             edgeIDs: column(.networkEdgeIDs, of: Int32.self))
        let compact: CompactSearchWeights? =
            if flags & SnapshotLayout.Flag.networkNarrow != 0 {
                .float(forward: column(.networkNarrowWeights, of: Float.self), reversed: column(.reversedNarrowWeights, of: Float.self))
            } else if flags & SnapshotLayout.Flag.networkPalette != 0 {
                .palette(column(.weightPalette, of: Double.self), forward: column(.networkWeightCodes, of: UInt8.self),
                         reversed: column(.reversedWeightCodes, of: UInt8.self))
            } else {
                nil
            }
        let reversed = PathFinder.ReversedAdjacency(
            offsets: column(.reversedOffsets, of: Int.self), sources: column(.reversedSources, of: Int32.self),
            weights: column(.reversedWeights, of: Double.self), forwardPositions: column(.reversedPositions, of: Int32.self),
            compact: compact)
        let prepared = PathFinder.PreparedWeights(
            costScale: costScale, costsAreExact: flags & SnapshotLayout.Flag.networkExact != 0,
            costsAreWhole: flags & SnapshotLayout.Flag.networkWhole != 0,
            searchWeights: costScale == 1 ? nil : column(.networkSearchWeights, of: Double.self))
        return RoleGraph.ReadyNetwork(graph: graph, weights: prepared, reversed: reversed)
    }

    /// A section read in place as a column (its values checked by ``init(_:file:ledger:since:)`` where the
    /// reader relies on them).
    ///
    /// - Complexity: O(1).
    private func column<Element>(_ section: SnapshotSection, of type: Element.Type) -> Column<Element> {
        mapping.column(ranges[section]!, of: type)
    }

    /// Refuses the image when its source still exists and its size or modification time differ
    /// from those recorded; an image whose source is gone (or was read from standard input) is
    /// used as it is.
    func refuseIfStale() throws(GraphLoadError) {
        guard flags & SnapshotLayout.Flag.sourceStamp != 0 else { return }
        guard let now = SourceStamp(path: texts[2]) else { return }
        if now != stamp {
            throw corrupt("stale snapshot image: \(texts[2]) changed since it was indexed; run 'rolegraph index \(texts[2]) -o \(file)' again")
        }
    }

    /// The graph, over the columns where they lie (the stayers and the notes are copied).
    ///
    /// - Complexity: O(*R*), plus O(*E*) when the relations have notes.
    func graph() throws(GraphLoadError) -> RoleGraph {
        let e = relationCount
        let ids = RoleIDs(offsets: column(.idOffsets, of: Int.self), bytes: column(.idBytes, of: UInt8.self))
        var notes: [String?] = []
        if flags & SnapshotLayout.Flag.notes != 0 {
            let texts = strings(.noteOffsets, .noteBytes)
            notes = try readSection(.noteFlags) { flags in
                (0 ..< e).map { flags[$0] == 0 ? nil : texts[$0] }
            }
        }
        let stays = try doubles(.stays)
        let network = flags & SnapshotLayout.Flag.network != 0 ? self.network() : nil
        let area = EdgeListReader.defaultArea
        let columns = RelationColumns(roleIDs: ids, endpoints: column(.endpoints, of: (from: Int32, to: Int32).self),
                                      kinds: column(.kinds, of: UInt8.self), efforts: column(.efforts, of: Double.self),
                                      counts: column(.counts, of: Double.self), notes: notes)
        // The stored id table is checked by its first miss, if any (see `RoleIDIndex`): a query
        // naming roles by their exact ids pays for no check, and a table that fails it is
        // replaced by one built from the ids.
        return RoleGraph(edgeList: texts[0], source: texts[1], area: area, ids: ids, stays: stays, relations: columns,
                         idSlots: column(.idSlots, of: Int32.self), network: network)
    }
}
