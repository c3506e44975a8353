import Foundation
import RoleGraphAlgorithms

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A snapshot image made by ``RoleGraph/indexSnapshot(of:format:options:)``, with what loading
/// its source found.
public struct SnapshotImage: Sendable {
    /// The image, to be written to a `.rgx` file.
    public let bytes: [UInt8]
    /// The graph as read from the source, with an edge list's repairs.
    public let load: GraphLoadResult
}

extension RoleGraph {
    /// Reads a graph file and makes its snapshot image: a binary copy of the loaded graph that
    /// `--graph FILE.rgx` maps and uses without parsing (Guides/Snapshot.md).
    ///
    /// Only a graph shaped as an edge list has an image: roles named by their ids in the one
    /// area an edge list gives them, no skills, titles or other role facts. A graph file of
    /// format 1 loads fast enough from its text, and is refused.
    ///
    /// - Parameter path: the graph file; `-` reads standard input (then no staleness can be
    ///   checked later).
    /// - Parameter format: the file's format; by default, implied by the extension, else sniffed.
    /// - Parameter options: as for ``load(contentsOf:format:options:)``: edge-list columns,
    ///   `strict`, the size limit.
    /// - Throws: ``GraphLoadError`` as ``load(contentsOf:format:options:)``, and
    ///   ``GraphLoadError/invalid(_:)`` for a graph that is not edge-list shaped or a file that
    ///   changed while it was read.
    /// - Complexity: O(*n* + *R* + *E*) for a file of *n* bytes.
    public static func indexSnapshot(of path: String, format: GraphFileFormat? = nil,
                                     options: GraphLoadOptions = GraphLoadOptions()) throws(GraphLoadError) -> SnapshotImage {
        let before = SourceStamp(path: path)
        let result = try load(contentsOf: path, format: format, options: options)
        let name = path == "-" ? "<stdin>" : path
        if before != SourceStamp(path: path) {
            throw .invalid([Diagnostic(.other("\(name): changed while it was being indexed; index it again"))])
        }
        if let problem = SnapshotWriter.unsupported(result.graph) {
            throw .invalid([Diagnostic(.other("\(name): a snapshot holds an edge-list-shaped graph (the large networks it is for), and this graph \(problem); load it from its file"))])
        }
        let bytes = SnapshotWriter.image(of: result.graph, summary: result.edgeListSummary, stamp: before,
                                         sourcePath: before.map { _ in Self.absolutePath(path) } ?? "")
        return SnapshotImage(bytes: bytes, load: result)
    }

    private static func absolutePath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// A source file's size and modification time, recorded in an image to notice a stale one.
struct SourceStamp: Equatable {
    var size: UInt64
    var seconds: Int64
    var nanoseconds: Int64

    /// The stamp of a regular file, or `nil` for standard input, a missing file or a stream.
    init?(path: String) {
        guard path != "-" else { return nil }
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        size = UInt64(info.st_size)
        #if canImport(Darwin)
        seconds = Int64(info.st_mtimespec.tv_sec); nanoseconds = Int64(info.st_mtimespec.tv_nsec)
        #else
        seconds = Int64(info.st_mtim.tv_sec); nanoseconds = Int64(info.st_mtim.tv_nsec)
        #endif
    }

    init(size: UInt64, seconds: Int64, nanoseconds: Int64) {
        self.size = size
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }
}

/// Lays a graph out as an image of the current version (``SnapshotLayout``).
enum SnapshotWriter {
    /// Why the graph cannot be a snapshot (a phrase after "this graph"), or `nil` when it can.
    static func unsupported(_ graph: RoleGraph) -> String? {
        let area = EdgeListReader.defaultArea
        if !graph.skills.isEmpty { return "has skills" }
        if graph.areas != [area] && !(graph.areas.isEmpty && graph.roles.isEmpty) { return "has areas" }
        if !graph.description.isEmpty { return "has a description" }
        for role in graph.roles {
            if role.name != role.id.rawValue || role.area != area.id || !role.summary.isEmpty || !role.titles.isEmpty
                || !role.responsibilities.isEmpty || !role.problems.isEmpty || !role.allSkills.isEmpty
                || role.entryLevel != nil || role.prevalence != nil {
                return "has role facts beyond ids (role '\(role.id)')"
            }
        }
        return nil
    }

