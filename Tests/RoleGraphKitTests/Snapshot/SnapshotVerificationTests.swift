import Foundation
import Testing
@testable import RoleGraphKit
import RoleGraphTestSupport

/// The one-pass verification of a section: fed in any cutting (every piece but the last a
/// multiple of 32 bytes), its checksum equals the one-shot checksum, and its verdict equals a
/// plain oracle's, on random values with rare bad ones of every kind.
@Suite struct SnapshotVerificationTests {
    /// Feeds `bytes` in random pieces of multiples of 32 bytes, then the rest.
    static func verify(_ bytes: [UInt8], _ check: SectionCheck, using rng: inout SplitMix64) -> (checksum: UInt64, valid: Bool) {
        var verification = SectionVerification(check)
        // 8-aligned storage, as a section in an image or the reader's buffer is.
        let words = [UInt64](repeating: 0, count: (bytes.count + 7) / 8)
        return words.withUnsafeBytes { raw in
            let buffer = UnsafeMutableRawBufferPointer(mutating: raw)
            buffer.copyBytes(from: bytes)
            var start = 0
            repeat {
                let pieces = Int.random(in: 0 ... 4, using: &rng)
                let length = pieces == 0 ? bytes.count - start : min(32 * pieces, bytes.count - start)
                let piece = UnsafeRawBufferPointer(rebasing: buffer[start ..< start + length])
                verification.absorb(piece)
                start += length
                if length % 32 != 0 { break }  // the last piece: it took the rest
            } while start < bytes.count
            return verification.finish()
        }
    }

    static func bytes<T>(_ values: [T]) -> [UInt8] { values.withUnsafeBytes { Array($0) } }

    @Test(arguments: 0 ..< 200)
    func matchesTheOracle(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed))
        let n = Int.random(in: 0 ... 300, using: &rng)
        let bad = Int.random(in: 0 ..< 4, using: &rng) == 0
        // Offsets: non-decreasing from 0, ending at the total, maybe with one broken.
        var offsets = [UInt64(0)]
        for _ in 0 ..< n { offsets.append(offsets.last! + UInt64.random(in: 0 ... 3, using: &rng)) }
        let total = Int(offsets.last!)
        if bad { offsets[Int.random(in: 0 ..< offsets.count, using: &rng)] = [UInt64.max, 1, UInt64(total + 1), 1 << 63].randomElement(using: &rng)! }
        let offsetsValid = offsets.first == 0 && offsets.last == UInt64(total) && zip(offsets, offsets.dropFirst()).allSatisfy { $0 <= $1 }
        // Indices below a bound, maybe one not.
        let bound = UInt32.random(in: 1 ... 1000, using: &rng)
        var indices = (0 ..< n).map { _ in UInt32.random(in: 0 ..< bound, using: &rng) }
        if bad && n > 0 { indices[Int.random(in: 0 ..< n, using: &rng)] = [bound, bound + 1, UInt32.max].randomElement(using: &rng)! }
        // Weights finite and not negative, maybe one not (minus zero is refused, plus zero not).
        var weights = (0 ..< n).map { _ in [0, 1e-300, 1.5, 7, 1e300, .leastNonzeroMagnitude, .greatestFiniteMagnitude].randomElement(using: &rng)! }
        if bad && n > 0 { weights[Int.random(in: 0 ..< n, using: &rng)] = [-1, .nan, .infinity, -.infinity, -0.0, -.leastNonzeroMagnitude].randomElement(using: &rng)! }
        let weightsValid = weights.allSatisfy { $0 >= 0 && $0.isFinite && $0.sign == .plus }
        // Amounts NaN (none) or finite and not negative, maybe one not.
        var amounts = (0 ..< n).map { _ in [Double.nan, 0, -0.0, 2.5, 1e300, .greatestFiniteMagnitude].randomElement(using: &rng)! }
        if bad && n > 0 { amounts[Int.random(in: 0 ..< n, using: &rng)] = [-1, .infinity, -.infinity, -.leastNonzeroMagnitude].randomElement(using: &rng)! }
        let amountsValid = amounts.allSatisfy { $0.isNaN || ($0 >= 0 && $0.isFinite) }
        var kinds = (0 ..< n).map { _ in UInt8.random(in: 0 ... 2, using: &rng) }
        if bad && n > 0 { kinds[Int.random(in: 0 ..< n, using: &rng)] = UInt8.random(in: 3 ... 255, using: &rng) }
        let cases: [([UInt8], SectionCheck, Bool)] = [
            (Self.bytes(offsets), .offsets(total: total), offsetsValid),
            (Self.bytes(indices), .indices(below: bound), indices.allSatisfy { $0 < bound }),
            (Self.bytes(weights), .weights, weightsValid),
            (Self.bytes(amounts), .amounts, amountsValid),
            (kinds, .kinds, kinds.allSatisfy { $0 <= 2 }),
            (kinds, .none, true),
        ]
        for (bytes, check, valid) in cases {
            let result = Self.verify(bytes, check, using: &rng)
            #expect(result.checksum == SnapshotChecksum.of(bytes), "\(check)")
            // An empty column has nothing to check (the reader skips the verdict for it).
            if !bytes.isEmpty { #expect(result.valid == valid, "\(check) \(bytes.count) bytes") }
        }
    }
}
