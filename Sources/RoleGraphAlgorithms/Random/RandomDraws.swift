/// Uniform draws for the randomised algorithms, written out in concrete code.
///
/// The clustering, sampling and shuffling entry points are generic over the caller's
/// `RandomNumberGenerator` and are not `@inlinable`, so a caller in another module runs them
/// unspecialised. There the standard library's `next(upperBound:)` and
/// `Double.random(in:using:)`, themselves generic over the integer or floating-point type, look
/// up type metadata and witness tables on every call, a visible share of a clustering run in
/// profiles (`Benchmarks/README.md`). These helpers make one call into
/// the generator (`next()`, a protocol requirement) per draw and do the rest on `UInt64` and
/// `Double`.
///
/// They return exactly what the standard library returns for the same generator state (the
/// same algorithms: Lemire's multiply-and-reject for integers, 53 random significand bits for
/// doubles), so seeded results do not change; `RandomDrawsTests` checks that against the
/// standard library itself.
///
/// > D. Lemire, "Fast random integer generation in an interval," *ACM Trans. Model. Comput.
/// > Simul.* 29(1), 3 (2019), doi:10.1145/3230636.
extension RandomNumberGenerator {
    /// A uniform integer in `0 ..< upperBound`: the value of `next(upperBound: UInt64(upperBound))`.
    ///
    /// - Precondition: `upperBound > 0`.
    /// - Complexity: O(1) expected (fewer than two calls to `next()`).
    @inline(__always)
    mutating func uniformIndex(below upperBound: Int) -> Int {
        precondition(upperBound > 0, "upperBound must be positive")
        let bound = UInt64(upperBound)
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound)
            }
        }
        return Int(product.high)
    }

    /// A uniform double in `0 ..< upperBound`: the value of
    /// `Double.random(in: 0 ..< upperBound, using: &self)`.
    ///
    /// - Precondition: `upperBound` is finite and positive.
    /// - Complexity: O(1) expected.
    @inline(__always)
    mutating func uniformDouble(below upperBound: Double) -> Double {
        precondition(upperBound > 0 && upperBound.isFinite, "upperBound must be finite and positive")
        while true {
            // 53 random bits, scaled to [0, 1) in steps of 2⁻⁵³.
            let bits = next() & ((1 << (Double.significandBitCount + 1)) - 1)
            let value = upperBound * (Double(bits) * (Double.ulpOfOne / 2))
            // Rounding can reach the upper bound itself; draw again, as the standard library does.
            if value != upperBound { return value }
        }
    }
}
