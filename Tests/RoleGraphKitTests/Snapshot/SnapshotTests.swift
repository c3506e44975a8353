import Foundation
import Testing
@testable import RoleGraphKit
import RoleGraphAlgorithms
import RoleGraphTestSupport

/// Snapshot images: a round trip on random edge lists answers as the edge list does; every
/// single-byte corruption and every truncation is an error (or, in padding, the same graph);
/// a stale, newer-version or wrong-magic image is refused with one line naming the file.
@Suite struct SnapshotTests {
    static func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rolegraph-snapshot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Ids that a careless binary format would break: separators, quotes, markup, non-ASCII,
    /// an empty-looking one, a long one.
    static let hostile = ["a,b", "q\"uote", "Ünïcode", "🚀 launch", "<b>&amp;</b>", "x;y", "tab\tin", "-", String(repeating: "long", count: 40)]

    /// A random edge list: roles from a pool with hostile ids, random kinds, efforts, counts
    /// (with self-moves as stayers) and notes, each column present or not by the seed.
    static func randomEdgeList(seed: UInt64) -> String {
        var rng = SplitMix64(seed: seed)
        let roleCount = Int.random(in: 2 ... 30, using: &rng)
        let ids = (0 ..< roleCount).map { i in i < hostile.count && Bool.random(using: &rng) ? hostile[i] : "r\(i)" }
        let hasCounts = Bool.random(using: &rng), hasNotes = Bool.random(using: &rng), hasKinds = Bool.random(using: &rng)
        // Efforts in tenths make the path finder search scaled weights (stored in the image).
        let tenths = Bool.random(using: &rng)
        func quoted(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        var text = "from,to,effort" + (hasKinds ? ",kind" : "") + (hasCounts ? ",count" : "") + (hasNotes ? ",note" : "") + "\n"
        for _ in 0 ..< Int.random(in: 0 ... 80, using: &rng) {
            let a = Int.random(in: 0 ..< roleCount, using: &rng)
            var b = Int.random(in: 0 ..< roleCount, using: &rng)
            if b == a && !hasCounts { b = (a + 1) % roleCount }
            // One kind and one effort per pair (a repeated row must agree with its first); only a
            // transition has an effort.
            let kind = !hasKinds || a == b || (a * 7 + b) % 6 > 1 ? "transition" : (a * 7 + b) % 6 == 0 ? "collaboration" : "stakeholder"
            let effort = kind == "transition" && (a + b) % 3 != 0 ? "\(1 + (a * 3 + b) % 5)" + (tenths ? ".\((a + 2 * b) % 10)" : "") : ""
            var row = quoted(ids[a]) + "," + quoted(ids[b]) + "," + effort
            if hasKinds { row += "," + kind }
            if hasCounts { row += "," + (kind == "transition" ? "\(Int.random(in: 1 ... 50, using: &rng))" : "") }
            if hasNotes { row += "," + (Bool.random(using: &rng) ? quoted("note, \(Int.random(in: 0 ... 9, using: &rng)) ✓") : "") }
            text += row + "\n"
        }
        return text
    }

    /// Writes `text` as `name.csv` in `directory`, indexes it, and writes the image beside it.
    static func indexed(_ text: String, in directory: URL, name: String = "moves") throws -> (csv: String, image: String, bytes: [UInt8]) {
        let csv = directory.appendingPathComponent(name + ".csv").path
        try text.write(toFile: csv, atomically: false, encoding: .utf8)
        let image = try RoleGraph.indexSnapshot(of: csv)
        let path = directory.appendingPathComponent(name + ".rgx").path
        try Data(image.bytes).write(to: URL(fileURLWithPath: path))
        return (csv, path, image.bytes)
    }

    static func expectSame(_ a: RoleGraph, _ b: RoleGraph, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(a.name == b.name, sourceLocation: sourceLocation)
        #expect(a.source == b.source, sourceLocation: sourceLocation)
        #expect(a.areas == b.areas, sourceLocation: sourceLocation)
        #expect(a.roles == b.roles, sourceLocation: sourceLocation)
        #expect(a.relations == b.relations, sourceLocation: sourceLocation)
        #expect(a.hasTransitionCounts == b.hasTransitionCounts, sourceLocation: sourceLocation)
    }

    @Test(arguments: 0 ..< 24)
    func roundTripAnswersAsTheEdgeList(seed: Int) throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (csv, image, _) = try Self.indexed(Self.randomEdgeList(seed: UInt64(seed)), in: directory)
        let fromCSV = try RoleGraph.load(contentsOf: csv)
        let fromImage = try RoleGraph.load(contentsOf: image)
        Self.expectSame(fromCSV, fromImage)
        // The image's ready-made network is the one the planner builds from the edge list.
        let built = RoutePlanner.buildNetwork(fromCSV, StepCosting(), nil)
        let ready = try #require(fromImage.defaultNetwork)
        let stored = ready.graph
        let prepared = try PathFinder.PreparedWeights(built)
        #expect(ready.weights.costScale == prepared.costScale && ready.weights.costsAreExact == prepared.costsAreExact)
        #expect(ready.weights.costsAreWhole == prepared.costsAreWhole)
        #expect(ready.weights.searchWeights?.map(\.bitPattern) == prepared.searchWeights?.map(\.bitPattern))
        #expect(fromCSV.defaultNetwork == nil)
        #expect(stored.vertexCount == built.vertexCount && Array(stored.offsets) == Array(built.offsets))
        #expect(Array(stored.targets) == Array(built.targets) && Array(stored.edgeIDs) == Array(built.edgeIDs))
        #expect(stored.weights.map(\.bitPattern) == built.weights.map(\.bitPattern))
        // And its reversed adjacency is the one a finder on that network builds for its
        // bidirectional searches.
        var finder = try PathFinder(built)
        let reversed = finder.reversedAdjacency(), storedReversed = try #require(ready.reversed)
        #expect(storedReversed.offsets == reversed.offsets && storedReversed.sources == reversed.sources)
        #expect(storedReversed.forwardPositions == reversed.forwardPositions)
        // Its search weights in fewer bytes both ways when the path sums are exact: as codes into
        // a palette of the distinct ones when there are at most 256, else as Float32s when every
        // one is one exactly (the reversed Float64s are then not stored); else as Float64s.
        Self.expectCompactWeights(storedReversed, prepared: prepared, searchWeights: prepared.searchWeights ?? built.weights,
                                  reversed: reversed.weights)
        var rng = SplitMix64(seed: UInt64(seed) &+ 1000)
        for model in [CostModel.hops, .effort, .likely] where model != .likely || fromCSV.hasTransitionCounts {
            for lateral in [nil, 2.5] as [Double?] {
                var a = try RoutePlanner(graph: fromCSV, costing: StepCosting(model: model, lateralCost: lateral))
                var b = try RoutePlanner(graph: fromImage, costing: StepCosting(model: model, lateralCost: lateral))
                for _ in 0 ..< 10 where !fromCSV.roles.isEmpty {
                    let from = fromCSV.roles.randomElement(using: &rng)!.id, to = fromCSV.roles.randomElement(using: &rng)!.id
                    let pa = try? a.paths(from: from, to: to, count: 2)
                    let pb = try? b.paths(from: from, to: to, count: 2)
                    #expect(pa == pb, "\(model) \(from) → \(to)")
                }
            }
        }
        // The edge list's id table, placed from the interner's hashes, is the one hashing the
        // ids again makes (and the one the image stored).
        #expect(Array(fromCSV.roleIndex.slots) == Array(RoleIDIndex(fromCSV.roleStore).slots))
        #expect(Array(fromImage.roleIndex.slots) == Array(fromCSV.roleIndex.slots))
        // Looking roles up (by id through the stored table, and case-insensitively) works as on
        // the edge list.
        for (i, role) in fromCSV.roles.enumerated() { #expect(fromImage.index(of: role.id) == Int32(i)) }
        #expect(fromImage.index(of: RoleID("no such role")) == nil)
        for role in fromCSV.roles {
            #expect((try? fromImage.resolveRole(role.id.rawValue.uppercased())) == (try? fromCSV.resolveRole(role.id.rawValue.uppercased())))
        }
    }

    /// The network built with its relations split into parts (as a long edge list's is, one part
    /// per processor) is the one built in one pass, under every model that splits, whatever the
    /// number of parts: same offsets, targets, weights and relation positions.
    @Test(arguments: 0 ..< 40)
    func aNetworkBuiltInPartsIsTheOneBuiltInOnePass(seed: Int) throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (csv, _, _) = try Self.indexed(Self.randomEdgeList(seed: UInt64(seed)), in: directory)
        let graph = try RoleGraph.load(contentsOf: csv)
        let shares = graph.hasTransitionCounts ? TransitionShares(graph: graph) : nil
        for model in [CostModel.hops, .effort, .likely] where model != .likely || graph.hasTransitionCounts {
            for lateral in [nil, 2.5] as [Double?] {
                let costing = StepCosting(model: model, lateralCost: lateral)
                let serial = RoutePlanner.buildNetwork(graph, costing, shares, parts: ContiguousParts(serial: graph.relationCount))
                for count in [2, 3, 5] {
                    let split = RoutePlanner.buildNetwork(graph, costing, shares,
                                                          parts: ContiguousParts(count: graph.relationCount, parts: count))
                    #expect(Array(split.offsets) == Array(serial.offsets) && Array(split.targets) == Array(serial.targets),
                            "\(model) \(String(describing: lateral)) in \(count)")
                    #expect(split.weights.map(\.bitPattern) == serial.weights.map(\.bitPattern))
                    #expect(Array(split.edgeIDs) == Array(serial.edgeIDs))
                }
            }
        }
    }

    /// Checks the compact search weights an image stored against those of the network's path
    /// finder (`searchWeights` forward, `reversed` backward).
    static func expectCompactWeights(
        _ stored: PathFinder.ReversedAdjacency, prepared: PathFinder.PreparedWeights, searchWeights: Column<Double>,
        reversed: Column<Double>, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let distinct = Set(searchWeights.map(\.bitPattern)).sorted { Double(bitPattern: $0) < Double(bitPattern: $1) }
        let floatsHoldThem = searchWeights.allSatisfy { Double(Float($0)) == $0 }
        switch stored.compact {
        case .palette(let palette, let forward, let backward):
            #expect(prepared.costsAreExact && distinct.count <= 256, sourceLocation: sourceLocation)
            #expect(palette.map(\.bitPattern) == distinct, sourceLocation: sourceLocation)
            #expect(forward.map { palette[Int($0)].bitPattern } == searchWeights.map(\.bitPattern), sourceLocation: sourceLocation)
            #expect(backward.map { palette[Int($0)].bitPattern } == reversed.map(\.bitPattern), sourceLocation: sourceLocation)
            #expect(stored.weights.isEmpty, sourceLocation: sourceLocation)
        case .float(let forward, let backward):
            #expect(prepared.costsAreExact && distinct.count > 256 && floatsHoldThem, sourceLocation: sourceLocation)
            #expect(forward.map(Double.init) == Array(searchWeights), sourceLocation: sourceLocation)
            #expect(backward.map(Double.init) == Array(reversed), sourceLocation: sourceLocation)
            #expect(stored.weights.isEmpty, sourceLocation: sourceLocation)
        case nil:
            #expect(!prepared.costsAreExact || (distinct.count > 256 && !floatsHoldThem), sourceLocation: sourceLocation)
            #expect(stored.weights.map(\.bitPattern) == reversed.map(\.bitPattern), sourceLocation: sourceLocation)
        }
    }

    /// Efforts in tenths: the image stores the finder's scaled weights, and a query on it
    /// answers (costs included) as on the edge list.
    @Test func scaledSearchWeightsAreStored() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = "from,to,effort\na,b,1.1\nb,c,2.2\na,c,3.3\nc,d,0.7\nb,d,2.9\n"
        let (csv, image, _) = try Self.indexed(text, in: directory)
        let ready = try #require(try RoleGraph.load(contentsOf: image).defaultNetwork)
        #expect(ready.weights.costScale == 10 && ready.weights.costsAreExact && ready.weights.costsAreWhole)
        #expect(ready.weights.searchWeights == [11, 33, 22, 29, 7])
        // And as codes into a palette of the five distinct weights both ways, for the
        // bidirectional search; the reversed Float64s are not kept.
        guard case .palette(let palette, let forward, let backward) = ready.reversed?.compact else {
            Issue.record("no palette: \(String(describing: ready.reversed?.compact))")
            return
        }
        #expect(Array(palette) == [7, 11, 22, 29, 33])
        #expect(Array(forward) == [1, 4, 2, 3, 0])
        #expect(backward.map { palette[Int($0)] }.sorted() == [7, 11, 22, 29, 33])
        #expect(ready.reversed?.weights.isEmpty == true)
        var a = try RoutePlanner(graph: try RoleGraph.load(contentsOf: csv))
        var b = try RoutePlanner(graph: try RoleGraph.load(contentsOf: image))
        let pa = try a.paths(from: "a", to: "d", count: 3), pb = try b.paths(from: "a", to: "d", count: 3)
        #expect(pa == pb)
        #expect(pa.map(\.cost) == [4.0, 4.0, 4.0])  // three routes tie, exactly, only in tenths
    }

    /// An edge list of 120 roles and 600 different moves with `distinct` different efforts,
    /// `effort(i)` for i below it, spread over the moves.
    static func manyEfforts(_ distinct: Int, _ effort: (Int) -> String) -> String {
        var rng = SplitMix64(seed: 7)
        var text = "from,to,effort\n"
        var pairs = Set<[Int]>()
        while pairs.count < 600 {
            let pair = [Int.random(in: 0 ..< 120, using: &rng), Int.random(in: 0 ..< 120, using: &rng)]
            guard pairs.insert(pair).inserted else { continue }
            text += "r\(pair[0]),r\(pair[1]),\(effort(pairs.count % distinct))\n"
        }
        return text
    }

    /// The three ways an image stores the bidirectional search's weights, each chosen where it is
    /// the smallest that holds them exactly, and each answering as the edge list: a palette for
    /// 256 distinct weights, Float32s for 257 (tenths, whole numbers a Float32 holds), Float64s
    /// for 257 that no Float32 holds (odd whole numbers above 2²⁴, from efforts in hundredths).
    @Test(arguments: [(256, "palette"), (257, "float"), (257, "double")])
    func searchWeightsAreStoredInTheSmallestExactForm(distinct: Int, form: String) throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = Self.manyEfforts(distinct) { i in
            form == "double" ? "\(200000 + i / 50).\(String(format: "%02d", 2 * (i % 50) + 1))" : "\(1 + i / 10).\(i % 10)"
        }
        let (csv, image, _) = try Self.indexed(text, in: directory)
        let fromCSV = try RoleGraph.load(contentsOf: csv)
        let ready = try #require(try RoleGraph.load(contentsOf: image).defaultNetwork)
        let built = RoutePlanner.buildNetwork(fromCSV, StepCosting(), nil)
        let prepared = try PathFinder.PreparedWeights(built)
        var finder = try PathFinder(built)
        let stored = try #require(ready.reversed)
        Self.expectCompactWeights(stored, prepared: prepared, searchWeights: prepared.searchWeights ?? built.weights,
                                  reversed: finder.reversedAdjacency().weights)
        switch (form, stored.compact) {
        case ("palette", .palette), ("float", .float), ("double", nil): break
        default: Issue.record("\(form): stored as \(String(describing: stored.compact))")
        }
        var a = try RoutePlanner(graph: fromCSV)
        var b = try RoutePlanner(graph: try RoleGraph.load(contentsOf: image))
        var rng = SplitMix64(seed: 11)
        var found = 0
        for _ in 0 ..< 40 {
            let from = RoleID("r\(Int.random(in: 0 ..< 120, using: &rng))"), to = RoleID("r\(Int.random(in: 0 ..< 120, using: &rng))")
            let pa = try? a.paths(from: from, to: to, count: 2), pb = try? b.paths(from: from, to: to, count: 2)
            #expect(pa == pb, "\(from) → \(to)")
            found += pa?.count ?? 0
        }
        #expect(found > 20)
    }

    /// `bytes` with the first 8 bytes of section `kind` replaced by `value` and every checksum
    /// made to match again: a forged image, which only the reader's own checks can refuse.
    static func forged(_ bytes: [UInt8], section kind: SnapshotSection, _ value: [UInt8]) -> [UInt8] {
        func u64(_ at: Int) -> Int { (0 ..< 8).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) } }
        var copy = bytes
        for i in 0 ..< Int(bytes[12]) {
            let entry = SnapshotLayout.headerSize + i * SnapshotLayout.tableEntrySize
            guard Int(bytes[entry]) == Int(kind.rawValue) else { continue }
            let offset = u64(entry + 8), length = u64(entry + 16)
            precondition(length >= value.count, "section \(kind) is shorter than the forged value")
            copy.replaceSubrange(offset ..< offset + value.count, with: value)
            let sum = SnapshotChecksum.of(Array(copy[offset ..< offset + length]))
            for k in 0 ..< 8 { copy[entry + 24 + k] = UInt8(truncatingIfNeeded: sum >> (8 * UInt64(k))) }
        }
        return patched(copy, at: 0, Array(copy[0 ..< 8]))
    }

    /// A forged image whose network weights are negative, NaN or infinite (checksums resealed)
    /// is refused at the load: the path finder trusts an image's prepared weights, and a
    /// negative one would send Yen's algorithm on forever. (Minus zero is refused too: no image
    /// holds one, since efforts are positive.)
    @Test(arguments: [-1.0, .nan, .infinity, -.infinity, -0.0, -.leastNonzeroMagnitude])
    func forgedNetworkWeightsAreRefused(weight: Double) throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Efforts in tenths, so the image has scaled search weights too: two distinct ones, in a
        // palette both ways; 257 distinct, as Float32s both ways; and an effort of seven decimals,
        // whose path sums are not exact, so the reversed search weights are Float64s.
        let (_, _, palette) = try Self.indexed("from,to,effort\na,b,1.1\nb,c,2.2\n", in: directory)
        let (_, _, narrow) = try Self.indexed(Self.manyEfforts(257) { "\(1 + $0 / 10).\($0 % 10)" }, in: directory, name: "narrow")
        let (_, _, wide) = try Self.indexed("from,to,effort\na,b,0.1234567\nb,c,2\n", in: directory, name: "wide")
        let double = withUnsafeBytes(of: weight.bitPattern.littleEndian) { Array($0) }
        let float = withUnsafeBytes(of: Float(weight).bitPattern.littleEndian) { Array($0) }
        for (bytes, section, value) in [(palette, SnapshotSection.networkWeights, double), (palette, .networkSearchWeights, double),
                                        (palette, .weightPalette, double),
                                        (narrow, .networkNarrowWeights, float), (narrow, .reversedNarrowWeights, float),
                                        (wide, .networkWeights, double), (wide, .reversedWeights, double)] {
            let path = directory.appendingPathComponent("forged.rgx").path
            try Data(Self.forged(bytes, section: section, value)).write(to: URL(fileURLWithPath: path))
            #expect {
                try RoleGraph.load(contentsOf: path)
            } throws: { error in
                "\(error)" == path + ": corrupt snapshot image (section \(section): a weight negative or not finite)"
            }
        }
    }

    /// A forged image whose palette codes name no palette entry (checksums resealed) is refused
    /// at the load, either way round: the search indexes the palette with them unchecked.
    @Test(arguments: [SnapshotSection.networkWeightCodes, .reversedWeightCodes])
    func forgedPaletteCodesAreRefused(section: SnapshotSection) throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (_, _, bytes) = try Self.indexed("from,to,effort\na,b,1.1\nb,c,2.2\nc,a,1.1\n", in: directory)
        let path = directory.appendingPathComponent("forged.rgx").path
        for code: UInt8 in [2, 255] {
            try Data(Self.forged(bytes, section: section, [code])).write(to: URL(fileURLWithPath: path))
            #expect {
                try RoleGraph.load(contentsOf: path)
            } throws: { error in
                "\(error)" == path + ": corrupt snapshot image (section \(section): a weight code out of the palette)"
            }
        }
        // The largest code in bounds loads, and the forged weight is the other palette entry.
        try Data(Self.forged(bytes, section: section, [1])).write(to: URL(fileURLWithPath: path))
        #expect(try RoleGraph.load(contentsOf: path).defaultNetwork != nil)
    }

    /// A forged image whose columns a search follows point outside the graph (checksums
    /// resealed) is refused at the load, naming the section: the searches read those columns in
    /// place, without a bounds check per edge.
    @Test(arguments: [
        (SnapshotSection.networkTargets, [3, 0, 0, 0], "an index out of bounds"),
        (.networkEdgeIDs, [2, 0, 0, 0], "an index out of bounds"),
        (.reversedSources, [0xFF, 0xFF, 0xFF, 0xFF], "an index out of bounds"),
        (.reversedPositions, [2, 0, 0, 0], "an index out of bounds"),
        (.endpoints, [0, 0, 0, 0x80], "an index out of bounds"),
        (.networkOffsets, [1, 0, 0, 0], "offsets out of order or out of bounds"),
        (.reversedOffsets, [0, 0, 0, 0, 0, 0, 0, 0x80], "offsets out of order or out of bounds"),
        (.idOffsets, [1, 0, 0, 0], "offsets out of order or out of bounds"),
        (.kinds, [3], "an unknown relation kind"),
        (.idSlots, [4, 0, 0, 0], "an index out of bounds"),
        (.efforts, withUnsafeBytes(of: Double.infinity.bitPattern.littleEndian) { Array($0) }, "an amount negative or infinite"),
        (.efforts, withUnsafeBytes(of: (-1.0).bitPattern.littleEndian) { Array($0) }, "an amount negative or infinite"),
        (.stays, withUnsafeBytes(of: Double.infinity.bitPattern.littleEndian) { Array($0) }, "an amount negative or infinite"),
    ] as [(SnapshotSection, [UInt8], String)])
    func forgedIndicesAreRefused(section: SnapshotSection, value: [UInt8], problem: String) throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Three roles, two network edges, counts and stayers.
        let (_, _, bytes) = try Self.indexed("from,to,effort,count\na,b,1.1,3\nb,c,2.2,4\nc,c,,5\n", in: directory)
        let path = directory.appendingPathComponent("forged.rgx").path
        try Data(Self.forged(bytes, section: section, value)).write(to: URL(fileURLWithPath: path))
        #expect {
            try RoleGraph.load(contentsOf: path)
        } throws: { error in
            "\(error)" == path + ": corrupt snapshot image (section \(section): \(problem))"
        }
    }

    /// A forged id table that does not find every role by its own id (checksums resealed) loads,
    /// and every role is still found by its own id: the first miss checks the table and answers
    /// from one built from the ids. A table with the slots moved (all in range) is repaired as
    /// surely as an empty one.
    @Test func aForgedIdTableStillFindsEveryRole() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (csv, image, bytes) = try Self.indexed("from,to,effort\na,b,1\nb,c,2\nc,a,1.5\n", in: directory)
        let truth = try RoleGraph.load(contentsOf: csv)
        // The image as written: its own ids are found without checking the table.
        let genuine = try RoleGraph.load(contentsOf: image)
        for id in ["a", "b", "c"] { #expect(genuine.index(of: RoleID(id)) == truth.index(of: RoleID(id))) }
        #expect(genuine.roleIndex.statedTableWasReplaced == nil)
        func u64(_ at: Int) -> Int { (0 ..< 8).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) } }
        let entry = (0 ..< Int(bytes[12])).map { SnapshotLayout.headerSize + $0 * SnapshotLayout.tableEntrySize }
            .first { Int(bytes[$0]) == Int(SnapshotSection.idSlots.rawValue) }!
        let table = Array(bytes[u64(entry + 8) ..< u64(entry + 8) + u64(entry + 16)])
        let rotated = Array(table[4...] + table[..<4])  // every slot one place earlier
        for forged in [[UInt8](repeating: 0, count: table.count), rotated] {
            let path = directory.appendingPathComponent("forged.rgx").path
            try Data(Self.forged(bytes, section: .idSlots, forged)).write(to: URL(fileURLWithPath: path))
            // Checksums resealed, the table passes the load; its first miss finds it wanting, and
            // every lookup is answered right from a table built from the ids.
            let graph = try RoleGraph.load(contentsOf: path)
            for id in ["a", "b", "c"] {
                #expect(graph.index(of: RoleID(id)) == truth.index(of: RoleID(id)))
                #expect(graph.index(of: RoleID(id)) != nil)
            }
            #expect(graph.index(of: RoleID("d")) == nil)
            #expect(graph.roleIndex.statedTableWasReplaced == true)
        }
    }

    /// An image keeps what the edge list's load repaired: a load from it warns as a load from
    /// the file does, and `--strict` refuses it as it refuses the file.
    @Test func repairsAreKeptAndStrictRefusesThem() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = "from,to,count\na,b,2\na,b,3\nb,b,4\nb,c,0\nc,a,1\n"
        let (csv, image, _) = try Self.indexed(text, in: directory)
        let fromCSV = try RoleGraph.load(layers: [csv], format: nil, options: GraphLoadOptions())
        let fromImage = try RoleGraph.load(layers: [image], format: nil, options: GraphLoadOptions())
        #expect(fromCSV.edgeListSummary == fromImage.edgeListSummary)
        #expect(fromImage.edgeListSummary?.message == csv + ": aggregated 1 repeated row, 1 self-move kept as stayers, 1 zero-count row skipped")
        #expect {
            try RoleGraph.load(layers: [image], format: nil, options: GraphLoadOptions(strict: true))
        } throws: { error in
            "\(error)".hasPrefix(image + ": --strict refuses what loading this image's source repaired (aggregated 1 repeated row, ")
        }
        // A clean edge list's image loads under --strict, with nothing to warn of.
        let (_, clean, _) = try Self.indexed("from,to\na,b\nb,c\n", in: directory, name: "clean")
        #expect(try RoleGraph.load(layers: [clean], format: nil, options: GraphLoadOptions(strict: true)).edgeListSummary == nil)
    }

    static let small = "from,to,effort,count,note\n\"a,b\",c,2,3,\"first, note\"\nc,d,,4,\nd,\"a,b\",1,1,x\nc,c,,7,\n"

    /// The bytes an image's header, table and sections cover; the rest is padding.
    static func covered(_ bytes: [UInt8]) -> [Bool] {
        func u64(_ at: Int) -> Int { (0 ..< 8).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) } }
        let sections = Int(bytes[12]) | Int(bytes[13]) << 8
        var covered = [Bool](repeating: false, count: bytes.count)
        for i in 0 ..< SnapshotLayout.headerSize + sections * SnapshotLayout.tableEntrySize { covered[i] = true }
        for s in 0 ..< sections {
            let entry = SnapshotLayout.headerSize + s * SnapshotLayout.tableEntrySize
            for i in u64(entry + 8) ..< u64(entry + 8) + u64(entry + 16) { covered[i] = true }
        }
        return covered
    }

    @Test func everySingleByteCorruptionIsAnErrorOrPadding() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (_, image, bytes) = try Self.indexed(Self.small, in: directory)
        let original = try RoleGraph.load(contentsOf: image)
        let covered = Self.covered(bytes)
        #expect(covered.contains(false), "the small image has padding to test")
        let damaged = directory.appendingPathComponent("damaged.rgx")
        for offset in bytes.indices {
            for mask: UInt8 in [0x01, 0x80, 0xFF] {
                var copy = bytes
                copy[offset] ^= mask
                try Data(copy).write(to: damaged)
                do {
                    let graph = try RoleGraph.load(contentsOf: damaged.path)
                    #expect(!covered[offset], "byte \(offset) ^ \(mask) was accepted")
                    Self.expectSame(graph, original)
                } catch {
                    #expect(covered[offset], "padding byte \(offset) refused: \(error)")
                    #expect("\(error)".hasPrefix(damaged.path + ": "))
                    #expect(!"\(error)".contains("\n"))
                }
            }
        }
    }

    @Test func everyTruncationIsAnError() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (_, _, bytes) = try Self.indexed(Self.small, in: directory)
        let cut = directory.appendingPathComponent("cut.rgx")
        for length in 0 ..< bytes.count {
            try Data(bytes[..<length]).write(to: cut)
            #expect(throws: GraphLoadError.self, "\(length) bytes") { try RoleGraph.load(contentsOf: cut.path) }
        }
        try Data(bytes + [0]).write(to: cut)
        #expect(throws: GraphLoadError.self) { try RoleGraph.load(contentsOf: cut.path) }
    }

    @Test func aStaleImageIsRefusedUntilTheSourceIsGone() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (csv, image, _) = try Self.indexed(Self.small, in: directory)
        let fresh = try RoleGraph.load(contentsOf: image)
        // The same size, a later modification time.
        var times = [timespec(tv_sec: 2_000_000_000, tv_nsec: 0), timespec(tv_sec: 2_000_000_000, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, csv, &times, 0) == 0)
        #expect {
            try RoleGraph.load(contentsOf: image)
        } throws: { error in
            "\(error)".hasPrefix(image + ": stale snapshot image: ") && "\(error)".contains("rolegraph index")
        }
        try FileManager.default.removeItem(atPath: csv)
        Self.expectSame(try RoleGraph.load(contentsOf: image), fresh)
    }

    /// Patches the header and fixes its checksum, as a newer or foreign writer would.
    static func patched(_ bytes: [UInt8], at offset: Int, _ value: [UInt8]) -> [UInt8] {
        var copy = bytes
        copy.replaceSubrange(offset ..< offset + value.count, with: value)
        let sections = Int(copy[12])
        var header = Array(copy[..<(SnapshotLayout.headerSize + sections * SnapshotLayout.tableEntrySize)])
        for i in 24 ..< 32 { header[i] = 0 }
        let sum = SnapshotChecksum.of(header)
        for i in 0 ..< 8 { copy[24 + i] = UInt8(truncatingIfNeeded: sum >> (8 * UInt64(i))) }
        return copy
    }

    @Test(arguments: [
        (8, [6, 0, 0, 0], "snapshot format version 6 is newer than this rolegraph reads (5)"),
        (8, [4, 0, 0, 0], "snapshot format version 4 is older than this rolegraph reads (5)"),
        (8, [1, 0, 0, 0], "snapshot format version 1 is older than this rolegraph reads (5)"),
        (8, [0, 0, 0, 0], "corrupt snapshot image (format version 0)"),
        (12, [12, 0, 0, 0], "corrupt snapshot image (section table)"),
        (0, [0x89, 0x52, 0x47, 0x59], "not a snapshot image (no RGX magic number)"),
    ] as [(Int, [UInt8], String)])
    func headerProblemsAreNamed(offset: Int, value: [UInt8], message: String) throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (_, _, bytes) = try Self.indexed(Self.small, in: directory)
        let path = directory.appendingPathComponent("odd.rgx").path
        try Data(Self.patched(bytes, at: offset, value)).write(to: URL(fileURLWithPath: path))
        #expect {
            try RoleGraph.load(contentsOf: path)
        } throws: { error in
            "\(error)".hasPrefix(path + ": " + message)
        }
    }

    @Test func checksumsNoticeAnyOneWordChanged() {
        var rng = SplitMix64(seed: 7)
        for length in [0, 1, 7, 8, 9, 31, 32, 33, 100] {
            let bytes = (0 ..< length).map { _ in UInt8.random(in: 0 ... 255, using: &rng) }
            let sum = SnapshotChecksum.of(bytes)
            for i in bytes.indices {
                var copy = bytes
                copy[i] ^= UInt8.random(in: 1 ... 255, using: &rng)
                #expect(SnapshotChecksum.of(copy) != sum)
            }
            #expect(SnapshotChecksum.of(bytes + [0]) != sum, "the length counts")
        }
    }

    @Test func aGraphFileIsRefusedAndFormatsAreKnown() throws {
        #expect {
            try RoleGraph.indexSnapshot(of: Fixtures.repositoryRoot.appendingPathComponent("Graphs/data-careers.yaml").path)
        } throws: { error in
            "\(error)".contains("a snapshot holds an edge-list-shaped graph") && "\(error)".contains("has skills")
        }
        #expect(GraphFileFormat(path: "big.rgx") == .snapshot)
        #expect(GraphFileFormat.sniff(SnapshotLayout.magic + [1, 0, 0, 0]) == .snapshot)
        #expect(throws: GraphLoadError.self) { try RoleGraph.parse("x", format: .snapshot) }
    }
}
