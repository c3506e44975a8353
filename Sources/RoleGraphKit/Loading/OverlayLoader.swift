import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An overlay file as read: what `export --keep-extends` writes back instead of the flattened
/// graph.
public struct Overlay: Sendable {
    let document: OverlayDocument

    /// The file it was read from, as diagnostics name it.
    public var file: String { document.file }
    /// What it extends (`builtin` or a path relative to its file); `nil` for a later `--graph`.
    public var extends: String? { document.extends }
}

extension RoleGraph {
    /// The name `extends:` gives the built-in graph, and the name its facts carry in provenance.
    public static let builtInName = "builtin"

    /// Reads graph files as layers: the first is the base (any format, or a graph file that
    /// `extends:` another), and each later one an overlay applied to the result so far (a graph
    /// file of format 1, YAML or JSON, that does not itself say `extends:`). The result is
    /// validated as a whole; every diagnostic names the file it comes from.
    ///
    /// - Parameter paths: the files, base first; `-` reads standard input.
    /// - Parameter format: the base's format; by default, implied by the extension, else sniffed.
    /// - Parameter options: as for ``load(contentsOf:format:options:)``; the size limit applies to
    ///   each file.
    /// - Throws: ``GraphLoadError``: a file is missing, unreadable or too large, or the layers do not
    ///   make a valid graph (every problem, by layer, in file order).
    /// - Complexity: O(*n* + *L*·(*R* + *E* + *S*)) expected for *L* layers of *n* bytes in all.
    public static func load(layers paths: [String], format: GraphFileFormat? = nil,
                            options: GraphLoadOptions = GraphLoadOptions()) throws(GraphLoadError) -> GraphLoadResult {
        guard let first = paths.first else { return GraphLoadResult(graph: .builtIn) }
        var loader = LayerLoader(options: options)
        var document: GraphDocument
        var lastOverlay: OverlayDocument?
        var baseResult: GraphLoadResult?
        switch try loader.loadBase(first, format: format, chain: []) {
        case .finished(let result):
            // A DOT file or an edge list, validated as it was read, with its repairs.
            if paths.count == 1 {
                var result = result
                result.sniffedFormat = loader.sniffedBase
                return result
            }
            document = GraphDocument(graph: result.graph, file: first == "-" ? "<stdin>" : first)
            baseResult = result
        case .document(let parts, let overlay):
            document = parts
            lastOverlay = overlay
        }
        for path in paths.dropFirst() {
            let overlay = try loader.readOverlay(path, after: first)
            loader.apply(overlay, to: &document)
            lastOverlay = overlay
        }
        var result = try loader.finish(document, lastOverlay: lastOverlay,
                                       validated: paths.count == 1 && lastOverlay == nil)
        result.edgeListSummary = baseResult?.edgeListSummary
        result.sniffedFormat = loader.sniffedBase
        return result
    }
}

/// Reads the files of an overlay chain, applies each overlay, and validates the result.
struct LayerLoader {
    let options: GraphLoadOptions
    /// Problems found while applying overlays, reported with the whole graph's.
    var diagnostics: [Diagnostic] = []
    var notes: [Diagnostic] = []
    /// The roles the overlays removed, each with the place of its removal.
    var removedRoles: [RoleID: SourceLocation?] = [:]
    /// The base file's format when its content, not its name, decided it.
    var sniffedBase: GraphFileFormat?

    init(options: GraphLoadOptions) { self.options = options }

    /// A base: a whole graph's parts (for a graph file, directly or through `extends:`, with the
    /// last overlay applied), or an already finished result (an edge list, whose repairs come
    /// with it, or a DOT file).
    enum Base {
        case document(GraphDocument, lastOverlay: OverlayDocument?)
        case finished(GraphLoadResult)
    }

    /// Reads a base file; an overlay's `extends:` is followed first.
    ///
    /// - Parameter chain: the files already being read through `extends:`, outermost first, to
    ///   refuse a cycle.
    mutating func loadBase(_ path: String, format: GraphFileFormat?, chain: [String]) throws(GraphLoadError) -> Base {
        let name = path == "-" ? "<stdin>" : path
        if SnapshotReader.isSnapshot(path, format: format) { return try snapshotBase(path, chain: chain) }
        if let result = try mappedEdgeList(path, format: format) {
            return chain.isEmpty ? .finished(result) : .document(GraphDocument(graph: result.graph, file: name), lastOverlay: nil)
        }
        let (bytes, format, sniffed) = try read(path, format: format)
        if sniffed && chain.isEmpty { sniffedBase = format }
        // Node-link JSON (what `export --to json` writes) is a whole graph, never an overlay.
        let nodeLink = try format == .json ? NodeLinkJSONReader.readIfNodeLink(try text(bytes, file: name), file: name) : nil
        guard (format == .yaml || format == .json) && nodeLink == nil else {
            // A DOT file, an edge list, GraphML or node-link JSON; extended by an overlay, it becomes
            // a base document. Alone, its provenance (one file for every fact) is left out: a large
            // edge list need not carry a source per relation.
            let result: GraphLoadResult
            if let nodeLink {
                result = GraphLoadResult(graph: nodeLink)
            } else {
                result = try RoleGraph.parse(bytes: bytes, format: format, file: name, options: options)
            }
            return chain.isEmpty ? .finished(result) : .document(GraphDocument(graph: result.graph, file: name), lastOverlay: nil)
        }
        switch try GraphFileReader.readLayer(try text(bytes, file: name), file: name, json: format == .json, overlay: false) {
        case .graph(let document):
            return .document(document, lastOverlay: nil)
        case .overlay(let overlay):
            var document: GraphDocument
            do {
                document = try extended(by: overlay, path: path, chain: chain)
            } catch {
                // The overlay's own mistakes still count when its base cannot be read.
                guard case .invalid(let found) = error, !overlay.problems.isEmpty else { throw error }
                throw .invalid(GraphValidator.limited(overlay.problems + found))
            }
            apply(overlay, to: &document)
            return .document(document, lastOverlay: overlay)
        }
    }

