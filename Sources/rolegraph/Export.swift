import ArgumentParser
import Foundation
import RoleGraphKit

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the graph: DOT, SVG/PNG/PDF rendered by Graphviz, JSON, GraphML, Mermaid or a YAML graph file.",
        discussion: """
            Without -o the output goes to standard output (PNG and PDF refuse a terminal). With -o \
            the file is written atomically and its extension picks the format when --to is not \
            given (.gv/.dot, .svg, .png, .pdf, .json, .graphml, .mmd, .yaml); an extension that \
            disagrees with --to, or that names no format, is a usage error. positioned-dot and \
            graphviz-json are Graphviz's own output after layout. The diagram options apply to the \
            drawn formats (DOT, SVG, PNG, PDF, positioned-dot, graphviz-json, Mermaid); json, \
            graphml and yaml always hold the whole graph, and read back with --graph as the same \
            graph (as does dot).
            """)

    @OptionGroup var graphOptions: GraphOptions

    @Option(name: [.customLong("to"), .customShort("T", allowingJoined: true)], help: ArgumentHelp(
        "Output format: dot, svg, png, pdf, positioned-dot, graphviz-json, json, graphml, mermaid or yaml (default: from the -o extension, else dot).",
        valueName: "format"))
    var to: ExportFormat?

    /// The old name of `--to`, kept working (hidden, with a warning) for existing scripts;
    /// `--format` is table|json on every other command.
    @Option(name: .customLong("format"), help: .private)
    var oldTo: ExportFormat?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"),
            completion: .file())
    var output: String?

    @OptionGroup var diagram: DiagramOptions

    @OptionGroup(title: "What to draw") var selection: DiagramSelectionOptions

    @Option(name: .customLong("relations"), help: .private)
    var oldDraw: String?

    @Flag(name: .customLong("keep-extends"), help: "Write the overlay given (the last --graph, or a file that says extends:) back as YAML with its extends: line, instead of the whole graph.")
    var keepExtends = false

    func validate() throws {
        try DiagramOptions.refuseOldRelationsName(oldDraw)
    }

    func run() throws {
        // From the start, not only while rendering: Ctrl-C while a large graph is still loading
        // exits with the same documented status (130, or 143 for SIGTERM), and no file is left.
        Interrupt.install()
        try OutputFile.refuseInputs(graphOptions.graph, as: output)
        if keepExtends { return try writeOverlay() }
        if oldTo != nil { ErrorReporter.printWarning("export --format is an old name; use --to (or -T)") }
        let format = try Self.format(given: to ?? oldTo, output: output)
        let graph = try graphOptions.load()
        try refuseDiagramOptionsUnused(by: format)
        if format.isBinary && output == nil && isatty(STDOUT_FILENO) != 0 {
            throw CLIError.refusesTerminal(format: format.rawValue)
        }
        let options = try diagram.dotOptions(for: graph)
        let (drawn, note) = try selection.select(in: graph, kinds: options.relations)
        if let note { ErrorReporter.printNote(note) }
        let bytes = try diagram.renderBytes(drawn, format: format, options: options)
        try OutputFile.write(bytes, to: output, binary: format.isBinary, formatName: format.rawValue)
    }

    /// `--keep-extends`: the last overlay as read, written back as YAML (the whole graph is not).
    private func writeOverlay() throws {
        if let format = to ?? oldTo, format != .yaml {
            throw CLIError.invalidValue("--keep-extends writes the overlay as YAML; it cannot be --to \(format.rawValue)")
        }
        _ = try Self.format(given: .yaml, output: output)
        if let option = (diagram.givenOptions + selection.givenOptions).first {
            throw CLIError.invalidValue("\(option) shapes a diagram; --keep-extends writes the overlay as YAML without one")
        }
        guard let overlay = try graphOptions.loadResult().lastOverlay else {
            throw CLIError.invalidValue("--keep-extends writes an overlay back, and the graph given is none: give a file that says 'extends:', or a later --graph")
        }
        try OutputFile.write(Array(overlay.yaml(writtenTo: output == "-" ? nil : output).utf8), to: output, binary: false, formatName: "yaml")
    }

    /// Diagram options the format would ignore are refused, not ignored: json and graphml hold
    /// the whole graph, and Mermaid draws only the direction and the relation kinds.
    private func refuseDiagramOptionsUnused(by format: ExportFormat) throws {
        switch format {
        case .json, .graphml, .yaml:
            if let option = (diagram.givenOptions + selection.givenOptions).first {
                throw CLIError.invalidValue("\(option) shapes a diagram; --to \(format.rawValue) exports the whole graph without one")
            }
        case .mermaid:
            if let option = diagram.givenOptions.first(where: { $0 != "--rankdir" && $0 != "--draw" }) {
                throw CLIError.invalidValue("\(option) is not used by --to mermaid, which takes only --rankdir, --draw and the options that pick what to draw")
            }
        case .dot, .svg, .png, .pdf, .positionedDot, .graphvizJSON:
            break
        }
    }
}
