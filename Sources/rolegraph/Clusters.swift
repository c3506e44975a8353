import ArgumentParser
import Foundation
import RoleGraphKit

extension ClusteringMethod: ExpressibleByArgument {}

struct Clusters: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clusters",
        abstract: "Group the roles by their relations (or skills) and compare the groups with the declared areas.",
        discussion: """
            Clusters the undirected projection of the chosen relation kinds; every relation adds \
            weight 1 between its roles (a two-way transition 2). --method skills clusters the \
            skill-similarity graph instead. The same --seed gives the same clusters. Each cluster \
            lists its size and its \(Clusters.shownRoles) roles of highest weighted degree (observed \
            moves when the graph counts them, else relations); --members lists all. A graph with \
            fewer than two areas names its clusters by their most distinctive words (tf-idf over \
            the role names).
            """)

    /// How many roles each cluster lists without --members.
    static let shownRoles = 8

    @OptionGroup var graphOptions: GraphOptions

    @Option(help: "leiden (Louvain with Leiden's refinement), louvain, labels (label propagation) or skills (skill similarity).")
    var method: ClusteringMethod = .leiden

    @Option(name: .customLong("relations"), help: ArgumentHelp(
        "Relation kinds to cluster on, comma-separated: stakeholder, collaboration, transition (default: all). --draw picks the kinds a --render diagram shows (default: these).",
        valueName: "kind,..."), completion: .custom(Completions.relationKinds))
    var relationKinds: String?

    @Option(parsing: .unconditional, help: "Modularity resolution: above 1 gives smaller clusters, below 1 larger ones.")
    var resolution: Double = 1

    @Option(help: "Random seed: the same seed gives the same clusters.")
    var seed: UInt64 = 1

    @Option(parsing: .unconditional, help: "With --method skills: how many most-similar roles each role is joined to.")
    var neighbours: Int = 3

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    @Option(help: ArgumentHelp("Also draw the clusters over the graph to this file (SVG, PNG, PDF or DOT by extension).", valueName: "file"),
            completion: .file())
    var render: String?

    @Flag(help: "With --render: draw clusters as boxes instead of colours.")
    var boxes = false

    @Flag(help: "With --render: draw one node per cluster, sized by its members (the default above \(DiagramOptions.wholeGraphLimit) roles).")
    var overview = false

    @Flag(help: "List every role of each cluster, not only the \(Clusters.shownRoles) of highest weighted degree.")
    var members = false

    @OptionGroup(title: "Diagram options (with --render)") var diagram: DiagramOptions

    func validate() throws {
        guard resolution > 0 && resolution.isFinite else { throw ValidationError("--resolution must be a number greater than 0") }
        guard neighbours >= 1 else { throw ValidationError("--neighbours must be at least 1") }
        if boxes && render == nil { throw ValidationError("--boxes shapes the diagram of --render; add --render FILE") }
        if overview && render == nil { throw ValidationError("--overview shapes the diagram of --render; add --render FILE") }
        try diagram.refuseUnlessDrawing(render != nil)
    }

    func run() throws {
        let graph = try graphOptions.load()
        var options = ClusteringOptions(method: method, resolution: resolution, neighbours: neighbours)
        if let relationKinds { options.relations = try parseKinds(relationKinds, option: "--relations") }
        var generator = SplitMix64(seed: seed)
        let result = graph.clusters(options, using: &generator)
        let names = names(of: result, in: graph)
        if let render {
            try diagram.renderClusters(assignment: result.assignment, names: names,
                                       style: boxes ? .boxes : .fill, overview: overview, in: graph,
                                       options: try diagram.dotOptions(for: graph, defaultKinds: options.relations), to: render)
            ErrorReporter.printNote("wrote \(render)")
        }
        switch format {
        case .json: try emit(try Output.json(ClusteringReport(result: result, seed: seed, resolution: resolution, graph: graph)))
        case .table: try emit(text(result, names: names, options: options, in: graph))
        }
    }

    /// Whether the clusters are named by words of their roles' names: the graph has fewer than two
    /// areas (an edge list has one), so an area would name every cluster alike.
    func namedByWords(_ graph: RoleGraph) -> Bool { graph.areas.count < 2 }

    func names(of result: RoleClustering, in graph: RoleGraph) -> [String] {
        if namedByWords(graph) {
            return ClusterNaming.names(of: result.clusters.map { $0.roles.map(graph.displayName) })
                .enumerated().map { $1.isEmpty ? "Cluster \($0 + 1)" : $1 }
        }
        return result.clusters.map { cluster in
            let area = graph.area(cluster.dominantArea)?.name ?? cluster.dominantArea.rawValue
            let skills = cluster.sharedSkills.prefix(2).map(graph.skillName)
            return skills.isEmpty ? area : "\(area) · \(skills.joined(separator: ", "))"
        }
    }

    func text(_ result: RoleClustering, names: [String], options: ClusteringOptions, in graph: RoleGraph) -> String {
        let degrees = graph.weightedDegrees(kinds: method == .skills ? Set(RelationKind.allCases) : options.relations)
        let on = method == .skills ? "the skill-similarity graph (\(neighbours) nearest roles each)"
            : "the " + RelationKind.allCases.filter(options.relations.contains).map(\.rawValue).joined(separator: ", ") + " relations"
        var out = ["\(methodName) clusters of \(on) (seed \(seed), resolution \(Output.number(resolution))):", ""]
        for (i, cluster) in result.clusters.enumerated() {
            let area = graph.area(cluster.dominantArea)?.name ?? cluster.dominantArea.rawValue
            let size = "\(cluster.roles.count) role\(cluster.roles.count == 1 ? "" : "s")"
            out.append("\(i + 1). \(names[i])  (" + (namedByWords(graph) ? size : "\(size), \(cluster.dominantAreaCount) in \(area)") + ")")
            // Highest weighted degree first; ties in the cluster's own order.
            let ranked = cluster.roles.enumerated().sorted { a, b in
                let da = degrees[Int(graph.index(of: a.element)!)], db = degrees[Int(graph.index(of: b.element)!)]
                return da != db ? da > db : a.offset < b.offset
            }.map(\.element)
            let shown = members ? ranked : Array(ranked.prefix(Self.shownRoles))
            var list = shown.map(graph.displayName).joined(separator: ", ")
            if shown.count < ranked.count { list += " … and \(ranked.count - shown.count) more (--members lists all)" }
            out.append(Output.wrap(list, indent: "   "))
        }
        out.append("")
        if namedByWords(graph) {
            out.append("Modularity \(fixed(result.modularity)); the graph declares fewer than two areas, so there are none to compare with")
            return out.joined(separator: "\n")
        }
        out.append("Modularity \(fixed(result.modularity)) (the declared areas: \(fixed(result.areaModularity)))")
        out.append("Agreement with the \(graph.areas.count) areas: NMI \(fixed(result.normalizedMutualInformation)), "
                   + "adjusted Rand \(fixed(result.adjustedRandIndex))")
        return out.joined(separator: "\n")
    }

    var methodName: String {
        switch method {
        case .leiden: return "Leiden"
        case .louvain: return "Louvain"
        case .labels: return "Label-propagation"
        case .skills: return "Leiden"
        }
    }

    func fixed(_ value: Double) -> String { String(format: "%.3f", value) }
}

