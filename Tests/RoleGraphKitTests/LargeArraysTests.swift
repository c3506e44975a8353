import Testing
@testable import RoleGraphKit

/// The arrays a load fills in storage marked for huge pages: the marking must never change what
/// they hold.
@Suite struct LargeArraysTests {
    @Test(arguments: [0, 1, 1000, 3 << 20])
    func largeRepeatingHoldsItsValue(count: Int) {
        let bytes = [UInt8](largeRepeating: 7, count: count)
        #expect(bytes.count == count)
        #expect(bytes.allSatisfy { $0 == 7 })
        let pairs = [(Int32, Int32)](largeRepeating: (1, -1), count: count / 8)
        #expect(pairs.count == count / 8)
        #expect(pairs.allSatisfy { $0 == (1, -1) })
    }
}