    /// The image of an edge-list-shaped graph.
    ///
    /// - Complexity: O(*R* + *E* + the bytes of the ids and notes).
    static func image(of graph: RoleGraph, summary: EdgeListSummary? = nil, stamp: SourceStamp?, sourcePath: String) -> [UInt8] {
        let store = graph.relationStore
        let e = store.count, r = graph.roles.count
        var flags: UInt64 = 0
        var endpoints = Bytes(), kinds = Bytes(), efforts = Bytes(), counts = Bytes()
        var noteFlags = Bytes(), stays = Bytes()
        var notes = Arena(), ids = Arena(), texts = Arena()
        endpoints.reserve(8 * e); kinds.reserve(e); efforts.reserve(8 * e)
        let hasCounts = (0 ..< e).contains { store.observedCount(at: $0) != nil }
        let hasNotes = (0 ..< e).contains { store.relation(at: $0).note != nil }
        let hasStays = graph.roles.contains { $0.stays != nil }
        if hasCounts { flags |= SnapshotLayout.Flag.counts; counts.reserve(8 * e) }
        if hasNotes { flags |= SnapshotLayout.Flag.notes }
        if hasStays { flags |= SnapshotLayout.Flag.stays }
        if stamp != nil { flags |= SnapshotLayout.Flag.sourceStamp }
        for position in 0 ..< e {
            let (a, b) = graph.endpoints(ofRelationAt: position)
            endpoints.append32(UInt32(bitPattern: a)); endpoints.append32(UInt32(bitPattern: b))
            kinds.bytes.append(store.kind(at: position).code)
            efforts.appendDouble(store.effort(at: position) ?? .nan)
            if hasCounts { counts.appendDouble(store.observedCount(at: position) ?? .nan) }
            if hasNotes {
                let note = store.relation(at: position).note
                noteFlags.bytes.append(note == nil ? 0 : 1)
                notes.append(note ?? "")
            }
        }
        for role in graph.roles {
            ids.append(role.id.rawValue)
            if hasStays { stays.appendDouble(role.stays ?? .nan) }
        }
        for text in [graph.name, graph.source, sourcePath] { texts.append(text) }
        // The default path network, as the planner lays it out, and what a path finder derives
        // from its weights. (An edge list's efforts are validated finite and positive, so the
        // preparation cannot fail; were it to, the image would hold no network, and queries
        // would build it.)
        let network = RoutePlanner.buildNetwork(graph, StepCosting(), nil)
        let prepared = try? PathFinder.PreparedWeights(network)
        var forward = Adjacency(), reversed = Adjacency(), searchWeights = Bytes()
        var narrowForward = Bytes(), narrowReversed = Bytes()
        var palette = Bytes(), forwardCodes = Bytes(), reversedCodes = Bytes()
        if let prepared {
            flags |= SnapshotLayout.Flag.network
            if prepared.costsAreExact { flags |= SnapshotLayout.Flag.networkExact }
            if prepared.costsAreWhole { flags |= SnapshotLayout.Flag.networkWhole }
            forward = Adjacency(offsets: network.offsets, heads: network.targets, weights: network.weights, ids: network.edgeIDs)
            for w in prepared.searchWeights ?? [] { searchWeights.appendDouble(w) }
            var finder = PathFinder(network, prepared: prepared)
            let index = finder.reversedAdjacency()
            let weightsForward = prepared.searchWeights ?? network.weights
            // The search weights in fewer bytes for the bidirectional search (the one an exact
            // network gets): a byte per edge naming one of the distinct weights when there are at
            // most 256, else Float32s when each is one exactly. The reversed Float64s are then not
            // stored: nothing else reads them.
            if prepared.costsAreExact, let distinct = CompactSearchWeights.palette(of: weightsForward) {
                flags |= SnapshotLayout.Flag.networkPalette
                for w in distinct { palette.appendDouble(w) }
                forwardCodes.bytes = CompactSearchWeights.codes(weightsForward, in: distinct)
                reversedCodes.bytes = CompactSearchWeights.codes(index.weights, in: distinct)
                reversed = Adjacency(offsets: index.offsets, heads: index.sources, weights: nil, ids: index.forwardPositions)
            } else if prepared.costsAreExact, let narrow = CompactSearchWeights.floats(weightsForward),
                      let narrowBack = CompactSearchWeights.floats(index.weights) {
                flags |= SnapshotLayout.Flag.networkNarrow
                narrowForward.reserve(4 * narrow.count); narrowReversed.reserve(4 * narrowBack.count)
                for w in narrow { narrowForward.append32(w.bitPattern) }
                for w in narrowBack { narrowReversed.append32(w.bitPattern) }
                reversed = Adjacency(offsets: index.offsets, heads: index.sources, weights: nil, ids: index.forwardPositions)
            } else {
                reversed = Adjacency(offsets: index.offsets, heads: index.sources, weights: index.weights, ids: index.forwardPositions)
            }
        }
        var idSlots = Bytes()
        idSlots.reserve(4 * graph.roleIndex.slots.count)
        for slot in graph.roleIndex.slots { idSlots.append32(UInt32(bitPattern: slot)) }
        var repairs = Bytes()
        repairs.append64(UInt64(summary?.aggregatedRows ?? 0)); repairs.append64(UInt64(summary?.selfMoves ?? 0))
        repairs.append64(summary?.selfMovesKept ?? true ? 1 : 0); repairs.append64(UInt64(summary?.zeroCountRows ?? 0))
        var meta = Bytes()
        meta.append64(UInt64(r)); meta.append64(UInt64(e)); meta.append64(flags)
        meta.append64(stamp?.size ?? 0)
        meta.append64(UInt64(bitPattern: stamp?.seconds ?? 0)); meta.append64(UInt64(bitPattern: stamp?.nanoseconds ?? 0))
        meta.append64(prepared == nil ? 0 : UInt64(network.edgeCount)); meta.append64((prepared?.costScale ?? 1).bitPattern)

        let sections: [(SnapshotSection, [UInt8])] = [
            (.meta, meta.bytes), (.textOffsets, texts.offsets.bytes), (.textBytes, texts.bytes),
            (.idOffsets, ids.offsets.bytes), (.idBytes, ids.bytes), (.endpoints, endpoints.bytes),
            (.kinds, kinds.bytes), (.efforts, efforts.bytes), (.counts, counts.bytes),
            (.noteFlags, noteFlags.bytes), (.noteOffsets, hasNotes ? notes.offsets.bytes : []),
            (.noteBytes, notes.bytes), (.stays, stays.bytes),
            (.networkOffsets, forward.offsets.bytes), (.networkTargets, forward.heads.bytes),
            (.networkWeights, forward.weights.bytes), (.networkEdgeIDs, forward.ids.bytes),
            (.networkSearchWeights, searchWeights.bytes), (.summary, repairs.bytes),
            (.reversedOffsets, reversed.offsets.bytes), (.reversedSources, reversed.heads.bytes),
            (.reversedWeights, reversed.weights.bytes), (.reversedPositions, reversed.ids.bytes),
            (.idSlots, idSlots.bytes), (.networkNarrowWeights, narrowForward.bytes),
            (.reversedNarrowWeights, narrowReversed.bytes), (.weightPalette, palette.bytes),
            (.networkWeightCodes, forwardCodes.bytes), (.reversedWeightCodes, reversedCodes.bytes),
        ]
        return assemble(sections)
    }

