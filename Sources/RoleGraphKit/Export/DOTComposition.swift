import Foundation
import RoleGraphGraphviz

/// One DOT document: what is drawn, and the text, written on demand into any ``DOTOutput``.
///
/// Everything that costs time per role or relation and is needed in both passes (see
/// ``DOTOutput``) is worked out once, here and in ``DOTEdgePlan``; writing is then a walk over
/// the graph that appends bytes. The roles are written in `DOTRoles.swift`, the relations in
/// `DOTRelations.swift` and the legend in `DOTLegend.swift`.
struct DOTComposition {
    let graph: RoleGraph
    let options: DOTOptions
    /// Whether each role (by index) is drawn.
    var drawn: [Bool]
    /// The path highlight's roles (by index) and, for each relation position on the path, its
    /// step number from 1 and the direction of travel.
    var pathRoles: Set<Int32> = []
    var pathSteps: [Int: (step: Int, from: Int32, to: Int32)] = [:]
    var pathEnds: Set<Int32> = []
    /// The clustering highlight: community by role index, and the distinct communities sorted.
    var community: [Int?] = []
    var communities: [Int] = []
    /// Each community's position in `communities`, which picks its colour.
    var communityRank: [Int: Int] = [:]
    var communityNames: [String] = []
    var clusterStyle: Highlight.ClusterStyle = .fill
    /// Whether the layout draws `cluster_*` subgraphs (see ``drawsClusters(layout:)``).
    let drawsClusters: Bool
    /// The engine's attributes and the style for this diagram's size.
    let policy: LayoutPolicy
    /// In the compact style, each role's label size in points (by ``DOTOptions/nodeWeights`` or
    /// by its relations); empty otherwise.
    var labelSizes: [Int] = []
    let isPath: Bool
    let isClustering: Bool

    /// The area (by index) of each role.
    let areaOfRole: [Int]
    /// Each area's id as a quoted DOT string, and its roles' `class` attribute value, quoted.
    let quotedAreaIDs: [String]
    let roleClasses: [String]
    /// The skill vocabulary as JSON, for the graph's `skills` attribute.
    let skillsJSON: String?
    /// What drawing the relations needs, when there are any.
    var edgePlan: DOTEdgePlan?

    init(graph: RoleGraph, options: DOTOptions) {
        self.graph = graph
        self.options = options
        drawsClusters = Self.drawsClusters(layout: options.layout)
        policy = options.layoutPolicy ?? LayoutPolicy.recommended(
            roleCount: graph.roles.count, relationCount: graph.relations.count,
            engine: GraphvizLayout(rawValue: options.layout))
        drawn = graph.roles.map { options.areas?.contains($0.area) ?? true }
        areaOfRole = graph.roles.map { graph.areaIndex[$0.area] ?? 0 }
        quotedAreaIDs = graph.areas.map { DOTEscaping.quoted($0.id.rawValue) }
        roleClasses = graph.areas.map { DOTEscaping.quoted("role area-\(DOTEscaping.sanitised($0.id.rawValue))") }
        skillsJSON = graph.skills.isEmpty ? nil : Self.skillsJSON(graph.skills)
        switch options.highlight {
        case .path(let roles, let relations)?:
            isPath = true
            isClustering = false
            let indices = roles.compactMap { graph.index(of: $0) }
            pathRoles = Set(indices)
            if let first = indices.first, let last = indices.last { pathEnds = [first, last] }
            for (offset, position) in relations.enumerated() where graph.relations.indices.contains(position) {
                guard pathSteps[position] == nil else { continue }
                var (from, to) = graph.endpoints(ofRelationAt: position)
                // Orient the step along the path when the relation is a collaboration stored the
                // other way round.
                if offset + 1 < roles.count, let a = graph.index(of: roles[offset]),
                   let b = graph.index(of: roles[offset + 1]), from == b, to == a,
                   graph.relations[position].kind.isSymmetric {
                    (from, to) = (a, b)
                }
                pathSteps[position] = (offset + 1, from, to)
                pathRoles.formUnion([from, to])
            }
            for index in pathRoles { drawn[Int(index)] = true }
        case .clustering(let assignment, let names, let style)?:
            isPath = false
            isClustering = true
            community = graph.roles.map { assignment[$0.id] }
            communities = Set(community.compactMap { $0 }).sorted()
            for (rank, number) in communities.enumerated() { communityRank[number] = rank }
            communityNames = names
            clusterStyle = style
        case nil:
            isPath = false
            isClustering = false
        }
        if policy.compact || options.nodeWeights != nil { labelSizes = Self.labelSizes(graph, options) }
        if !graph.relations.isEmpty { edgePlan = DOTEdgePlan(self) }
    }

