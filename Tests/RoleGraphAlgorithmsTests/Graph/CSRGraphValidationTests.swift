import Testing
@testable import RoleGraphAlgorithms

/// The validating initialisers refuse arrays that would make the searches read out of bounds,
/// and accept every layout the engine's own builder produces.
@Suite struct CSRGraphValidationTests {
    @Test func endpointsOutOfRangeAreRefused() {
        #expect(throws: CSRGraphError.endpointOutOfRange(edge: 1, vertex: 3, vertexCount: 3)) {
            try CSRGraph(validatingVertexCount: 3, edges: [WeightedEdge(0, 1), WeightedEdge(1, 3)])
        }
        #expect(throws: CSRGraphError.endpointOutOfRange(edge: 0, vertex: -1, vertexCount: 3)) {
            try CSRGraph(validatingVertexCount: 3, edges: [WeightedEdge(-1, 1)])
        }
        #expect(throws: CSRGraphError.vertexCountOutOfRange(-1)) {
            try CSRGraph(validatingVertexCount: -1, edges: [])
        }
    }

    @Test(arguments: [
        (3, [0, 1, 2, 2], [Int32(1), 5], CSRGraphError.endpointOutOfRange(edge: 1, vertex: 5, vertexCount: 3)),
        (3, [0, 2, 1, 2], [Int32(1), 2], CSRGraphError.offsetsNotMonotone(vertex: 2)),
        (3, [1, 1, 2, 2], [Int32(1), 2], CSRGraphError.offsetsNotMonotone(vertex: 0)),
        (3, [0, 1, 2, 3], [Int32(1), 2], CSRGraphError.offsetsNotMonotone(vertex: 3)),
        (3, [0, 1, 2], [Int32(1), 2], CSRGraphError.lengthMismatch("offsets has 3 entries; 3 vertices need 4")),
    ])
    func brokenLayoutsAreRefused(vertexCount: Int, offsets: [Int], targets: [Int32], error: CSRGraphError) {
        #expect(throws: error) {
            try CSRGraph(vertexCount: vertexCount, offsets: offsets, targets: targets,
                         weights: [Double](repeating: 1, count: targets.count))
        }
    }

    /// Any graph the counting sort builds passes the validating initialiser unchanged.
    @Test func builtLayoutsAreAccepted() throws {
        var generator = SplitMix64(seed: 9)
        for _ in 0..<200 {
            let n = Int.random(in: 1...30, using: &generator)
            let edges = (0..<Int.random(in: 0...80, using: &generator)).map { _ in
                WeightedEdge(Int32.random(in: 0..<Int32(n), using: &generator), Int32.random(in: 0..<Int32(n), using: &generator),
                             weight: Double.random(in: 0.5...3, using: &generator))
            }
            let built = CSRGraph(vertexCount: n, edges: edges)
            let checked = try CSRGraph(vertexCount: n, offsets: built.offsets.array, targets: built.targets.array, weights: built.weights.array)
            #expect(checked.edges == built.edges)
            #expect(try CSRGraph(validatingVertexCount: n, edges: edges).edges == built.edges)
        }
    }
}