    /// Header, table and 8-aligned sections, with every checksum filled in.
    private static func assemble(_ sections: [(SnapshotSection, [UInt8])]) -> [UInt8] {
        let align = SnapshotLayout.alignment
        let tableEnd = SnapshotLayout.headerSize + sections.count * SnapshotLayout.tableEntrySize
        var offsets: [Int] = []
        var cursor = (tableEnd + align - 1) / align * align
        for (_, bytes) in sections {
            offsets.append(cursor)
            cursor = (cursor + bytes.count + align - 1) / align * align
        }
        var header = Bytes()
        header.bytes += SnapshotLayout.magic
        header.append32(SnapshotLayout.version)
        header.append32(UInt32(sections.count))
        header.append64(UInt64(cursor))
        header.append64(0)  // the header checksum, filled in below
        for (i, (kind, bytes)) in sections.enumerated() {
            header.append32(kind.rawValue); header.append32(0)
            header.append64(UInt64(offsets[i])); header.append64(UInt64(bytes.count))
            header.append64(SnapshotChecksum.of(bytes))
        }
        let checksum = SnapshotChecksum.of(header.bytes)
        withUnsafeBytes(of: checksum.littleEndian) { header.bytes.replaceSubrange(SnapshotLayout.headerChecksumOffset ..< SnapshotLayout.headerChecksumOffset + 8, with: $0) }
        var image = header.bytes
        image.reserveCapacity(cursor)
        for (i, (_, bytes)) in sections.enumerated() {
            image += repeatElement(0, count: offsets[i] - image.count)
            image += bytes
        }
        image += repeatElement(0, count: cursor - image.count)
        return image
    }

    /// Little-endian bytes being laid down.
    struct Bytes {
        var bytes: [UInt8] = []
        mutating func reserve(_ n: Int) { bytes.reserveCapacity(n) }
        mutating func append32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
        mutating func append64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
        mutating func appendDouble(_ v: Double) { append64(v.bitPattern) }
    }

    /// The four sections of an adjacency (the network, or its reverse): CSR offsets as UInt64s,
    /// then per edge its other end (Int32), its weight (Float64) and an id (Int32).
    struct Adjacency {
        var offsets = Bytes(), heads = Bytes(), weights = Bytes(), ids = Bytes()

        init() {}

        /// The sections of an adjacency; with `weights` nil, its weights section is empty.
        init(offsets: Column<Int>, heads: Column<Int32>, weights: Column<Double>?, ids: Column<Int32>) {
            self.offsets.reserve(8 * offsets.count); self.heads.reserve(4 * heads.count)
            self.weights.reserve(weights == nil ? 0 : 8 * heads.count); self.ids.reserve(4 * heads.count)
            for offset in offsets { self.offsets.append64(UInt64(offset)) }
            for e in 0 ..< heads.count {
                self.heads.append32(UInt32(bitPattern: heads[e]))
                if let weights { self.weights.appendDouble(weights[e]) }
                self.ids.append32(UInt32(bitPattern: ids[e]))
            }
        }
    }

    /// A string arena: UTF-8 bytes and the offsets that cut them.
    struct Arena {
        var offsets = Bytes(bytes: [0, 0, 0, 0, 0, 0, 0, 0])
        var bytes: [UInt8] = []
        mutating func append(_ text: String) {
            bytes += text.utf8
            offsets.append64(UInt64(bytes.count))
        }
    }
}
