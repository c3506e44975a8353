import RoleGraphAlgorithms

/// Arrays a load fills whole at once (the id table, the tables that find repeated rows), in
/// storage marked for huge pages (``HugePages``) before it is first written.
///
/// Here rather than beside ``HugePages``: every caller is in this module, where these generic
/// members are specialised for each element type; called across modules they would run
/// unspecialised, each element through the type's witnesses.
extension Array {
    /// `count` copies of `value`, in storage marked for huge pages (``HugePages``) before it is
    /// written.
    ///
    /// - Complexity: O(`count`).
    init(largeRepeating value: Element, count: Int) {
        self.init(unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress {
                HugePages.advise(UnsafeMutableRawPointer(base), byteCount: count * MemoryLayout<Element>.stride)
                base.initialize(repeating: value, count: count)
            }
            initialized = count
        }
    }
}
