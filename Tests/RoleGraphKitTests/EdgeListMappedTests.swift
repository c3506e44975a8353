import Foundation
import Testing
@testable import RoleGraphKit
import RoleGraphAlgorithms

/// A large edge list parsed from a mapping of its file, dropping the pages behind the parse,
/// against the same bytes parsed from memory: the same graph, summary and diagnostics, including
/// diagnostics whose columns are counted on lines whose pages were already dropped.
@Suite struct EdgeListMappedTests {
    /// A transition file of about 6 MB (past the mapping threshold, the chunking threshold and
    /// one release stride): counts, repeated rows, self-moves, long and non-ASCII ids, and, when
    /// `broken`, bad values on a few late lines.
    static func largeFile(seed: UInt64, broken: Bool) -> [UInt8] {
        var rng = SplitMix64(seed: seed)
        var text = "from,to,effort,count\n"
        let ids = (0 ..< 3_000).map { i in i % 97 == 0 ? "rôle-\(i)-with-a-rather-long-name-past-sixteen-bytes" : "role-\(i)" }
        var line = 1
        while text.utf8.count < 6_000_000 {
            line += 1
            let a = ids[Int.random(in: 0 ..< ids.count, using: &rng)]
            let b = Int.random(in: 0 ..< 50, using: &rng) == 0 ? a : ids[Int.random(in: 0 ..< ids.count, using: &rng)]
            // One effort per pair (a function of the two ids), so repeated rows agree.
            let stable = a == b ? "" : "\(1 + (a.utf8.count * 7 + b.utf8.count) % 4).\(b.utf8.count % 10)"
            var count = "\(Int.random(in: 1 ... 40, using: &rng))"
            if broken && line % 61_000 == 0 { count = "many" }
            text += "\(a),\(b),\(stable),\(count)\n"
        }
        return Array(text.utf8)
    }

    static func write(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rolegraph-mapped-\(UUID().uuidString).csv").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test(arguments: [false, true])
    func mappedParseEqualsTheParseOfTheBytes(broken: Bool) throws {
        let bytes = Self.largeFile(seed: 7, broken: broken)
        let path = try Self.write(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(bytes.count >= LayerLoader.mappedEdgeListSize && bytes.count > 2 * EdgeListReader.releaseStride)
        let inMemory = Result { () throws(GraphLoadError) in
            try EdgeListReader.read(bytes, separator: UInt8(ascii: ","), file: path, options: GraphLoadOptions())
        }
        let mapped = Result { () throws(GraphLoadError) in
            try EdgeListReader.read(mapped: try FileMapping(path: path, maximumSize: .max), separator: UInt8(ascii: ","),
                                    file: path, options: GraphLoadOptions())
        }
        let loaded = Result { () throws(GraphLoadError) in try RoleGraph.load(contentsOf: path) }
        switch (inMemory, mapped, loaded) {
        case (.success(let a), .success(let b), .success(let c)):
            #expect(!broken)
            #expect(a.graph.roles == b.graph.roles && a.graph.relations == b.graph.relations)
            #expect(a.summary == b.summary)
            #expect(c.roles == a.graph.roles && c.relations == a.graph.relations)
            #expect(a.graph.relations.contains { $0.count != nil } && a.graph.roles.contains { $0.stays != nil })
        case (.failure(let a), .failure(let b), .failure(let c)):
            #expect(broken)
            #expect(a.diagnostics.map(\.description) == b.diagnostics.map(\.description))
            #expect(c.diagnostics.map(\.description) == a.diagnostics.map(\.description))
            #expect(a.diagnostics.count >= 2 && a.diagnostics.allSatisfy { $0.location?.line ?? 0 > 60_000 })
        default:
            Issue.record("the three reads disagree: \(inMemory), \(mapped), \(loaded)")
        }
    }
}
