import Testing
@testable import RoleGraphAlgorithms
import RoleGraphTestSupport

@Suite struct RadixHeapTests {
    @Test func emptyHeap() {
        var heap = RadixHeap()
        #expect(heap.isEmpty)
        #expect(heap.popMin() == nil)
    }

    @Test func popsInKeyOrderAcrossBuckets() {
        var heap = RadixHeap()
        for (vertex, key) in [(1, 40), (2, 7), (3, 1 << 40), (4, 0), (5, 7), (6, 8)] as [(Int32, UInt64)] {
            heap.insert(vertex, key: key)
        }
        var keys: [UInt64] = []
        while let entry = heap.popMin() { keys.append(entry.key) }
        #expect(keys == [0, 7, 7, 8, 40, 1 << 40])
        #expect(heap.last == 1 << 40)
    }

    /// Interleaved inserts (each at or above the last popped key, as in Dijkstra's algorithm,
    /// from just above it to 2⁵⁰ above) and pops against a sorted model.
    @Test("monotone random operations come out sorted", arguments: 0 ..< 60)
    func randomMonotoneOperations(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed))
        var heap = RadixHeap()
        var model: [UInt64] = []
        let span: UInt64 = [4, 64, 1 << 20, 1 << 50][seed % 4]
        for step in 0 ..< 800 {
            if Int.random(in: 0 ..< 3, using: &rng) < 2 || model.isEmpty {
                let key = heap.last + UInt64.random(in: 0 ... span, using: &rng)
                heap.insert(Int32(step), key: key)
                model.append(key)
            } else {
                let popped = heap.popMin()!
                let smallest = model.min()!
                #expect(popped.key == smallest, "seed \(seed) step \(step)")
                model.remove(at: model.firstIndex(of: smallest)!)
            }
            #expect(heap.count == model.count)
        }
        while let popped = heap.popMin() {
            let smallest = model.min()!
            #expect(popped.key == smallest)
            model.remove(at: model.firstIndex(of: smallest)!)
        }
        #expect(model.isEmpty)
    }

    @Test func removeAllForgetsTheLastKey() {
        var heap = RadixHeap()
        heap.insert(0, key: 100)
        #expect(heap.popMin()?.key == 100)
        heap.insert(1, key: 120)
        heap.removeAll()
        #expect(heap.isEmpty && heap.last == 0)
        heap.insert(2, key: 3)  // below the old last key: allowed again
        #expect(heap.popMin() == RadixHeap.Entry(key: 3, vertex: 2))
    }
}
