import Testing
@testable import RoleGraphAlgorithms
import RoleGraphTestSupport

@Suite struct BrandesHeapTests {
    @Test func popsInDistanceThenVertexOrder() {
        var rng = ClusteringTestRNG(seed: 1)
        var heap = BrandesHeap()
        var entries: [(Double, Int32)] = []
        for _ in 0 ..< 500 {
            let entry = (Double(rng.int(50)), Int32(rng.int(100)))
            entries.append(entry)
            heap.push(entry.0, entry.1)
        }
        #expect(heap.count == 500)
        var popped: [(Double, Int32)] = []
        while let top = heap.popMin() { popped.append((top.distance, top.vertex)) }
        let sorted = entries.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        #expect(popped.map(\.0) == sorted.map(\.0))
        #expect(popped.map(\.1) == sorted.map(\.1))
        #expect(heap.isEmpty)
    }

    @Test func interleavedPushAndPop() {
        var heap = BrandesHeap()
        heap.push(5, 1)
        heap.push(2, 7)
        #expect(heap.popMin()! == (2, 7))
        heap.push(1, 3)
        heap.push(5, 0)
        #expect(heap.popMin()! == (1, 3))
        #expect(heap.popMin()! == (5, 0))
        #expect(heap.popMin()! == (5, 1))
        #expect(heap.popMin() == nil)
        heap.push(9, 9)
        heap.removeAll()
        #expect(heap.isEmpty)
    }
}
