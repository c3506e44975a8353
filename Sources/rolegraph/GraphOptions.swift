import ArgumentParser
import Foundation
import RoleGraphKit

extension GraphFileFormat: ExpressibleByArgument {
    /// The extensions completion offers for `--graph` (and `validate`'s files); `gz` for a
    /// compressed file of any of them (`moves.csv.gz`).
    static let fileExtensions = ["yaml", "yml", "json", "dot", "gv", "graphml", "xml", "csv", "tsv", "tab", "rgx", "gz"]
}

/// The global options: `--graph FILE` and `--graph-format F`, which graph a command reads, and
/// `--columns` and `--strict`, how an edge list is read.
///
/// They may stand before or after the command name (`rolegraph --graph f.yaml roles` is
/// `rolegraph roles --graph f.yaml`). ArgumentParser does this itself when the same
/// `ParsableArguments` type is an `@OptionGroup` of the root command and of every subcommand:
/// the root is parsed first, over the whole command line on both sides of the command name, and
/// takes these options wherever they are; each subcommand's group of the same type is then not
/// parsed again but handed the root's value. So they are declared once, here, appear in the help
/// of the root and of every command, and no hand-written argv reordering is needed.
/// `CommandLineConventions` holds the checks ArgumentParser does not make; its tests and
/// `GlobalOptionTests` pin both positions.
///
/// Only options that every command reads belong here (the root takes them from anywhere on the
/// line, so a subcommand can no longer declare the same name). `--format` is not one of them:
/// `export` names its output format with `--to`.
struct GraphOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "A graph file: YAML or JSON (format 1), node-link JSON, DOT, GraphML, a CSV/TSV edge list, or a snapshot image (.rgx, see index); - reads standard input. Default: the built-in graph. Repeat it to apply later files (format 1 overlays) to the first, in order.",
        valueName: "file"), completion: .file(extensions: GraphFileFormat.fileExtensions))
    var graph: [String] = []

    @Option(name: .customLong("graph-format"), help: "The (first) graph file's format, when its extension does not say.")
    var graphFormat: GraphFileFormat?

    @Option(name: .customLong("max-input-size"), help: ArgumentHelp(
        "The largest graph file read, in bytes or with a K, M or G suffix (default 1G).", valueName: "size"))
    var maxInputSize: InputSize?

    @Option(help: ArgumentHelp(
        "An edge list's columns named explicitly: from=NAME,to=NAME,kind=NAME,effort=NAME,count=NAME,note=NAME (any of them).",
        valueName: "map"))
    var columns: String?

    @Flag(help: "Refuse an edge list's repeated rows, self-moves and zero-count rows (exit 65) instead of repairing them with a warning; for validate, make every warning an error.")
    var strict = false

    /// The options that take a value, as `CommandLineConventions` needs to know them.
    static let namesTakingValues = ["--graph", "--graph-format", "--max-input-size", "--columns"]
    /// The flags among them.
    static let flagNames = ["--strict"]

    /// How to read the graph file: the parsed --columns (a usage error when malformed), --strict
    /// and --max-input-size; snapshot images checked in full once per file, recorded in the user's
    /// cache directory (``verifiedImagesDirectory``).
    func loadOptions() throws -> GraphLoadOptions {
        var options = GraphLoadOptions(strict: strict,
                                       maximumSize: maxInputSize?.bytes ?? RoleGraph.defaultMaximumInputSize,
                                       verifiedImagesDirectory: Self.verifiedImagesDirectory)
        if let columns {
            do {
                options.columns = try GraphLoadOptions.parseColumns(columns)
            } catch {
                throw CLIError.invalidValue("--columns: \(error.description)")
            }
        }
        return options
    }

    /// Where the snapshot images this user has loaded and checked in full are recorded:
    /// `$XDG_CACHE_HOME/rolegraph/verified`, or `~/.cache/rolegraph/verified` when it is unset or
    /// not absolute (the XDG base directory rules); `nil`, so every load checks in full, when
    /// neither is known.
    static var verifiedImagesDirectory: String? {
        let environment = ProcessInfo.processInfo.environment
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { return cache + "/rolegraph/verified" }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return home + "/.cache/rolegraph/verified"
    }

    /// The graph to work on: the file named with --graph, or the built-in one. An edge list's
    /// repairs are printed as one warning line on standard error, and an overlay's notes (the
    /// relations removed with a role) one line each.
    func load() throws -> RoleGraph {
        try loadResult().graph
    }

    /// The graph with what loading it found: warnings, notes, provenance and the last overlay.
    func loadResult() throws -> GraphLoadResult {
        guard !graph.isEmpty else {
            if columns != nil { throw CLIError.invalidValue("--columns names an edge list's columns; give the edge list with --graph FILE") }
            return GraphLoadResult(graph: RoleGraph.builtIn)
        }
        return try Self.load(graph, format: graphFormat, options: try loadOptions())
    }

    /// Loads files as layers (the first the base, each later one an overlay on it), printing what
    /// an edge list's loading repaired as one warning line and each overlay note as a line.
    static func load(_ paths: [String], format: GraphFileFormat?, options: GraphLoadOptions) throws -> GraphLoadResult {
        let result = try Progress.run("reading \(paths[0])", enabled: isLarge(paths[0])) {
            try RoleGraph.load(layers: paths, format: format, options: options)
        }
        if let summary = result.edgeListSummary, !summary.isEmpty {
            ErrorReporter.printWarning(summary.message)
        } else if !options.columns.isEmpty && result.edgeListSummary == nil {
            throw CLIError.invalidValue("--columns names an edge list's columns, and \(paths[0]) is not a CSV/TSV edge list")
        }
        if let note = result.formatNote(path: paths[0]) { ErrorReporter.printNote("note: \(note)") }
        for note in result.notes { ErrorReporter.printNote("note: \(note.description)") }
        return result
    }
}

extension GraphOptions {
    /// Files from this size up show their reading's progress on a terminal: a text graph this
    /// large takes a noticeable time to read (an image reads far faster, but is as large).
    static let largeInput = 32 << 20

    /// Whether `path` names a regular file of at least ``largeInput`` bytes.
    static func isLarge(_ path: String) -> Bool {
        var info = stat()
        return path != "-" && stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && Int(info.st_size) >= largeInput
    }
}

/// `--format table|json` for commands that print data.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}
