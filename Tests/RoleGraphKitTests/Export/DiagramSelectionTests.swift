import Testing
@testable import RoleGraphKit
import RoleGraphAlgorithms

/// Picking the part of a graph to draw, checked against independent oracles on random graphs.
@Suite struct DiagramSelectionTests {
    /// Roles within `depth` relations of `start`, by repeated relaxation over the relation list
    /// (no adjacency, no queue): an oracle independent of the breadth-first search.
    static func oracleNeighbourhood(_ graph: RoleGraph, of start: RoleID, depth: Int, kinds: Set<RelationKind>) -> Set<RoleID> {
        var reached: Set<RoleID> = [start]
        for _ in 0 ..< depth {
            var next = reached
            for relation in graph.relations where kinds.contains(relation.kind) {
                if reached.contains(relation.from) { next.insert(relation.to) }
                if reached.contains(relation.to) { next.insert(relation.from) }
            }
            reached = next
        }
        return reached
    }

    @Test(arguments: 0 ..< 12)
    func aroundKeepsExactlyTheNeighbourhood(seed: Int) throws {
        let graph = try LargeGraphs.transitions(roles: 60 + 17 * seed, perRole: 2, seed: UInt64(seed))
        var rng = SplitMix64(seed: UInt64(seed) &+ 100)
        let start = graph.roles.randomElement(using: &rng)!.id
        let depth = seed % 4
        let kinds: Set<RelationKind> = seed % 3 == 0 ? [.transition] : Set(RelationKind.allCases)
        let selected = try graph.selecting(DiagramSelection(focus: .around(start, depth: depth), kinds: kinds))
        let expected = Self.oracleNeighbourhood(graph, of: start, depth: depth, kinds: kinds)
        #expect(Set(selected.graph.roles.map(\.id)) == expected)
        // Every relation of the kinds among the kept roles, and no other.
        let expectedRelations = graph.relations.filter { kinds.contains($0.kind) && expected.contains($0.from) && expected.contains($0.to) }
        #expect(selected.graph.relations == expectedRelations)
        #expect(selected.originalPositions.map { graph.relations[$0] } == selected.graph.relations)
        #expect(selected.totalRoles == graph.roles.count)
    }

    @Test func aroundOnTheBuiltInGraph() throws {
        let selected = try RoleGraph.builtIn.selecting(DiagramSelection(focus: .around("data-scientist", depth: 0)))
        #expect(selected.graph.roles.map(\.id) == ["data-scientist"])
        #expect(selected.graph.relations.isEmpty)
        #expect(!selected.isWhole)
        #expect(try RoleGraph.builtIn.selecting(DiagramSelection()).isWhole)
    }

    @Test(arguments: 0 ..< 6)
    func topByDegreeKeepsTheMostRelatedRoles(seed: Int) throws {
        let graph = try LargeGraphs.transitions(roles: 80, seed: UInt64(seed))
        let n = 5 + seed
        let selected = try graph.selecting(DiagramSelection(focus: .top(n, rankBy: .degree)))
        var degree: [RoleID: Int] = [:]
        for relation in graph.relations {
            degree[relation.from, default: 0] += 1
            degree[relation.to, default: 0] += 1
        }
        #expect(selected.graph.roles.count == n)
        let kept = Set(selected.graph.roles.map(\.id))
        let weakestKept = kept.map { degree[$0] ?? 0 }.min()!
        let strongestLeft = graph.roles.map(\.id).filter { !kept.contains($0) }.map { degree[$0] ?? 0 }.max()!
        #expect(weakestKept >= strongestLeft)
    }

    @Test func topByBetweennessKeepsTheGateway() throws {
        // A star of transitions through a hub: the hub is the only gateway.
        let area = Area(id: "a", name: "A")
        let roles = (0 ..< 9).map { Role(id: RoleID("r\($0)"), name: "R\($0)", area: area.id) }
        var relations: [Relation] = []
        for i in 1 ..< 9 {
            relations.append(Relation(kind: .transition, from: RoleID("r\(i)"), to: "r0", effort: 1))
            relations.append(Relation(kind: .transition, from: "r0", to: RoleID("r\(i)"), effort: 1))
        }
        let graph = try RoleGraph(name: "star", areas: [area], skills: [], roles: roles, relations: relations)
        let selected = try graph.selecting(DiagramSelection(focus: .top(1, rankBy: .betweenness)))
        #expect(selected.graph.roles.map(\.id) == ["r0"])
    }

