/// A stored edge weight as the searches add it up: a `Double`, or a `Float` that holds the same
/// value exactly.
///
/// The searches always add in `Double`. A `Float` column is half the bytes of a `Double` one, and
/// a search over a mapped snapshot image reads rows all over its network, so the kernel maps most
/// of whatever columns it reads: a bidirectional search over `Float` weights keeps half as much
/// of the image resident. A column is stored as `Float` only when every weight converts to it
/// and back unchanged (the whole numbers a decimal scaling makes are, below 2²⁴), so the sums,
/// and every tie between them, are those of the `Double` weights.
protocol SearchWeight {
    /// The weight as the searches add it.
    var searchValue: Double { get }
}

extension Double: SearchWeight {
    @inline(__always)
    var searchValue: Double { self }
}

extension Float: SearchWeight {
    @inline(__always)
    var searchValue: Double { Double(self) }
}

/// A column of search weights, one per edge in CSR order, as a search's loop over edges reads
/// it (``Adjacency``): stored values (``SearchWeight``), or codes into a palette
/// (``PaletteWeights``).
protocol SearchWeightColumn {
    /// The weight of the edge at `position`, as the searches add it.
    subscript(searchWeight position: Int) -> Double { get }
}

extension UnsafeBufferPointer: SearchWeightColumn where Element: SearchWeight {
    @inline(__always)
    subscript(searchWeight position: Int) -> Double { self[position].searchValue }
}

/// Search weights as one byte per edge naming one of at most 256 distinct weights.
///
/// Real networks have few distinct weights: efforts are rated on a scale, or rounded to a
/// decimal. A byte per edge is a quarter of a `Float` column, and the palette itself stays in
/// the cache, so a search over a mapped image keeps a quarter as much of its weights resident
/// for one extra load per edge from a table that never misses.
struct PaletteWeights: SearchWeightColumn {
    /// Per edge, the index of its weight in ``palette``.
    let codes: UnsafeBufferPointer<UInt8>
    /// The distinct weights.
    let palette: UnsafeBufferPointer<Double>

    /// - Complexity: O(1).
    @inline(__always)
    subscript(searchWeight position: Int) -> Double { palette[Int(codes[position])] }
}
