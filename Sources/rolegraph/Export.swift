import ArgumentParser
import Foundation
import RoleGraphKit

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the graph: DOT, SVG/PNG/PDF rendered by Graphviz, JSON, GraphML or Mermaid.",
        discussion: """
            Without -o the output goes to standard output (PNG and PDF refuse a terminal). With -o \
            the file is written atomically and its extension picks the format when --format is \
            not given. positioned-dot and graphviz-json are Graphviz's own output after layout.
            """)

    @OptionGroup var graphOptions: GraphOptions

    @Option(help: "Output format: dot, svg, png, pdf, positioned-dot, graphviz-json, json, graphml or mermaid.")
    var format: ExportFormat?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var diagram: DiagramOptions

    @Option(help: ArgumentHelp("Relation kinds to draw, comma-separated (default: all).", valueName: "kind,..."))
    var relations: String?

    func run() throws {
        let graph = try graphOptions.load()
        let format = self.format ?? output.flatMap(ExportFormat.init(path:)) ?? .dot
        if format.isBinary && output == nil && isatty(STDOUT_FILENO) != 0 {
            throw CLIError.refusesTerminal(format: format.rawValue)
        }
        let options = try diagram.dotOptions(for: graph, relations: relations)
        let layout = format.needsLayout ? diagram.resolvedLayout(for: graph) : (diagram.layout ?? Exporter.defaultLayout(roleCount: graph.roles.count, relationCount: graph.relations.count))
        let bytes = try Exporter.export(graph, format: format, options: options, layout: layout)
        try OutputFile.write(bytes, to: output, binary: format.isBinary, formatName: format.rawValue)
    }
}
