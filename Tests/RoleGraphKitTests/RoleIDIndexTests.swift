import Dispatch
import RoleGraphAlgorithms
@testable import RoleGraphKit
import Synchronization
import Testing

/// The id table behind ``RoleGraph/index(of:)`` against an independent oracle (a dictionary), on
/// random ids of every length the table treats differently (empty tail, exactly 16 bytes, long
/// tails, non-ASCII), for graphs built both ways: from role values and from an edge list's ids.
@Suite struct RoleIDIndexTests {
    static func randomIDs(count: Int, seed: UInt64) -> [String] {
        var rng = SplitMix64(seed: seed)
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_ é✓漢🙂")
        var seen = Set<String>()
        var ids: [String] = []
        while ids.count < count {
            let length = [1, 2, 7, 8, 15, 16, 17, 24, 40][Int(rng.next() % 9)]
            let id = String((0 ..< length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
            if seen.insert(id).inserted { ids.append(id) }
        }
        return ids
    }

    @Test(arguments: [1 as UInt64, 2, 3])
    func indexMatchesADictionary(seed: UInt64) throws {
        let ids = Self.randomIDs(count: 3_000, seed: seed)
        let oracle = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, Int32($0)) })
        // The ids as an arena, as the edge-list reader's interner and a snapshot image hold them.
        var bytes: [UInt8] = [], offsets = [0]
        for id in ids {
            bytes += id.utf8
            offsets.append(bytes.count)
        }
        let arena = RoleIDs(offsets: Column(offsets), bytes: Column(bytes))
        let lean = RoleGraph(edgeList: "g", source: "g.csv", area: EdgeListReader.defaultArea,
                             ids: arena, stays: [], relations: RelationColumns(
                                roleIDs: arena, endpoints: [], kinds: [], efforts: [], counts: [], notes: []))
        #expect((0 ..< ids.count).allSatisfy { arena[$0].rawValue == ids[$0] })
        // The same ids found through the table the lean graph built, stated (as an image
        // stores it).
        let mapped = RoleGraph(edgeList: "g", source: "g.rgx", area: EdgeListReader.defaultArea,
                               ids: arena, stays: [], relations: RelationColumns(
                                  roleIDs: arena, endpoints: [], kinds: [], efforts: [], counts: [], notes: []),
                               idSlots: lean.roleIndex.slots)
        // Built by hashing the ids again, the table is the one built from the interner's hashes.
        #expect(RoleIDIndex(mapped.roleStore).slots == lean.roleIndex.slots)
        #expect(lean.roleIndex.findsEveryRole() && mapped.roleIndex.findsEveryRole())
        // A table with one entry emptied, or two entries swapped, no longer finds every role.
        var slots = lean.roleIndex.slots.array
        let used = slots.indices.filter { slots[$0] != 0 }
        var emptied = slots
        emptied[used[Int(seed) % used.count]] = 0
        slots.swapAt(used[0], used[used.count / 2])
        for forged in [emptied, slots] {
            #expect(!RoleIDIndex(slots: Column(forged), store: mapped.roleStore).findsEveryRole())
            #expect(!RoleIDIndex(slots: Column(forged), store: lean.roleStore).findsEveryRole())
            // Stated by an image, such a table still answers every lookup right: its first miss
            // finds it wanting, and a table built from the ids answers from then on.
            let stated = RoleIDIndex(slots: Column(forged), store: mapped.roleStore)
            for id in ids { #expect(stated[RoleID(id)] == oracle[id]) }
            #expect(stated[RoleID(ids[0] + "x")] == nil || oracle[ids[0] + "x"] != nil)
            #expect(stated.statedTableWasReplaced == true)
        }
        // A sound stated table: lookups of its own ids never check it; a miss checks it, finds
        // it sound, and stands.
        let sound = RoleIDIndex(slots: lean.roleIndex.slots, store: mapped.roleStore)
        for id in ids { #expect(sound[RoleID(id)] == oracle[id]) }
        #expect(sound.statedTableWasReplaced == nil)
        for id in ids.prefix(200) where oracle[id + "x"] == nil { #expect(sound[RoleID(id + "x")] == nil) }
        #expect(sound.statedTableWasReplaced == false)
        for id in ids { #expect(sound[RoleID(id)] == oracle[id]) }
        #expect(lean.roleIndex.statedTableWasReplaced == nil)
        let eager = RoleGraph(unchecked: "g", source: "", description: "", areas: [EdgeListReader.defaultArea], skills: [],
                              roles: ids.map { Role(id: RoleID($0), name: $0, area: EdgeListReader.defaultArea.id) },
                              relations: [])
        for graph in [lean, mapped, eager] {
            #expect(graph.roleCount == ids.count)
            for id in ids { #expect(graph.index(of: RoleID(id)) == oracle[id]) }
            // Near misses: one byte more, one less, another case.
            for id in ids.prefix(500) {
                for probe in [id + "x", String(id.dropLast()), id.uppercased()] where oracle[probe] == nil {
                    #expect(graph.index(of: RoleID(probe)) == nil, "\(probe)")
                }
            }
        }
        #expect(lean.roles == eager.roles)
    }

    /// A graph read from an edge list lays its id table out on the first lookup, from the
    /// interner's hashes: the table is the one hashing the ids again makes, and lookups from
    /// several threads at once, the first of them racing to lay it out, all find their roles.
    @Test(arguments: [4 as UInt64, 5])
    func tableFromTheInternersHashesIsLaidOutOnceOnFirstUse(seed: UInt64) throws {
        let ids = Self.randomIDs(count: 2_000, seed: seed).filter { !$0.contains(",") && !$0.contains(" ") }
        let csv = "from,to\n" + zip(ids, ids.dropFirst()).map { "\($0),\($1)" }.joined(separator: "\n") + "\n"
        for _ in 0 ..< 3 {
            let graph = try RoleGraph.parse(csv, format: .csv, file: "t.csv")
            let results = SharedResults((0 ..< 8).map { _ in [Int32?](repeating: nil, count: ids.count) })
            DispatchQueue.concurrentPerform(iterations: 8) { thread in
                var mine = [Int32?](repeating: nil, count: ids.count)
                for k in ids.indices { mine[(k + thread * 97) % ids.count] = graph.index(of: RoleID(ids[(k + thread * 97) % ids.count])) }
                results.set(thread, mine)
            }
            for thread in 0 ..< 8 { #expect(results.get(thread) == ids.indices.map { Int32($0) }) }
            #expect(Array(graph.roleIndex.slots) == Array(RoleIDIndex(graph.roleStore).slots))
        }
    }
}

/// Each thread's lookups, kept under a lock for the test above.
private final class SharedResults: Sendable {
    private let results: Mutex<[[Int32?]]>
    init(_ results: [[Int32?]]) { self.results = Mutex(results) }
    func set(_ k: Int, _ value: [Int32?]) { results.withLock { $0[k] = value } }
    func get(_ k: Int) -> [Int32?] { results.withLock { $0[k] } }
}
