/// A fixed-size block of trivial values, allocated once and freed with its last reference: the
/// engine's one owner of raw memory.
///
/// The hot loops (searches, local moving, refinement, betweenness) read and write per-vertex
/// state through a plain pointer, which costs no uniqueness or bounds check per access; an
/// `Array` there pays one on every write. Every such pointer in the engine is the `base` of a
/// `Slab` held by the same owner for as long as the pointer is used, so allocation, lifetime and
/// freeing are decided here and nowhere else.
///
/// - Invariant: `Element` is a trivial type (numbers and structs of numbers): memory is
///   initialised once and freed without deinitialising element by element.
final class Slab<Element>: @unchecked Sendable {
    /// The first element; valid while this slab is alive.
    let base: UnsafeMutablePointer<Element>
    /// The number of elements.
    let count: Int

    /// `count` copies of `value`.
    ///
    /// - Complexity: O(`count`).
    init(count: Int, repeating value: Element) {
        precondition(count >= 0, "negative slab size")
        assert(_isPOD(Element.self), "Slab holds trivial values only")
        self.count = count
        base = .allocate(capacity: Swift.max(count, 1))
        base.initialize(repeating: value, count: Swift.max(count, 1))
    }

    deinit {
        base.deallocate()
    }

    /// The element at `i`; checked against `count` in debug builds only.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    subscript(i: Int) -> Element {
        get {
            assert(i >= 0 && i < count)
            return base[i]
        }
        set {
            assert(i >= 0 && i < count)
            base[i] = newValue
        }
    }

    /// Sets every element to `value`.
    ///
    /// - Complexity: O(`count`).
    func reset(to value: Element) {
        base.update(repeating: value, count: count)
    }
}
