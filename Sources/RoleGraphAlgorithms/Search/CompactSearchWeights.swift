/// The search weights of a graph and of its reverse in fewer bytes than `Double`s, each equal to
/// its `Double`: what a snapshot image stores for the bidirectional search to read.
package enum CompactSearchWeights: Sendable {
    /// Each weight as a `Float` (see ``SearchWeight``).
    case float(forward: Column<Float>, reversed: Column<Float>)
    /// Each weight as a byte naming one of the distinct weights in `palette` (see
    /// ``PaletteWeights``).
    case palette(Column<Double>, forward: Column<UInt8>, reversed: Column<UInt8>)

    /// The number of weights each direction's column holds.
    ///
    /// - Complexity: O(1).
    package var counts: (forward: Int, reversed: Int) {
        switch self {
        case .float(let forward, let reversed): (forward.count, reversed.count)
        case .palette(_, let forward, let reversed): (forward.count, reversed.count)
        }
    }

    /// The most distinct weights a palette holds: as many as one byte names.
    package static let paletteCapacity = 256

    /// `weights` as `Float`s, when every one converts to a `Float` and back unchanged.
    ///
    /// - Complexity: O(*E*).
    package static func floats(_ weights: Column<Double>) -> [Float]? {
        var narrow = [Float]()
        narrow.reserveCapacity(weights.count)
        for w in weights {
            let f = Float(w)
            guard Double(f) == w else { return nil }
            narrow.append(f)
        }
        return narrow
    }

    /// The distinct values of `weights` in ascending order, when there are at most
    /// ``paletteCapacity`` of them (compared by bit pattern, so a palette never merges two
    /// weights a search could tell apart).
    ///
    /// - Complexity: O(*E*) expected.
    package static func palette(of weights: Column<Double>) -> [Double]? {
        var seen = Set<UInt64>()
        for w in weights where seen.insert(w.bitPattern).inserted {
            if seen.count > paletteCapacity { return nil }
        }
        return seen.map { Double(bitPattern: $0) }.sorted()
    }

    /// Each of `weights` as its index in `palette`.
    ///
    /// - Precondition: `palette` holds every weight (``palette(of:)`` of these or more weights).
    /// - Complexity: O(*E*) expected.
    package static func codes(_ weights: Column<Double>, in palette: [Double]) -> [UInt8] {
        var code = [UInt64: UInt8](minimumCapacity: palette.count)
        for (i, w) in palette.enumerated() { code[w.bitPattern] = UInt8(i) }
        return weights.map { code[$0.bitPattern]! }
    }
}
