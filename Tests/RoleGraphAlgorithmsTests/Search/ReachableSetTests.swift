import Testing
@testable import RoleGraphAlgorithms
import RoleGraphTestSupport

@Suite struct ReachableSetTests {
    @Test func levelsAndCheapestFewestStepCosts() throws {
        var finder = try PathFinder(HopBoundedSearchTests.ladder)
        let all = try finder.reachable(from: 0)
        #expect(all.vertices == [0, 1, 4, 5, 2, 3])
        #expect(all.hops(to: 5) == 1)
        #expect(all.cost(to: 5) == 20)  // fewest steps, not cheapest overall
        #expect(all.hops(to: 3) == 2)
        #expect(all.cost(to: 3) == 6)
        let one = try finder.reachable(from: 0, maxSteps: 1)
        #expect(one.vertices == [0, 1, 4, 5])
        #expect(!one.contains(3))
        #expect(one.hops(to: 3) == nil)
        #expect(one.cost(to: 3) == nil)
        #expect(try finder.reachable(from: 0, maxSteps: 0).vertices == [0])
        #expect(try finder.reachable(from: 0, avoiding: [1, 4]).vertices == [0, 5])
    }

    @Test("breadth-first levels and costs equal the layered oracle", arguments: 0 ..< 200)
    func matchesOracle(seed: Int) throws {
        let g = RandomGraphs.graph(seed: UInt64(seed), vertices: 2 ... 60)
        let (s, _) = RandomGraphs.endpoints(seed: UInt64(seed), vertexCount: g.vertexCount)
        let steps: Int? = seed % 3 == 0 ? nil : seed % 5
        var finder = try PathFinder(g)
        let found = try finder.reachable(from: s, maxSteps: steps)
        let (hops, costs) = PathOracles.fewestSteps(g, from: s, maxSteps: steps)
        #expect(found.hopCounts == hops)
        #expect(found.costs == costs)
        #expect(found.vertices.count == hops.filter { $0 >= 0 }.count)
        let levels = found.vertices.map { found.hopCounts[Int($0)] }
        #expect(levels == levels.sorted())
    }
}
