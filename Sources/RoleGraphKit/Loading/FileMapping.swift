import Foundation
import RoleGraphAlgorithms

#if _endian(big)
#error("a snapshot image is little-endian and read in place: a big-endian machine would need a byte-swapping reader")
#endif

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file mapped read-only into memory (a snapshot image, or a large edge list): the one owner of
/// the mapping, unmapped when the last reference goes. Every read is bounds-checked against the
/// mapped length, so a corrupt offset in an image is an error, never a read outside the file.
///
/// Sendable because nothing in it changes after `init`: threads may read the mapping and drop
/// its pages (`madvise` is safe to call from any thread) at once.
final class FileMapping: @unchecked Sendable {
    private let base: UnsafeRawPointer?
    /// The mapped length in bytes.
    let count: Int
    /// The file, kept open for ``read(into:at:)`` while the mapping lives: one descriptor per
    /// mapped file.
    private let descriptor: Int32
    /// The file's identity when it was opened (see ``VerifiedImageLedger``).
    let identity: FileIdentity

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
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw .unreadable(path: path, reason: "a snapshot image must be a regular file")
        }
        let size = Int(info.st_size)
        if size > maximumSize {
            close(fd)
            throw .tooLarge(path: path, limit: maximumSize)
        }
        count = size
        descriptor = fd
        identity = FileIdentity(info, descriptor: fd)
        guard size > 0 else { base = nil; return }
        let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0)
        guard let mapped, mapped != MAP_FAILED else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw .unreadable(path: path, reason: reason)
        }
        base = UnsafeRawPointer(mapped)
    }

    deinit {
        if let base { munmap(UnsafeMutableRawPointer(mutating: base), count) }
        close(descriptor)
    }

    /// Reads the bytes at `offset` into `buffer`, which it fills, with `pread`: a copy from the
    /// page cache that maps nothing into the process, for a pass over the whole file that should
    /// not leave it resident (see ``verify(_:checks:)``).
    ///
    /// - Returns: whether every byte was read.
    /// - Complexity: O(`buffer.count`).
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Bool {
        var done = 0
        while done < buffer.count {
            let got = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { return false }
            done += got
        }
        return true
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

    /// The bytes at `range` as a column of `Element`s read in place, kept valid by this mapping.
    ///
    /// - Precondition: `range` lies inside the mapping, starts on a multiple of `Element`'s
    ///   alignment and holds a whole number of elements; the image's bytes are in this machine's
    ///   order (little-endian, checked where the module is compiled).
    /// - Complexity: O(1).
    func column<Element>(_ range: Range<Int>, of _: Element.Type) -> Column<Element> {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "a snapshot read outside the mapping")
        precondition(range.count % MemoryLayout<Element>.stride == 0, "a column of part of an element")
        let count = range.count / MemoryLayout<Element>.stride
        guard let base, count > 0 else { return Column([]) }
        let start = (base + range.lowerBound).bindMemory(to: Element.self, capacity: count)
        return Column(borrowing: start, count: count, owner: self)
    }

    /// Tells the kernel the mapping will be read at random from now on (`madvise(MADV_RANDOM)`),
    /// as a search reads a graph laid out in place: a fault then reads no pages ahead of the one
    /// it needs. (Linux still maps the already-cached pages around a fault, 64 KiB by default, so
    /// a search over a whole network ends up with most of its pages mapped all the same.)
    ///
    /// - Complexity: O(1).
    func expectRandomReads() {
        guard let base else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base), count, MADV_RANDOM)
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
