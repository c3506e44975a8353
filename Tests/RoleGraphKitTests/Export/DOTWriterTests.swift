import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import RoleGraphKit
import RoleGraphAlgorithms
import RoleGraphGraphviz
import RoleGraphTestSupport

@Suite struct DOTWriterTests {
    static let pathRoles: [RoleID] = ["data-analyst", "data-scientist", "ml-scientist", "ml-engineer"]

    /// A fixed clustering of the built-in graph, by role index: analysts, model builders,
    /// platform builders.
    static let clustering: [Int] = [0, 0, 0, 1, 1, 2, 1, 2, 2, 2]

    static func pathHighlight() throws -> Highlight {
        try #require(Highlight.path(along: pathRoles, in: .builtIn))
    }

    static func clusteringHighlight(_ style: Highlight.ClusterStyle = .fill) -> Highlight {
        .clustering(byRoleIndex: clustering, in: .builtIn,
                    names: ["Insights work", "Model work", "Platform work"], style: style)
    }

    static func read(_ options: DOTOptions, _ graph: RoleGraph = .builtIn) throws -> DOTReader {
        try DOTReader(DOTWriter(options: options).write(graph))
    }

    /// Edges between roles, leaving out the legend's samples.
    static func roleEdges(_ dot: DOTReader) -> [DOTReader.Edge] {
        dot.edges.filter { !$0.subgraphs.contains("cluster_legend") }
    }

    // MARK: Goldens (regenerate with ROLEGRAPH_UPDATE_GOLDENS=1; see Golden.swift)

    @Test func builtInGraphMatchesGolden() throws {
        try Golden.check(DOTWriter().write(.builtIn), "builtin.dot")
    }

    @Test func pathHighlightMatchesGolden() throws {
        let options = DOTOptions(highlight: try Self.pathHighlight())
        try Golden.check(DOTWriter(options: options).write(.builtIn), "builtin-path.dot")
    }

    @Test func clusteringHighlightMatchesGolden() throws {
        let options = DOTOptions(highlight: Self.clusteringHighlight())
        try Golden.check(DOTWriter(options: options).write(.builtIn), "builtin-clustering.dot")
    }

    @Test func clusterBoxesWithTitlesTopToBottomMatchesGolden() throws {
        let options = DOTOptions(rankdir: .topToBottom, showTitles: true, highlight: Self.clusteringHighlight(.boxes))
        try Golden.check(DOTWriter(options: options).write(.builtIn), "builtin-clustering-boxes-tb.dot")
    }

    /// Every kind of hostile text in every place the writer puts text: ids, names, titles,
    /// summaries, notes, cluster names, the graph's own attributes.
    @Test func hostileGraphMatchesGolden() throws {
        let options = DOTOptions(showTitles: true)
        try Golden.check(DOTWriter(options: options).write(try HostileGraph.graph()), "hostile-titles.dot")
    }

    /// A layout that ignores clusters: flat roles, no legend, overlap removal.
    @Test func flatLayoutMatchesGolden() throws {
        try Golden.check(DOTWriter(options: DOTOptions(layout: "sfdp")).write(.builtIn), "builtin-sfdp.dot")
    }

    // MARK: Determinism

    static let optionSets: [DOTOptions] = [
        DOTOptions(),
        DOTOptions(layout: "neato", rankdir: .topToBottom, relations: [.transition], legend: false, showTitles: true),
        DOTOptions(areas: ["models", "systems"], highlight: clusteringHighlight(.boxes)),
        DOTOptions(highlight: .path(roles: pathRoles, relations: [17, 19, 21])),
    ]

    @Test(arguments: optionSets)
    func writingTwiceGivesTheSameBytes(_ options: DOTOptions) {
        let first = DOTWriter(options: options).write(.builtIn)
        let second = DOTWriter(options: options).write(.builtIn)
        #expect(Array(first.utf8) == Array(second.utf8))
    }