    @Test func countFiltersKeepFrequentMoves() throws {
        let area = Area(id: "a", name: "A")
        let roles = ["a", "b", "c", "d"].map { Role(id: RoleID($0), name: $0.uppercased(), area: area.id) }
        let relations = [
            Relation(kind: .transition, from: "a", to: "b", effort: 1, count: 90),
            Relation(kind: .transition, from: "a", to: "c", effort: 1, count: 10),
            Relation(kind: .transition, from: "c", to: "d", effort: 1, count: 5),
            Relation(kind: .collaboration, from: "b", to: "d"),
        ]
        let graph = try RoleGraph(name: "counts", areas: [area], skills: [], roles: roles, relations: relations)
        let byCount = try graph.selecting(DiagramSelection(minCount: 10))
        #expect(byCount.graph.relations.map { "\($0.from.rawValue)\($0.to.rawValue)" } == ["ab", "ac", "bd"])
        // c → d is all of c's moves: a 100 % share; a → c only 10 % of a's.
        let byShare = try graph.selecting(DiagramSelection(minShare: 0.5))
        #expect(byShare.graph.relations.map { "\($0.from.rawValue)\($0.to.rawValue)" } == ["ab", "cd", "bd"])
        #expect(Set(byShare.graph.roles.map(\.id)) == ["a", "b", "c", "d"])
        let strict = try graph.selecting(DiagramSelection(kinds: [.transition], minCount: 50))
        #expect(strict.graph.roles.map(\.id) == ["a", "b"])

        #expect(throws: DiagramSelectionError.noCounts(option: "--min-count")) {
            try RoleGraph.builtIn.selecting(DiagramSelection(minCount: 3))
        }
        #expect(throws: DiagramSelectionError.noCounts(option: "--min-share")) {
            try RoleGraph.builtIn.selecting(DiagramSelection(minShare: 0.1))
        }
        #expect(throws: DiagramSelectionError.self) { try graph.selecting(DiagramSelection(minShare: 1.5)) }
        #expect(throws: DiagramSelectionError.unknownRole("nobody")) {
            try graph.selecting(DiagramSelection(focus: .around("nobody", depth: 1)))
        }
    }

    @Test(arguments: 0 ..< 6)
    func surroundingsKeepThePathWithinTheLimit(seed: Int) throws {
        let graph = try LargeGraphs.transitions(roles: 400, perRole: 4, seed: UInt64(seed))
        let network = graph.network(kinds: [.transition]) { _ in 1 }
        _ = network
        // A path of the graph's own transitions: follow first transitions from role 0.
        var roles: [RoleID] = [graph.roles[0].id]
        var positions: [Int] = []
        while roles.count < 5, let position = graph.relations.firstIndex(where: { $0.kind == .transition && $0.from == roles.last! && !roles.contains($0.to) }) {
            positions.append(position)
            roles.append(graph.relations[position].to)
        }
        let limit = 20 + seed * 10
        let selected = graph.surroundings(of: roles, relations: positions, limit: limit)
        let kept = Set(selected.graph.roles.map(\.id))
        #expect(kept.isSuperset(of: roles))
        #expect(kept.count <= max(limit, roles.count))
        let near = Set(roles.flatMap { role in Self.oracleNeighbourhood(graph, of: role, depth: 1, kinds: Set(RelationKind.allCases)) })
        #expect(near.isSuperset(of: kept))
        let onPath = Set(roles)
        #expect(selected.graph.relations.allSatisfy { onPath.contains($0.from) || onPath.contains($0.to) })
        guard case .path(let pathRoles, let steps) = selected.translating(.path(roles: roles, relations: positions)) else {
            Issue.record("not a path"); return
        }
        #expect(pathRoles == roles)
        #expect(steps.map { selected.graph.relations[$0] } == positions.map { graph.relations[$0] })
    }

    @Test(arguments: 0 ..< 5)
    func clusterOverviewCountsMembersAndLinks(seed: Int) throws {
        let graph = try LargeGraphs.transitions(roles: 120, seed: UInt64(seed))
        var rng = SplitMix64(seed: UInt64(seed))
        let communities: [Int?] = graph.roles.indices.map { _ in Int.random(in: 0 ..< 10, using: &rng) == 0 ? nil : Int.random(in: 0 ..< 6, using: &rng) }
        let (overview, weights) = graph.clusterOverview(communities: communities, names: ["Zero", "One"])
        var members: [Int: Int] = [:]
        for c in communities.compactMap({ $0 }) { members[c, default: 0] += 1 }
        #expect(overview.roles.count == members.count)
        for (c, count) in members { #expect(weights.values[RoleID("cluster-\(c)")] == Double(count)) }
        #expect(overview.role("cluster-0")?.name.hasPrefix("Zero · ") == true)
        #expect(overview.role("cluster-0")?.name.hasSuffix(" (\(members[0]!) roles)") == true)
        // Links: relations whose ends lie in two different clusters, by ordered pair.
        var expected: [String: Double] = [:]
        let clusterOf = Dictionary(uniqueKeysWithValues: zip(graph.roles.map(\.id), communities))
        for relation in graph.relations {
            guard let a = clusterOf[relation.from]!, let b = clusterOf[relation.to]!, a != b else { continue }
            expected["cluster-\(a)>cluster-\(b)", default: 0] += 1
        }
        // Each cluster keeps its three strongest outgoing links, with their counts.
        for number in members.keys {
            let source = "cluster-\(number)"
            let links = overview.relations.filter { $0.from.rawValue == source }
            let all = expected.filter { $0.key.hasPrefix(source + ">") }
            #expect(links.count == min(3, all.count))
            for link in links { #expect(link.count == expected["\(source)>\(link.to.rawValue)"]) }
            let weakestKept = links.compactMap(\.count).min() ?? .infinity
            let strongestDropped = all.filter { key, _ in !links.contains { "\(source)>\($0.to.rawValue)" == key } }.values.max() ?? 0
            #expect(weakestKept >= strongestDropped)
        }
    }
}
