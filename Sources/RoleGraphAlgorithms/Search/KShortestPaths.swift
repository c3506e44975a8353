/// Yen's algorithm: the *k* best loopless paths from a source to a target, one at a time.
///
/// > J. Y. Yen. "Finding the K shortest loopless paths in a network."
/// > *Management Science* 17(11), 1971, pp. 712–716,
/// > doi:[10.1287/mnsc.17.11.712](https://doi.org/10.1287/mnsc.17.11.712)
///
/// Each accepted path *P* spawns candidates: for each vertex *P*[*i*] (the spur), the path that
/// follows *P* up to *P*[*i*] (the root) and then takes the best route to the target that
/// avoids the root's other vertices (so the result is simple) and the edge every accepted path
/// with this root takes next (so the result is new). The next path is the best candidate.
///
/// Lawler's refinement: spurs before the index at which *P* left the path it was spawned from
/// reproduce candidates already generated, so they are skipped.
///
/// > E. L. Lawler. "A procedure for computing the K best solutions to discrete optimization
/// > problems and its application to the shortest path problem." *Management Science* 18(7),
/// > 1972, pp. 401–405, doi:[10.1287/mnsc.18.7.401](https://doi.org/10.1287/mnsc.18.7.401)
///
/// Paths come out in the order of ``GraphPath`` (cost, then hops, then lexicographic), distinct
/// and simple. Why the order survives: every spur search returns the best spur in that order,
/// root + spur compares like spur (the root is shared), and candidates are kept sorted with the
/// same comparison. Spur searches start at the root's cost, so a candidate's cost is the sum of
/// its weights in path order, as everywhere else.
///
/// With a step limit each spur search gets the remaining budget (`maxSteps` − *i*) and is exact
/// for it (see `HopBoundedSearch.swift`), so the enumeration is exactly the paths of at most
/// `maxSteps` edges, in order.
///
/// Spur searches share the finder's scratch buffers: no O(*V*) allocation or clearing per spur;
/// bans are generation-stamped.
///
/// - Complexity: O(*k* · *h* · *S*) for *k* paths of at most *h* edges, where *S* is the cost of
///   one single-pair search (bidirectional where possible), plus O(*k*² *h*²) bookkeeping.
struct YenEnumerator {
    let source: Int32
    let target: Int32
    /// The cost the paths start from (non-zero when this enumerates continuations of a prefix).
    let startCost: Double
    /// The most edges a path may have; `nil` for no limit.
    let hopLimit: Int?
    /// Vertices and edges (CSR positions) no path may use.
    let avoidVertices: [Int32]
    let avoidEdges: [Int32]

    private var accepted: [GraphPath] = []
    private var deviations: [Int] = []
    /// Candidates sorted in *descending* order, so the best is `last`.
    private var candidates: [(path: GraphPath, deviation: Int)] = []
    private var seen: Set<[Int32]> = []
    private var started = false

    /// Prepares the enumeration; nothing is searched until the first ``next(_:)``.
    init(
        from source: Int32, to target: Int32, startCost: Double = 0, hopLimit: Int?,
        avoidVertices: [Int32], avoidEdges: [Int32]
    ) {
        self.source = source
        self.target = target
        self.startCost = startCost
        self.hopLimit = hopLimit
        self.avoidVertices = avoidVertices
        self.avoidEdges = avoidEdges
    }

    /// The next path, or `nil` when there are no more.
    ///
    /// - Complexity: O(*h*) single-pair searches, where *h* is the length of the previous path.
    mutating func next(_ context: SearchContext) -> GraphPath? {
        if !started {
            started = true
            context.scratch.setBans(vertices: avoidVertices, edges: avoidEdges)
            guard let first = context.bestPath(from: source, to: target, startCost: startCost, hopLimit: hopLimit)
            else { return nil }
            seen.insert(first.edgePositions)
            accepted.append(first)
            deviations.append(0)
            return first
        }
        guard let last = accepted.last else { return nil }
        spawnCandidates(from: last, deviation: deviations[deviations.count - 1], context)
        guard let (path, deviation) = candidates.popLast() else { return nil }
        accepted.append(path)
        deviations.append(deviation)
        return path
    }

    /// Adds the candidates spawned by the spurs of `path` at indices `deviation...`.
    private mutating func spawnCandidates(from path: GraphPath, deviation: Int, _ context: SearchContext) {
        let graph = context.graph
        var rootCost = startCost
        var bannedVertices = avoidVertices
        var bannedEdges = avoidEdges
        for i in 0 ..< path.hops {
            defer { rootCost += graph.weights[Int(path.edgePositions[i])] }
            guard i >= deviation else { continue }
            let budget = hopLimit.map { $0 - i }
            if let budget, budget < 1 { break }
            let spur = path.vertices[i]
            bannedVertices.removeSubrange(avoidVertices.count...)
            bannedVertices.append(contentsOf: path.vertices[..<i])
            bannedEdges.removeSubrange(avoidEdges.count...)
            let root = path.edgePositions[..<i]
            for other in accepted where other.hops > i && other.edgePositions[..<i] == root {
                bannedEdges.append(other.edgePositions[i])
            }
            context.scratch.setBans(vertices: bannedVertices, edges: bannedEdges)
            guard let tail = context.bestPath(from: spur, to: target, startCost: rootCost, hopLimit: budget)
            else { continue }
            let edges = Array(root) + tail.edgePositions
            guard seen.insert(edges).inserted else { continue }
            let candidate = GraphPath(
                vertices: Array(path.vertices[..<i]) + tail.vertices,
                edgePositions: edges,
                edgeIDs: Array(path.edgeIDs[..<i]) + tail.edgeIDs,
                cost: tail.cost)
            insert(candidate, deviation: i)
        }
    }

    /// Inserts a candidate keeping `candidates` sorted in descending order.
    ///
    /// - Complexity: O(log *c*) comparisons and O(*c*) moves, *c* the number of candidates.
    private mutating func insert(_ path: GraphPath, deviation: Int) {
        var low = 0
        var high = candidates.count
        while low < high {
            let mid = (low + high) / 2
            if path < candidates[mid].path { low = mid + 1 } else { high = mid }
        }
        candidates.insert((path, deviation), at: low)
    }
}
