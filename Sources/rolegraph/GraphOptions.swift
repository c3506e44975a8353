import ArgumentParser
import Foundation
import RoleGraphKit

extension GraphFileFormat: ExpressibleByArgument {}

/// `--graph FILE`: which graph a command reads. Shared by every command.
struct GraphOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "A graph file: YAML or JSON (format 1), DOT, or a CSV/TSV edge list; - reads standard input. Default: the built-in graph.",
        valueName: "file"))
    var graph: String?

    @Option(name: .customLong("graph-format"), help: "The graph file's format, when its extension does not say (yaml, json, dot, csv, tsv).")
    var graphFormat: GraphFileFormat?

    /// The graph to work on: the file named with --graph, or the built-in one.
    func load() throws -> RoleGraph {
        guard let graph else { return RoleGraph.builtIn }
        return try RoleGraph.load(contentsOf: graph, format: graphFormat)
    }
}

/// `--format table|json` for commands that print data.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}
