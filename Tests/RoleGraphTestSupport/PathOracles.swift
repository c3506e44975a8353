import RoleGraphAlgorithms

/// Slow, obviously correct answers to compare the searches with. Written from the definitions,
/// sharing no code with the library beyond reading the CSR arrays.
package enum PathOracles {
    /// A path as the oracles see it.
    package struct Path: Equatable, CustomStringConvertible {
        package var vertices: [Int32]
        package var edges: [Int32]
        package var cost: Double

        package var description: String { "\(vertices) \(edges) cost \(cost)" }

        /// The documented order: cost, hops, vertex sequence, edge sequence.
        package static func precedes(_ a: Path, _ b: Path) -> Bool {
            if a.cost != b.cost { return a.cost < b.cost }
            if a.edges.count != b.edges.count { return a.edges.count < b.edges.count }
            if a.vertices != b.vertices { return a.vertices.lexicographicallyPrecedes(b.vertices) }
            return a.edges.lexicographicallyPrecedes(b.edges)
        }

        package init(vertices: [Int32], edges: [Int32], cost: Double) {
            self.vertices = vertices
            self.edges = edges
            self.cost = cost
        }

        package init(_ path: GraphPath) {
            self.init(vertices: path.vertices, edges: path.edgePositions, cost: path.cost)
        }
    }

    /// Bellman–Ford: V − 1 rounds of relaxing every edge. `.infinity` where unreachable.
    package static func bellmanFord(_ g: CSRGraph, from source: Int32, avoid: Set<Int32> = []) -> [Double] {
        var dist = [Double](repeating: .infinity, count: g.vertexCount)
        dist[Int(source)] = 0
        for _ in 0 ..< max(g.vertexCount - 1, 0) {
            var changed = false
            for u in 0 ..< g.vertexCount where dist[u] < .infinity && !avoid.contains(Int32(u)) {
                for e in g.offsets[u] ..< g.offsets[u + 1] {
                    let v = Int(g.targets[e])
                    if avoid.contains(Int32(v)) { continue }
                    if dist[u] + g.weights[e] < dist[v] {
                        dist[v] = dist[u] + g.weights[e]
                        changed = true
                    }
                }
            }
            if !changed { break }
        }
        return dist
    }

    /// Every simple path from `source` to `target` by depth-first search, sorted in the documented
    /// order. Costs are summed from the source, in path order.
    package static func allSimplePaths(
        _ g: CSRGraph, from source: Int32, to target: Int32, avoid: Set<Int32> = [],
        avoidEdgeIDs: Set<Int32> = [], maxSteps: Int? = nil
    ) -> [Path] {
        var result: [Path] = []
        var onPath = [Bool](repeating: false, count: g.vertexCount)
        var vertices: [Int32] = [source]
        var edges: [Int32] = []
        func visit(_ u: Int32, _ cost: Double) {
            if u == target {
                result.append(Path(vertices: vertices, edges: edges, cost: cost))
                return
            }
            if let maxSteps, edges.count >= maxSteps { return }
            onPath[Int(u)] = true
            for e in g.offsets[Int(u)] ..< g.offsets[Int(u) + 1] {
                let v = g.targets[e]
                if onPath[Int(v)] || avoid.contains(v) || avoidEdgeIDs.contains(g.edgeIDs[e]) { continue }
                vertices.append(v)
                edges.append(Int32(e))
                visit(v, cost + g.weights[e])
                vertices.removeLast()
                edges.removeLast()
            }
            onPath[Int(u)] = false
        }
        if !avoid.contains(source) { visit(source, 0) }
        return result.sorted(by: Path.precedes)
    }

    /// For every vertex, the fewest edges from `source` and the cheapest cost among the walks with
    /// that many edges, by dynamic programming over exact walk lengths.
    package static func fewestSteps(_ g: CSRGraph, from source: Int32, maxSteps: Int?) -> (hops: [Int32], costs: [Double]) {
        let n = g.vertexCount
        var hops = [Int32](repeating: -1, count: n)
        var costs = [Double](repeating: .infinity, count: n)
        var layer = [Double](repeating: .infinity, count: n)  // cheapest walk with exactly h edges
        layer[Int(source)] = 0
        hops[Int(source)] = 0
        costs[Int(source)] = 0
        let limit = min(maxSteps ?? n, n)
        var h = 0
        while h < limit {
            h += 1
            var next = [Double](repeating: .infinity, count: n)
            for u in 0 ..< n where layer[u] < .infinity {
                for e in g.offsets[u] ..< g.offsets[u + 1] {
                    let v = Int(g.targets[e])
                    next[v] = min(next[v], layer[u] + g.weights[e])
                }
            }
            for v in 0 ..< n where next[v] < .infinity && hops[v] < 0 {
                hops[v] = Int32(h)
                costs[v] = next[v]
            }
            layer = next
        }
        return (hops, costs)
    }
}
