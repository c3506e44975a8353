/// Positions after some elements of a sequence are removed, for the loaders that drop facts
/// (repeated relations, removed roles) and must move what points at the rest.
enum Renumbering {
    /// For each of `count` positions, its position once `removed` are gone, or `nil` for a
    /// removed one: the survivors keep their order and close up.
    ///
    /// - Complexity: O(`count`).
    static func survivors(count: Int, removing removed: Set<Int>) -> [Int?] {
        var next = 0
        return (0 ..< count).map { i in
            if removed.contains(i) { return nil }
            defer { next += 1 }
            return next
        }
    }
}
