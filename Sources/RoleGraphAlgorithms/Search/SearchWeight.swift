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
