import Foundation

/// What a DOT diagram of a role graph shows and how Graphviz should lay it out.
public struct DOTOptions: Hashable, Sendable {
    /// The direction dot lays ranks out in (Graphviz's `rankdir`).
    public enum RankDirection: String, CaseIterable, Hashable, Sendable {
        case topToBottom = "TB"
        case leftToRight = "LR"
        case bottomToTop = "BT"
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
    /// - Complexity: O(*R* + *E* + *S*) expected, for *R* roles, *E* relations and *S* skill
    ///   mentions, plus the length of the text.
    public func write(_ graph: RoleGraph) -> String {
        var document = DOTComposition(graph: graph, options: options)
        return document.write()
    }
}

/// One DOT document being written: what is drawn, and the text so far.
private struct DOTComposition {
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
    var lines: [String] = []
    var names = UniqueNames(reserved: ["cluster_legend"])

    init(graph: RoleGraph, options: DOTOptions) {
        self.graph = graph
        self.options = options
        drawn = graph.roles.map { options.areas?.contains($0.area) ?? true }
        switch options.highlight {
        case .path(let roles, let relations)?:
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
            community = graph.roles.map { assignment[$0.id] }
            communities = Set(community.compactMap { $0 }).sorted()
            for (rank, number) in communities.enumerated() { communityRank[number] = rank }
            communityNames = names
            clusterStyle = style
        case nil:
            break
        }
    }

    var isPath: Bool { if case .path? = options.highlight { true } else { false } }
    var isClustering: Bool { if case .clustering? = options.highlight { true } else { false } }

