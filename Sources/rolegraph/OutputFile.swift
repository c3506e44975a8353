import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes command output: to standard output, or to a file.
///
/// A regular file (new or existing) is written atomically: a temporary file in the same
/// directory, then a rename, so a failure never leaves a half-written file and never touches an
/// existing one; an existing file keeps its permissions. A symbolic link is followed and its
/// target replaced the same way, so the link stays a link. Anything else — a device such as
/// `/dev/null`, a FIFO, a socket — cannot be replaced and is written in place.
enum OutputFile {
    /// Refuses an output that is one of the command's input files (the same file by device and
    /// inode, however named: `./x`, `dir/../x`, a link): writing it would replace the data being
    /// read, and an image or another format written over an edge list loses it.
    ///
    /// - Throws: ``CLIError/invalidValue(_:)`` (exit 64) naming the file.
    static func refuseInputs(_ inputs: [String], as output: String?) throws {
        guard let output, output != "-" else { return }
        var out = stat()
        guard stat(output, &out) == 0 else { return }
        for input in inputs where input != "-" {
            var info = stat()
            if stat(input, &info) == 0 && info.st_dev == out.st_dev && info.st_ino == out.st_ino {
                throw CLIError.invalidValue("-o \(output) is the input file \(input); write the output to another file")
            }
        }
    }

    static func write(_ bytes: [UInt8], to path: String?, binary: Bool, formatName: String) throws {
        guard let path, path != "-" else {
            if binary && isatty(STDOUT_FILENO) != 0 { throw CLIError.refusesTerminal(format: formatName) }
            try StandardStreams.writeOut(bytes)
            return
        }
        var target = path
        var info = stat()
        if lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK {
            // Follow the link (to a file that may not exist yet) and replace what it points to.
            guard let resolved = canonicalPath(path) ?? resolveDangling(path) else {
                throw CLIError.cannotWrite(path: path, reason: "cannot resolve the symbolic link")
            }
            target = resolved
        }
        if stat(target, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG: try replaceAtomically(target, with: bytes, mode: info.st_mode & 0o7777, reportedAs: path)
            case S_IFDIR: throw CLIError.cannotWrite(path: path, reason: "is a directory")
            default: try writeInPlace(target, bytes, reportedAs: path)
            }
        } else {
            try replaceAtomically(target, with: bytes, mode: nil, reportedAs: path)
        }
    }

    /// The canonical absolute path of an existing file (`realpath`).
    private static func canonicalPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// The absolute target of a symbolic link whose target does not exist yet.
    private static func resolveDangling(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        let destination = String(decoding: buffer[0 ..< count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if destination.hasPrefix("/") { return destination }
        return URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(destination).path
    }

    private static func replaceAtomically(_ path: String, with bytes: [UInt8], mode: mode_t?, reportedAs shown: String) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        // A short name, so a long (legal) output name cannot push it past NAME_MAX.
        var template = Array("\(directory)/.rolegraph-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw CLIError.cannotWrite(path: shown, reason: reason(errno, directory: directory)) }
        // mkstemp filled in the X's; the name is everything before the terminating NUL.
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        Interrupt.removeOnInterrupt(temporary)
        var renamed = false
        defer {
            if !renamed { unlink(temporary) }
            Interrupt.clear()
        }
        do {
            try writeAll(fd, bytes)
            if fchmod(fd, mode ?? (0o666 & ~currentUmask())) != 0 || fsync(fd) != 0 { throw POSIXError(errno) }
            if close(fd) != 0 { throw POSIXError(errno) }
        } catch let error as POSIXError {
            close(fd)
            throw CLIError.cannotWrite(path: shown, reason: String(cString: strerror(error.code)))
        }
        guard rename(temporary, path) == 0 else {
            throw CLIError.cannotWrite(path: shown, reason: String(cString: strerror(errno)))
        }
        renamed = true
    }

    private static func writeInPlace(_ path: String, _ bytes: [UInt8], reportedAs shown: String) throws {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw CLIError.cannotWrite(path: shown, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        do { try writeAll(fd, bytes) } catch let error as POSIXError {
            throw CLIError.cannotWrite(path: shown, reason: String(cString: strerror(error.code)))
        }
    }

    /// The most ``writeAll(_:_:)`` hands the kernel in one call.
    ///
    /// Linux caches a file in folios as large as the writes that made it, and a read-only mapping
    /// of the file maps a whole folio on a fault. A snapshot image written in one call is cached
    /// in folios of megabytes, and a query that maps it and reads a few thousand scattered
    /// records then holds most of the image; written in pieces of the kernel's default
    /// fault-around window, it maps no more around each read than any other file does.
    static let writeChunk = 1 << 16

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let piece = min(writeChunk, bytes.count - offset)
            let count = bytes[offset ..< offset + piece].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw POSIXError(errno)
            }
            offset += count
        }
    }

    private static func currentUmask() -> mode_t {
        let mask = umask(0)
        umask(mask)
        return mask
    }

    private static func reason(_ code: Int32, directory: String) -> String {
        var info = stat()
        if stat(directory, &info) != 0 || (info.st_mode & S_IFMT) != S_IFDIR { return "no such directory" }
        return String(cString: strerror(code))
    }
}

