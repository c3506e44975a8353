import Testing
@testable import RoleGraphAlgorithms
import RoleGraphTestSupport

/// The written-out draws must return what the standard library returns for the same generator
/// state and consume the same number of values, or every seeded result would silently change.
@Suite struct RandomDrawsTests {
    /// Bounds with no rejection (1, powers of two), rare rejection (small odd bounds), and
    /// frequent rejection: 3·2⁶¹ rejects a quarter of the raw draws.
    static let bounds = [1, 2, 3, 7, 10, 64, 1_000, 99_991, 1 << 32, (1 << 32) + 1, 3 << 61, Int.max]

    @Test(arguments: bounds)
    func integerDrawsMatchTheStandardLibrary(bound: Int) {
        for seed in UInt64(0) ..< 50 {
            var ours = SplitMix64(seed: seed)
            var standard = SplitMix64(seed: seed)
            for _ in 0 ..< 200 {
                let value = ours.uniformIndex(below: bound)
                #expect(value == Int(standard.next(upperBound: UInt64(bound))))
                #expect(value >= 0 && value < bound)
            }
            // Both consumed the same number of raw values.
            #expect(ours.next() == standard.next())
        }
    }

    @Test func frequentRejectionIsActuallyExercised() {
        // With 3·2⁶¹, a raw value r is rejected when 3r mod 8 < 2: count that it happens.
        var generator = SplitMix64(seed: 7)
        var rejected = 0
        for _ in 0 ..< 1_000 where (3 &* generator.next()) & 7 < 2 { rejected += 1 }
        #expect(rejected > 150 && rejected < 350)
    }

    /// The smallest subnormal makes every draw of a unit value ≥ ½ round up to the bound itself,
    /// so half the draws there take the retry path.
    @Test(arguments: [Double.leastNonzeroMagnitude, 1e-300, 0.001, 1, 2.5, 1_000_003.75, 1e300])
    func doubleDrawsMatchTheStandardLibrary(bound: Double) {
        for seed in UInt64(0) ..< 50 {
            var ours = SplitMix64(seed: seed)
            var standard = SplitMix64(seed: seed)
            for _ in 0 ..< 200 {
                let value = ours.uniformDouble(below: bound)
                #expect(value == Double.random(in: 0 ..< bound, using: &standard))
                #expect(value >= 0 && value < bound)
            }
            #expect(ours.next() == standard.next())
        }
    }

    @Test func doubleDrawsRetryWhenRoundingReachesTheBound() {
        // The first value has all 53 significand bits set: (1 − 2⁻⁵³) times the smallest
        // subnormal rounds to that subnormal, the bound itself, so the draw is taken again from
        // the second value (0 → 0.0).
        struct Scripted: RandomNumberGenerator {
            var values: [UInt64]
            mutating func next() -> UInt64 { values.removeFirst() }
        }
        var ours = Scripted(values: [(1 << 53) - 1, 0])
        var standard = Scripted(values: [(1 << 53) - 1, 0])
        #expect(ours.uniformDouble(below: .leastNonzeroMagnitude) == 0)
        #expect(Double.random(in: 0 ..< .leastNonzeroMagnitude, using: &standard) == 0)
        #expect(ours.values.isEmpty && standard.values.isEmpty)
    }
}