    /// The smallest and largest label sizes of the compact style, in points.
    static let labelSizeRange = (smallest: 8.0, largest: 22.0)

    /// Each role's label size: by the square root of its weight (so area, not height, grows
    /// with it), from ``labelSizeRange``'s smallest for the lightest to its largest for the
    /// heaviest.
    ///
    /// - Complexity: O(*R* + *E*).
    static func labelSizes(_ graph: RoleGraph, _ options: DOTOptions) -> [Int] {
        var weights = [Double](repeating: 0, count: graph.roles.count)
        if let given = options.nodeWeights {
            for (index, role) in graph.roles.enumerated() { weights[index] = max(0, given.values[role.id] ?? 0) }
        } else {
            for position in graph.relations.indices where options.relations.contains(graph.relations[position].kind) {
                let (a, b) = graph.endpoints(ofRelationAt: position)
                weights[Int(a)] += 1
                weights[Int(b)] += 1
            }
        }
        let heaviest = weights.max() ?? 0
        let (low, high) = labelSizeRange
        return weights.map { weight in
            heaviest > 0 ? Int((low + (high - low) * (weight / heaviest).squareRoot()).rounded()) : Int(low)
        }
    }

    /// What the compact style's label size and line width mean, for the caption.
    var caption: String {
        let size = options.nodeWeights?.meaning ?? "relations per role"
        let width = edgePlan?.widthByCount == true ? "observed moves (count)" : "easier moves are thicker (effort)"
        return "Text size: \(size) · line width: \(width)"
    }

    /// Whether a layout draws `cluster_*` subgraphs. neato, sfdp, circo and twopi ignore them
    /// (and draw their boxes over the nodes), so for those the roles are written flat — areas
    /// still show as fill colours — and the legend, itself a cluster, is left out.
    static func drawsClusters(layout: String) -> Bool {
        ["dot", "fdp", "osage", "patchwork"].contains(layout)
    }

    // MARK: The two passes

    /// The length of the text in bytes.
    ///
    /// - Complexity: as ``write(to:)``.
    func length() -> Int {
        var counter = DOTByteCounter()
        write(to: &counter)
        return counter.count
    }

    /// Writes the text into `buffer`, which must hold exactly ``length()`` bytes; returns that length.
    ///
    /// - Complexity: as ``write(to:)``.
    func write(into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var writer = DOTBufferWriter(buffer)
        write(to: &writer)
        precondition(writer.count == buffer.count, "DOT text shorter than counted")
        return writer.count
    }