    /// A clustering given as a dictionary must not leak the dictionary's order into the output.
    @Test func clusteringOutputDoesNotDependOnDictionaryOrder() {
        let graph = RoleGraph.builtIn
        var forward: [RoleID: Int] = [:]
        for (role, community) in zip(graph.roles, Self.clustering) { forward[role.id] = community }
        var backward: [RoleID: Int] = [:]
        for (role, community) in zip(graph.roles, Self.clustering).reversed() { backward[role.id] = community }
        let a = DOTWriter(options: DOTOptions(highlight: .clustering(communities: forward))).write(graph)
        let b = DOTWriter(options: DOTOptions(highlight: .clustering(communities: backward))).write(graph)
        #expect(a == b)
    }

    // MARK: Structure

    @Test func everyRoleIsANodeInItsAreasCluster() throws {
        let dot = try Self.read(DOTOptions())
        let graph = RoleGraph.builtIn
        #expect(dot.graphAttributes["charset"]?.text == "UTF-8")
        #expect(dot.graphAttributes["layout"]?.text == "dot")
        #expect(dot.graphAttributes["rankdir"]?.text == "LR")
        for role in graph.roles {
            let node = try #require(dot.node(role.id.rawValue))
            #expect(node.subgraphs == ["cluster_\(role.area.rawValue)"])
            let label = try #require(node.attributes["label"])
            #expect(DOTReader.htmlText(label.text).hasPrefix(role.name))
            let tooltip = DOTReader.escString(try #require(node.attributes["tooltip"]).text)
            let primary = role.primarySkills.map { graph.skill($0)!.name }.joined(separator: ", ")
            #expect(tooltip.contains("Primary skills: " + primary))
        }
        #expect(dot.subgraphAttributes["cluster_insights"]?["label"]?.text == "Insights")
    }

    @Test func badgesMarkEntryLevelAndUncommonRoles() throws {
        let dot = try Self.read(DOTOptions())
        let analyst = try #require(dot.node("data-analyst"))
        #expect(DOTReader.htmlText(analyst.attributes["label"]!.text) == "Data Analyst\nentry level")
        #expect(analyst.attributes["peripheries"] == nil)
        let accelerators = try #require(dot.node("ml-accelerators-engineer"))
        #expect(DOTReader.htmlText(accelerators.attributes["label"]!.text) == "ML Accelerators Engineer\nuncommon")
        #expect(accelerators.attributes["peripheries"]?.text == "2")
    }

    @Test func eachRelationKindHasItsOwnStyle() throws {
        let edges = Self.roleEdges(try Self.read(DOTOptions()))
        let stakeholder = try #require(edges.first { $0.from == "data-analyst" && $0.to == "analytics-engineer" })
        #expect(stakeholder.attributes["style"]?.text == "dashed")
        #expect(stakeholder.attributes["class"]?.text == "stakeholder")
        let collaboration = try #require(edges.first { $0.attributes["class"]?.text == "collaboration" })
        #expect(collaboration.attributes["dir"]?.text == "none")
        #expect(collaboration.attributes["style"]?.text == "dotted")
        let transition = try #require(edges.first { $0.from == "data-analyst" && $0.to == "data-scientist" && $0.attributes["class"]?.text == "transition" })
        #expect(transition.attributes["label"]?.text == "effort 3")
        #expect(transition.attributes["weight"]?.text == "3")
        #expect(transition.attributes["style"] == nil)
        let easier = try #require(edges.first { $0.from == "data-scientist" && $0.to == "data-analyst" })
        #expect(Double(easier.attributes["penwidth"]!.text)! > Double(transition.attributes["penwidth"]!.text)!)
    }

    /// Two transitions that mirror each other with the same effort, note and section become one
    /// two-headed edge; every other transition is an edge of its own.
    @Test func mirroredTransitionsOfEqualEffortAreDrawnOnce() throws {
        let edges = Self.roleEdges(try Self.read(DOTOptions()))
        let pair = edges.filter { Set([$0.from, $0.to]) == ["data-scientist", "ml-scientist"] && $0.attributes["class"]?.text == "transition" }
        #expect(pair.count == 1)
        #expect(pair.first?.attributes["dir"]?.text == "both")
        // Different efforts each way stay two edges.
        let unequal = edges.filter { Set([$0.from, $0.to]) == ["data-analyst", "data-scientist"] && $0.attributes["class"]?.text == "transition" }
        #expect(unequal.count == 2)
        #expect(unequal.allSatisfy { $0.attributes["dir"] == nil })
        // Equal efforts with different notes (each way has its own reason) stay two edges too.
        let platform = edges.filter { Set([$0.from, $0.to]) == ["ml-engineer", "ml-platform-engineer"] && $0.attributes["class"]?.text == "transition" }
        #expect(platform.count == 2)
        let graph = RoleGraph.builtIn
        let transitions = graph.relations.filter { $0.kind == .transition }.count
        let mirrored = graph.relations.filter { r in
            r.kind == .transition && graph.relations.contains {
                $0.kind == .transition && $0.from == r.to && $0.to == r.from && $0.effort == r.effort && $0.note == r.note && $0.section == r.section
            }
        }.count
        #expect(edges.filter { $0.attributes["class"]?.text == "transition" }.count == transitions - mirrored / 2)
    }

    // MARK: Filtering

    @Test(arguments: [
        [RelationKind.transition], [.stakeholder], [.collaboration], [.stakeholder, .collaboration], [],
    ] as [Set<RelationKind>])
    func drawsOnlyTheChosenRelationKinds(_ kinds: Set<RelationKind>) throws {
        let dot = try Self.read(DOTOptions(relations: kinds))
        let drawn = Set(Self.roleEdges(dot).compactMap { $0.attributes["class"]?.text })
        #expect(drawn == Set(kinds.map(\.rawValue)))
        #expect(dot.nodes.filter { !$0.subgraphs.contains("cluster_legend") }.count == RoleGraph.builtIn.roles.count)
        // The legend explains only what is drawn.
        let legend = dot.edges.filter { $0.subgraphs.contains("cluster_legend") }
        #expect(legend.count == kinds.count)
    }

    @Test func drawsOnlyTheChosenAreasAndTheRelationsWithin() throws {
        let dot = try Self.read(DOTOptions(areas: ["models", "systems"]))
        let graph = RoleGraph.builtIn
        let kept = Set(graph.roles.filter { $0.area != "insights" }.map(\.id.rawValue))
        let nodes = dot.nodes.filter { !$0.subgraphs.contains("cluster_legend") }
        #expect(Set(nodes.map(\.id)) == kept)
        #expect(!dot.subgraphs.contains("cluster_insights"))
        let edges = Self.roleEdges(dot)
        #expect(!edges.isEmpty)
        #expect(edges.allSatisfy { kept.contains($0.from) && kept.contains($0.to) })
    }

    @Test(arguments: [true, false])
    func legendCanBeTurnedOff(_ legend: Bool) throws {
        let dot = try Self.read(DOTOptions(legend: legend))
        #expect(dot.subgraphs.contains("cluster_legend") == legend)
        #expect(dot.nodes.contains { $0.id.hasPrefix("legend:") } == legend)
    }

    @Test func titlesAreShownOnlyWhenAsked() throws {
        let plain = try #require(try Self.read(DOTOptions()).node("analytics-engineer"))
        #expect(!plain.attributes["label"]!.text.contains("BI Engineer"))
        let titled = try #require(try Self.read(DOTOptions(showTitles: true)).node("analytics-engineer"))
        #expect(DOTReader.htmlText(titled.attributes["label"]!.text).contains("Data Engineer · BI Engineer"))
    }

    @Test(arguments: DOTOptions.RankDirection.allCases)
    func writesTheLayoutAndDirection(_ direction: DOTOptions.RankDirection) throws {
        let dot = try Self.read(DOTOptions(layout: "fdp", rankdir: direction))
        #expect(dot.graphAttributes["layout"]?.text == "fdp")
        #expect(dot.graphAttributes["rankdir"]?.text == direction.rawValue)
    }

    // MARK: Highlights

    @Test func pathAlongTransitionsPicksTheGraphsRelations() throws {
        guard case .path(let roles, let positions) = try Self.pathHighlight() else {
            Issue.record("not a path"); return
        }
        #expect(roles == Self.pathRoles)
        let graph = RoleGraph.builtIn
        let steps = positions.map { (graph.relations[$0].kind, graph.relations[$0].from, graph.relations[$0].to) }
        #expect(steps.map(\.0) == [.transition, .transition, .transition])
        #expect(steps.map(\.1) == Array(Self.pathRoles.dropLast()))
        #expect(steps.map(\.2) == Array(Self.pathRoles.dropFirst()))
    }

    @Test func pathAlongIsNilWithoutARelationOrForAnUnknownRole() {
        #expect(Highlight.path(along: ["data-analyst", "ml-engineer"], in: .builtIn) == nil)
        #expect(Highlight.path(along: ["data-analyst", "nobody"], in: .builtIn) == nil)
        // Collaborations count either way round when asked for.
        #expect(Highlight.path(along: ["data-scientist", "data-analyst"], in: .builtIn, kinds: [.collaboration]) != nil)
    }

    @Test func pathIsDrawnInStepsOverADimmedGraph() throws {
        let dot = try Self.read(DOTOptions(highlight: try Self.pathHighlight()))
        let path = Self.roleEdges(dot).filter { $0.attributes["class"]?.text.hasPrefix("path") == true }
        #expect(path.map(\.from) == Self.pathRoles.dropLast().map(\.rawValue))
        #expect(path.map(\.to) == Self.pathRoles.dropFirst().map(\.rawValue))
        #expect(path.map { $0.attributes["label"]!.text } == ["step 1 · effort 3", "step 2 · effort 3", "step 3 · effort 2"])
        #expect(path.allSatisfy { $0.attributes["color"]?.text == DOTStyle.pathColour })
        // The mirror of a path step is still drawn, dimmed, as its own edge.
        let others = Self.roleEdges(dot).filter { $0.attributes["class"]?.text.hasPrefix("path") == false }
        #expect(others.contains { $0.from == "ml-scientist" && $0.to == "data-scientist" })
        #expect(others.allSatisfy { $0.attributes["color"]?.text == DOTStyle.dimmedEdgeColour })
        for node in dot.nodes where !node.subgraphs.contains("cluster_legend") {
            let onPath = Self.pathRoles.contains(RoleID(node.id))
            #expect((node.attributes["color"]?.text == DOTStyle.pathColour) == onPath, "\(node.id)")
            #expect((node.attributes["fillcolor"]?.text == DOTStyle.dimmedNodeFill) == !onPath, "\(node.id)")
        }
    }

    /// A path must never be drawn with a gap, whatever the filters leave out.
    @Test func pathIsDrawnEvenWhereFiltersWouldHideIt() throws {
        let options = DOTOptions(relations: [.stakeholder], areas: ["systems"], highlight: try Self.pathHighlight())
        let dot = try Self.read(options)
        for role in Self.pathRoles { #expect(dot.node(role.rawValue) != nil) }
        #expect(Self.roleEdges(dot).filter { $0.attributes["class"]?.text == "path transition" }.count == 3)
        #expect(dot.node("ml-platform-engineer") == nil)
    }

    @Test func collaborationStepIsDrawnInTheDirectionOfTravel() throws {
        // The file stores this collaboration as ml-scientist — ml-engineer.
        let highlight = try #require(Highlight.path(along: ["ml-engineer", "ml-scientist"], in: .builtIn, kinds: [.collaboration]))
        let dot = try Self.read(DOTOptions(highlight: highlight))
        let step = try #require(Self.roleEdges(dot).first { $0.attributes["class"]?.text == "path collaboration" })
        #expect(step.from == "ml-engineer" && step.to == "ml-scientist")
        #expect(step.attributes["label"]?.text == "step 1 · works with")
    }

    @Test func pathIgnoresUnknownRolesAndPositions() throws {
        let dot = try Self.read(DOTOptions(highlight: .path(roles: ["nobody", "data-analyst"], relations: [-1, 999])))
        #expect(dot.node("nobody") == nil)
        #expect(Self.roleEdges(dot).allSatisfy { $0.attributes["class"]?.text.hasPrefix("path") == false })
    }

    @Test func clusteringFillsEachCommunityWithItsOwnColour() throws {
        let dot = try Self.read(DOTOptions(highlight: Self.clusteringHighlight()))
        let graph = RoleGraph.builtIn
        var fillByCommunity: [Int: String] = [:]
        for (role, community) in zip(graph.roles, Self.clustering) {
            let fill = try #require(dot.node(role.id.rawValue)?.attributes["fillcolor"]?.text)
            if let seen = fillByCommunity[community] { #expect(seen == fill) } else { fillByCommunity[community] = fill }
            // Areas stay as boxes in the fill style.
            #expect(dot.node(role.id.rawValue)?.subgraphs == ["cluster_\(role.area.rawValue)"])
        }
        #expect(Set(fillByCommunity.values).count == 3)
        let legend = try #require(dot.nodes.first { $0.id == "legend:notes" })
        let text = DOTReader.htmlText(legend.attributes["label"]!.text)
        #expect(text.contains("Insights work") && text.contains("Model work") && text.contains("Platform work"))
    }

    @Test func clusteringAsBoxesReplacesTheAreas() throws {
        var communities: [RoleID: Int] = [:]
        for (role, community) in zip(RoleGraph.builtIn.roles, Self.clustering) where role.id != "backend-engineer" {
            communities[role.id] = community
        }
        let dot = try Self.read(DOTOptions(highlight: .clustering(communities: communities, style: .boxes)))
        #expect(!dot.subgraphs.contains("cluster_insights"))
        #expect(dot.node("data-analyst")?.subgraphs == ["cluster_community_0"])
        #expect(dot.node("ml-platform-engineer")?.subgraphs == ["cluster_community_2"])
        #expect(dot.node("backend-engineer")?.subgraphs == [])
        #expect(dot.subgraphAttributes["cluster_community_1"]?["label"]?.text == "Cluster 1")
    }

    // MARK: Escaping

    @Test func hostileTextIsEscapedAndReadsBackIntact() throws {
        let graph = try HostileGraph.graph()
        let text = DOTWriter(options: DOTOptions(showTitles: true)).write(graph)
        // Every line stands alone: no string runs past the end of its line.
        for line in text.split(separator: "\n") where !line.hasPrefix("  }") && !line.hasSuffix("{") && line != "}" {
            #expect(throws: Never.self, "\(line)") { _ = try DOTReader.tokenize(String(line)) }
        }
        let dot = try DOTReader(text)
        // Graphviz keeps backslashes of a quoted id as they are, so the id's backslash is doubled
        // in the node's name; everything else reads back as written.
        let storedID = HostileGraph.id.rawValue.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "&", with: "&amp;")
        #expect(text.contains(#""ops\"lead\\<x>&amp;" ["#))
        let node = try #require(dot.node(storedID))
        #expect(node.subgraphs == ["cluster_legend_2"])
        let label = try #require(node.attributes["label"]).text
        #expect(label.hasPrefix(#"<B>Data &quot;Ops&quot; \ &lt;script&gt;alert(1)&lt;/script&gt; Lead<BR/>数据 – Δεδομένα</B>"#))
        let lines = DOTReader.htmlText(label).components(separatedBy: "\n")
        #expect(lines.prefix(2).joined(separator: "\n") == HostileGraph.name)
        #expect(lines.contains(HostileGraph.titles[1]))
        let tooltip = DOTReader.escString(try #require(node.attributes["tooltip"]).text)
        #expect(tooltip.hasPrefix(HostileGraph.name + "\n" + "Summary with a bell \\u0007 & <tag> \"quotes\" and CR LF\n\nnext"))
        #expect(tooltip.contains("Primary skills: SQL <&> \"q\""))

        let transition = try #require(dot.edges.first { $0.attributes["class"]?.text == "transition" })
        #expect(transition.from == "analyst" && transition.to == storedID)
        #expect(transition.attributes["label"]?.text == "effort 2.5")
        #expect(DOTReader.escString(transition.attributes["tooltip"]!.text).hasSuffix(HostileGraph.note))
        #expect(DOTReader.escString(dot.graphAttributes["label"]!.text) == "Hostile \"graph\" <&> \\")
        #expect(dot.graphName == #"Hostile "graph" <&amp;> \\"#)
        #expect(DOTReader.escString(dot.subgraphAttributes["cluster_legend_2"]!["label"]!.text) == "Ops \"&\" <Data>\n运维")
        // The area named "legend" must not be taken for the legend, nor clash with it.
        #expect(dot.subgraphs.filter { $0 == "cluster_legend" }.count == 1)
    }

    @Test func escapingRules() {
        #expect(DOTEscaping.quoted("a\"b\\c\nd\r\ne\rf") == #""a\"b\\c\nd\r\ne\rf""#)
        #expect(DOTEscaping.quoted("\\N \u{1} 数据 &amp; \u{FFFF}") == #""\\N \u0001 数据 &amp;amp; \uFFFF""#)
        #expect(DOTEscaping.html("<a href=\"x\">&'\n") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;<BR/>")
        #expect(DOTEscaping.sanitised("ops\"lead-<x>") == "ops_lead__x_")
        var names = UniqueNames(reserved: ["cluster_legend"])
        #expect(names.make("cluster_", "legend") == "cluster_legend_2")
        #expect(names.make("cluster_", "a-b") == "cluster_a_b")
        #expect(names.make("cluster_", "a_b") == "cluster_a_b_2")
    }

    // MARK: Graphviz, when it is installed

    /// Runs Graphviz's `dot` on the diagrams, when the binary is installed (the tests never need
    /// it): it must accept every one without a warning and produce well-formed SVG.
    @Test(.enabled(if: GraphvizBinary.path != nil, "needs the dot binary"), arguments: [
        "default", "path", "clustering", "boxes", "hostile",
    ])
    func graphvizAcceptsTheDiagram(_ name: String) throws {
        let graph = name == "hostile" ? try HostileGraph.graph() : RoleGraph.builtIn
        let options: DOTOptions = switch name {
        case "path": DOTOptions(highlight: try Self.pathHighlight())
        case "clustering": DOTOptions(highlight: Self.clusteringHighlight())
        case "boxes": DOTOptions(rankdir: .topToBottom, showTitles: true, highlight: Self.clusteringHighlight(.boxes))
        default: DOTOptions(showTitles: true)
        }
        let (status, svg, errors) = try GraphvizBinary.run(DOTWriter(options: options).write(graph))
        #expect(status == 0)
        #expect(errors.isEmpty, "\(errors)")
        let parser = XMLParser(data: svg)
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        if name == "hostile" {
            #expect(String(decoding: svg, as: UTF8.self).contains("数据 – Δεδομένα"))
        }
    }
}

/// The `dot` binary, if one is on the PATH.
enum GraphvizBinary {
    static let path: String? = {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        return directories.map { "\($0)/dot" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static func run(_ dot: String) throws -> (Int32, Data, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path!)
        process.arguments = ["-Tsvg"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(dot.utf8))
        try input.fileHandleForWriting.close()
        let svg = output.fileHandleForReading.readDataToEndOfFile()
        let messages = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, svg, messages)
    }
}
