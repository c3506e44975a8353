/// Which edges of a vertex ``CSRGraph/degreeCentrality(_:weighted:normalized:)`` counts.
public enum DegreeDirection: Hashable, Sendable {
    /// Edges into the vertex: for stakeholder relations, how many roles rely on this one.
    case incoming
    /// Edges out of the vertex: for transitions, how many moves lead away from this role.
    case outgoing
    /// Both; in a symmetric (undirected) graph each edge then counts twice, so read an
    /// undirected graph's degree with `.outgoing`.
    case total
}

extension CSRGraph {
    /// Degree centrality of every vertex: how many edges it has (Freeman 1978), or with
    /// `weighted`, the sum of their weights (its *strength*, Barrat et al. 2004).
    ///
    /// A self-loop counts once as outgoing and once as incoming (twice in `.total`), as in
    /// networkx. `normalized` divides by `n − 1`, the most neighbours a vertex can have in a
    /// simple graph (networkx's `degree_centrality`; with `.total` on a directed graph values can
    /// reach 2, and weighted values are divided the same way); a graph of one vertex is left as is.
    ///
    /// > L. C. Freeman, "Centrality in social networks: conceptual clarification," *Social
    /// > Networks* 1, 215–239 (1978).
    /// > A. Barrat, M. Barthélemy, R. Pastor-Satorras and A. Vespignani, "The architecture of
    /// > complex weighted networks," *PNAS* 101(11), 3747–3752 (2004).
    ///
    /// - Parameters:
    ///   - direction: which edges count; `.total` by default.
    ///   - weighted: sum weights instead of counting edges.
    ///   - normalized: divide by `n − 1`.
    /// - Complexity: O(*V* + *E*).
    public func degreeCentrality(_ direction: DegreeDirection = .total, weighted: Bool = false,
                                 normalized: Bool = false) -> [Double] {
        var degree = [Double](repeating: 0, count: vertexCount)
        for v in 0 ..< vertexCount {
            for e in offsets[v] ..< offsets[v + 1] {
                let amount = weighted ? weights[e] : 1
                if direction != .incoming { degree[v] += amount }
                if direction != .outgoing { degree[Int(targets[e])] += amount }
            }
        }
        if normalized && vertexCount > 1 {
            let scale = 1 / Double(vertexCount - 1)
            for v in degree.indices { degree[v] *= scale }
        }
        return degree
    }
}
