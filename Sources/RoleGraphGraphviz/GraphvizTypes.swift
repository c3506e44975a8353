// Plain Swift values for the Graphviz renderer and the DOT reader. Nothing here refers to a C
// type: the one file that talks to Graphviz is `Graphviz.swift`.

/// A Graphviz layout engine: the algorithm that decides where nodes and edges go.
///
/// The engines differ in what they are good at and, above all, in how their cost grows with the
/// graph. `dot` draws tidy ranked diagrams, but its cost grows steeply beyond a few hundred nodes;
/// `sfdp`'s multilevel force-directed layout stays tractable with thousands. Choose by the size
/// and shape of the graph.
public enum GraphvizLayout: String, CaseIterable, Sendable {
    /// Hierarchical (layered) drawing of directed graphs; the clearest for small graphs and the
    /// only engine that respects `rank` and draws clusters as boxes with edges routed around them.
    case dot
    /// Spring model (stress majorisation); good for undirected graphs up to a few hundred nodes.
    case neato
    /// Force-directed placement; like `neato`, with support for clusters.
    case fdp
    /// Multiscale force-directed placement; the engine for large graphs (thousands of nodes).
    case sfdp
    /// Circular layout; suits graphs made of cyclic components.
    case circo
    /// Radial layout around a central node.
    case twopi
    /// Packs clusters as nested boxes; draws no edges of interest, useful for an area overview.
    case osage

    /// Reads a layout name as a user typed it, so that a command line can reject a misspelling with
    /// the list of engines it could have meant.
    ///
    /// Matching ignores case: `DOT` is `dot`.
    ///
    /// - Parameter name: A layout name such as `"sfdp"`.
    /// - Throws: ``GraphvizError/unknownLayout(_:valid:)`` listing every engine's name.
    /// - Complexity: O(*n*) in the number of engines.
    public init(parsing name: String) throws(GraphvizError) {
        guard let layout = GraphvizLayout(rawValue: name.lowercased()) else {
            throw .unknownLayout(name, valid: GraphvizLayout.allCases.map(\.rawValue))
        }
        self = layout
    }
}

/// An output format Graphviz renders to.
///
/// `svg` comes from Graphviz's core plugin and is always present. `png` and `pdf` are drawn by the
/// cairo/pango plugin (on Debian part of `libgvc6`), so a stripped-down installation may lack
/// them; ``Graphviz/availableFormats()`` tells. `dot` and `json` are Graphviz's own description of
/// the laid-out graph (positions included), useful to post-process a layout.
public enum GraphvizFormat: String, CaseIterable, Sendable {
    /// Scalable Vector Graphics (text, UTF-8); keeps tooltips and links.
    case svg
    /// Portable Network Graphics (binary raster image), drawn by cairo.
    case png
    /// Portable Document Format (binary), drawn by cairo. Contains a creation date, so two
    /// renderings of one graph differ in a few bytes.
    case pdf
    /// DOT annotated with the computed positions (`pos`, `bb`, …).
    case dot
    /// Graphviz's JSON description of the laid-out graph.
    case json

    /// Reads a format name as a user typed it, so that a command line can reject a misspelling with
    /// the list of formats it could have meant.
    ///
    /// Matching ignores case: `SVG` is `svg`.
    ///
    /// - Parameter name: A format name such as `"png"`.
    /// - Throws: ``GraphvizError/unknownFormat(_:valid:)`` listing every format's name.
    /// - Complexity: O(*n*) in the number of formats.
    public init(parsing name: String) throws(GraphvizError) {
        guard let format = GraphvizFormat(rawValue: name.lowercased()) else {
            throw .unknownFormat(name, valid: GraphvizFormat.allCases.map(\.rawValue))
        }
        self = format
    }
}

/// What can go wrong when Graphviz reads, lays out or renders a graph.
///
/// Graphviz reports problems as text on its own channel; the renderer captures that text (nothing
/// reaches standard error) and carries it here, so the caller decides how to show it.
/// ``description`` is a single line that starts in lower case, ready to follow `error: `.
public enum GraphvizError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The DOT text is not valid DOT.
    ///
    /// - `file`: the name the caller gave for the text, if any.
    /// - `line`: the 1-based line of the offending token, where Graphviz reported one.
    /// - `message`: Graphviz's explanation with the line number taken out, such as
    ///   `syntax error near '}'`.
    case syntax(file: String?, line: Int?, message: String)
    /// A layout name that is not one of ``GraphvizLayout``'s; `valid` lists the names accepted.
    case unknownLayout(String, valid: [String])
    /// A format name that is not one of ``GraphvizFormat``'s; `valid` lists the names accepted.
    case unknownFormat(String, valid: [String])
    /// A known layout engine whose plugin this Graphviz installation does not have;
    /// `available` lists the engines it does have.
    case layoutUnavailable(String, available: [String])
    /// A known format whose plugin this Graphviz installation does not have (typically `png` or
    /// `pdf` without the cairo plugin); `available` lists the formats it does have.
    case formatUnavailable(String, available: [String])
    /// Graphviz found no plugins at all: its plugin registry (`config6`) is missing or empty.
    case noPlugins
    /// The layout engine failed; the text is Graphviz's explanation.
    case layoutFailed(String)
    /// Rendering the laid-out graph failed; the text is Graphviz's explanation.
    case renderFailed(String)

    /// One line that explains the error, starting in lower case; for example
    /// `roles.gv:3: syntax error near 'x'`.
    public var description: String {
        switch self {
        case let .syntax(file, line, message):
            switch (file, line) {
            case let (file?, line?): return "\(file):\(line): \(message)"
            case let (file?, nil): return "\(file): \(message)"
            case let (nil, line?): return "line \(line): \(message)"
            case (nil, nil): return message
            }
        case let .unknownLayout(name, valid):
            return "unknown layout '\(name)' (valid layouts: \(valid.joined(separator: ", ")))"
        case let .unknownFormat(name, valid):
            return "unknown format '\(name)' (valid formats: \(valid.joined(separator: ", ")))"
        case let .layoutUnavailable(name, available):
            return "layout '\(name)' is not available in this Graphviz installation"
                + " (available: \(available.isEmpty ? "none" : available.joined(separator: ", ")))"
        case let .formatUnavailable(name, available):
            return "format '\(name)' is not available in this Graphviz installation"
                + " (available: \(available.isEmpty ? "none" : available.joined(separator: ", ")))"
        case .noPlugins:
            return "no Graphviz plugins are configured; run `dot -c` as root to register them"
                + " (Debian: `libgvc6-config-update -c`)"
        case let .layoutFailed(message):
            return "layout failed: \(message)"
        case let .renderFailed(message):
            return "rendering failed: \(message)"
        }
    }
}

