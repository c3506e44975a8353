import Testing
@testable import RoleGraphAlgorithms
import RoleGraphTestSupport

/// A column reads the same whether built from an array or borrowed from memory another owner
/// keeps, and keeps that owner alive for as long as it is used.
@Suite struct ColumnTests {
    /// How many owners of one test are alive: a counter per test, since test cases run at once
    /// and a shared one would count the other cases' owners too.
    final class Census {
        var alive = 0
    }

    /// Memory freed when the last reference goes, counted in its census.
    final class Owner {
        let base: UnsafeMutablePointer<Int32>
        let count: Int
        let census: Census?
        init(_ values: [Int32], census: Census? = nil) {
            count = values.count
            base = .allocate(capacity: max(1, values.count))
            base.initialize(from: values, count: values.count)
            self.census = census
            census?.alive += 1
        }
        deinit {
            base.deallocate()
            census?.alive -= 1
        }
    }

    @Test(arguments: [0, 1, 7, 1000])
    func borrowedReadsAsBuilt(count: Int) {
        var rng = SplitMix64(seed: UInt64(count))
        let values = (0 ..< count).map { _ in Int32.random(in: .min ... .max, using: &rng) }
        let census = Census()
        var borrowed: Column<Int32>?
        do {
            let owner = Owner(values, census: census)
            borrowed = Column(borrowing: owner.base, count: owner.count, owner: owner)
        }
        #expect(census.alive == 1, "the column keeps its owner alive")
        let built = Column(values)
        #expect(borrowed! == built && Array(borrowed!) == values && borrowed!.count == count)
        #expect(borrowed!.array == values && built.array == values)
        borrowed!.withUnsafeBufferPointer { #expect(Array($0) == values) }
        for i in values.indices { #expect(borrowed![i] == values[i]) }
        borrowed = nil
        #expect(census.alive == 0, "and lets it go with its last copy")
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
