import Foundation
import Testing
@testable import RoleGraphKit
import RoleGraphAlgorithms
import RoleGraphGraphviz
import RoleGraphTestSupport

/// CSV/TSV edge lists: the bad-input corpus under `Fixtures/edgelists` (each file with its exact
/// diagnostics in a `.expected` sidecar), the syntax the reader accepts, and a round trip.
@Suite struct EdgeListTests {
    static let corpus = Fixtures.files(in: "edgelists", extensions: ["csv", "tsv"])

    @Test func corpusCoversTheIssuesCases() {
        for name in ["missing-column.csv", "bad-number.csv", "negative-effort.csv", "empty.csv",
                     "header-only.csv", "crlf-bom-error.csv", "unterminated-quote.csv", "self-loop.csv",
                     "duplicate.csv", "unknown-column.csv", "unknown-kind.csv"] {
            #expect(Self.corpus.contains(name), "missing fixture \(name)")
        }
    }

    @Test(arguments: corpus)
    func reportsExpectedDiagnostics(_ name: String) throws {
        let expected = try Fixtures.text("edgelists/\(name).expected").split(separator: "\n").map(String.init)
        #expect(!expected.isEmpty)
        do {
            let graph = try RoleGraph.load(contentsOf: Fixtures.path("edgelists/\(name)"))
            Issue.record("\(name) loaded (\(graph.roles.count) roles) but should have failed")
        } catch {
            let lines = error.diagnostics.map { diagnostic in
                var d = diagnostic
                d.location?.file = name
                return d.description
            }
            #expect(lines == expected)
        }
    }

    @Test func problemsPastTheLimitAreCounted() throws {
        do {
            _ = try RoleGraph.load(contentsOf: Fixtures.path("edgelists/many-problems.csv"))
            Issue.record("should have failed")
        } catch {
            #expect(error.diagnostics.count == EdgeListReader.diagnosticLimit + 1)
            #expect(error.diagnostics.last?.description == "… and 5 more problems")
            #expect(error.diagnostics.last?.location == nil)
        }
    }

    // MARK: Syntax

