/// A read-only column of trivial values: an array the engine built, or memory another owner
/// holds (a snapshot image's mapping), read in place.
///
/// A graph loaded from an image is used where the image lies: copying its columns into fresh
/// arrays would cost a page fault per 4 KiB and as much memory again as the part of the graph a
/// query touches, which for one path query on a large network is far more than the query itself.
/// `CSRGraph` holds its columns as `Column`s so the same searches run on either.
///
/// - Invariant: `Element` is a trivial type, and the memory of a borrowed column is immutable
///   and stays valid while `owner` is alive. That is also why a column is `Sendable`: nothing
///   in it is ever written after it is made, by any thread.
@usableFromInline
package struct Column<Element>: RandomAccessCollection, @unchecked Sendable {
    /// The array behind an engine-built column; empty for a borrowed one.
    @usableFromInline let built: [Element]
    /// The memory behind a borrowed column; `nil` for an engine-built one.
    @usableFromInline let borrowed: UnsafeBufferPointer<Element>?
    /// What keeps `borrowed` valid.
    @usableFromInline let owner: AnyObject?

    /// A column of the elements of `array`.
    ///
    /// - Complexity: O(1).
    @inlinable
    package init(_ array: [Element]) {
        built = array
        borrowed = nil
        owner = nil
    }

    /// A column of the `count` elements at `start`, which stay valid and unchanged while `owner`
    /// is alive.
    ///
    /// - Precondition: `start` is aligned for `Element`.
    /// - Complexity: O(1).
    package init(borrowing start: UnsafePointer<Element>, count: Int, owner: AnyObject) {
        assert(_isPOD(Element.self), "a borrowed column holds trivial values only")
        precondition(Int(bitPattern: start) % MemoryLayout<Element>.alignment == 0, "a misaligned column")
        built = []
        borrowed = UnsafeBufferPointer(start: start, count: count)
        self.owner = owner
    }

    @inlinable package var startIndex: Int { 0 }

    /// The number of elements.
    ///
    /// - Complexity: O(1).
    @inlinable package var endIndex: Int { borrowed?.count ?? built.count }

    /// The element at `i`, bounds-checked.
    ///
    /// - Complexity: O(1).
    @inlinable
    package subscript(i: Int) -> Element {
        if let borrowed {
            precondition(i >= 0 && i < borrowed.count, "column index out of range")
            return borrowed[i]
        }
        return built[i]
    }

    /// Calls `body` with the elements' memory, valid only during the call.
    ///
    /// - Complexity: O(1) beyond `body`.
    @inlinable
    package func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        if let borrowed { return try withExtendedLifetime(owner) { try body(borrowed) } }
        return try built.withUnsafeBufferPointer(body)
    }

    /// The elements as an array: free for an engine-built column, a copy for a borrowed one.
    ///
    /// - Complexity: O(1) or O(*n*).
    package var array: [Element] {
        if let borrowed { return withExtendedLifetime(owner) { Array(borrowed) } }
        return built
    }
}

extension Column: ExpressibleByArrayLiteral {
    @inlinable
    package init(arrayLiteral elements: Element...) {
        self.init(elements)
    }
}

extension Column: Equatable where Element: Equatable {
    /// Whether the two columns hold the same elements in the same order, wherever each lies.
    ///
    /// - Complexity: O(*n*).
    @usableFromInline
    package static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.elementsEqual(rhs)
    }
}
