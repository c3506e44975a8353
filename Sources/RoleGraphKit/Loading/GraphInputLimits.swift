/// How much input a graph file may bring.
public enum GraphInputLimits {
    /// The most bytes of graph text accepted after decompression: a compressed file that
    /// inflates past it (a "zip bomb", or simply the wrong file) is refused with a clear error
    /// instead of exhausting memory. 1 GiB holds an edge list of tens of millions of rows.
    public static let maximumBytes = 1 << 30
}