    @Test func crlfBOMAndQuotedFields() throws {
        let text = "\u{FEFF}from,to,kind,effort,note\r\n"
            + "data-analyst,data-scientist,transition,2,\"same skills, and more\"\r\n"
            + "\"ml, scientist\",ml-engineer,collaboration,,\"says \"\"hi\"\"\"\r\n"
            + "\r\n"
            + "# a comment line\r\n"
            + "  ml-engineer , \"data-analyst\" ,transition, 1.5 ,\"two\r\nlines\"\r\n"
        let graph = try RoleGraph.parse(text, format: .csv, file: "t.csv")
        #expect(graph.roles.map(\.id) == ["data-analyst", "data-scientist", "ml, scientist", "ml-engineer"])
        #expect(graph.relations == [
            Relation(kind: .transition, from: "data-analyst", to: "data-scientist", effort: 2, note: "same skills, and more"),
            Relation(kind: .collaboration, from: "ml, scientist", to: "ml-engineer", note: "says \"hi\""),
            Relation(kind: .transition, from: "ml-engineer", to: "data-analyst", effort: 1.5, note: "two\r\nlines"),
        ])
    }

    @Test func tabSeparatedColumnsInAnyOrderWithDefaults() throws {
        let text = "Effort\tTO\tfrom\n3\tb\ta\n\tc\tb\n\ta\tc"  // no final line break
        let graph = try RoleGraph.parse(text, format: .tsv, file: "t.tsv")
        #expect(graph.roles.map(\.id) == ["a", "b", "c"])
        #expect(graph.relations.map(\.effort) == [3, 1, 1])
        #expect(graph.relations.allSatisfy { $0.kind == .transition && $0.note == nil })
        #expect(graph.relations.map(\.to) == ["b", "c", "a"])
    }

    @Test func rolesGetTheDefaultAreaAndTheirIdAsName() throws {
        let graph = try RoleGraph.parse("from,to\nx,y\n", format: .csv, file: "dir/network.csv")
        #expect(graph.areas == [EdgeListReader.defaultArea])
        #expect(graph.areas[0].id == "unassigned")
        #expect(graph.roles.allSatisfy { $0.area == "unassigned" && $0.name == $0.id.rawValue })
        #expect(graph.name == "network")
        #expect(graph.index(of: "y") == 1)
        #expect(try graph.resolveRole("X") == 0)
    }

    @Test func numbersParseLikeDouble() throws {
        // The last has more than 15 digits, so it takes the general path.
        let values = ["1", "2.5", ".5", "10.25", "1e-1", "+3", "0.000001", "12345.678901234567891"]
        let text = "from,to,effort\n" + values.enumerated().map { "a\($0.offset),b,\($0.element)" }.joined(separator: "\n")
        let graph = try RoleGraph.parse(text, format: .csv)
        #expect(graph.relations.map(\.effort) == values.map { Double($0)! })
    }

    @Test(arguments: ["0x10", "inf", "nan", "1e7", "2000000"])
    func effortsMustBeDecimalsWithinTheCap(effort: String) {
        #expect(throws: GraphLoadError.self) { try RoleGraph.parse("from,to,effort\na,b,\(effort)\n", format: .csv) }
    }

    @Test func collaborationHasNoEffort() throws {
        let graph = try RoleGraph.parse("from,to,kind,effort\na,b,collaboration,\nb,a,stakeholder,\n", format: .csv)
        #expect(graph.relations.map(\.effort) == [nil, nil])
        #expect(graph.relations.map(\.kind) == [.collaboration, .stakeholder])
    }

    @Test func formatComesFromTheExtension() {
        #expect(GraphFileFormat(path: "x/transitions.CSV") == .csv)
        #expect(GraphFileFormat(path: "transitions.tsv") == .tsv)
    }

    // MARK: Round trip

    @Test func generatedEdgeListRoundTrips() throws {
        var random = EdgeListTestRandom(seed: 42)
        // Ids that need quoting (commas, quotes, line breaks), non-ASCII ids, and plain ones.
        let specials = ["a,b", "say \"hi\"", "two\nlines", "Ingénieur·e", "データ", " padded "]
        let ids = (0..<300).map { i in i < specials.count ? specials[i] : "role-\(i)" }
        var relations: [Relation] = []
        var seen = Set<String>()
        while relations.count < 2_000 {
            let a = ids[Int(random.next() % UInt64(ids.count))]
            let b = ids[Int(random.next() % UInt64(ids.count))]
            let kind = [RelationKind.transition, .transition, .collaboration, .stakeholder][Int(random.next() % 4)]
            let key = kind.isSymmetric ? [a, b].sorted().joined(separator: "\u{1}") : a + "\u{1}" + b
            guard a != b, seen.insert("\(kind)\u{2}\(key)").inserted else { continue }
            let effort: Double? = kind == .transition ? Double(random.next() % 40 + 1) / 8 : nil
            let note: String? = random.next() % 3 == 0 ? "note, \"\(relations.count)\"" : nil
            relations.append(Relation(kind: kind, from: RoleID(a), to: RoleID(b), effort: effort, note: note))
        }
        for (format, separator) in [(GraphFileFormat.csv, ","), (.tsv, "\t")] {
            var text = ["from", "to", "kind", "effort", "note"].joined(separator: separator) + "\r\n"
            for r in relations {
                text += [quote(r.from.rawValue), quote(r.to.rawValue), r.kind.rawValue,
                         r.effort.map { "\($0)" } ?? "", r.note.map(quote) ?? ""].joined(separator: separator) + "\r\n"
            }
            let path = FileManager.default.temporaryDirectory
                .appendingPathComponent("rolegraph-roundtrip-\(ProcessInfo.processInfo.processIdentifier).\(format.rawValue)").path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let graph = try RoleGraph.load(contentsOf: path)
            #expect(graph.relations == relations)
            #expect(Set(graph.roles.map(\.id.rawValue)) == Set(relations.flatMap { [$0.from.rawValue, $0.to.rawValue] }))
            for (position, relation) in graph.relations.enumerated() {
                let (a, b) = graph.endpoints(ofRelationAt: position)
                #expect(graph.role(at: a).id == relation.from && graph.role(at: b).id == relation.to)
            }
        }
    }

    private func quote(_ field: String) -> String {
        "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    // MARK: Interner

    @Test func internerKeepsDistinctKeysAcrossGrowth() {
        var interner = ByteInterner(expectedCount: 4)
        let keys = (0..<5_000).map { "k\($0 * 7919 % 10_007)" } + ["", "a-much-longer-key-than-eight-bytes"]
        for (i, key) in keys.enumerated() {
            let result = Array(key.utf8).withUnsafeBytes { interner.intern($0) }
            #expect(result.index == Int32(i) && result.inserted)
        }
        for (i, key) in keys.enumerated().reversed() {
            let result = Array(key.utf8).withUnsafeBytes { interner.intern($0) }
            #expect(result.index == Int32(i) && !result.inserted)
        }
        #expect(interner.count == keys.count)
        // The keys read in place as role ids, in index order.
        let ids = interner.roleIDs
        #expect(ids.count == keys.count && (0 ..< keys.count).allSatisfy { ids[$0].rawValue == keys[$0] })
        // Interning more keys afterwards (enough to grow every buffer) leaves the ids already
        // handed out as they were: the interner copies its keys before it changes them.
        for k in 0 ..< 20_000 { _ = Array("more-\(k)".utf8).withUnsafeBytes { interner.intern($0) } }
        #expect(ids.count == keys.count && (0 ..< keys.count).allSatisfy { ids[$0].rawValue == keys[$0] })
        #expect(interner.roleIDs.count == keys.count + 20_000)
    }
}