    /// Writes the whole document, ending with a newline.
    ///
    /// - Complexity: O(*R* + *E* + *S*) for *R* roles, *E* relations and *S* skill mentions,
    ///   plus the length of the text.
    func write<Output: DOTOutput>(to output: inout Output) {
        let font = DOTEscaping.quoted(DOTStyle.fontName)
        line("// Written by RoleGraph.", to: &output)
        line("digraph \(DOTEscaping.quoted(graph.name.isEmpty ? "rolegraph" : graph.name)) {", to: &output)
        var graphAttributes: [(String, String)] = [
            ("charset", "\"UTF-8\""),
            ("layout", DOTEscaping.quoted(options.layout)),
            // Ranks for the whole graph at once: with per-cluster ranking, relations between
            // areas end up as flat edges whose labels dot stacks on top of each other.
            ("newrank", "true"),
            ("rankdir", options.rankdir.rawValue),
            ("fontname", font),
            ("fontsize", "18"),
            ("fontcolor", quote(DOTStyle.textColour)),
            ("labelloc", "t"),
            ("labeljust", "l"),
            ("nodesep", "0.3"),
            ("ranksep", "0.5"),
            ("pad", "0.3"),
            ("outputorder", "edgesfirst"),
            ("bgcolor", "\"white\""),
        ]
        // Force-directed and radial layouts place nodes freely: keep them apart; route edges
        // around them only where the policy can afford it.
        graphAttributes += policy.graphAttributes(drawsClusters: drawsClusters)
        if !labelSizes.isEmpty && options.legend {
            // The legend box is a cluster, which only some engines draw; the caption says what
            // sizes and widths mean on every engine.
            // An HTML-like label, which DOT import does not take for the graph's name (the name
            // comes back from the `digraph` statement).
            let name = graph.name.isEmpty ? "" : DOTEscaping.html(graph.name) + "<BR/>"
            graphAttributes.append(("label", "<\(name)<FONT POINT-SIZE=\"11\" COLOR=\"\(DOTStyle.mutedTextColour)\">\(DOTEscaping.html(caption))</FONT>>"))
            // libcgraph hands the label back without its angle brackets, so the name goes beside it.
            if !graph.name.isEmpty { graphAttributes.append(("graph_name", DOTEscaping.quoted(graph.name))) }
        } else if !graph.name.isEmpty {
            graphAttributes.append(("label", DOTEscaping.quoted(graph.name)))
        }
        if !graph.description.isEmpty {
            graphAttributes.append(("tooltip", DOTEscaping.quoted(graph.description)))
            graphAttributes.append(("description", DOTEscaping.quoted(graph.description)))
        }
        if !graph.source.isEmpty { graphAttributes.append(("source", DOTEscaping.quoted(graph.source))) }
        if let areasJSON = Self.skillsJSON(graph.areas), !graph.areas.isEmpty {
            // The areas in order, with their names and summaries, for DOT import: clusters carry
            // them only when they are drawn, and only for areas that hold a role.
            graphAttributes.append(("areas", DOTEscaping.quoted(areasJSON)))
        }
        if let skillsJSON {
            // The skill vocabulary, so DOT import gives skills their names back (see DOTImporter).
            graphAttributes.append(("skills", DOTEscaping.quoted(skillsJSON)))
        }
        line("  graph [\(list(graphAttributes))];", to: &output)
        if policy.compact {
            line("  node [\(list([("shape", "box"), ("style", "\"rounded,filled\""), ("fontname", font), ("fontsize", "9"), ("fontcolor", quote(DOTStyle.textColour)), ("margin", "\"0.05,0.02\""), ("height", "0.2"), ("width", "0.3"), ("penwidth", "0.8")]))];", to: &output)
            line("  edge [\(list([("fontname", font), ("fontsize", "8"), ("arrowsize", "0.5")]))];", to: &output)
        } else {
            line("  node [\(list([("shape", "box"), ("style", "\"rounded,filled\""), ("fontname", font), ("fontsize", "13"), ("fontcolor", quote(DOTStyle.textColour)), ("margin", "\"0.16,0.07\""), ("penwidth", "1.4")]))];", to: &output)
            line("  edge [\(list([("fontname", font), ("fontsize", "10"), ("arrowsize", "0.8")]))];", to: &output)
        }
        writeRoles(to: &output)
        if let edgePlan { writeRelations(edgePlan, to: &output) }
        if options.legend && drawsClusters { writeLegend(to: &output) }
        line("}", to: &output)
    }

    /// The skill vocabulary (or the areas) as compact JSON with sorted keys (deterministic).
    static func skillsJSON(_ skills: [some Encodable]) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(skills)).map { String(decoding: $0, as: UTF8.self) }
    }

    // MARK: Text

    /// Appends `text` and a line break.
    func line<Output: DOTOutput>(_ text: String, to output: inout Output) {
        output.append(contentsOf: text)
        output.append(byte: UInt8(ascii: "\n"))
    }

    func quote(_ text: String) -> String { DOTEscaping.quoted(text) }

    /// `name=value, …`, for attribute values that are already quoted where they need to be.
    func list(_ attributes: [(String, String)]) -> String {
        attributes.map { "\($0.0)=\($0.1)" }.joined(separator: ", ")
    }

    static func number(_ value: Double) -> String { formatNumber(value) }

    func communityName(_ number: Int) -> String {
        communityNames.indices.contains(number) ? communityNames[number] : "Cluster \(number)"
    }
}
