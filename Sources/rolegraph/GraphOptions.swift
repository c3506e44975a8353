import ArgumentParser
import Foundation
import RoleGraphKit

extension GraphFileFormat: ExpressibleByArgument {
    /// The extensions completion offers for `--graph` (and `validate`'s files).
    static let fileExtensions = ["yaml", "yml", "json", "dot", "gv", "csv", "tsv", "tab"]
}

/// The global options: `--graph FILE` and `--graph-format F`, which graph a command reads.
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
        "A graph file: YAML or JSON (format 1), DOT, or a CSV/TSV edge list; - reads standard input. Default: the built-in graph.",
        valueName: "file"), completion: .file(extensions: GraphFileFormat.fileExtensions))
    var graph: String?

    @Option(name: .customLong("graph-format"), help: "The graph file's format, when its extension does not say.")
    var graphFormat: GraphFileFormat?

    @Option(name: .customLong("max-input-size"), help: ArgumentHelp(
        "The largest graph file read, in bytes or with a K, M or G suffix (default 1G).", valueName: "size"))
    var maxInputSize: InputSize?

    /// The options that take a value, as `CommandLineConventions` needs to know them.
    static let namesTakingValues = ["--graph", "--graph-format", "--max-input-size"]

    /// The graph to work on: the file named with --graph, or the built-in one.
    func load() throws -> RoleGraph {
        guard let graph else { return RoleGraph.builtIn }
        return try load(graph)
    }

    /// The graph in `file`, read with these options' format and size limit.
    func load(_ file: String) throws(GraphLoadError) -> RoleGraph {
        try RoleGraph.load(contentsOf: file, format: graphFormat,
                           maximumSize: maxInputSize?.bytes ?? RoleGraph.defaultMaximumInputSize)
    }
}

/// `--format table|json` for commands that print data.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}
