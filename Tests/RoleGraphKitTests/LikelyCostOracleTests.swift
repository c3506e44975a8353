import Foundation
import Testing
@testable import RoleGraphKit
import RoleGraphTestSupport

/// `--cost likely` against networkx: the generated count network (`Fixtures/edgelists/likely`, 300
/// roles, repeated rows, self-moves and zero counts, `;`-separated and gzip-compressed) and the
/// answers `oracle.py` computed for 200 random pairs with networkx's Dijkstra under −ln(share),
/// from its own reading of the file. `make likely-oracle` regenerates both.
@Suite struct LikelyCostOracleTests {
    struct Answer {
        var from: RoleID, to: RoleID
        var cost: Double
        /// The unique shortest path, `nil` when networkx found several of equal cost or none.
        var path: [RoleID]?
    }

    static func answers() throws -> [Answer] {
        try Fixtures.text("edgelists/likely/likely-oracle.tsv").split(separator: "\n").map { line in
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let path: [RoleID]? = parts[3] == "*" || parts[3] == "-"
                ? nil : parts[3].components(separatedBy: " -> ").map { RoleID($0) }
            return Answer(from: RoleID(parts[0]), to: RoleID(parts[1]),
                          cost: parts[2] == "inf" ? .infinity : Double(parts[2])!, path: path)
        }
    }

    static func network() throws -> GraphLoadResult {
        try RoleGraph.load(contentsOf: Fixtures.path("edgelists/likely/likely-network.csv.gz"), options: GraphLoadOptions())
    }

    @Test func pathsMatchNetworkX() throws {
        let loaded = try Self.network()
        let answers = try Self.answers()
        #expect(answers.count == 200)
        #expect(loaded.graph.roles.count == 300)
        var planner = try RoutePlanner(graph: loaded.graph, costing: StepCosting(model: .likely))
        var compared = 0, pathsCompared = 0
        for answer in answers {
            if answer.cost.isInfinite {
                #expect(throws: RouteError.self) { try planner.paths(from: answer.from, to: answer.to) }
                continue
            }
            let path = try #require(try planner.paths(from: answer.from, to: answer.to).first)
            #expect(abs(path.cost - answer.cost) <= 1e-9 * max(1, answer.cost), "\(answer.from) → \(answer.to)")
            // The printed probability is the product of the shares, e^−cost.
            #expect(abs((path.probability ?? -1) - exp(-answer.cost)) <= 1e-9)
            compared += 1
            if let expected = answer.path {
                #expect(path.roles == expected, "\(answer.from) → \(answer.to)")
                pathsCompared += 1
            }
        }
        #expect(compared >= 190)
        #expect(pathsCompared >= 150)
    }

    @Test func theFileIsReadAsRealDataComes() throws {
        let summary = try #require(try Self.network().edgeListSummary)
        #expect(summary.aggregatedRows > 0)
        #expect(summary.selfMoves > 0)
        #expect(summary.selfMovesKept)
        #expect(summary.zeroCountRows > 0)
    }

    @Test func sharesOutOfARoleSumToOneMinusItsStayers() throws {
        let graph = try Self.network().graph
        let planner = try RoutePlanner(graph: graph, costing: StepCosting(model: .likely))
        let shares = TransitionShares(graph: graph)
        for role in graph.roles.prefix(60) {
            let moves = try planner.moves(from: role.id)
            let sum = moves.reduce(0) { $0 + ($1.share ?? 0) }
            let stayed = shares.stayShare(ofRoleAt: graph.index(of: role.id)!) ?? 0
            if moves.isEmpty && stayed == 0 { continue }
            #expect(abs(sum + stayed - 1) <= 1e-12, "\(role.id)")
            // Cheapest first is most likely first.
            #expect(moves.map(\.share!) == moves.map(\.share!).sorted(by: >))
        }
    }
}
