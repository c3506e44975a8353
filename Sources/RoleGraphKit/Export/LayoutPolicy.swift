import Foundation
import RoleGraphGraphviz

/// How a diagram is laid out and styled for its size: the Graphviz engine, how edges are routed,
/// how overlapping nodes are pulled apart, and how much text the picture carries.
///
/// The automatic choice (``recommended(roleCount:relationCount:engine:)``) comes from a table of
/// size bands, each chosen from timings of the in-process renderer on generated transition
/// networks (see Guides/Rendering.md, which lists the measurements):
///
/// | band | engine | edges | overlap | labels |
/// | --- | --- | --- | --- | --- |
/// | ≤ 300 roles and ≤ 600 relations | `dot` (`nslimit`, `mclimit` bounded above 150 relations) | splines | — | up to 150 relations |
/// | larger | `sfdp`, `K=2` | straight (`splines=false`) | `prism` | up to 150 relations |
///
/// Two costs dominate. `dot` makes every edge label a node of its own, so a hundred roles with
/// five hundred labelled transitions take it longer than five thousand roles take `sfdp`; without
/// the labels the same graph is laid out in about a second. And, with `sfdp`, spline routing
/// grows far faster than the layout.
///
/// Spline routing is what made large diagrams take minutes: `sfdp` places thousands of nodes in
/// seconds, but routing every edge around every node grows far faster than the layout. Straight
/// edges drawn first, under the nodes, read as well on a picture of a thousand roles.
public struct LayoutPolicy: Hashable, Sendable {
    /// How edges are drawn: Graphviz's `splines` attribute.
    public enum Splines: String, CaseIterable, Hashable, Sendable {
        /// Smooth curves routed around nodes (`splines=true`): the most beautiful and, with
        /// force-directed engines, by far the slowest.
        case spline
        /// Straight segments routed around nodes (`splines=polyline`): slow like `spline`.
        case polyline
        /// Curved arcs (`splines=curved`): as slow as `spline` on large graphs (Graphviz still
        /// routes them), fine on a few dozen nodes.
        case curved
        /// Straight lines that ignore nodes (`splines=line`): the cheapest.
        case line
        /// Straight lines with no routing at all (`splines=false`).
        case none
        /// Right-angled edges (`splines=ortho`): slow, and edge labels are dropped.
        case ortho

        /// The value written into the DOT.
        var attributeValue: String {
            switch self {
            case .spline: return "true"
            case .none: return "false"
            case .polyline, .curved, .line, .ortho: return rawValue
            }
        }

        /// Whether Graphviz routes edges, the costly part on large graphs: every style but
        /// `line` and `none`.
        public var routesEdges: Bool { self != .line && self != .none }
    }

    /// How a force-directed layout removes node overlaps: Graphviz's `overlap` attribute.
    public enum Overlap: String, CaseIterable, Hashable, Sendable {
        /// Proximity-graph based removal (`overlap=prism`): keeps the layout's shape, scales well.
        case prism
        /// Scales the layout up uniformly until nothing overlaps (`overlap=scale`): fast, large.
        case scale
        /// Voronoi-based removal (`overlap=false`): slow on thousands of nodes.
        case voronoi
        /// Leaves overlaps (`overlap=true`): fastest, least readable.
        case keep

        /// The value written into the DOT.
        var attributeValue: String {
            switch self {
            case .prism, .scale: return rawValue
            case .voronoi: return "false"
            case .keep: return "true"
            }
        }
    }

    /// The layout engine.
    public var engine: GraphvizLayout
    /// How edges are drawn.
    public var splines: Splines
    /// How overlaps are removed; used by the force-directed and radial engines only.
    public var overlap: Overlap
    /// Whether transitions carry an "effort N" label: readable on a small diagram, a cloud of
    /// overlapping text (and a large SVG, and for `dot` a slow layout) on a big one.
    public var edgeLabels: Bool
    /// Whether the compact style is used: small type, no hover texts on edges, label size by how
    /// connected a role is, and a caption in place of the legend box.
    public var compact: Bool

    /// Whether `dot`'s network simplex and crossing minimisation are bounded (`nslimit`,
    /// `mclimit`): on graphs of more than ``edgeLabelLimit`` relations, where they cost the most;
    /// a small diagram keeps its fully optimised drawing.
    public var boundsIterations: Bool

    /// Creates a policy from its parts.
    public init(engine: GraphvizLayout, splines: Splines, overlap: Overlap = .prism, edgeLabels: Bool = true, compact: Bool = false,
                boundsIterations: Bool = false) {
        self.engine = engine
        self.splines = splines
        self.overlap = overlap
        self.edgeLabels = edgeLabels
        self.compact = compact
        self.boundsIterations = boundsIterations
    }

    /// Graphs up to this many roles (and ``dotRelationLimit`` relations) are drawn by `dot`.
    public static let dotRoleLimit = 300
    /// Graphs up to this many relations (and ``dotRoleLimit`` roles) are drawn by `dot`.
    public static let dotRelationLimit = 600
    /// Transitions are labelled with their effort only up to this many relations.
    public static let edgeLabelLimit = 150
    /// Graphs with more roles than this (or more than ``dotRelationLimit`` relations) are drawn in
    /// the compact style.
    public static let compactRoleLimit = 150