/// An errno value, thrown by the writers above.
struct POSIXError: Error {
    var code: Int32
    init(_ code: Int32) { self.code = code }
}

/// Standard output and error without traps: `FileHandle.write(_:)` crashes the process when the
/// stream is closed or full, and `print` loses output silently. Both streams are written with
/// write(2), unbuffered: a failure on standard output is an error the command reports (status
/// 73); standard error is best effort, since there is nowhere left to report its failure.
enum StandardStreams {
    static func writeOut(_ bytes: [UInt8]) throws {
        do { try OutputFile.writeAll(STDOUT_FILENO, bytes) } catch let error as POSIXError {
            throw CLIError.cannotWrite(path: "standard output", reason: String(cString: strerror(error.code)))
        }
    }

    static func writeError(_ text: String) {
        try? OutputFile.writeAll(STDERR_FILENO, Array(text.utf8))
    }
}

/// Prints a line of command output on standard output, reporting a failure to write it.
///
/// Control characters other than line breaks (an escape sequence in a role's name, say) are
/// written as visible escapes, so text from a graph file can never drive the terminal. JSON is
/// unaffected: its encoder escapes them already.
func emit(_ text: String) throws {
    let safe = Output.visibleControlCharacters(text, keepingLineBreaks: true)
    try StandardStreams.writeOut(Array((safe + "\n").utf8))
}

/// Writes `elements` to standard output as the JSON array ``Output/json(_:)`` makes of them,
/// byte for byte, one element at a time: a long list (every role a large network reaches, each
/// with its path) is never held whole, as values or as text.
///
/// - Complexity: O(total output), holding one element and 64 KiB of text at a time.
func emitJSONArray<Elements: Collection>(_ elements: Elements) throws where Elements.Element: Encodable {
    guard !elements.isEmpty else { return try emit(try Output.json([Elements.Element]())) }
    let encoder = Output.jsonEncoder()
    var pending = Array("[\n".utf8)
    for (i, element) in elements.enumerated() {
        // An element nested in the array is indented one level (two spaces) deeper than alone,
        // except for the empty line the encoder writes inside an empty array; a line break
        // inside a JSON string is written as an escape, so every line break here is the encoder's.
        let text = Output.visibleControlCharacters(String(decoding: try encoder.encode(element), as: UTF8.self),
                                                   keepingLineBreaks: true)
        let indented = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }
        pending += Array(((i == 0 ? "" : ",\n") + indented.joined(separator: "\n")).utf8)
        if pending.count >= 1 << 16 {
            try StandardStreams.writeOut(pending)
            pending.removeAll(keepingCapacity: true)
        }
    }
    try StandardStreams.writeOut(pending + Array("\n]\n".utf8))
}
