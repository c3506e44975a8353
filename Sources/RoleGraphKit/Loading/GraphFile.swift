import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The kinds of file a graph can be read from.
public enum GraphFileFormat: String, CaseIterable, Sendable {
    /// The graph file format (version 1), documented in Guides/CommandLine.md.
    case yaml
    /// The same schema in JSON.
    case json
    /// Graphviz DOT, read through libcgraph.
    case dot
    /// An edge list with a header row (`from,to[,kind][,effort][,count]`); `csv` prefers `,` and
    /// `tsv` a tab, but the header line's separator (`,` `;` tab `|`) decides.
    case csv, tsv
    /// GraphML, as RoleGraph, Gephi, yEd and NetworkX write it.
    case graphml
    /// A snapshot image (`.rgx`) that `rolegraph index` wrote: a loaded edge list, mapped and used
    /// without parsing (Guides/Snapshot.md).
    case snapshot

    /// The format a file name's extension implies, if any; a `.gz` suffix is looked through
    /// (`moves.csv.gz` is a CSV edge list, decompressed as it is read).
    init?(path: String) {
        var name = path.split(separator: "/").last.map(String.init) ?? path
        if name.lowercased().hasSuffix(".gz") { name.removeLast(3) }
        guard let dot = name.lastIndex(of: ".") else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "yaml", "yml": self = .yaml
        case "json": self = .json
        case "dot", "gv": self = .dot
        case "csv": self = .csv
        case "tsv", "tab": self = .tsv
        case "graphml", "xml": self = .graphml
        case "rgx": self = .snapshot
        default: return nil
        }
    }

    /// The format to read a file as: the one given, else the one its name implies, else the one
    /// its content suggests, and whether the content decided (so a caller can say so).
    ///
    /// - Complexity: O(1) when the format is given or implied; else that of ``sniff(_:)``.
    static func resolve(_ given: GraphFileFormat?, path: String, bytes: [UInt8]) -> (format: GraphFileFormat, sniffed: Bool) {
        if let format = given ?? GraphFileFormat(path: path) { return (format, false) }
        return (sniff(bytes), true)
    }

    /// Guesses the format of text with no telling extension: DOT starts with `graph`, `digraph`,
    /// `strict` or a `//` or `/*` comment; JSON with `{`; GraphML with `<`; an edge list's first line names a `from` and
    /// a `to` column; anything else is read as YAML.
    static func sniff(_ text: some Collection<UInt8>) -> GraphFileFormat {
        var bytes = text.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if text.starts(with: SnapshotLayout.magic) { return .snapshot }
        if bytes.first == UInt8(ascii: "{") { return .json }
        if bytes.first == UInt8(ascii: "<") { return .graphml }
        let head = String(decoding: bytes.prefix(16), as: UTF8.self).lowercased()
        // A YAML graph file is a mapping, so a leading C-style comment can only be DOT's.
        if head.hasPrefix("digraph") || head.hasPrefix("graph") || head.hasPrefix("strict")
            || head.hasPrefix("//") || head.hasPrefix("/*") { return .dot }
        // An edge list's header row names a `from` and a `to` column (or their aliases).
        let firstLine = String(decoding: bytes.prefix { $0 != 0x0A && $0 != 0x0D }.prefix(512), as: UTF8.self)
        for (separator, format) in [("\t", GraphFileFormat.tsv), (",", .csv), (";", .csv), ("|", .csv)] {
            let columns = Set(firstLine.split(separator: Character(separator)).compactMap {
                EdgeListField(headerName: $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
            })
            if columns.contains(.from) && columns.contains(.to) { return format }
        }
        return .yaml
    }
}

extension RoleGraph {
    /// The article's graph ("Career options in data"), built into the binary.
    ///
    /// It is compiled in from `Graphs/data-careers.yaml`; tests prove the
    /// compiled graph equal to that file's, and valid.
    ///
    /// - Complexity: O(*R* + *E* + *S*) expected on first use, to index the graph; O(1) after.
    public static let builtIn: RoleGraph = BuiltinGraph.makeGraph()

