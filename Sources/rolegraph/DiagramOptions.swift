import ArgumentParser
import RoleGraphKit

extension GraphvizLayout: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}
extension DOTOptions.RankDirection: ExpressibleByArgument {}

/// What a diagram shows and how it is laid out; shared by `export`, `path --render` and
/// `clusters --render`.
struct DiagramOptions: ParsableArguments {
    @Option(help: "Graphviz layout: dot, neato, fdp, sfdp, circo, twopi or osage (default: dot, or sfdp above \(Exporter.dotRoleLimit) roles).")
    var layout: GraphvizLayout?

    @Option(help: "Direction of the layered dot layout: TB, LR, BT or RL.")
    var rankdir: DOTOptions.RankDirection = .leftToRight

    @Option(help: ArgumentHelp("Only the roles of this area (repeatable).", valueName: "area"))
    var area: [String] = []

    @Flag(name: .customLong("no-legend"), help: "Leave out the legend.")
    var noLegend = false

    @Flag(help: "Show each role's titles under its name.")
    var titles = false

    /// - Parameter relations: the relation kinds to draw (a `--relations` value), all by default.
    func dotOptions(for graph: RoleGraph, relations: String? = nil) throws -> DOTOptions {
        var options = DOTOptions(rankdir: rankdir, legend: !noLegend, showTitles: titles)
        if let relations { options.relations = try parseKinds(relations) }
        if !area.isEmpty { options.areas = Set(try area.map { try graph.resolveArea($0) }) }
        return options
    }

    /// The layout to use, warning on standard error when dot is asked for on a graph it will be
    /// slow to lay out.
    func resolvedLayout(for graph: RoleGraph) -> GraphvizLayout {
        let chosen = layout ?? Exporter.defaultLayout(roleCount: graph.roles.count, relationCount: graph.relations.count)
        if layout == .dot && Exporter.dotIsSlow(for: graph) {
            ErrorReporter.printWarning("dot lays out \(graph.roles.count) roles and \(graph.relations.count) relations slowly "
                                       + "(minutes for a thousand roles, or a hundred densely related); --layout sfdp takes about a second")
        }
        return chosen
    }

    /// Renders `graph` to `path` (format from the extension, else SVG), atomically.
    func render(_ graph: RoleGraph, options: DOTOptions, to path: String) throws {
        let format = ExportFormat(path: path) ?? .svg
        let bytes = try Exporter.export(graph, format: format, options: options, layout: resolvedLayout(for: graph))
        try OutputFile.write(bytes, to: path, binary: format.isBinary, formatName: format.rawValue)
    }
}
