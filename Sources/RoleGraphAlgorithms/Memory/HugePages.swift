#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Large buffers in huge pages, where the system offers them.
///
/// Loading a large network fills tables of several megabytes at once (the id table, the tables
/// that find repeated rows), and the kernel maps fresh memory one 4 KiB page per fault, each
/// fault taking memory-accounting locks that both parsing threads contend for; the id table is
/// also probed at random, one TLB entry per page touched. A 2 MiB page is one fault and one TLB
/// entry for 512 of those. Linux gives anonymous memory huge pages only when asked
/// (`madvise(MADV_HUGEPAGE)`) on most distributions' default setting, so such tables are marked
/// before their first write.
///
/// Only whole 2 MiB stretches inside a buffer are marked: a huge page is filled whole, so marking
/// the ragged ends would add memory the buffer does not use. For the same reason a column that
/// is reserved ahead and filled row by row is not marked: the huge page its last rows fall in
/// would be resident whole, however few rows it holds. The advice is a hint: where it is refused,
/// or on other systems, the memory is the same memory in small pages.
package enum HugePages {
    /// The huge page size the marking aligns to (x86-64 and arm64 Linux with 4 KiB pages).
    static let size = 2 << 20

    /// Marks the whole huge pages inside `count` bytes from `start` for huge pages, before
    /// they are first written.
    ///
    /// - Complexity: O(1) (one system call when the range spans a whole huge page).
    package static func advise(_ start: UnsafeMutableRawPointer, byteCount count: Int) {
        #if os(Linux)
        guard count >= size else { return }
        let first = (UInt(bitPattern: start) &+ UInt(size - 1)) & ~UInt(size - 1)
        let end = (UInt(bitPattern: start) &+ UInt(count)) & ~UInt(size - 1)
        guard end > first, let base = UnsafeMutableRawPointer(bitPattern: first) else { return }
        _ = madvise(base, Int(end &- first), MADV_HUGEPAGE)
        #endif
    }
}