/// A DOT graph as libcgraph read it: the names, attributes and structure, with no layout.
///
/// This is the bridge from DOT files to the library's own model: the graph-file loader reads a
/// `DOTDocument` and checks it against the role-graph schema. Attributes are the *effective*
/// values the file gives each object (set directly, or through a `node [...]`/`edge [...]` default
/// statement in the graph or an enclosing subgraph), leaving out attributes the file never sets.
/// Everything is in file order. libcgraph does not keep source positions, so objects carry no line
/// numbers.
public struct DOTDocument: Equatable, Sendable {
    /// The graph's name, or `nil` for an anonymous graph (`digraph { … }`).
    public var name: String?
    /// `true` for `digraph`, `false` for `graph`.
    public var isDirected: Bool
    /// `true` for a `strict` graph, in which libcgraph merges repeated edges into one.
    public var isStrict: Bool
    /// The root graph's attributes (`rankdir`, `label`, …).
    public var graphAttributes: [String: String]
    /// Every node, in the order of its first appearance.
    public var nodes: [DOTNode]
    /// Every edge, in file order. Each `a -> {b c}` yields one edge per head.
    public var edges: [DOTEdge]
    /// The root graph's subgraphs, in file order; each holds its own nested subgraphs.
    public var subgraphs: [DOTSubgraph]

    /// Creates a document; the DOT reader is ``Graphviz/parse(dot:file:)``.
    public init(
        name: String?, isDirected: Bool, isStrict: Bool = false,
        graphAttributes: [String: String] = [:], nodes: [DOTNode] = [], edges: [DOTEdge] = [],
        subgraphs: [DOTSubgraph] = []
    ) {
        self.name = name
        self.isDirected = isDirected
        self.isStrict = isStrict
        self.graphAttributes = graphAttributes
        self.nodes = nodes
        self.edges = edges
        self.subgraphs = subgraphs
    }
}

/// A node of a ``DOTDocument``.
public struct DOTNode: Equatable, Sendable {
    /// The node's name (its DOT identifier, unescaped).
    public var name: String
    /// The attributes the file gives this node.
    public var attributes: [String: String]

    /// Creates a node.
    public init(name: String, attributes: [String: String] = [:]) {
        self.name = name
        self.attributes = attributes
    }
}

/// An edge of a ``DOTDocument``. In an undirected graph `tail` is the node written first.
public struct DOTEdge: Equatable, Sendable {
    /// The name of the node the edge starts from.
    public var tail: String
    /// The name of the node the edge goes to.
    public var head: String
    /// The attributes the file gives this edge.
    public var attributes: [String: String]

    /// Creates an edge.
    public init(tail: String, head: String, attributes: [String: String] = [:]) {
        self.tail = tail
        self.head = head
        self.attributes = attributes
    }
}

/// A subgraph of a ``DOTDocument``; a name starting with `cluster` makes Graphviz draw it as a box.
public struct DOTSubgraph: Equatable, Sendable {
    /// The subgraph's name, or `nil` for an anonymous `{ … }` or `subgraph { … }`.
    public var name: String?
    /// The attributes set on this subgraph that differ from the enclosing graph's.
    public var attributes: [String: String]
    /// The names of the nodes in this subgraph, nested subgraphs' nodes included, in file order.
    public var nodes: [String]
    /// The subgraphs nested directly inside this one, in file order.
    public var subgraphs: [DOTSubgraph]

    /// `true` when Graphviz treats the subgraph as a cluster (its name starts with `cluster`).
    public var isCluster: Bool { name?.hasPrefix("cluster") ?? false }

    /// Creates a subgraph.
    public init(
        name: String?, attributes: [String: String] = [:], nodes: [String] = [],
        subgraphs: [DOTSubgraph] = []
    ) {
        self.name = name
        self.attributes = attributes
        self.nodes = nodes
        self.subgraphs = subgraphs
    }
}