/// A small seeded generator (the library's SplitMix64) for reproducible test data.
typealias EdgeListTestRandom = SplitMix64

extension EdgeListTests {
    /// The edge-list initialiser is a shortcut, not a different graph.
    @Test func fastInitialiserMatchesTheGeneralOne() throws {
        let text = "from,to,kind\nData-Analyst,ml-engineer,transition\nml-engineer,data-analyst,transition\n"
            + "Ünïcode,DATA-ANALYST,collaboration\ndata-analyst,ml-engineer,stakeholder\n"
        let fast = try RoleGraph.parse(text, format: .csv, file: "t.csv")
        let general = RoleGraph(unchecked: fast.name, source: fast.source, description: fast.description,
                                areas: fast.areas, skills: fast.skills, roles: fast.roles, relations: fast.relations)
        #expect(fast.roles == general.roles)
        for role in general.roles {
            #expect(fast.index(of: role.id) == general.index(of: role.id))
            #expect(fast.id(ofRoleAt: fast.index(of: role.id)!) == role.id)
        }
        #expect(fast.index(of: "data-scientist") == nil && general.index(of: "data-scientist") == nil)
        #expect(fast.areaIndex == general.areaIndex)
        #expect(fast.skillIndex == general.skillIndex)
        #expect(fast.lookup.all == general.lookup.all)
        #expect(fast.lookup.all.values.allSatisfy { $0.byTitle.isEmpty })
        #expect(fast.endpoints.map { [$0.from, $0.to] } == general.endpoints.map { [$0.from, $0.to] })
        for query in ["data-analyst", "DATA-ANALYST", "Data-Analyst", "ünïcode", "ML engineer"] {
            let a = try fast.resolveRole(query), b = try general.resolveRole(query)
            #expect(a == b, "\(query)")
        }
    }

    /// An edge list keeps its relations as columns; every way of reading them (the values made on
    /// first use, one at a time, the facts a network is weighed by) must say what the values a
    /// graph file would hold say, and a path planned on the columns must equal one planned on the
    /// values, under every cost model that reads them.
    @Test func relationColumnsReadAsTheirValues() throws {
        let text = "from,to,kind,effort,count,note\n"
            + "a,b,transition,2,5,first\nb,c,transition,,3,\na,b,transition,,4,again\n"
            + "c,d,collaboration,,,team\nd,a,transition,1.5,1,\nb,d,stakeholder,,,\nc,a,transition,3,,\n"
        let lean = try RoleGraph.parse(text, format: .csv, file: "t.csv")
        let values = lean.relations
        #expect(values.count == 6)  // the repeated a→b merged into its first row
        #expect(values[0] == Relation(kind: .transition, from: "a", to: "b", effort: 2, count: 9, note: "first"))
        // Every row after the merged one keeps its own kind, effort, count and note: what the file
        // says once the repeat is folded into its first row by hand.
        let folded = "from,to,kind,effort,count,note\n"
            + "a,b,transition,2,9,first\nb,c,transition,,3,\n"
            + "c,d,collaboration,,,team\nd,a,transition,1.5,1,\nb,d,stakeholder,,,\nc,a,transition,3,,\n"
        #expect(values == (try RoleGraph.parse(folded, format: .csv, file: "t.csv")).relations)
        let rich = RoleGraph(unchecked: lean.name, source: lean.source, description: lean.description,
                             areas: lean.areas, skills: lean.skills, roles: lean.roles, relations: values)
        for position in values.indices {
            let store = lean.relationStore
            #expect(store.relation(at: position) == values[position])
            #expect(store.kind(at: position) == values[position].kind)
            #expect(store.effort(at: position) == values[position].effort)
            #expect(store.observedCount(at: position) == values[position].count)
            #expect(rich.relationStore.relation(at: position) == values[position])
        }
        #expect(lean.hasTransitionCounts == rich.hasTransitionCounts)
        for model in [CostModel.effort, .hops, .likely] {
            for lateral in [nil, 0.5] as [Double?] {
                let costing = StepCosting(model: model, lateralCost: lateral)
                var a = try RoutePlanner(graph: lean, costing: costing)
                var b = try RoutePlanner(graph: rich, costing: costing)
                for (from, to) in [("a", "c"), ("a", "d"), ("d", "c")] {
                    let pa = try? a.paths(from: RoleID(from), to: RoleID(to), count: 3)
                    let pb = try? b.paths(from: RoleID(from), to: RoleID(to), count: 3)
                    #expect(pa == pb, "\(model) \(String(describing: lateral)) \(from)→\(to)")
                }
            }
        }
        let noCounts = try RoleGraph.parse("from,to\na,b\nb,c\n", format: .csv, file: "n.csv")
        #expect(!noCounts.hasTransitionCounts)
        #expect(noCounts.relations.allSatisfy { $0.count == nil && $0.effort == 1 && $0.note == nil })
    }
}
