import ArgumentParser
import RoleGraphKit

/// The diagrams of `path --render` and `clusters --render` on graphs too large to draw whole:
/// the path's surroundings, or one node per cluster.
extension DiagramOptions {
    /// Above this many roles, `path --render` draws the path's surroundings and
    /// `clusters --render` one node per cluster, instead of the whole graph.
    static let wholeGraphLimit = 150
    /// The most roles drawn around a path on a large graph.
    static let pathSurroundings = 40

    /// Draws `path` (roles in order, and the position of each step's relation) over `graph`, or
    /// over its surroundings when the graph has more than ``wholeGraphLimit`` roles.
    func renderPath(roles: [RoleID], relations: [Int], in graph: RoleGraph, options: DOTOptions, to file: String) throws {
        var options = options
        let highlight = Highlight.path(roles: roles, relations: relations)
        guard graph.roles.count > Self.wholeGraphLimit else {
            options.highlight = highlight
            return try render(graph, options: options, to: file)
        }
        let selected = graph.surroundings(of: roles, relations: relations, kinds: options.relations, limit: Self.pathSurroundings)
        options.highlight = selected.translating(highlight)
        ErrorReporter.printNote(DiagramNote.drew(selected, why: "the path and its most connected neighbours"))
        try render(selected.graph, options: options, to: file)
    }

    /// Draws a clustering of `graph`: over the roles, or — with `overview`, or when the graph
    /// has more than ``wholeGraphLimit`` roles — as one node per cluster sized by its members,
    /// with the relations between clusters.
    func renderClusters(assignment: [Int], names: [String], style: Highlight.ClusterStyle, overview: Bool,
                        in graph: RoleGraph, options: DOTOptions, to file: String) throws {
        var options = options
        guard overview || graph.roles.count > Self.wholeGraphLimit else {
            options.highlight = .clustering(byRoleIndex: assignment, in: graph, names: names, style: style)
            return try render(graph, options: options, to: file)
        }
        let (clusters, weights) = graph.clusterOverview(communities: assignment.map { $0 }, names: names, kinds: options.relations)
        options.nodeWeights = weights
        // A few dozen nodes joined by many links: a force-directed layout routes them in
        // moments, where dot stacks hundreds of parallel curves.
        options.layoutPolicy = LayoutPolicy(engine: .sfdp, splines: .curved, overlap: .prism, edgeLabels: false, compact: false)
        options.relations = [.transition]
        options.areas = nil
        if !overview {
            ErrorReporter.printNote("drew one node per cluster: \(DiagramNote.grouped(clusters.roles.count)) clusters of "
                                    + "\(DiagramNote.grouped(graph.roles.count)) roles (add --overview to do so on smaller graphs)")
        }
        try render(clusters, options: options, to: file)
    }
}
