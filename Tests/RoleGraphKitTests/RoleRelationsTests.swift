import Foundation
import Testing
@testable import RoleGraphKit

/// A role's relations, found by dense endpoints, are the ones a scan of every relation value
/// finds, in the same order and the same three groups, for roles given as values (the built-in
/// graph), read from edge lists (self-moves, collaborations, repeated rows) and from their images.
@Suite struct RoleRelationsTests {
    /// The definition: every relation, as a value, sorted into the three groups.
    static func oracle(_ graph: RoleGraph, _ id: RoleID) -> RoleRelations {
        var outgoing: [Relation] = [], incoming: [Relation] = [], mutual: [Relation] = []
        for relation in graph.relations {
            if relation.kind.isSymmetric {
                if relation.from == id || relation.to == id { mutual.append(relation) }
            } else if relation.from == id {
                outgoing.append(relation)
            } else if relation.to == id {
                incoming.append(relation)
            }
        }
        return RoleRelations(role: id, outgoing: outgoing, incoming: incoming, mutual: mutual)
    }

    @Test func builtinGraph() {
        let graph = RoleGraph.builtIn
        for role in graph.roles { #expect(graph.relations(of: role.id) == Self.oracle(graph, role.id)) }
        #expect(graph.relations(of: "no-such-role") == RoleRelations(role: "no-such-role", outgoing: [], incoming: [], mutual: []))
    }

    @Test(arguments: 0 ..< 30)
    func edgeListsAndTheirImages(seed: Int) throws {
        let directory = try SnapshotTests.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // One row between two roles besides the random ones, so that no seed draws an edge list
        // of self-moves alone, which has no edges and is refused.
        var text = SnapshotTests.randomEdgeList(seed: UInt64(seed) &+ 500)
        let fields = text.prefix { $0 != "\n" }.filter { $0 == "," }.count + 1
        text += "\"a,b\",extra" + String(repeating: ",", count: fields - 2) + "\n"
        let (csv, image, _) = try SnapshotTests.indexed(text, in: directory)
        for graph in [try RoleGraph.load(contentsOf: csv), try RoleGraph.load(contentsOf: image)] {
            for role in graph.roles { #expect(graph.relations(of: role.id) == Self.oracle(graph, role.id), "\(role.id)") }
        }
    }
}
