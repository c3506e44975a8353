import Testing
@testable import RoleGraphAlgorithms
import RoleGraphTestSupport

@Suite struct QuaternaryHeapTests {
    @Test func emptyHeap() {
        var heap = QuaternaryHeap()
        #expect(heap.isEmpty)
        #expect(heap.min == nil)
        #expect(heap.popMin() == nil)
    }

    @Test func ordersByDistanceThenHops() {
        var heap = QuaternaryHeap()
        heap.insert(1, distance: 2, hops: 1)
        heap.insert(2, distance: 1, hops: 5)
        heap.insert(3, distance: 1, hops: 2)
        heap.insert(4, distance: 0, hops: 9)
        #expect(heap.min?.vertex == 4)
        var order: [Int32] = []
        while let entry = heap.popMin() { order.append(entry.vertex) }
        #expect(order == [4, 3, 2, 1])
    }

    @Test("random interleaved inserts and pops come out sorted", arguments: 0 ..< 50)
    func randomOperations(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed))
        var heap = QuaternaryHeap()
        var model: [QuaternaryHeap.Entry] = []
        for step in 0 ..< 600 {
            if Int.random(in: 0 ..< 3, using: &rng) < 2 || model.isEmpty {
                let entry = QuaternaryHeap.Entry(
                    distance: Double(Int.random(in: 0 ..< 20, using: &rng)),
                    hops: Int32.random(in: 0 ..< 4, using: &rng), vertex: Int32(step))
                heap.insert(entry)
                model.append(entry)
            } else {
                let popped = heap.popMin()!
                let best = model.min { QuaternaryHeap.Entry.precedes($0, $1) }!
                #expect(popped.distance == best.distance && popped.hops == best.hops)
                model.remove(at: model.firstIndex(of: popped)!)
            }
            #expect(heap.count == model.count)
        }
        heap.removeAll()
        #expect(heap.isEmpty)
    }
}
