import RoleGraphGraphviz

/// Every format a role graph can be exported to, and the one entry point that produces them.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// RoleGraph's own DOT (``DOTWriter``): styled, unpositioned, readable back by DOT import.
    case dot
    /// Rendered in-process by Graphviz.
    case svg, png, pdf
    /// Graphviz's DOT output after layout: positions and sizes added.
    case positionedDot = "positioned-dot"
    /// Graphviz's JSON output after layout.
    case graphvizJSON = "graphviz-json"
    /// Node-link JSON, as NetworkX and D3 read it.
    case json
    /// GraphML with typed keys: Gephi, yEd, Cytoscape.
    case graphml
    /// A Mermaid flowchart: renders on GitHub.
    case mermaid
    /// A graph file of format 1 (YAML), the format `--graph` reads, so an export can be edited and loaded back.
    case yaml

    /// Whether the output is binary (never written to a terminal).
    package var isBinary: Bool { self == .png || self == .pdf }

    /// Whether Graphviz lays the graph out for this format.
    package var needsLayout: Bool { graphvizFormat != nil }

    var graphvizFormat: GraphvizFormat? {
        switch self {
        case .svg: return .svg
        case .png: return .png
        case .pdf: return .pdf
        case .positionedDot: return .dot
        case .graphvizJSON: return .json
        case .dot, .json, .graphml, .mermaid, .yaml: return nil
        }
    }

    /// The extensions ``init(path:)`` knows, for messages that list them.
    package static let knownExtensions = ["dot", "gv", "svg", "png", "pdf", "json", "graphml", "xml", "mmd", "mermaid", "yaml", "yml"]

    /// The format a file name implies (`roles.svg` → svg, `roles.gv` → dot, `roles.mmd` → mermaid).
    package init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[path.index(after: dot)...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "dot", "gv": self = .dot
        case "svg": self = .svg
        case "png": self = .png
        case "pdf": self = .pdf
        case "json": self = .json
        case "graphml", "xml": self = .graphml
        case "mmd", "mermaid": self = .mermaid
        case "yaml", "yml": self = .yaml
        default: return nil
        }
    }
}

/// Exports a role graph: writes DOT, GraphML, JSON or Mermaid in Swift, and renders through
/// Graphviz in-process for the laid-out formats.
public enum Exporter {
    /// Graphs with more roles than this are laid out with `sfdp` by default; see ``LayoutPolicy``.
    package static let dotRoleLimit = LayoutPolicy.dotRoleLimit

    /// The layout to use when none is asked for: `dot` for the article's graph and other small,
    /// sparse ones (layered, readable), `sfdp` beyond 300 roles or 600 relations (the bands of
    /// ``LayoutPolicy``).
    ///
    /// - Complexity: O(1).
    public static func defaultLayout(roleCount: Int, relationCount: Int = 0) -> GraphvizLayout {
        LayoutPolicy.recommended(roleCount: roleCount, relationCount: relationCount).engine
    }

    /// The policy a diagram of `graph` is drawn with: `options`' own, else the recommended one
    /// for the graph's size on `layout` (or on the engine the size calls for).
    ///
    /// - Complexity: O(1).
    public static func policy(for graph: RoleGraph, options: DOTOptions = DOTOptions(), layout: GraphvizLayout? = nil) -> LayoutPolicy {
        if var policy = options.layoutPolicy {
            if let layout { policy.engine = layout }
            return policy
        }
        return LayoutPolicy.recommended(roleCount: graph.roles.count, relationCount: graph.relations.count, engine: layout)
    }

    /// Lays out and renders DOT text that is already written (by ``DOTWriter`` or by hand), in
    /// this process, through the one serialised entry point into Graphviz.
    ///
    /// - Throws: ``GraphvizError`` when the text is not DOT or Graphviz cannot lay it out.
    /// - Complexity: that of the layout engine (see ``GraphvizLayout``); Graphviz calls from every
    ///   thread run one at a time.
    public static func render(dot: String, layout: GraphvizLayout, format: GraphvizFormat) throws(GraphvizError) -> [UInt8] {
        try Graphviz.render(dot: dot, layout: layout, format: format)
    }

    /// The exported bytes.
    ///
    /// - Parameters:
    ///   - graph: the graph to export.
    ///   - format: the format of the bytes returned.
    ///   - options: what to draw and how (used by the DOT-based formats).
    ///   - layout: the Graphviz layout for rendered formats; it is also written into the DOT. By
    ///     default the engine of ``DOTOptions/layoutPolicy``, else the one
    ///     ``defaultLayout(roleCount:relationCount:)`` picks.
    /// - Throws: ``GraphvizError`` when Graphviz cannot lay out or render the diagram.
    /// - Complexity: O(*R* + *E* + *S*) plus the length of the output for the formats written in
    ///   Swift; the rendered formats add the cost of the layout engine.
    public static func export(
        _ graph: RoleGraph, format: ExportFormat, options: DOTOptions = DOTOptions(), layout: GraphvizLayout? = nil
    ) throws(GraphvizError) -> [UInt8] {
        let policy = policy(for: graph, options: options, layout: layout)
        let layout = policy.engine
        var options = options
        options.layout = layout.rawValue
        options.layoutPolicy = policy
        switch format {
        case .dot: return DOTWriter(options: options).utf8(graph)
        case .json: return Array(JSONGraphWriter().write(graph).utf8)
        case .graphml: return Array(GraphMLWriter().write(graph).utf8)
        case .yaml: return Array(GraphFileWriter().write(graph).utf8)
        case .mermaid:
            return Array(MermaidWriter(direction: options.rankdir, relations: options.relations).write(graph).utf8)
        case .svg, .png, .pdf, .positionedDot, .graphvizJSON:
            return try Graphviz.render(dot: DOTWriter(options: options).write(graph), layout: layout, format: format.graphvizFormat!)
        }
    }
}
