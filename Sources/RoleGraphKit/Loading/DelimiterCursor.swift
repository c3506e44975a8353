import CByteClasses
import CCacheHints

/// The delimiters of an edge list's rows (its separator, line feeds and carriage returns), taken
/// in order, found 64 bytes at a time.
///
/// The fast path for plain rows (`EdgeListSimpleRows.swift`) asks for each field's end in turn.
/// Looking for it from the field's start makes every field wait on the one before it: the scan
/// of a field cannot begin until the previous field's end is known. Here each block of 64 bytes
/// is classified at once, at an address that depends on nothing the rows hold, and a field's end
/// is then the lowest bit left in the block's mask: one bit operation after the previous one.
struct DelimiterCursor {
    /// The input, which the classifier may read up to its end (past ``end``).
    let p: UnsafeRawBufferPointer
    /// Where the rows being read end: no delimiter at or past it is returned.
    let end: Int
    let separator: UInt8
    /// The start of the block ``bits`` describes.
    private var base: Int
    /// Bit `k` set: a delimiter at `base + k` not yet taken.
    private var bits: UInt64

    /// A cursor whose first ``next()`` is the first delimiter at or after `position`.
    ///
    /// - Complexity: O(1).
    init(_ p: UnsafeRawBufferPointer, end: Int, separator: UInt8, at position: Int) {
        self.p = p
        self.end = end
        self.separator = separator
        base = position
        bits = 0
        bits = classify(position)
    }

    /// Moves the cursor so that its next ``next()`` is the first delimiter at or after
    /// `position`.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    mutating func reset(to position: Int) {
        base = position
        bits = classify(position)
    }

    /// The position of the next delimiter before ``end``, or ``end`` when there is none (and at
    /// every call after that).
    ///
    /// - Complexity: O(*m* / 64) for the *m* bytes up to that delimiter.
    @inline(__always)
    mutating func next() -> Int {
        if bits == 0 { return nextBlock() }
        let position = base &+ bits.trailingZeroBitCount
        bits &= bits &- 1
        return position
    }

    /// How far ahead of the block being classified its line of the input is asked for. The
    /// processor's own prefetcher follows a stream of reads only within a 4 KiB page, so every
    /// page of the mapped file would otherwise start with misses that the scan waits on; one
    /// line asked for per block, half a page ahead, keeps the next page's lines on their way.
    static let readAhead = 2048

    /// ``next()`` when the block's delimiters are all taken: out of line, as it is taken once a
    /// block, so that the classifier's code is not repeated at every field of a row's scan. It
    /// asks for the input's line ``readAhead`` bytes on.
    @inline(never)
    private mutating func nextBlock() -> Int {
        while bits == 0 {
            if base &+ 64 >= end { return end }
            base &+= 64
            if base &+ Self.readAhead < p.count { rolegraph_prefetch(p.baseAddress! + (base &+ Self.readAhead)) }
            bits = classify(base)
        }
        let position = base &+ bits.trailingZeroBitCount
        bits &= bits &- 1
        return position
    }

    /// The mask of the delimiters in `start ..< min(start + 64, end)`.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    private func classify(_ start: Int) -> UInt64 {
        guard start < end else { return 0 }
        var mask = start &+ 64 <= p.count ? rolegraph_delimiters64(p.baseAddress! + start, separator) : classifyLast(start)
        let left = end &- start
        if left < 64 { mask &= UInt64.max >> UInt64(64 &- left) }
        return mask
    }

    /// ``classify(_:)`` for a block that runs past the input, its last bytes copied into one whose
    /// bytes past the input are none of the delimiters: out of line, as it is taken once per
    /// input, so that the scan has no block on its stack.
    @inline(never)
    private func classifyLast(_ start: Int) -> UInt64 {
        var block = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        let mask = withUnsafeMutableBytes(of: &block) { block in
            block.copyMemory(from: UnsafeRawBufferPointer(rebasing: p[start...]))
            return rolegraph_delimiters64(block.baseAddress!, separator)
        }
        // The padding is zero bytes, which are a delimiter only when the separator is 0.
        return mask & (UInt64.max >> UInt64(64 &- (p.count &- start)))
    }
}
