import Testing
@testable import RoleGraphAlgorithms
import RoleGraphTestSupport

@Suite struct PathErrorTests {
    @Test(
        "negative, NaN and infinite weights are rejected up front",
        arguments: [-1.0, -0.25, Double.nan, Double.infinity, -Double.infinity])
    func badWeightsAreRejected(weight: Double) {
        // The bad edge is the third in the input (id 2), from 1 to 2.
        let g = graph(3, [(0, 1, 1), (0, 2, 1), (1, 2, weight)])
        do {
            _ = try PathFinder(g)
            Issue.record("weight \(weight) was accepted")
        } catch let .invalidWeight(edgeID, source, target, value) {
            #expect(edgeID == 2)
            #expect(source == 1 && target == 2)
            #expect(value.isNaN ? weight.isNaN : value == weight)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func zeroWeightsAreAllowed() throws {
        var finder = try PathFinder(graph(2, [(0, 1, 0), (0, 1, -0.0)]))
        #expect(try finder.shortestPath(from: 0, to: 1)?.cost == 0)
    }

    @Test func descriptionsNameTheProblem() {
        let nan = PathError.invalidWeight(edgeID: 4, source: 1, target: 2, weight: .nan).description
        #expect(nan.contains("edge 4") && nan.contains("NaN"))
        let negative = PathError.invalidWeight(edgeID: 0, source: 0, target: 3, weight: -2).description
        #expect(negative.contains("negative") && negative.contains("-2.0"))
        #expect(PathError.invalidWeight(edgeID: 0, source: 0, target: 3, weight: .infinity).description.contains("infinite"))
        #expect(PathError.endpointAvoided(vertex: 3).description.contains("3"))
        #expect(PathError.invalidMaxSteps(-1).description.contains("-1"))
    }

    @Test func queryErrorsAreTyped() throws {
        var finder = try PathFinder(DijkstraTests.diamond)
        #expect(throws: PathError.vertexOutOfRange(vertex: 9, vertexCount: 5)) {
            try finder.shortestPath(from: 0, to: 9)
        }
        #expect(throws: PathError.vertexOutOfRange(vertex: -1, vertexCount: 5)) {
            try finder.shortestPathTree(from: -1)
        }
        #expect(throws: PathError.endpointAvoided(vertex: 0)) {
            try finder.shortestPath(from: 0, to: 3, constraints: .init(avoid: [0]))
        }
        #expect(throws: PathError.endpointAvoided(vertex: 3)) {
            try finder.shortestPaths(from: 0, to: 3, count: 2, constraints: .init(avoid: [3]))
        }
        #expect(throws: PathError.endpointAvoided(vertex: 0)) {
            try finder.shortestPathTree(from: 0, avoiding: [0])
        }
        #expect(throws: PathError.viaAvoided(vertex: 2)) {
            try finder.shortestPath(from: 0, to: 3, constraints: .init(avoid: [2], via: 2))
        }
        #expect(throws: PathError.invalidMaxSteps(-2)) {
            try finder.shortestPath(from: 0, to: 3, constraints: .init(maxSteps: -2))
        }
        #expect(throws: PathError.invalidMaxSteps(-1)) {
            try finder.reachable(from: 0, maxSteps: -1)
        }
    }
}