/// Relation kinds named in a comma-separated list (`--relations`, `--draw`).
func parseKinds(_ text: String, option: String) throws -> Set<RelationKind> {
    var kinds: Set<RelationKind> = []
    for name in text.split(separator: ",").map({ String($0).trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
        guard let kind = RelationKind(rawValue: name.lowercased()) else {
            throw CLIError.invalidValue("unknown relation kind '\(name)' in \(option) (expected stakeholder, collaboration or transition)")
        }
        kinds.insert(kind)
    }
    if kinds.isEmpty { throw CLIError.invalidValue("\(option) names no relation kind") }
    return kinds
}

/// The JSON form of `clusters`.
struct ClusteringReport: Encodable {
    var result: RoleClustering
    var seed: UInt64
    var resolution: Double
    var graph: RoleGraph

    struct Cluster: Encodable {
        var roles: [String]
        var dominantArea: String
        var sharedSkills: [String]
        enum CodingKeys: String, CodingKey { case roles, dominantArea = "dominant_area", sharedSkills = "shared_skills" }
    }
    enum CodingKeys: String, CodingKey {
        case method, seed, resolution, clusters, modularity, areaModularity = "area_modularity", nmi, ari = "adjusted_rand"
    }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(result.method.rawValue, forKey: .method)
        try c.encode(seed, forKey: .seed)
        try c.encode(resolution, forKey: .resolution)
        try c.encode(result.clusters.map { Cluster(roles: $0.roles.map(\.rawValue), dominantArea: $0.dominantArea.rawValue,
                                                   sharedSkills: $0.sharedSkills.map(\.rawValue)) }, forKey: .clusters)
        try c.encode(result.modularity, forKey: .modularity)
        try c.encode(result.areaModularity, forKey: .areaModularity)
        try c.encode(result.normalizedMutualInformation, forKey: .nmi)
        try c.encode(result.adjustedRandIndex, forKey: .ari)
    }
}