    /// The graph an overlay's `extends:` names: the built-in one, or a file relative to the
    /// overlay's own directory.
    private mutating func extended(by overlay: OverlayDocument, path: String, chain: [String]) throws(GraphLoadError) -> GraphDocument {
        guard let target = overlay.extends else {
            throw .invalid([Diagnostic(.missingKey("extends", context: "the overlay"), at: overlay.extendsLocation)])
        }
        if target == RoleGraph.builtInName {
            return GraphDocument(graph: .builtIn, file: RoleGraph.builtInName)
        }
        let resolved: String
        if target.hasPrefix("/") || path == "-" {
            resolved = target
        } else {
            let directory = (path as NSString).deletingLastPathComponent
            resolved = directory.isEmpty ? target : (directory as NSString).appendingPathComponent(target)
        }
        let chainHere = chain + [path]
        let identity = Self.identity(of: resolved)
        if let start = chainHere.firstIndex(where: { Self.identity(of: $0) == identity }) {
            let cycle = (chainHere[start...] + [resolved]).map { $0 == "-" ? "<stdin>" : $0 }.joined(separator: " → ")
            throw .invalid([Diagnostic(.other("'extends' makes a cycle: \(cycle)"), at: overlay.extendsLocation)])
        }
        do {
            switch try loadBase(resolved, format: nil, chain: chainHere) {
            case .document(let document, _): return document
            case .finished(let result): return GraphDocument(graph: result.graph, file: resolved)
            }
        } catch {
            if case .fileNotFound = error {
                let builtin = Suggestions.nearest(to: target, in: [RoleGraph.builtInName])
                throw .invalid([Diagnostic(.other("extends '\(target)', which does not exist"
                                                  + (builtin != nil ? didYouMean(builtin) : resolved == target ? "" : " (looked for \(resolved))")),
                                           at: overlay.extendsLocation)])
            }
            if case .unreadable(let unreadable, let reason) = error, unreadable == resolved {
                throw .invalid([Diagnostic(.other("extends '\(target)', which cannot be read: \(reason)"
                                                  + (resolved == target ? "" : " (looked for \(resolved))")),
                                           at: overlay.extendsLocation)])
            }
            throw error
        }
    }

    /// A later `--graph` file: an overlay of format 1 (YAML or JSON) without `extends:`.
    mutating func readOverlay(_ path: String, after base: String) throws(GraphLoadError) -> OverlayDocument {
        let name = path == "-" ? "<stdin>" : path
        let (bytes, format, _) = try read(path, format: nil)
        guard format == .yaml || format == .json else {
            throw .invalid([Diagnostic(.other(
                "a later --graph is an overlay on the ones before it and must be a graph file of format 1 (YAML or JSON), not \(format.displayName); only the first --graph may be any format"),
                at: SourceLocation(file: name, line: 1, column: 1))])
        }
        let overlay = try GraphFileReader.readOverlay(try text(bytes, file: name), file: name, json: format == .json)
        if let extends = overlay.extends {
            throw .invalid(overlay.problems + [Diagnostic(.other(
                "'extends: \(extends)' in a later --graph, which is applied on top of the --graph files before it (from \(base)); remove 'extends', or give this file alone"),
                at: overlay.extendsLocation)])
        }
        return overlay
    }

    mutating func apply(_ overlay: OverlayDocument, to document: inout GraphDocument) {
        let merged = OverlayMerge.apply(overlay, to: document)
        document = merged.document
        diagnostics += overlay.problems + merged.diagnostics
        notes += merged.notes
        removedRoles.merge(merged.removedRoles) { _, new in new }
    }

