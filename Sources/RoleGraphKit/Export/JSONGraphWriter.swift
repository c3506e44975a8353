import Foundation

/// Writes a role graph as node-link JSON, the form graph tools read directly (NetworkX's
/// `node_link_graph`, D3 force layouts):
///
/// ```json
/// {"format": "rolegraph-node-link", "version": 1, "directed": true, "multigraph": true,
///  "graph": {"name": …, "source": …, "description": …},
///  "areas": [{"id", "name", "summary"}], "skills": [{"id", "name", "summary", "aliases"}],
///  "nodes": [{"id", "name", "area", "summary", "responsibilities", "problems", "titles",
///             "skills": {"primary", "secondary"}, "entry_level", "prevalence", "stays"}],
///  "links": [{"source", "target", "kind", "directed", "effort", "count", "note", "section"}]}
/// ```
///
/// Nodes and areas and skills use the graph file's own key names (through the model's
/// `Encodable` conformances), so a reader who knows the file format knows this one. The graph is a
/// multigraph because two roles can be joined by relations of several kinds. A link's `directed`
/// is `false` for a collaboration, whose `source` and `target` are in file order only. Facts the
/// graph does not state (an effort on a stakeholder relation, an unknown entry level) are left
/// out rather than written as `null`.
///
/// Keys are sorted and arrays keep file order, so the output is deterministic. `NodeLinkJSONReader`
/// reads it back as the same graph.
struct JSONGraphWriter: Sendable {
    /// Whether to indent the output for reading; compact output is one line.
    var prettyPrinted: Bool

    /// A writer; indented output by default, as it is mostly read by people or diffed.
    init(prettyPrinted: Bool = true) {
        self.prettyPrinted = prettyPrinted
    }

    /// The JSON text of `graph`, ending with a newline.
    ///
    /// Never fails: every value in a ``RoleGraph`` is encodable (efforts are validated finite).
    ///
    /// - Complexity: O(*R* + *E* + *S*) plus the length of the text.
    func write(_ graph: RoleGraph) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = prettyPrinted
            ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            : [.sortedKeys, .withoutEscapingSlashes]
        do {
            let data = try encoder.encode(NodeLinkDocument(graph: graph))
            return String(decoding: data, as: UTF8.self) + "\n"
        } catch {
            preconditionFailure("a validated role graph failed to encode as JSON: \(error)")
        }
    }
}

/// The top-level object of the node-link JSON.
private struct NodeLinkDocument: Encodable {
    let graph: RoleGraph

    private enum CodingKeys: String, CodingKey {
        case format, version, directed, multigraph, graph, areas, skills, nodes, links
    }
    private enum GraphKeys: String, CodingKey { case name, source, description }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("rolegraph-node-link", forKey: .format)
        try c.encode(1, forKey: .version)
        try c.encode(true, forKey: .directed)
        try c.encode(true, forKey: .multigraph)
        var g = c.nestedContainer(keyedBy: GraphKeys.self, forKey: .graph)
        try g.encode(graph.name, forKey: .name)
        try g.encode(graph.source, forKey: .source)
        try g.encode(graph.description, forKey: .description)
        try c.encode(graph.areas, forKey: .areas)
        try c.encode(graph.skills, forKey: .skills)
        try c.encode(graph.roles, forKey: .nodes)
        try c.encode(graph.relations.map(Link.init), forKey: .links)
    }
}

/// A relation as a node-link `link`: `source` and `target` instead of `from` and `to`.
private struct Link: Encodable {
    let relation: Relation

    private enum CodingKeys: String, CodingKey { case source, target, kind, directed, effort, count, note, section }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(relation.from.rawValue, forKey: .source)
        try c.encode(relation.to.rawValue, forKey: .target)
        try c.encode(relation.kind.rawValue, forKey: .kind)
        try c.encode(!relation.kind.isSymmetric, forKey: .directed)
        try c.encodeIfPresent(relation.effort, forKey: .effort)
        try c.encodeIfPresent(relation.count, forKey: .count)
        try c.encodeIfPresent(relation.note, forKey: .note)
        try c.encodeIfPresent(relation.section, forKey: .section)
    }
}
