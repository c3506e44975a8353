import Testing
@testable import RoleGraphKit
import RoleGraphAlgorithms
import RoleGraphGraphviz
import RoleGraphTestSupport

/// Random role graphs with transitions and collaborations (so edge ids repeat: a collaboration is
/// two edges with one relation id) checked against brute-force enumeration of simple paths.
@Suite struct RoutePlannerPropertyTests {
    static func randomGraph(seed: UInt64) throws -> RoleGraph {
        var rng = SplitMix64(seed: seed)
        let n = Int.random(in: 2 ... 7, using: &rng)
        let roles = (0 ..< n).map { Role(id: RoleID("r\($0)"), name: "R\($0)", area: "a") }
        var relations: [Relation] = []
        var seen: Set<String> = []
        for _ in 0 ..< Int.random(in: 0 ... n * 3, using: &rng) {
            let a = Int.random(in: 0 ..< n, using: &rng), b = Int.random(in: 0 ..< n, using: &rng)
            guard a != b else { continue }
            let collaboration = Bool.random(using: &rng)
            let key = collaboration ? "c\(min(a, b))-\(max(a, b))" : "t\(a)-\(b)"
            guard seen.insert(key).inserted else { continue }
            relations.append(Relation(kind: collaboration ? .collaboration : .transition, from: RoleID("r\(a)"), to: RoleID("r\(b)"),
                                      effort: collaboration ? nil : Double(Int.random(in: 1 ... 4, using: &rng))))
        }
        return try RoleGraph(name: "random", areas: [Area(id: "a", name: "A")], skills: [], roles: roles, relations: relations)
    }

    /// Every simple path from s to t over the planner's network, as (cost, hops, vertices).
    static func allSimplePaths(_ network: CSRGraph, from s: Int32, to t: Int32) -> [(Double, Int, [Int32])] {
        var result: [(Double, Int, [Int32])] = []
        var stack: [Int32] = [s]
        var onPath = Set<Int32>([s])
        func walk(_ v: Int32, _ cost: Double) {
            if v == t { result.append((cost, stack.count - 1, stack)); return }
            for e in network.edgeRange(of: v) where !onPath.contains(network.targets[e]) {
                let w = network.targets[e]
                stack.append(w); onPath.insert(w)
                walk(w, cost + network.weights[e])
                stack.removeLast(); onPath.remove(w)
            }
        }
        walk(s, 0)
        return result.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
    }

    /// `reachable` makes each path when it is read; the roles, their order and their paths are
    /// those of making every path of the search's tree at once and sorting them by cost, steps
    /// and file order, under every model without path-dependent costs, with and without a step
    /// limit and lateral moves.
    @Test(arguments: 0 ..< 200)
    func reachableRolesAreTheTreePathsSorted(seed: Int) throws {
        let graph = try Self.randomGraph(seed: UInt64(seed))
        for model in [CostModel.effort, .hops] {
            for lateral in [nil, 1.5] as [Double?] {
                for maxSteps in [nil, 1, 2] as [Int?] {
                    var planner = try RoutePlanner(graph: graph, costing: StepCosting(model: model, lateralCost: lateral))
                    let found = try planner.reachable(from: "r0", maxSteps: maxSteps)
                    var finder = try PathFinder(planner.network)
                    let tree = try finder.shortestPathTree(from: 0, maxSteps: maxSteps)
                    let expected = (1 ..< Int32(graph.roles.count)).compactMap { v in tree.path(to: v).map { (v, planner.careerPath($0)) } }
                        .sorted { ($0.1.cost, $0.1.steps.count, $0.0) < ($1.1.cost, $1.1.steps.count, $1.0) }.map(\.1)
                    #expect(Array(found) == expected, "\(model) \(String(describing: lateral)) \(String(describing: maxSteps))")
                    #expect(found.count == expected.count && Array(found.prefix(2)) == Array(expected.prefix(2)))
                }
            }
        }
    }

    @Test(arguments: 0 ..< 200)
    func kBestPathCostsMatchEnumeration(seed: Int) throws {
        let graph = try Self.randomGraph(seed: UInt64(seed))
        var planner = try RoutePlanner(graph: graph, costing: StepCosting(model: .effort, lateralCost: 1.5))
        let s = RoleID("r0"), t = graph.roles.last!.id
        let expected = Self.allSimplePaths(planner.network, from: 0, to: Int32(graph.roles.count - 1))
        do {
            let paths = try planner.paths(from: s, to: t, count: 4)
            #expect(paths.map(\.cost) == expected.prefix(4).map(\.0))
            for path in paths {
                #expect(Set(path.roles).count == path.roles.count)
                #expect(path.cost == path.steps.map(\.cost).reduce(0, +))
            }
        } catch {
            guard case .noPath = error else { throw error }
            #expect(expected.isEmpty)
        }
    }
}
