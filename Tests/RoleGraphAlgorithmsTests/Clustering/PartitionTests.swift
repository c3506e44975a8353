import Testing
@testable import RoleGraphAlgorithms
import RoleGraphTestSupport

@Suite struct PartitionTests {
    @Test func relabelsCanonicallyInOrderOfFirstVertex() {
        let p = Partition(labels: ["b", "a", "b", "c", "a"])
        #expect(p.communityOfVertex == [0, 1, 0, 2, 1])
        #expect(p.count == 3)
        #expect(p.vertexCount == 5)
        #expect(p.members(of: 0) == [0, 2])
        #expect(p.members(of: 1) == [1, 4])
        #expect(p.members(of: 2) == [3])
        #expect(p.size(of: 1) == 2)
        #expect(p.communities == [[0, 2], [1, 4], [3]])
    }

    @Test func equalGroupingsAreEqualWhateverTheLabels() {
        let a = Partition(labels: [7, 7, 3, 9, 3])
        let b = Partition(labels: ["x", "x", "y", "z", "y"])
        let c = Partition(denseLabels: [4, 4, 0, 2, 0], labelBound: 5)
        #expect(a == b)
        #expect(a == c)
        #expect(a.hashValue == c.hashValue)
        #expect(a != Partition(labels: [7, 7, 3, 3, 3]))
    }

    @Test func canonicalFormIsInvariantUnderRandomRenaming() {
        var rng = ClusteringTestRNG(seed: 11)
        for _ in 0 ..< 20 {
            let labels = (0 ..< 40).map { _ in rng.int(6) }
            // A random bijection of label names.
            var names = Array(0 ..< 6)
            names.shuffle(using: &rng)
            let renamed = labels.map { names[$0] * 10 + 3 }
            let p = Partition(labels: labels)
            #expect(p == Partition(labels: renamed))
            // Canonical: community numbers first appear in increasing order.
            var seen = -1
            for c in p.communityOfVertex where Int(c) > seen {
                #expect(Int(c) == seen + 1)
                seen = Int(c)
            }
            #expect(p.communities.flatMap { $0 }.sorted() == (0 ..< 40).map { Int32($0) })
        }
    }

    @Test func trivialPartitions() {
        #expect(Partition.singletons(vertexCount: 3).communityOfVertex == [0, 1, 2])
        #expect(Partition.whole(vertexCount: 3).communityOfVertex == [0, 0, 0])
        #expect(Partition.whole(vertexCount: 3).count == 1)
        #expect(Partition.whole(vertexCount: 0).count == 0)
        #expect(Partition(labels: [Int]()).count == 0)
    }
}