    mutating func write() -> String {
        let font = DOTEscaping.quoted(DOTStyle.fontName)
        lines.append("// Written by RoleGraph.")
        lines.append("digraph \(DOTEscaping.quoted(graph.name.isEmpty ? "rolegraph" : graph.name)) {")
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
        if !drawsClusters {
            // Force-directed and radial layouts place nodes freely: keep them apart, route edges
            // around them.
            graphAttributes += [("overlap", "prism"), ("sep", "\"+18\""), ("splines", "true")]
        }
        if !graph.name.isEmpty { graphAttributes.append(("label", DOTEscaping.quoted(graph.name))) }
        if !graph.description.isEmpty {
            graphAttributes.append(("tooltip", DOTEscaping.quoted(graph.description)))
            graphAttributes.append(("description", DOTEscaping.quoted(graph.description)))
        }
        if !graph.source.isEmpty { graphAttributes.append(("source", DOTEscaping.quoted(graph.source))) }
        if !graph.skills.isEmpty, let vocabulary = Self.skillsJSON(graph.skills) {
            // The skill vocabulary, so DOT import gives skills their names back (see DOTImporter).
            graphAttributes.append(("skills", DOTEscaping.quoted(vocabulary)))
        }
        lines.append("  graph [\(list(graphAttributes))];")
        lines.append("  node [\(list([("shape", "box"), ("style", "\"rounded,filled\""), ("fontname", font), ("fontsize", "13"), ("fontcolor", quote(DOTStyle.textColour)), ("margin", "\"0.16,0.07\""), ("penwidth", "1.4")]))];")
        lines.append("  edge [\(list([("fontname", font), ("fontsize", "10"), ("arrowsize", "0.8")]))];")
        writeRoles()
        writeRelations()
        if options.legend && drawsClusters { writeLegend() }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Roles

    /// Whether the layout draws `cluster_*` subgraphs. neato, sfdp, circo and twopi ignore them
    /// (and draw their boxes over the nodes), so for those the roles are written flat — areas
    /// still show as fill colours — and the legend, itself a cluster, is left out.
    var drawsClusters: Bool { ["dot", "fdp", "osage", "patchwork"].contains(options.layout) }

    mutating func writeRoles() {
        if !drawsClusters {
            for index in graph.roles.indices where drawn[index] { writeRole(index, indent: "  ") }
            return
        }
        if isClustering && clusterStyle == .boxes {
            var membersByRank = [[Int]](repeating: [], count: communities.count)
            for index in graph.roles.indices where drawn[index] {
                if let number = community[index], let rank = communityRank[number] { membersByRank[rank].append(index) }
            }
            for (rank, number) in communities.enumerated() {
                let members = membersByRank[rank]
                guard !members.isEmpty else { continue }
                let fill = DOTStyle.communityFills[rank % DOTStyle.communityFills.count]
                let border = DOTStyle.communityBorders[rank % DOTStyle.communityBorders.count]
                openCluster(names.make("cluster_community_", String(number)), [
                    ("label", DOTEscaping.quoted(communityName(number))),
                    ("style", "\"rounded,filled\""),
                    ("fillcolor", quote(fill + "30")),
                    ("color", quote(border)),
                    ("fontcolor", quote(border)),
                ])
                for index in members { writeRole(index, indent: "    ") }
                lines.append("  }")
            }
            for index in graph.roles.indices where drawn[index] && community[index] == nil {
                writeRole(index, indent: "  ")
            }
            return
        }
        var membersByArea = [[Int]](repeating: [], count: graph.areas.count)
        for index in graph.roles.indices where drawn[index] {
            membersByArea[graph.areaIndex[graph.roles[index].area]!].append(index)
        }
        for (areaIndex, area) in graph.areas.enumerated() {
            let members = membersByArea[areaIndex]
            guard !members.isEmpty else { continue }
            let colours = DOTStyle.areaColours(at: areaIndex)
            // Under a path, and under cluster colours, the area boxes step back to neutral grey.
            let dim = isPath || (isClustering && clusterStyle == .fill)
            var attributes: [(String, String)] = [
                ("label", DOTEscaping.quoted(area.name)),
                ("style", "\"rounded,filled\""),
                ("fillcolor", quote(dim ? DOTStyle.dimmedClusterFill : colours.clusterFill)),
                ("color", quote(dim ? DOTStyle.dimmedClusterBorder : colours.border)),
                ("fontcolor", quote(dim ? DOTStyle.dimmedText : colours.border)),
                ("fontsize", "15"),
                ("margin", "12"),
            ]
            if !area.summary.isEmpty {
                attributes.append(("tooltip", DOTEscaping.quoted(area.summary)))
                attributes.append(("area_summary", DOTEscaping.quoted(area.summary)))
            }
            attributes.append(("area", DOTEscaping.quoted(area.id.rawValue)))
            openCluster(names.make("cluster_", area.id.rawValue), attributes)
            for index in members { writeRole(index, indent: "    ") }
            lines.append("  }")
        }
    }

    mutating func openCluster(_ name: String, _ attributes: [(String, String)]) {
        lines.append("  subgraph \(DOTEscaping.quoted(name)) {")
        lines.append("    graph [\(list(attributes))];")
    }

    mutating func writeRole(_ index: Int, indent: String) {
        let role = graph.roles[index]
        let colours = DOTStyle.areaColours(at: graph.areaIndex[role.area] ?? 0)
        let dimmed = isPath && !pathRoles.contains(Int32(index))

        var fill = colours.nodeFill
        var border = colours.border
        var penWidth = "1.4"
        var textColour = DOTStyle.textColour
        var subColour = DOTStyle.mutedTextColour
        if dimmed {
            fill = DOTStyle.dimmedNodeFill
            border = DOTStyle.dimmedNodeBorder
            textColour = DOTStyle.dimmedText
            subColour = DOTStyle.dimmedText
        } else if isPath {
            border = DOTStyle.pathColour
            penWidth = pathEnds.contains(Int32(index)) ? "3.5" : "2.5"
        } else if isClustering && clusterStyle == .fill {
            if let number = community[index], let rank = communityRank[number] {
                fill = DOTStyle.communityFills[rank % DOTStyle.communityFills.count]
            } else {
                fill = DOTStyle.unassignedFill
            }
        }

        var label = "<B>\(DOTEscaping.html(role.name))</B>"
        if options.showTitles {
            let titles = role.titles.filter { $0 != role.name }
            for line in wrapped(titles, width: 34) {
                label += "<BR/><FONT POINT-SIZE=\"10\" COLOR=\"\(subColour)\">\(DOTEscaping.html(line))</FONT>"
            }
        }
        let badges = Self.badges(of: role)
        if !badges.isEmpty {
            label += "<BR/><FONT POINT-SIZE=\"10\" COLOR=\"\(subColour)\"><I>\(DOTEscaping.html(badges.joined(separator: " · ")))</I></FONT>"
        }

        var attributes: [(String, String)] = [
            ("label", "<\(label)>"),
            ("fillcolor", quote(fill)),
            ("color", quote(border)),
            ("fontcolor", quote(textColour)),
            ("penwidth", penWidth),
        ]
        if Self.isScarce(role) { attributes.append(("peripheries", "2")) }
        attributes.append(("tooltip", DOTEscaping.quoted(tooltip(of: index))))
        attributes.append(("class", quote("role area-\(DOTEscaping.sanitised(role.area.rawValue))")))
        attributes += Self.data(of: role)
        lines.append("\(indent)\(DOTEscaping.quoted(role.id.rawValue)) [\(list(attributes))];")
    }

    /// The skill vocabulary as compact JSON with sorted keys (deterministic).
    static func skillsJSON(_ skills: [Skill]) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(skills)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The model's own facts as attributes Graphviz ignores and ``RoleGraph/load(contentsOf:format:)``
    /// reads back (see `DOTImporter`), so that an exported graph imports as the same graph.
    static func data(of role: Role) -> [(String, String)] {
        var attributes: [(String, String)] = [("role_name", DOTEscaping.quoted(role.name)), ("area", DOTEscaping.quoted(role.area.rawValue))]
        func add(_ key: String, _ value: String) { if !value.isEmpty { attributes.append((key, DOTEscaping.quoted(value))) } }
        add("summary", role.summary)
        add("titles", role.titles.joined(separator: "; "))
        add("skills", role.primarySkills.map(\.rawValue).joined(separator: ","))
        add("secondary_skills", role.secondarySkills.map(\.rawValue).joined(separator: ","))
        add("responsibilities", role.responsibilities.joined(separator: "; "))
        add("problems", role.problems.joined(separator: "; "))
        if let entry = role.entryLevel { add("entry_level", entry ? "true" : "false") }
        if let prevalence = role.prevalence { add("prevalence", prevalence.rawValue) }
        return attributes
    }

    static func data(of relation: Relation) -> [(String, String)] {
        var attributes: [(String, String)] = [("kind", relation.kind.rawValue)]
        if let effort = relation.effort { attributes.append(("effort", DOTEscaping.quoted(formatNumber(effort)))) }
        if let note = relation.note { attributes.append(("note", DOTEscaping.quoted(note))) }
        if let section = relation.section { attributes.append(("section", DOTEscaping.quoted(section))) }
        return attributes
    }

    static func isScarce(_ role: Role) -> Bool {
        role.prevalence == .uncommon || role.prevalence == .rare
    }

    static func badges(of role: Role) -> [String] {
        var badges: [String] = []
        if role.entryLevel == true { badges.append("entry level") }
        if let prevalence = role.prevalence, isScarce(role) { badges.append(prevalence.rawValue) }
        return badges
    }

    func tooltip(of index: Int) -> String {
        let role = graph.roles[index]
        func names(_ skills: [SkillID]) -> String {
            skills.map { graph.skill($0)?.name ?? $0.rawValue }.joined(separator: ", ")
        }
        var text = role.name
        if !role.summary.isEmpty { text += "\n" + role.summary }
        if !role.primarySkills.isEmpty { text += "\nPrimary skills: " + names(role.primarySkills) }
        if !role.secondarySkills.isEmpty { text += "\nSecondary skills: " + names(role.secondarySkills) }
        if isClustering, let number = community[index] {
            text += "\n" + communityName(number)
        }
        return text
    }

    func communityName(_ number: Int) -> String {
        communityNames.indices.contains(number) ? communityNames[number] : "Cluster \(number)"
    }

    // MARK: Relations

    mutating func writeRelations() {
        let relations = graph.relations
        // Transitions by their dense endpoints, to find each one's mirror in O(1). A graph holds
        // at most one transition per ordered pair (the validator rejects duplicates).
        var transitionAt: [Int64: Int] = [:]
        for position in relations.indices where relations[position].kind == .transition {
            let (from, to) = graph.endpoints(ofRelationAt: position)
            transitionAt[Int64(from) << 32 | Int64(to)] = position
        }
        var skip: Set<Int> = []
        for kind in RelationKind.allCases {
            var kindLines: [String] = []
            for position in relations.indices where relations[position].kind == kind && !skip.contains(position) {
                let relation = relations[position]
                let (from, to) = graph.endpoints(ofRelationAt: position)
                if let step = pathSteps[position] {
                    kindLines.append(pathEdge(position, step: step))
                    continue
                }
                guard options.relations.contains(kind), drawn[Int(from)], drawn[Int(to)] else { continue }
                // A transition mirrored by another with the same effort is drawn once, two-headed.
                var mirror: Int?
                if kind == .transition {
                    if let other = transitionAt[Int64(to) << 32 | Int64(from)], other > position,
                       pathSteps[other] == nil, relations[other].effort == relation.effort,
                       relations[other].note == relation.note, relations[other].section == relation.section {
                        mirror = other
                        skip.insert(other)
                    }
                }
                kindLines.append(edge(position, mirror: mirror))
            }
            if !kindLines.isEmpty {
                lines.append("  // \(kind.rawValue)")
                lines.append(contentsOf: kindLines)
            }
        }
    }

    func edge(_ position: Int, mirror: Int?) -> String {
        let relation = graph.relations[position]
        let from = graph.role(relation.from)!, to = graph.role(relation.to)!
        let dim = isPath
        var attributes: [(String, String)]
        var tooltip: String
        switch relation.kind {
        case .stakeholder:
            attributes = [
                ("style", "dashed"), ("arrowhead", "vee"), ("penwidth", "1.4"),
                ("color", quote(dim ? DOTStyle.dimmedEdgeColour : DOTStyle.stakeholderColour)),
            ]
            tooltip = "\(from.name) relies on \(to.name)"
        case .collaboration:
            attributes = [
                ("dir", "none"), ("style", "dotted"), ("penwidth", "2.2"),
                ("color", quote(dim ? DOTStyle.dimmedEdgeColour : DOTStyle.collaborationColour)),
                // A collaboration has no direction, so it must not push one role a rank ahead.
                ("constraint", "false"),
            ]
            tooltip = "\(from.name) and \(to.name) work together"
        case .transition:
            let effort = relation.effort ?? 1
            attributes = []
            if mirror != nil { attributes.append(("dir", "both")) }
            attributes += [
                ("label", DOTEscaping.quoted("effort \(formatNumber(effort))")),
                ("penwidth", Self.number(DOTStyle.transitionPenWidth(effort: effort))),
                ("weight", String(DOTStyle.transitionWeight(effort: effort))),
                ("color", quote(dim ? DOTStyle.dimmedEdgeColour : DOTStyle.transitionColour)),
                ("fontcolor", quote(dim ? DOTStyle.dimmedText : DOTStyle.mutedTextColour)),
            ]
            tooltip = mirror == nil
                ? "\(from.name) can move to \(to.name) (effort \(formatNumber(effort)))"
                : "\(from.name) and \(to.name) can move to each other (effort \(formatNumber(effort)))"
        }
        if let note = relation.note, !note.isEmpty { tooltip += ": " + note }
        if let mirror, let note = graph.relations[mirror].note, !note.isEmpty, note != relation.note {
            tooltip += "\n" + note
        }
        attributes.append(("tooltip", DOTEscaping.quoted(tooltip)))
        attributes.append(("class", quote(relation.kind.rawValue)))
        attributes += Self.data(of: relation)
        return "  \(DOTEscaping.quoted(relation.from.rawValue)) -> \(DOTEscaping.quoted(relation.to.rawValue)) [\(list(attributes))];"
    }

    func pathEdge(_ position: Int, step: (step: Int, from: Int32, to: Int32)) -> String {
        let relation = graph.relations[position]
        let from = graph.role(at: step.from), to = graph.role(at: step.to)
        var text = "step \(step.step)"
        switch relation.kind {
        case .transition: text += " · effort \(formatNumber(relation.effort ?? 1))"
        case .collaboration: text += " · works with"
        case .stakeholder: text += " · relies on"
        }
        var tooltip = "Step \(step.step): \(from.name) → \(to.name)"
        if let note = relation.note, !note.isEmpty { tooltip += ": " + note }
        let attributes: [(String, String)] = [
            ("label", DOTEscaping.quoted(text)),
            ("color", quote(DOTStyle.pathColour)),
            ("fontcolor", quote(DOTStyle.pathColour)),
            ("penwidth", Self.number(DOTStyle.pathPenWidth)),
            ("weight", "4"),
            ("tooltip", DOTEscaping.quoted(tooltip)),
            ("class", quote("path \(relation.kind.rawValue)")),
        ] + Self.data(of: relation)
        return "  \(DOTEscaping.quoted(from.id.rawValue)) -> \(DOTEscaping.quoted(to.id.rawValue)) [\(list(attributes))];"
    }

    // MARK: Legend

    mutating func writeLegend() {
        let roleIDs = Set(graph.roles.map(\.id.rawValue))
        /// A legend node name that no role has.
        func node(_ base: String) -> String {
            var name = "legend:" + base
            while roleIDs.contains(name) { name += "'" }
            return DOTEscaping.quoted(name)
        }
        let drawnKinds = RelationKind.allCases.filter { kind in
            options.relations.contains(kind) || pathSteps.keys.contains { graph.relations[$0].kind == kind }
        }
        lines.append("  subgraph \"cluster_legend\" {")
        lines.append("    graph [\(list([("label", "\"Legend\""), ("style", "\"rounded\""), ("color", "\"#BBBBBB\""), ("fontcolor", quote(DOTStyle.mutedTextColour)), ("fontsize", "12"), ("margin", "8")]))];")
        // Each entry is a text node and a short sample of the line style, ending at an invisible
        // point: real edges, so the legend shows exactly what the diagram draws.
        lines.append("    node [\(list([("shape", "plaintext"), ("style", "\"\""), ("fontsize", "10"), ("fontcolor", quote(DOTStyle.mutedTextColour)), ("margin", "\"0.04,0.02\""), ("height", "0.2")]))];")
        lines.append("    edge [\(list([("minlen", "1")]))];")
        var entries: [(name: String, text: String, attributes: [(String, String)])] = []
        for kind in drawnKinds {
            switch kind {
            case .stakeholder:
                entries.append(("stakeholder", "relies on (stakeholder)", [("style", "dashed"), ("arrowhead", "vee"), ("penwidth", "1.4"), ("color", quote(DOTStyle.stakeholderColour))]))
            case .collaboration:
                entries.append(("collaboration", "works with (collaboration)", [("dir", "none"), ("style", "dotted"), ("penwidth", "2.2"), ("color", quote(DOTStyle.collaborationColour))]))
            case .transition:
                entries.append(("transition", "can move to (transition), thicker when easier", [("penwidth", "2.7"), ("color", quote(DOTStyle.transitionColour))]))
            }
        }
        if isPath {
            entries.append(("path", "the path, step by step", [("penwidth", Self.number(DOTStyle.pathPenWidth)), ("color", quote(DOTStyle.pathColour))]))
        }
        for entry in entries {
            let text = node(entry.name), sample = node(entry.name + ":end")
            lines.append("    \(text) [\(list([("label", DOTEscaping.quoted(entry.text))]))];")
            lines.append("    \(sample) [\(list([("shape", "point"), ("style", "invis"), ("width", "0.01")]))];")
            lines.append("    \(text) -> \(sample) [\(list(entry.attributes))];")
            // Across the ranks the samples run sideways only when ranks are columns; with
            // rows of ranks, keeping both ends on one rank turns the sample sideways too.
            if options.rankdir == .topToBottom || options.rankdir == .bottomToTop {
                lines.append("    { rank=same; \(text); \(sample); }")
            }
        }

        var notes: [String] = []
        let shown = graph.roles.indices.filter { drawn[$0] }.map { graph.roles[$0] }
        if shown.contains(where: { $0.entryLevel == true }) {
            notes.append("<I>entry level</I>: newcomers are commonly hired into it")
        }
        if shown.contains(where: Self.isScarce) {
            notes.append("double border, <I>uncommon</I> or <I>rare</I>: many companies lack the role")
        }
        var table = ""
        if isClustering {
            for (rank, number) in communities.enumerated() {
                let colour = clusterStyle == .fill
                    ? DOTStyle.communityFills[rank % DOTStyle.communityFills.count]
                    : DOTStyle.communityBorders[rank % DOTStyle.communityBorders.count]
                table += "<TR><TD BGCOLOR=\"\(colour)\" FIXEDSIZE=\"TRUE\" WIDTH=\"16\" HEIGHT=\"11\"></TD><TD ALIGN=\"LEFT\">\(DOTEscaping.html(communityName(number)))</TD></TR>"
            }
            if community.indices.contains(where: { drawn[$0] && community[$0] == nil }) && clusterStyle == .fill {
                table += "<TR><TD BGCOLOR=\"\(DOTStyle.unassignedFill)\" BORDER=\"1\" COLOR=\"#BBBBBB\" FIXEDSIZE=\"TRUE\" WIDTH=\"16\" HEIGHT=\"11\"></TD><TD ALIGN=\"LEFT\">no cluster</TD></TR>"
            }
        }
        if !notes.isEmpty || !table.isEmpty {
            // One column of rows; the swatches sit in a table of their own so that the long
            // notes do not widen the swatch column.
            var label = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"1\">"
            if !table.isEmpty {
                let heading = clusterStyle == .fill ? "Fill: cluster" : "Box: cluster; fill: area"
                label += "<TR><TD ALIGN=\"LEFT\"><B>\(heading)</B></TD></TR>"
                label += "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"0\">\(table)</TABLE></TD></TR>"
            }
            for note in notes { label += "<TR><TD ALIGN=\"LEFT\">\(note)</TD></TR>" }
            label += "</TABLE>"
            lines.append("    \(node("notes")) [\(list([("shape", "plaintext"), ("style", "\"\""), ("fontsize", "10"), ("fontcolor", quote(DOTStyle.mutedTextColour)), ("label", "<\(label)>")]))];")
        }
        lines.append("  }")
    }

    // MARK: Text

    func quote(_ text: String) -> String { DOTEscaping.quoted(text) }

    func list(_ attributes: [(String, String)]) -> String {
        attributes.map { "\($0.0)=\($0.1)" }.joined(separator: ", ")
    }

    static func number(_ value: Double) -> String { formatNumber(value) }

    /// `items` joined with " · " into lines of at most about `width` characters.
    func wrapped(_ items: [String], width: Int) -> [String] {
        var result: [String] = []
        var line = ""
        for item in items {
            if line.isEmpty {
                line = item
            } else if line.count + 3 + item.count <= width {
                line += " · " + item
            } else {
                result.append(line)
                line = item
            }
        }
        if !line.isEmpty { result.append(line) }
        return result
    }
}
