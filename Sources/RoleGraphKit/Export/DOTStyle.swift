import Foundation

/// The look of the DOT diagrams: fonts, colours and the style of each relation kind.
///
/// The choices aim at a diagram that reads at slide size and in grey scale:
///
/// - The three relation kinds differ in line pattern as well as colour, so they stay apart for
///   a colour-blind reader and on a black-and-white printout: stakeholder dashed with an open
///   arrow, collaboration a dotted line without arrows, transition solid, thicker when the
///   move is easier.
/// - Colours come from Paul Tol's colour-blind-safe schemes ("bright" for area borders, "light"
///   for clustering fills), tinted for area fills so black text stays readable on every one.
/// - A highlighted path uses Okabe–Ito vermilion, which no area colour resembles; the rest of
///   the graph is greyed and made translucent rather than hidden, so the path keeps its context.
enum DOTStyle {
    static let fontName = "Helvetica,Arial,sans-serif"
    static let textColour = "#222222"
    static let mutedTextColour = "#555555"

    /// The colours of one area: a soft box fill, a stronger node fill, and a border.
    struct AreaColours: Hashable {
        var clusterFill: String
        var nodeFill: String
        var border: String
    }

    /// Area colours, used in the order areas appear in the graph file and repeated past the
    /// seventh area. Borders are Tol "bright" (blue, green, yellow, purple, cyan, red, grey).
    static let areaColours: [AreaColours] = [
        AreaColours(clusterFill: "#F1F5FB", nodeFill: "#D5E2F2", border: "#4477AA"),
        AreaColours(clusterFill: "#F0F7F1", nodeFill: "#CFE8D3", border: "#228833"),
        AreaColours(clusterFill: "#FBF9EC", nodeFill: "#F0E9B6", border: "#A89A2E"),
        AreaColours(clusterFill: "#F8F0F5", nodeFill: "#EACFE0", border: "#AA3377"),
        AreaColours(clusterFill: "#EFF8FC", nodeFill: "#CDEBF6", border: "#3A9BBF"),
        AreaColours(clusterFill: "#FDF1F2", nodeFill: "#F8D2D6", border: "#CC4455"),
        AreaColours(clusterFill: "#F5F5F5", nodeFill: "#E2E2E2", border: "#888888"),
    ]

    static func areaColours(at index: Int) -> AreaColours { areaColours[index % areaColours.count] }

    /// Community fills for a clustering highlight: Tol's "light" scheme, designed for filled
    /// shapes under black text. Repeated past the ninth community; the legend names each.
    static let communityFills = [
        "#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF",
        "#44BB99", "#BBCC33", "#AAAA00", "#DDDDDD",
    ]
    /// Community box borders, darker shades of ``communityFills`` in the same order.
    static let communityBorders = [
        "#336699", "#B4532A", "#A89A2E", "#C0667A", "#3A9BBF",
        "#227766", "#7A8A11", "#6F6F00", "#888888",
    ]
    /// The fill of a role that has no community in a clustering.
    static let unassignedFill = "#FFFFFF"

    // MARK: Relations

    static let stakeholderColour = "#4B5B73"
    static let collaborationColour = "#8C8C8C"
    static let transitionColour = "#2B2B2B"
    /// Transitions in the compact style: translucent, so thousands of crossing lines read as
    /// shades of grey, darkest where moves are densest, rather than as a black mass.
    static let compactTransitionColour = "#3A3A3A4D"

    /// The line width of a transition: effort 1 (a small step) is drawn thickest, so the easy
    /// moves stand out; effort 5 and above thinnest.
    static func transitionPenWidth(effort: Double) -> Double {
        let clamped = min(max(effort, 1), 5)
        return ((3.2 - 0.5 * (clamped - 1)) * 100).rounded() / 100
    }

    /// The line width of a transition observed `count` times, when the busiest one was observed
    /// `largest` times: logarithmic, since counts span orders of magnitude, from 0.4 to 4, in
    /// tenths so that few distinct widths are written.
    static func transitionPenWidth(count: Double, largest: Double) -> Double {
        guard largest > 0, count > 0 else { return 0.4 }
        let share = log1p(count) / log1p(largest)
        return ((0.4 + 3.6 * min(share, 1)) * 10).rounded() / 10
    }

    /// The `weight` of a transition for the dot layout: easy moves pull their roles closer and
    /// straighter. dot wants a whole number of at least 1.
    static func transitionWeight(effort: Double) -> Int {
        max(1, Int((6 - min(max(effort, 1), 5)).rounded()))
    }

    // MARK: Highlights

    /// Okabe–Ito vermilion, for the path.
    static let pathColour = "#D55E00"
    static let pathPenWidth = 3.5
    /// Dimmed parts of a highlighted diagram: grey, and translucent where Graphviz allows alpha.
    static let dimmedEdgeColour = "#9E9E9E66"
    static let dimmedNodeFill = "#F4F4F4"
    static let dimmedNodeBorder = "#C4C4C4"
    static let dimmedText = "#9A9A9A"
    static let dimmedClusterFill = "#FAFAFA"
    static let dimmedClusterBorder = "#DDDDDD"
}
