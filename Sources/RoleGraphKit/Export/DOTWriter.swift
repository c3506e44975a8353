import Foundation

/// What a DOT diagram of a role graph shows and how Graphviz should lay it out.
public struct DOTOptions: Hashable, Sendable {
    /// The direction dot lays ranks out in (Graphviz's `rankdir`).
    public enum RankDirection: String, CaseIterable, Hashable, Sendable {
        /// Ranks from top to bottom (`TB`).
        case topToBottom = "TB"
        /// Ranks from left to right (`LR`).
        case leftToRight = "LR"
        /// Ranks from bottom to top (`BT`).
        case bottomToTop = "BT"
        /// Ranks from right to left (`RL`).
        case rightToLeft = "RL"
    }

    /// The Graphviz layout engine named in the graph's `layout` attribute: `dot`, `neato`, `fdp`,
    /// `sfdp`, `circo`, `twopi` or `osage`. A renderer may still override it.
    public var layout: String
    /// The direction of ranks. Left to right suits the article's graph best: its relations run
    /// mostly across areas (insights → systems), so columns keep the area boxes side by side on a
    /// slide, where top to bottom makes a tall, narrow picture.
    public var rankdir: RankDirection
    /// The relation kinds to draw.
    public var relations: Set<RelationKind>
    /// The areas whose roles to draw, or `nil` for all. A relation is drawn when both its roles are.
    public var areas: Set<AreaID>?
    /// Whether to add a legend that explains line styles, badges and any highlight.
    public var legend: Bool
    /// Whether node labels list the role's common titles under its name.
    public var showTitles: Bool
    /// A path or clustering to draw over the graph.
    public var highlight: Highlight?
    /// The engine's attributes and the style for the diagram's size, or `nil` to choose them by
    /// the size of the graph drawn (``LayoutPolicy/recommended(roleCount:relationCount:engine:)``).
    public var layoutPolicy: LayoutPolicy?
    /// What sets each role's label size in the compact style, or `nil` for its number of
    /// relations drawn.
    public var nodeWeights: NodeWeights?

    /// Options with every default spelled out: the whole graph, all relation kinds, a legend,
    /// names without titles, no highlight, laid out by dot from left to right.
    public init(
        layout: String = "dot", rankdir: RankDirection = .leftToRight,
        relations: Set<RelationKind> = Set(RelationKind.allCases), areas: Set<AreaID>? = nil,
        legend: Bool = true, showTitles: Bool = false, highlight: Highlight? = nil
    ) {
        self.layout = layout
        self.rankdir = rankdir
        self.relations = relations
        self.areas = areas
        self.legend = legend
        self.showTitles = showTitles
        self.highlight = highlight
    }
}

/// A number per role that sets its label size in a diagram, and what the number means (for the
/// caption: "Text size: members").
public struct NodeWeights: Hashable, Sendable {
    /// Each role's weight; roles not listed weigh 0.
    public var values: [RoleID: Double]
    /// What the weight is, in a few words ("members", "betweenness").
    public var meaning: String

    /// Weights and their meaning.
    public init(values: [RoleID: Double], meaning: String) {
        self.values = values
        self.meaning = meaning
    }
}

/// Writes a role graph as Graphviz DOT, in pure Swift, ready for `dot` or for in-process
/// rendering through libgvc.
///
/// The output is deterministic: the same graph and options give the same bytes, because roles,
/// areas and relations are written in file order and no dictionary or set is ever iterated
/// unsorted. That makes DOT diffs meaningful and lets tests compare against golden files.
///
/// What the diagram shows (the style choices are explained in `DOTStyle.swift`: line patterns
/// that differ without colour, colour-blind-safe palettes, a vermilion path over a greyed graph):
///
/// - Areas are `subgraph cluster_<id>` boxes (the id reduced to `[A-Za-z0-9_]`, made unique) labelled with the area's name, each in its own soft
///   colour; their roles are rounded boxes in a stronger tint of it.
/// - A role's label is its name in bold (with its titles, if ``DOTOptions/showTitles``), and a
///   small italic line of badges: "entry level" for roles newcomers are hired into, "uncommon"
///   or "rare" for roles many companies do not have, which also get a double border. Its
///   tooltip (an SVG hover text) lists its primary and secondary skills.
/// - Stakeholder relations are dashed arrows from the role that relies on the other;
///   collaborations dotted lines with no arrow; transitions solid arrows labelled "effort N",
///   thicker for easier moves. Two transitions that mirror each other with the same effort are
///   drawn as one two-headed arrow.
/// - A legend explains all of that, and any highlight.
///
/// Every id and text is escaped (see `DOTEscaping.swift`): role ids become quoted DOT ids, and
/// no text from the graph can end a string or inject an attribute. Graphviz keeps a quoted id's
/// backslashes as written, so a role id with a backslash shows it doubled in the node's name
/// (the SVG `<title>`); labels and tooltips show the text exactly.
public struct DOTWriter: Sendable {
    /// What to draw and how; see ``DOTOptions``.
    public var options: DOTOptions

    /// A writer with these options; by default the whole graph with a legend, laid out by dot
    /// from left to right.
    public init(options: DOTOptions = DOTOptions()) {
        self.options = options
    }

    /// The DOT text of `graph`, ending with a newline.
    ///
    /// The text is measured first and then written straight into the string's own storage, so
    /// writing needs no more memory than the text itself and a few arrays per role and relation.
    ///
    /// - Complexity: O(*R* + *E* + *S*) expected, for *R* roles, *E* relations and *S* skill
    ///   mentions, plus the length of the text.
    public func write(_ graph: RoleGraph) -> String {
        let document = DOTComposition(graph: graph, options: options)
        let length = document.length()
        return String(unsafeUninitializedCapacity: length) { document.write(into: $0) }
    }

    /// The DOT text of `graph` as UTF-8 bytes, as ``write(_:)`` writes it.
    ///
    /// - Complexity: as ``write(_:)``.
    func utf8(_ graph: RoleGraph) -> [UInt8] {
        let document = DOTComposition(graph: graph, options: options)
        let length = document.length()
        return [UInt8](unsafeUninitializedCapacity: length) { buffer, count in
            count = document.write(into: buffer)
        }
    }
}

