/// Why arrays handed to a validating ``CSRGraph`` initialiser do not form a graph.
///
/// The searches index the arrays without bounds checks in release builds, so a graph built from
/// outside data is checked once, here, instead of reading out of bounds later.
public enum CSRGraphError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The vertex count is negative or does not fit an `Int32` index.
    case vertexCountOutOfRange(Int)
    /// An edge names a vertex outside `0 ..< vertexCount`.
    case endpointOutOfRange(edge: Int, vertex: Int64, vertexCount: Int)
    /// `offsets` does not have `vertexCount + 1` entries, or `weights` not one per target.
    case lengthMismatch(String)
    /// `offsets` does not start at 0, end at the number of edges, and never decrease.
    case offsetsNotMonotone(vertex: Int)

    /// The problem in one sentence.
    public var description: String {
        switch self {
        case .vertexCountOutOfRange(let count):
            return "vertex count \(count) is out of range (0 ..< \(Int32.max))"
        case .endpointOutOfRange(let edge, let vertex, let count):
            return "edge \(edge) names vertex \(vertex), outside 0 ..< \(count)"
        case .lengthMismatch(let message):
            return message
        case .offsetsNotMonotone(let vertex):
            return "offsets must start at 0, never decrease and end at the edge count; they do not at vertex \(vertex)"
        }
    }
}

extension CSRGraph {
    /// Builds a CSR graph from edges in any order, checking every endpoint: the initialiser for
    /// edges that come from outside the program.
    ///
    /// - Throws: ``CSRGraphError`` for a vertex count out of range or an endpoint outside
    ///   `0 ..< vertexCount`.
    /// - Complexity: O(*V* + *E*).
    public init(validatingVertexCount vertexCount: Int, edges: [WeightedEdge]) throws(CSRGraphError) {
        guard vertexCount >= 0 && vertexCount < Int(Int32.max) else { throw .vertexCountOutOfRange(vertexCount) }
        for (index, edge) in edges.enumerated() {
            for vertex in [edge.source, edge.target] where vertex < 0 || Int(vertex) >= vertexCount {
                throw .endpointOutOfRange(edge: index, vertex: Int64(vertex), vertexCount: vertexCount)
            }
        }
        self.init(vertexCount: vertexCount, edges: edges)
    }

    /// Builds a CSR graph straight from its arrays, checking the whole layout: offsets from 0 to
    /// the edge count, never decreasing, and every target in range. Edge ids are the positions
    /// in `targets`.
    ///
    /// - Parameters:
    ///   - vertexCount: the number of vertices.
    ///   - offsets: `vertexCount + 1` entries; the out-edges of `v` are `offsets[v] ..< offsets[v + 1]`.
    ///   - targets: the head of each edge, grouped by source.
    ///   - weights: the weight of each edge, parallel to `targets`.
    /// - Throws: ``CSRGraphError`` naming the first problem.
    /// - Complexity: O(*V* + *E*).
    public init(vertexCount: Int, offsets: [Int], targets: [Int32], weights: [Double]) throws(CSRGraphError) {
        guard vertexCount >= 0 && vertexCount < Int(Int32.max) else { throw .vertexCountOutOfRange(vertexCount) }
        guard offsets.count == vertexCount + 1 else {
            throw .lengthMismatch("offsets has \(offsets.count) entries; \(vertexCount) vertices need \(vertexCount + 1)")
        }
        guard weights.count == targets.count else {
            throw .lengthMismatch("weights has \(weights.count) entries for \(targets.count) targets")
        }
        guard offsets[0] == 0 else { throw .offsetsNotMonotone(vertex: 0) }
        for v in 0..<vertexCount where offsets[v] > offsets[v + 1] { throw .offsetsNotMonotone(vertex: v + 1) }
        guard offsets[vertexCount] == targets.count else { throw .offsetsNotMonotone(vertex: vertexCount) }
        for (index, target) in targets.enumerated() where target < 0 || Int(target) >= vertexCount {
            throw .endpointOutOfRange(edge: index, vertex: Int64(target), vertexCount: vertexCount)
        }
        self.init(vertexCount: vertexCount, offsets: offsets, targets: targets, weights: weights,
                  edgeIDs: (0..<targets.count).map { Int32($0) })
    }
}