    /// Reads a graph file. `-` reads standard input.
    ///
    /// - Parameter path: the file, or `-` for standard input.
    /// - Parameter format: the file's format; by default, implied by the extension, else sniffed.
    /// - Throws: ``GraphLoadError``: the file is missing or unreadable, or not a valid graph (with
    ///   every problem and its location).
    /// - Complexity: O(*n* + *R* + *E* + *S*) expected for a file of *n* bytes, plus edit-distance
    ///   work for at most 100 unknown references when the graph is invalid.
    public static func load(contentsOf path: String, format: GraphFileFormat? = nil) throws(GraphLoadError) -> RoleGraph {
        try load(contentsOf: path, format: format, options: GraphLoadOptions()).graph
    }

    /// The input size limit ``load(contentsOf:format:)`` applies: 1 GiB, which holds an edge
    /// list of tens of millions of rows.
    public static let defaultMaximumInputSize = 1 << 30

    /// Reads a graph file of at most `maximumSize` bytes. `-` reads standard input.
    ///
    /// Without a limit, a mistaken path (`/dev/zero`, a disk image) would fill memory until the
    /// process is killed; with one, a regular file is refused from its size before any byte is
    /// read, and a stream or pipe as soon as it passes the limit.
    ///
    /// - Parameter path: the file, or `-` for standard input.
    /// - Parameter format: the file's format; by default, implied by the extension, else sniffed.
    /// - Parameter maximumSize: the most bytes to read (and, for a gzip file, to decompress).
    /// - Throws: ``GraphLoadError``, ``GraphLoadError/tooLarge(path:limit:)`` for an input over
    ///   the limit.
    /// - Complexity: as ``load(contentsOf:format:)``; at most `maximumSize` bytes are read.
    public static func load(contentsOf path: String, format: GraphFileFormat? = nil,
                            maximumSize: Int) throws(GraphLoadError) -> RoleGraph {
        try load(contentsOf: path, format: format, options: GraphLoadOptions(maximumSize: maximumSize)).graph
    }

    /// Reads a graph file with options, returning what an edge list's loading repaired beside
    /// the graph (and, for a graph file of format 1, its warnings; for an overlay that
    /// `extends:` another graph, its notes and which file stated each fact). A gzip-compressed file (any format) is decompressed as it is read, up to the
    /// options' `maximumSize` of decompressed data (a "zip bomb", or simply the wrong file, is
    /// refused with a clear error instead of exhausting memory).
    ///
    /// - Parameter path: the file, or `-` for standard input.
    /// - Parameter format: the file's format; by default, implied by the extension (through
    ///   `.gz`), else sniffed.
    /// - Parameter options: explicit edge-list columns, whether the edge-list repairs are errors,
    ///   and the size limit.
    /// - Throws: ``GraphLoadError``: the file is missing, unreadable, corrupt or over the size
    ///   limit, or not a valid graph (with every problem and its location).
    /// - Complexity: as ``load(contentsOf:format:)``, plus O(*n*) to decompress.
    public static func load(contentsOf path: String, format: GraphFileFormat? = nil,
                            options: GraphLoadOptions) throws(GraphLoadError) -> GraphLoadResult {
        try load(layers: [path], format: format, options: options)
    }

    /// Parses a graph from text.
    ///
    /// - Parameter text: the graph in the chosen format.
    /// - Parameter format: the text's format; YAML by default.
    /// - Parameter file: the name used in diagnostics.
    /// - Throws: ``GraphLoadError/invalid(_:)`` with every problem and its location.
    /// - Complexity: as ``load(contentsOf:format:)``, for *n* bytes of text.
    public static func parse(_ text: String, format: GraphFileFormat = .yaml, file: String = "<input>") throws(GraphLoadError) -> RoleGraph {
        try parse(bytes: Array(text.utf8), format: format, file: file)
    }

