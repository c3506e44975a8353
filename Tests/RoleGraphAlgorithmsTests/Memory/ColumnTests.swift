import Testing
@testable import RoleGraphAlgorithms
import RoleGraphTestSupport

/// A column reads the same whether built from an array or borrowed from memory another owner
/// keeps, and keeps that owner alive for as long as it is used.
@Suite struct ColumnTests {
    /// Memory freed when the last reference goes, counting how many are alive.
    final class Owner {
        nonisolated(unsafe) static var alive = 0
        let base: UnsafeMutablePointer<Int32>
        let count: Int
        init(_ values: [Int32]) {
            count = values.count
            base = .allocate(capacity: max(1, values.count))
            base.initialize(from: values, count: values.count)
            Owner.alive += 1
        }
        deinit {
            base.deallocate()
            Owner.alive -= 1
        }
    }

    @Test(arguments: [0, 1, 7, 1000])
    func borrowedReadsAsBuilt(count: Int) {
        var rng = SplitMix64(seed: UInt64(count))
        let values = (0 ..< count).map { _ in Int32.random(in: .min ... .max, using: &rng) }
        let before = Owner.alive
        var borrowed: Column<Int32>?
        do {
            let owner = Owner(values)
            borrowed = Column(borrowing: owner.base, count: owner.count, owner: owner)
        }
        #expect(Owner.alive == before + 1, "the column keeps its owner alive")
        let built = Column(values)
        #expect(borrowed! == built && Array(borrowed!) == values && borrowed!.count == count)
        #expect(borrowed!.array == values && built.array == values)
        borrowed!.withUnsafeBufferPointer { #expect(Array($0) == values) }
        for i in values.indices { #expect(borrowed![i] == values[i]) }
        borrowed = nil
        #expect(Owner.alive == before, "and lets it go with its last copy")
    }

    @Test func aGraphOverBorrowedColumnsSearchesAsOverArrays() throws {
        let g = RandomGraphs.graph(seed: 3, vertices: 20 ... 20)
        let owner = Owner(Array(g.targets))
        let borrowedTargets = Column(borrowing: owner.base, count: owner.count, owner: owner)
        let h = CSRGraph(vertexCount: g.vertexCount, offsets: g.offsets, targets: borrowedTargets, weights: g.weights,
                         edgeIDs: g.edgeIDs)
        var a = try PathFinder(g), b = try PathFinder(h)
        for t in Int32(0) ..< 20 { #expect(try a.shortestPath(from: 0, to: t) == b.shortestPath(from: 0, to: t)) }
    }
}
