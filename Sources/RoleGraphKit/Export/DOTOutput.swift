/// Where the DOT writer's text goes, as UTF-8 bytes.
///
/// A document is written twice through the same code: once into a ``DOTByteCounter``, which only
/// adds up lengths, and then into a ``DOTBufferWriter`` over storage of exactly that size (the
/// returned `String`'s own). So the text is never copied, never regrown, and never held twice;
/// escaping is in `DOTEscaping.swift`.
protocol DOTOutput {
    /// The number of bytes appended so far.
    var count: Int { get }

    /// Appends bytes that are valid UTF-8, or part of a valid sequence the next appends complete.
    mutating func append(_ bytes: UnsafeRawBufferPointer)

    /// Appends one byte (ASCII, or part of a valid UTF-8 sequence).
    mutating func append(byte: UInt8)

    /// Appends `text`'s UTF-8.
    mutating func append(contentsOf text: String)

    /// The bytes escaped into the current quoted string since it opened or was last split, so
    /// that no quoted token grows past Graphviz's limit (see `DOTEscaping.maximumQuotedRun`).
    var quotedRun: Int { get set }
}

extension DOTOutput {
    /// Appends a literal's UTF-8. (A string's is ``append(contentsOf:)``: with one name for
    /// both, a literal would become a `String` first.)
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    @inline(__always)
    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append(UnsafeRawBufferPointer($0)) }
    }

    /// Appends `text`'s UTF-8.
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    @inline(__always)
    mutating func append(contentsOf text: String) {
        var text = text
        text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    /// Appends `bytes[range]`.
    ///
    /// - Complexity: O(*n*) in the length of the range.
    @inline(__always)
    mutating func append(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) {
        append(UnsafeRawBufferPointer(rebasing: bytes[range]))
    }

    /// Appends the decimal digits of `value`.
    ///
    /// - Complexity: O(log *value*).
    mutating func append(decimal value: Int) {
        if value < 0 { append(byte: UInt8(ascii: "-")) }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: enough for any Int64
        let count = withUnsafeMutableBytes(of: &digits) { buffer -> Int in
            var remaining = value.magnitude
            var index = buffer.count
            repeat {
                index -= 1
                buffer[index] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
            } while remaining > 0
            return buffer.count - index
        }
        withUnsafeBytes(of: &digits) { append(UnsafeRawBufferPointer(rebasing: $0[($0.count - count)...])) }
    }
}

/// Adds up the length of the text without keeping it.
struct DOTByteCounter: DOTOutput {
    private(set) var count = 0
    var quotedRun = 0

    @inline(__always)
    mutating func append(_ bytes: UnsafeRawBufferPointer) { count += bytes.count }

    @inline(__always)
    mutating func append(byte: UInt8) { count += 1 }

    @inline(__always)
    mutating func append(contentsOf text: String) { count += text.utf8.count }
}

/// Writes the text into storage that a ``DOTByteCounter`` pass has sized.
struct DOTBufferWriter: DOTOutput {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0
    var quotedRun = 0

    /// Writes from the start of `buffer`; appending past its end stops the program.
    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        precondition(bytes.count <= buffer.count - count, "DOT text longer than counted")
        if let source = bytes.baseAddress, let base = buffer.baseAddress {
            UnsafeMutableRawPointer(base + count).copyMemory(from: source, byteCount: bytes.count)
        }
        count += bytes.count
    }

    @inline(__always)
    mutating func append(byte: UInt8) {
        precondition(count < buffer.count, "DOT text longer than counted")
        buffer[count] = byte
        count += 1
    }
}

/// Collects the text in a growing array, for short texts written once.
struct DOTByteArray: DOTOutput {
    private(set) var bytes: [UInt8] = []
    var quotedRun = 0

    var count: Int { bytes.count }

    /// The text so far.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func append(_ bytes: UnsafeRawBufferPointer) { self.bytes.append(contentsOf: bytes) }

    mutating func append(byte: UInt8) { bytes.append(byte) }
}
