import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file mapped read-only into memory (a snapshot image, or a large edge list): the one owner of
/// the mapping, unmapped when the last reference goes. Every read is bounds-checked against the
/// mapped length, so a corrupt offset in an image is an error, never a read outside the file.
final class FileMapping {
    private let base: UnsafeRawPointer?
    /// The mapped length in bytes.
    let count: Int

    /// Maps a whole regular file.
    ///
    /// - Throws: ``GraphLoadError/fileNotFound(path:)``, ``GraphLoadError/unreadable(path:reason:)``
    ///   (not a regular file, or `mmap` failed), ``GraphLoadError/tooLarge(path:limit:)``.
    ///
    /// - Precondition: `path` is not `-` (standard input cannot be mapped).
    init(path: String, maximumSize: Int) throws(GraphLoadError) {
        precondition(path != "-", "standard input cannot be mapped")
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw .fileNotFound(path: path) }
            throw .unreadable(path: path, reason: String(cString: strerror(code)))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw .unreadable(path: path, reason: "a snapshot image must be a regular file")
        }
        let size = Int(info.st_size)
        if size > maximumSize { throw .tooLarge(path: path, limit: maximumSize) }
        count = size
        guard size > 0 else { base = nil; return }
        let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0)
        guard let mapped, mapped != MAP_FAILED else {
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        base = UnsafeRawPointer(mapped)
    }

    deinit {
        if let base { munmap(UnsafeMutableRawPointer(mutating: base), count) }
    }

    /// Whether `offset ..< offset + length` lies inside the mapping (without overflow).
    func contains(offset: UInt64, length: UInt64) -> Bool {
        offset <= UInt64(count) && length <= UInt64(count) - offset
    }

    /// Calls `body` with the bytes at `range`, which must lie inside the mapping (see
    /// ``contains(offset:length:)``); the buffer is valid only during the call.
    func withBytes<T>(_ range: Range<Int>, _ body: (UnsafeRawBufferPointer) throws(GraphLoadError) -> T) throws(GraphLoadError) -> T {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "a snapshot read outside the mapping")
        guard let base else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        return try body(UnsafeRawBufferPointer(start: base + range.lowerBound, count: range.count))
    }

    /// Calls `body` with every mapped byte.
    ///
    /// - Complexity: O(1) beyond `body`.
    func withWhole<T>(_ body: (UnsafeRawBufferPointer) -> T) -> T {
        body(UnsafeRawBufferPointer(start: base, count: base == nil ? 0 : count))
    }

    /// Drops the pages of `range` from this process (`madvise(MADV_DONTNEED)`), once they have
    /// been read. They stay in the page cache, and a later read faults them back in; meanwhile
    /// the process holds each byte it loads once, in the model's arrays, rather than twice, which
    /// halves the peak memory of a load. Pages at the edges that `range` shares with a
    /// neighbour are dropped too; for a private read-only mapping that only means a refault.
    ///
    /// - Complexity: O(pages of `range`), in the kernel.
    func release(_ range: Range<Int>) {
        guard let base, !range.isEmpty else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = range.lowerBound / page * page
        let end = min(count, (range.upperBound + page - 1) / page * page)
        _ = madvise(UnsafeMutableRawPointer(mutating: base + start), end - start, MADV_DONTNEED)
    }
}
