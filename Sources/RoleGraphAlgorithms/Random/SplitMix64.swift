/// A small, fast, seedable random number generator (Steele, Lea & Flood, "Fast splittable
/// pseudorandom number generators", OOPSLA 2014), for reproducible clustering.
///
/// RoleGraph never uses a global random source: every randomised algorithm takes a generator,
/// and the command-line tool makes this one from `--seed`, so the same seed gives the same output
/// on every run and machine.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose whole sequence is fixed by `seed`.
    ///
    /// - Complexity: O(1).
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits, advancing the generator.
    ///
    /// - Complexity: O(1).
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
