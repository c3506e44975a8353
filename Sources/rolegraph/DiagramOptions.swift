import ArgumentParser
import RoleGraphKit

extension GraphvizLayout: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}
extension DOTOptions.RankDirection: ExpressibleByArgument {}

/// What a diagram shows and how it is laid out; shared by `export`, `path --render` and
/// `clusters --render`.
///
/// `--draw KINDS` picks the relation kinds drawn. It was `--relations`, which `clusters` also
/// uses for the kinds it clusters on: one name for two things, so the drawing one was renamed
/// and its old name is refused where it meant drawing (see ``refuseOldRelationsName``).
struct DiagramOptions: ParsableArguments {
    @Option(help: "Graphviz layout: dot, neato, fdp, sfdp, circo, twopi or osage (default: dot, or sfdp above \(Exporter.dotRoleLimit) roles).")
    var layout: GraphvizLayout?

    @Option(help: "Direction of the layered dot layout: TB, LR, BT or RL (default: LR).")
    var rankdir: DOTOptions.RankDirection?

    @Option(help: ArgumentHelp("Only the roles of this area (repeatable).", valueName: "area"),
            completion: .custom(Completions.areas))
    var area: [String] = []

    @Option(help: ArgumentHelp("Relation kinds to draw, comma-separated: stakeholder, collaboration, transition (default: all).",
                               valueName: "kind,..."),
            completion: .custom(Completions.relationKinds))
    var draw: String?

    @Flag(name: .customLong("no-legend"), help: "Leave out the legend.")
    var noLegend = false

    @Flag(help: "Show each role's titles under its name.")
    var titles = false

    /// The diagram options given on the command line, by name: for the commands that refuse
    /// them when no diagram is drawn, rather than ignore them.
    var givenOptions: [String] {
        var names: [String] = []
        if layout != nil { names.append("--layout") }
        if rankdir != nil { names.append("--rankdir") }
        if !area.isEmpty { names.append("--area") }
        if draw != nil { names.append("--draw") }
        if noLegend { names.append("--no-legend") }
        if titles { names.append("--titles") }
        return names
    }

    /// `--relations` where it used to mean the kinds to draw (`export`, `path`): refused with a
    /// message naming `--draw`, so that an old command line fails rather than means something
    /// else.
    static func refuseOldRelationsName(_ value: String?) throws {
        if let value {
            throw ValidationError("the relation kinds to draw are now --draw (--draw \(value)); "
                                  + "--relations is clusters' option for the kinds it clusters on")
        }
    }

    /// Refuses diagram options when the command draws nothing (`path` without `--render`).
    func refuseUnlessDrawing(_ drawing: Bool) throws {
        if !drawing, let option = givenOptions.first {
            throw ValidationError("\(option) shapes the diagram of --render; add --render FILE")
        }
    }

    /// - Parameter defaultKinds: the relation kinds to draw when `--draw` is not given (all).
    func dotOptions(for graph: RoleGraph, defaultKinds: Set<RelationKind>? = nil) throws -> DOTOptions {
        var options = DOTOptions(rankdir: rankdir ?? .leftToRight, legend: !noLegend, showTitles: titles)
        if let draw {
            options.relations = try parseKinds(draw, option: "--draw")
        } else if let defaultKinds {
            options.relations = defaultKinds
        }
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
