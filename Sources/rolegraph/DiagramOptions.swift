import ArgumentParser
import RoleGraphKit

extension GraphvizLayout: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}
extension DOTOptions.RankDirection: ExpressibleByArgument {}
extension LayoutPolicy.Splines: ExpressibleByArgument {}
extension LayoutPolicy.Overlap: ExpressibleByArgument {}

/// What a diagram shows and how it is laid out; shared by `export`, `path --render` and
/// `clusters --render`.
///
/// `--draw KINDS` picks the relation kinds drawn. It was `--relations`, which `clusters` also
/// uses for the kinds it clusters on: one name for two things, so the drawing one was renamed
/// and its old name is refused where it meant drawing (see ``refuseOldRelationsName``).
struct DiagramOptions: ParsableArguments {
    @Option(help: "Graphviz layout: dot, neato, fdp, sfdp, circo, twopi or osage (default: dot, or sfdp above \(LayoutPolicy.dotRoleLimit) roles or \(LayoutPolicy.dotRelationLimit) relations).")
    var layout: GraphvizLayout?

    @Option(help: ArgumentHelp("How edges are drawn: spline, polyline, curved, line, none or ortho (default: spline on small graphs, none above \(LayoutPolicy.dotRoleLimit) roles, where routing takes minutes).",
                               valueName: "style"))
    var splines: LayoutPolicy.Splines?

    @Option(help: ArgumentHelp("How sfdp, neato, circo and twopi pull overlapping roles apart: prism, scale, voronoi or keep (default: prism).",
                               valueName: "method"))
    var overlap: LayoutPolicy.Overlap?

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
        if splines != nil { names.append("--splines") }
        if overlap != nil { names.append("--overlap") }
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

    /// The policy to draw `graph` with: `base` (a command's own), else the one its size calls
    /// for, with the engine, edges and overlap removal asked for. Warns on standard error, with
    /// the time the measured table predicts, when a choice other than the default will take
    /// longer than ``LayoutPolicy/slowSeconds``.
    func policy(for graph: RoleGraph, base: LayoutPolicy? = nil) -> LayoutPolicy {
        var policy = base ?? LayoutPolicy.recommended(roleCount: graph.roles.count, relationCount: graph.relations.count, engine: layout)
        if let layout, base != nil { policy.engine = layout }
        if let splines { policy.splines = splines }
        if let overlap { policy.overlap = overlap }
        // Warn only about a choice that departs from the default's engine or edge routing: the
        // default is what the measurements made fast.
        let standard = LayoutPolicy.recommended(roleCount: graph.roles.count, relationCount: graph.relations.count)
        if layout != nil || splines != nil,
           policy.engine != standard.engine || policy.splines.routesEdges != standard.splines.routesEdges,
           let seconds = policy.estimatedSeconds(roleCount: graph.roles.count), seconds > LayoutPolicy.slowSeconds {
            let choice = [layout.map { "--layout \($0.rawValue)" }, splines.map { "--splines \($0.rawValue)" }].compactMap { $0 }.joined(separator: " ")
            ErrorReporter.printWarning("\(choice) on \(graph.roles.count) roles and \(graph.relations.count) relations takes about "
                                       + "\(Self.duration(seconds)) here; the default (\(standard.summary)) is faster")
        }
        return policy
    }

    /// A rough duration: "40 s", "3 minutes", "2 hours".
    static func duration(_ seconds: Double) -> String {
        if seconds < 90 { return "\(Int(seconds.rounded())) s" }
        if seconds < 5_400 { return "\(Int((seconds / 60).rounded())) minutes" }
        return "\(Int((seconds / 3_600).rounded())) hours"
    }

    /// Lays out and renders `graph` in `format`, showing progress on a terminal.
    func renderBytes(_ graph: RoleGraph, format: ExportFormat, options: DOTOptions) throws -> [UInt8] {
        var options = options
        options.layoutPolicy = policy(for: graph, base: options.layoutPolicy)
        Interrupt.install()
        guard format.needsLayout else { return try Exporter.export(graph, format: format, options: options) }
        let engine = options.layoutPolicy!.engine.rawValue
        return try Progress.run("laying out \(DiagramNote.grouped(graph.roles.count)) roles with \(engine)") {
            try Exporter.export(graph, format: format, options: options)
        }
    }

    /// Renders `graph` to `path` (format from the extension; SVG for a name without one),
    /// atomically. An extension that names no format (`path.txt`) is a usage error, as it is for
    /// `export -o`: a file must hold what its name says.
    func render(_ graph: RoleGraph, options: DOTOptions, to path: String) throws {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let implied = ExportFormat(path: path)
        if implied == nil, let dot = name.dropFirst().lastIndex(of: ".") {
            let known = ExportFormat.knownExtensions.map { "." + $0 }.joined(separator: ", ")
            throw CLIError.invalidValue("--render \(path): the extension .\(name[name.index(after: dot)...]) names no format; use one of \(known)")
        }
        let format = implied ?? .svg
        let bytes = try renderBytes(graph, format: format, options: options)
        try OutputFile.write(bytes, to: path, binary: format.isBinary, formatName: format.rawValue)
    }
}