    /// The policy for a diagram of this size, optionally on an engine the caller chose.
    ///
    /// - Parameters:
    ///   - roleCount: the roles drawn.
    ///   - relationCount: the relations drawn.
    ///   - engine: the engine asked for, or `nil` to choose by size.
    /// - Complexity: O(1).
    public static func recommended(roleCount: Int, relationCount: Int, engine: GraphvizLayout? = nil) -> LayoutPolicy {
        let small = roleCount <= dotRoleLimit && relationCount <= dotRelationLimit
        let engine = engine ?? (small ? .dot : .sfdp)
        // Every label is a node to dot and a box to place to the others: above this many
        // relations they cost dot ten times the layout without them.
        let labels = relationCount <= edgeLabelLimit
        let compact = roleCount > compactRoleLimit || relationCount > dotRelationLimit
        switch engine {
        case .dot, .fdp, .osage:
            return LayoutPolicy(engine: engine, splines: .spline, overlap: .prism, edgeLabels: labels, compact: compact,
                                boundsIterations: !labels)
        case .neato, .sfdp, .circo, .twopi:
            // Routing around nodes is affordable only on small graphs.
            let splines: Splines = small ? .spline : .none
            return LayoutPolicy(engine: engine, splines: splines, overlap: .prism, edgeLabels: labels, compact: compact,
                                boundsIterations: !labels)
        }
    }

    /// The engine and edge style in a few words, for messages: "sfdp, splines=none".
    public var summary: String { "\(engine.rawValue), splines=\(splines.rawValue)" }

    /// Graph attributes for the policy, beyond the ones every diagram has.
    ///
    /// - Complexity: O(1).
    func graphAttributes(drawsClusters: Bool) -> [(String, String)] {
        var attributes: [(String, String)] = []
        switch engine {
        case .dot where boundsIterations:
            // Bounds on network simplex and crossing minimisation: the layered layout's cost on
            // dense graphs, with little visible loss on the sizes dot is chosen for.
            attributes += [("nslimit", "2"), ("nslimit1", "2"), ("mclimit", "0.5")]
        case .sfdp where compact:
            // A longer natural edge spreads the thousands of nodes apart enough for their labels.
            attributes += [("K", "2"), ("repulsiveforce", "1.2")]
        default:
            break
        }
        if !drawsClusters {
            // Small type needs less room around each node.
            attributes += [("overlap", "\"\(overlap.attributeValue)\""), ("sep", compact ? "\"+6\"" : "\"+18\"")]
        }
        if splines != .spline || !drawsClusters {
            attributes.append(("splines", "\"\(splines.attributeValue)\""))
        }
        return attributes
    }

    // MARK: Time estimates

    /// Measured seconds to render an SVG of a generated transition network (≈5 transitions per
    /// role), by engine and edge routing, at role counts: the points ``estimatedSeconds(roleCount:)``
    /// interpolates between. The numbers and how they were taken are in Guides/Rendering.md.
    static let measurements: [(engine: GraphvizLayout, routed: Bool, points: [(roles: Double, seconds: Double)])] = [
        // dot without edge labels (the policy's choice above 150 relations).
        (.dot, true, [(100, 1.2), (300, 88)]),
        (.sfdp, false, [(300, 0.41), (500, 0.49), (1_000, 1.39), (2_000, 3.05), (5_000, 16.4)]),
        (.sfdp, true, [(300, 36.5), (400, 105), (500, 180)]),
    ]

    /// The estimated time to lay out and render this policy's diagram of `roleCount` roles, from
    /// the measured table (log-log interpolation, extrapolated past its ends), or `nil` when no
    /// measurement covers the engine.
    ///
    /// - Complexity: O(1).
    public func estimatedSeconds(roleCount: Int) -> Double? {
        let routed = engine == .dot ? true : splines.routesEdges
        let family: GraphvizLayout = engine == .dot ? .dot : (engine == .sfdp || engine == .neato || engine == .fdp ? .sfdp : engine)
        guard let row = Self.measurements.first(where: { $0.engine == family && $0.routed == routed }) else { return nil }
        return Self.interpolate(row.points, at: Double(max(roleCount, 1)))
    }

    /// Piecewise log-log interpolation through `points` (sorted by roles), extended linearly in
    /// log-log space past both ends.
    static func interpolate(_ points: [(roles: Double, seconds: Double)], at roles: Double) -> Double {
        precondition(points.count >= 2, "two points at least")
        var lower = 0
        while lower + 2 < points.count && roles > points[lower + 1].roles { lower += 1 }
        let (a, b) = (points[lower], points[lower + 1])
        let slope = (log(b.seconds) - log(a.seconds)) / (log(b.roles) - log(a.roles))
        return exp(log(a.seconds) + slope * (log(roles) - log(a.roles)))
    }

    /// Above this many estimated seconds the command line warns before a layout starts.
    public static let slowSeconds = 10.0
}
