import Foundation
import Testing
@testable import RoleGraphKit
import RoleGraphAlgorithms
import RoleGraphGraphviz
import RoleGraphTestSupport

@Suite struct JSONGraphWriterTests {
    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func builtInGraphMatchesGolden() throws {
        try Golden.check(JSONGraphWriter().write(.builtIn), "builtin.json")
    }

    @Test(arguments: [true, false])
    func writingTwiceGivesTheSameBytes(_ pretty: Bool) {
        let writer = JSONGraphWriter(prettyPrinted: pretty)
        #expect(Array(writer.write(.builtIn).utf8) == Array(writer.write(.builtIn).utf8))
    }

    @Test func compactOutputIsOneLine() {
        let text = JSONGraphWriter(prettyPrinted: false).write(.builtIn)
        #expect(text.filter { $0 == "\n" }.count == 1)
        #expect(text.hasSuffix("}\n"))
    }

    @Test func isANodeLinkDocumentWithEveryRoleAndRelation() throws {
        let graph = RoleGraph.builtIn
        let json = try Self.object(JSONGraphWriter().write(graph))
        #expect(json["format"] as? String == "rolegraph-node-link")
        #expect(json["directed"] as? Bool == true)
        #expect(json["multigraph"] as? Bool == true)
        let info = try #require(json["graph"] as? [String: Any])
        #expect(info["name"] as? String == graph.name)
        #expect(info["source"] as? String == graph.source)
        #expect(info["description"] as? String == graph.description)
        #expect((json["areas"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == graph.areas.map(\.id.rawValue))
        #expect((json["skills"] as? [[String: Any]])?.count == graph.skills.count)

        let nodes = try #require(json["nodes"] as? [[String: Any]])
        #expect(nodes.compactMap { $0["id"] as? String } == graph.roles.map(\.id.rawValue))
        let analyst = nodes[0]
        #expect(analyst["name"] as? String == "Data Analyst")
        #expect(analyst["area"] as? String == "insights")
        #expect(analyst["entry_level"] as? Bool == true)
        #expect(analyst["prevalence"] as? String == "common")
        #expect((analyst["titles"] as? [String])?.first == "Data Analyst")
        #expect((analyst["responsibilities"] as? [String])?.isEmpty == false)
        let skills = try #require(analyst["skills"] as? [String: [String]])
        #expect(skills["primary"] == graph.roles[0].primarySkills.map(\.rawValue))
        #expect(skills["secondary"] == graph.roles[0].secondarySkills.map(\.rawValue))

        let links = try #require(json["links"] as? [[String: Any]])
        #expect(links.count == graph.relations.count)
        for (link, relation) in zip(links, graph.relations) {
            #expect(link["source"] as? String == relation.from.rawValue)
            #expect(link["target"] as? String == relation.to.rawValue)
            #expect(link["kind"] as? String == relation.kind.rawValue)
            #expect(link["directed"] as? Bool == (relation.kind != .collaboration))
            #expect((link["effort"] as? Double) == relation.effort)
            #expect(link["note"] as? String == relation.note)
            #expect(link["section"] as? String == relation.section)
        }
    }

    @Test func hostileTextReadsBackExactly() throws {
        let graph = try HostileGraph.graph()
        let json = try Self.object(JSONGraphWriter().write(graph))
        let nodes = try #require(json["nodes"] as? [[String: Any]])
        let node = try #require(nodes.first { $0["id"] as? String == HostileGraph.id.rawValue })
        #expect(node["name"] as? String == HostileGraph.name)
        #expect(node["titles"] as? [String] == HostileGraph.titles)
        #expect(node["summary"] as? String == HostileGraph.summary)
        let links = try #require(json["links"] as? [[String: Any]])
        #expect(links[0]["note"] as? String == HostileGraph.note)
        #expect(links[0]["effort"] as? Double == 2.5)
        #expect((json["graph"] as? [String: Any])?["name"] as? String == "Hostile \"graph\" <&> \\")
    }
}
