import RoleGraphAlgorithms

/// Builds a graph from `(source, target, weight)` triples, in that input order (so edge ids are
/// the triples' positions).
package func graph(_ n: Int, _ edges: [(Int32, Int32, Double)]) -> CSRGraph {
    CSRGraph(vertexCount: n, edges: edges.map { WeightedEdge($0.0, $0.1, weight: $0.2) })
}