    static func parse(bytes: [UInt8], format: GraphFileFormat, file: String) throws(GraphLoadError) -> RoleGraph {
        try parse(bytes: bytes, format: format, file: file, options: GraphLoadOptions()).graph
    }

    static func parse(bytes: [UInt8], format: GraphFileFormat, file: String,
                      options: GraphLoadOptions) throws(GraphLoadError) -> GraphLoadResult {
        if format == .csv || format == .tsv {
            let (graph, summary) = try EdgeListReader.read(
                bytes, separator: format == .csv ? UInt8(ascii: ",") : UInt8(ascii: "\t"), file: file, options: options)
            return GraphLoadResult(graph: graph, edgeListSummary: summary)
        }
        if format == .dot {
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw .unreadable(path: file, reason: "not UTF-8 text")
            }
            let (graph, warnings) = try DOTImporter.readWithWarnings(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, file: file)
            var result = GraphLoadResult(graph: graph)
            result.warnings = warnings
            return result
        }
        if format == .graphml {
            let (graph, summary) = try GraphMLReader.read(bytes, file: file, strict: options.strict)
            return GraphLoadResult(graph: graph, edgeListSummary: summary.isEmpty ? nil : summary)
        }
        return GraphLoadResult(graph: try parseOther(bytes: bytes, format: format, file: file))
    }

    private static func parseOther(bytes: [UInt8], format: GraphFileFormat, file: String) throws(GraphLoadError) -> RoleGraph {
        switch format {
        case .yaml, .json:
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw .unreadable(path: file, reason: "not UTF-8 text")
            }
            let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
            if format == .json, let graph = try NodeLinkJSONReader.readIfNodeLink(body, file: file) { return graph }
            return try GraphFileReader.read(body, file: file, json: format == .json)
        case .dot:
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw .unreadable(path: file, reason: "not UTF-8 text")
            }
            return try DOTImporter.read(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, file: file)
        case .graphml:
            return try GraphMLReader.read(bytes, file: file)
        case .snapshot:
            throw .unreadable(path: file, reason: "a snapshot image is mapped from its file: give it with --graph FILE.rgx")
        case .csv, .tsv:
            return try EdgeListReader.read(bytes, separator: format == .csv ? UInt8(ascii: ",") : UInt8(ascii: "\t"), file: file).graph
        }
    }
}

/// Reads a whole file (or standard input for `-`) with POSIX calls, mapping errno to
/// ``GraphLoadError``.
func readFile(_ path: String, maximumSize: Int = RoleGraph.defaultMaximumInputSize) throws(GraphLoadError) -> [UInt8] {
    let fd: Int32 = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 {
        let code = errno
        if code == ENOENT || code == ENOTDIR { throw .fileNotFound(path: path) }
        throw .unreadable(path: path, reason: String(cString: strerror(code)))
    }
    defer { if fd != 0 { close(fd) } }
    var info = stat()
    if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
        throw .unreadable(path: path, reason: "is a directory")
    }
    // A regular file reports its size: refused before reading. Streams are checked as they come.
    if (info.st_mode & S_IFMT) == S_IFREG && Int(info.st_size) > maximumSize {
        throw .tooLarge(path: path == "-" ? "<stdin>" : path, limit: maximumSize)
    }
    var result: [UInt8] = []
    var capacity = max(0, min(max(Int(info.st_size) + 1, 64 * 1024), maximumSize == .max ? .max : maximumSize + 1))
    result.reserveCapacity(capacity)
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
        let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if count < 0 {
            if errno == EINTR { continue }
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        if count == 0 { break }
        if result.count + count > maximumSize { throw .tooLarge(path: path == "-" ? "<stdin>" : path, limit: maximumSize) }
        result.append(contentsOf: chunk[0..<count])
        if result.count > capacity { capacity *= 2 }
    }
    return result
}