    /// Validates the applied layers as a whole: the graph, or every problem by layer and place.
    ///
    /// - Parameter validated: whether the document is one file already validated on its own.
    func finish(_ document: GraphDocument, lastOverlay: OverlayDocument?, validated: Bool) throws(GraphLoadError) -> GraphLoadResult {
        var document = document
        // A relation an overlay states again as its base does, fact for fact, is read once.
        let repeated = validated ? [] : document.removeRepeatedRelations()
        let semantic = validated ? [] : GraphValidator.validate(
            areas: document.areas, skills: document.skills, roles: document.roles,
            relations: document.relations, locations: document.map, provenance: document.provenance)
        let errors = Self.sorted(diagnostics + semantic.map(explainingRemovals), layers: document.provenance.layers)
        if !errors.isEmpty { throw .invalid(GraphValidator.limited(errors)) }
        var result = GraphLoadResult(graph: document.uncheckedGraph())
        result.warnings = Self.sorted(document.warnings + repeated + GraphValidator.warnings(roles: document.roles, relations: document.relations,
                                                              locations: document.map, provenance: document.provenance),
                                      layers: document.provenance.layers)
        result.notes = notes
        result.provenance = document.provenance
        result.lastOverlay = lastOverlay.map(Overlay.init(document:))
        return result
    }

    /// An unknown role an overlay removed, said so with the removal's place.
    private func explainingRemovals(_ diagnostic: Diagnostic) -> Diagnostic {
        guard case .unknownReference(.role, let id, _) = diagnostic.problem,
              let removal = removedRoles[RoleID(id)] else { return diagnostic }
        var explained = diagnostic
        explained.problem = .other(OverlayMerge.removedRole(RoleID(id), at: removal, from: diagnostic.location))
        return explained
    }

    // MARK: Files

    /// Edge lists from this size up are parsed from a mapping of the file rather than a copy.
    static let mappedEdgeListSize = 1 << 20

    /// A large edge list named as one (by its format option or extension) and not compressed,
    /// parsed from a read-only mapping of the file whose pages the parse drops behind it, so the
    /// process never holds the whole file beside the columns it becomes; `nil` for anything else,
    /// which is read into memory as before.
    ///
    /// - Complexity: O(*n* + *E* + *R*) for *n* bytes.
    private func mappedEdgeList(_ path: String, format: GraphFileFormat?) throws(GraphLoadError) -> GraphLoadResult? {
        guard path != "-", let format = format ?? GraphFileFormat(path: path), format == .csv || format == .tsv else { return nil }
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) >= Self.mappedEdgeListSize else {
            return nil
        }
        let mapping = try FileMapping(path: path, maximumSize: options.maximumSize)
        guard mapping.count >= 2, !mapping.withWhole({ Gzip.isCompressed($0) }) else { return nil }
        let (graph, summary) = try EdgeListReader.read(
            mapped: mapping, separator: format == .csv ? UInt8(ascii: ",") : UInt8(ascii: "\t"), file: path, options: options)
        return GraphLoadResult(graph: graph, edgeListSummary: summary)
    }

    private func read(_ path: String, format: GraphFileFormat?) throws(GraphLoadError) -> ([UInt8], GraphFileFormat, sniffed: Bool) {
        let name = path == "-" ? "<stdin>" : path
        var bytes = try readFile(path, maximumSize: options.maximumSize)
        if Gzip.isCompressed(bytes) {
            bytes = try Gzip.decompress(bytes, limit: options.maximumSize, file: name)
        }
        let (resolved, sniffed) = GraphFileFormat.resolve(format, path: path, bytes: bytes)
        return (bytes, resolved, sniffed)
    }

    private func text(_ bytes: [UInt8], file: String) throws(GraphLoadError) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .unreadable(path: file, reason: "not UTF-8 text")
        }
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }

    /// A file's identity for cycle detection: its resolved real path, else the path as written.
    private static func identity(of path: String) -> String {
        guard path != "-", let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Diagnostics by layer (base first), then line and column; each once.
    static func sorted(_ diagnostics: [Diagnostic], layers: [String]) -> [Diagnostic] {
        var seen: Set<Diagnostic> = []
        let rank = Dictionary(layers.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        func key(_ d: Diagnostic) -> (Int, Int, Int) {
            guard let location = d.location else { return (Int.max, 0, 0) }
            return (rank[location.file] ?? layers.count, location.line, location.column ?? 0)
        }
        return diagnostics.filter { seen.insert($0).inserted }.enumerated().sorted { a, b in
            let ka = key(a.element), kb = key(b.element)
            return ka != kb ? ka < kb : a.offset < b.offset
        }.map(\.element)
    }
}

extension GraphFileFormat {
    /// The format's name in messages.
    var displayName: String {
        switch self {
        case .yaml: return "YAML"
        case .json: return "JSON"
        case .dot: return "a DOT file"
        case .csv: return "a CSV edge list"
        case .tsv: return "a TSV edge list"
        case .graphml: return "a GraphML file"
        case .snapshot: return "a snapshot image"
        }
    }
}
