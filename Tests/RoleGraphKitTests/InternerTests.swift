import Testing
@testable import RoleGraphKit
import RoleGraphAlgorithms

/// `ByteInterner` against a dictionary: on seeded random keys made to collide where the table
/// looks (the same first 16 bytes, lengths either side of 16 and of 255, the packed length's
/// limit), every key gets the index of its first appearance, in first-seen order, through the
/// table's growth and through a merge of two interners.
@Suite struct InternerTests {
    /// Keys sharing prefixes: a few 16-byte stems, each extended to lengths around 16 and 255,
    /// with tails that differ only in their last byte.
    static func keys(seed: UInt64, count: Int) -> [[UInt8]] {
        var rng = SplitMix64(seed: seed)
        let stems = (0 ..< 4).map { _ in (0 ..< 16).map { _ in UInt8.random(in: 0x61 ... 0x7A, using: &rng) } }
        let lengths = [0, 1, 8, 15, 16, 17, 31, 254, 255, 256, 257, 400]
        return (0 ..< count).map { _ in
            let length = Int.random(in: 0 ..< 3, using: &rng) == 0
                ? Int.random(in: 0 ... 300, using: &rng) : lengths.randomElement(using: &rng)!
            var key = Array(stems.randomElement(using: &rng)!.prefix(length))
            while key.count < length { key.append(0x2D) }
            if length > 0 { key[length - 1] = UInt8.random(in: 0x30 ... 0x33, using: &rng) }
            return key
        }
    }

    static func intern(_ keys: [[UInt8]], into interner: inout ByteInterner) -> [Int32] {
        keys.map { key in key.withUnsafeBytes { interner.intern($0).index } }
    }

    @Test(arguments: 0 ..< 20)
    func indicesAreFirstAppearances(seed: Int) {
        let keys = Self.keys(seed: UInt64(seed), count: 3_000)
        var oracle: [[UInt8]: Int32] = [:]
        let expected = keys.map { key in
            if let index = oracle[key] { return index }
            oracle[key] = Int32(oracle.count)
            return Int32(oracle.count - 1)
        }
        var interner = ByteInterner(expectedCount: 4)  // grows many times
        #expect(Self.intern(keys, into: &interner) == expected)
        #expect(interner.count == oracle.count)
        for (key, index) in oracle { #expect(Array(interner.bytes(at: Int(index))) == key) }

        // Two parts interned apart, then merged: the indices one interner gives. The merge
        // walks the second table in slot order, so the tables are made the same size (as two
        // chunks of one file make them), and of different sizes, and the cut moved so that the
        // second part holds keys the first does not, or none.
        let half = keys.count / 2
        for (cut, sizes) in [(half, (4, 4)), (half, (4096, 4096)), (half, (4096, 4)), (half, (4, 4096)),
                             (keys.count / 10, (4096, 4096)), (keys.count, (4, 4))] {
            var first = ByteInterner(expectedCount: sizes.0), second = ByteInterner(expectedCount: sizes.1)
            _ = Self.intern(Array(keys[..<cut]), into: &first)
            let local = Self.intern(Array(keys[cut...]), into: &second)
            let map = first.intern(keysOf: second)
            #expect(local.map { map[Int($0)] } == Array(expected[cut...]), "cut \(cut), sizes \(sizes)")
            #expect(first.count == oracle.count)
            for (key, index) in oracle { #expect(Array(first.bytes(at: Int(index))) == key) }
        }
    }

    /// A copy of an interner is a value: adding keys to one leaves the other's keys, indices,
    /// bytes and hashes as they were (the two share their key storage until one changes).
    @Test func aCopyKeepsItsKeysWhenTheOriginalGrows() {
        let keys = Self.keys(seed: 7, count: 2_000)
        var original = ByteInterner(expectedCount: 4)
        _ = Self.intern(Array(keys[..<500]), into: &original)
        let copy = original
        let before = (0 ..< copy.count).map { copy.bytes(at: $0) }
        let hashes = copy.keyHashes
        var grown = original
        _ = Self.intern(Array(keys[500...]), into: &grown)
        #expect(grown.count > copy.count)
        #expect((0 ..< copy.count).map { copy.bytes(at: $0) } == before)
        #expect(copy.keyHashes == hashes)
        // Each still finds its own keys, and only those.
        var probe = copy
        #expect(Self.intern(Array(keys[..<500]), into: &probe) == Self.intern(Array(keys[..<500]), into: &original))
        #expect(probe.count == copy.count)
        #expect((0 ..< copy.count).map { grown.bytes(at: $0) } == before)
    }
}
