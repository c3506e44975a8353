import Yams

/// A strict RFC 8259 JSON parser that builds the same node tree the YAML reader walks, with the
/// same line and column marks, so a JSON graph file gets exactly the YAML file's diagnostics.
///
/// JSON used to go through the YAML parser, which is close but not equal: libyaml refuses the
/// UTF-16 surrogate pairs (`"\ud83d\ude00"`) that `json.dumps` writes for every character
/// outside the Basic Multilingual Plane, and accepts things JSON does not (comments, unquoted
/// text). This parser accepts every valid JSON text and nothing else: one value, whitespace
/// around it; strings without raw control characters, with the nine escapes and `\uXXXX`
/// (surrogate pairs joined; a lone surrogate is an error, since no Swift string can hold it);
/// numbers as the grammar spells them. Nesting is limited to ``maximumDepth`` levels, so a file
/// of 100,000 `[` is an error, not a stack overflow. Repeated keys are kept; the reader reports
/// them as it does for YAML.
///
/// Strings become double-quoted scalars (always text), and numbers, `true`, `false` and `null`
/// plain scalars, which the reader types as YAML's core schema does: the same values.
struct JSONNodeParser {
    /// The deepest nesting of arrays and objects accepted.
    static let maximumDepth = 512

    /// A syntax error: what was expected, and where (line and column in Unicode scalars, from 1).
    struct SyntaxError: Error {
        var message: String
        var line: Int
        var column: Int
    }

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    /// The byte offset where the current line starts; columns count scalars from there.
    private var lineStart = 0
    /// The column of `lineStart`'s scalar count cached up to `columnIndex`, so that computing a
    /// column walks each line once, not once per value.
    private var columnIndex = 0
    private var columnCount = 1
    private var depth = 0

    private init(_ text: String) { bytes = Array(text.utf8) }

    /// Parses a whole JSON text into a node tree.
    ///
    /// - Throws: ``SyntaxError`` at the first problem.
    /// - Complexity: O(*n*) for *n* bytes.
    static func parse(_ text: String) throws(SyntaxError) -> Node {
        var parser = JSONNodeParser(text)
        parser.skipWhitespace()
        let root = try parser.value()
        parser.skipWhitespace()
        if parser.index < parser.bytes.count {
            throw parser.error("unexpected text after the JSON value")
        }
        return root
    }

    // MARK: Values

    private mutating func value() throws(SyntaxError) -> Node {
        guard index < bytes.count else { throw error("expected a JSON value, found the end of the file") }
        let mark = self.mark()
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object(mark)
        case UInt8(ascii: "["): return try array(mark)
        case UInt8(ascii: "\""): return .scalar(Node.Scalar(try string(), .implicit, .doubleQuoted, mark))
        case UInt8(ascii: "t"): return try literal("true", mark)
        case UInt8(ascii: "f"): return try literal("false", mark)
        case UInt8(ascii: "n"): return try literal("null", mark)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number(mark)
        default: throw error("expected a JSON value (an object, array, string, number, true, false or null)")
        }
    }

    private mutating func object(_ mark: Mark?) throws(SyntaxError) -> Node {
        try enter()
        index += 1  // {
        var pairs: [(Node, Node)] = []
        skipWhitespace()
        if peek(UInt8(ascii: "}")) {
            index += 1
            depth -= 1
            return .mapping(Node.Mapping(pairs, .implicit, .flow, mark))
        }
        while true {
            skipWhitespace()
            guard peek(UInt8(ascii: "\"")) else { throw error("expected a string key in the object") }
            let keyMark = self.mark()
            let key = Node.scalar(Node.Scalar(try string(), .implicit, .doubleQuoted, keyMark))
            skipWhitespace()
            guard peek(UInt8(ascii: ":")) else { throw error("expected ':' after the object key") }
            index += 1
            skipWhitespace()
            pairs.append((key, try value()))
            skipWhitespace()
            if peek(UInt8(ascii: ",")) {
                index += 1
                continue
            }
            guard peek(UInt8(ascii: "}")) else { throw error("expected ',' or '}' after the object member") }
            index += 1
            depth -= 1
            return .mapping(Node.Mapping(pairs, .implicit, .flow, mark))
        }
    }

    private mutating func array(_ mark: Mark?) throws(SyntaxError) -> Node {
        try enter()
        index += 1  // [
        var items: [Node] = []
        skipWhitespace()
        if peek(UInt8(ascii: "]")) {
            index += 1
            depth -= 1
            return .sequence(Node.Sequence(items, .implicit, .flow, mark))
        }
        while true {
            skipWhitespace()
            items.append(try value())
            skipWhitespace()
            if peek(UInt8(ascii: ",")) {
                index += 1
                continue
            }
            guard peek(UInt8(ascii: "]")) else { throw error("expected ',' or ']' after the array item") }
            index += 1
            depth -= 1
            return .sequence(Node.Sequence(items, .implicit, .flow, mark))
        }
    }

    private mutating func enter() throws(SyntaxError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw error("arrays and objects nested deeper than \(Self.maximumDepth) levels")
        }
    }

    private mutating func literal(_ word: StaticString, _ mark: Mark?) throws(SyntaxError) -> Node {
        let count = word.utf8CodeUnitCount
        let matches = index + count <= bytes.count
            && (0..<count).allSatisfy { bytes[index + $0] == word.utf8Start[$0] }
        guard matches else { throw error("expected a JSON value (an object, array, string, number, true, false or null)") }
        index += count
        return .scalar(Node.Scalar(word.description, .implicit, .plain, mark))
    }

    private mutating func number(_ mark: Mark?) throws(SyntaxError) -> Node {
        let start = index
        func digits() -> Int {
            let first = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            return index - first
        }
        if peek(UInt8(ascii: "-")) { index += 1 }
        if peek(UInt8(ascii: "0")) {
            index += 1
        } else if digits() == 0 {
            throw error("expected a digit in the number")
        }
        if peek(UInt8(ascii: ".")) {
            index += 1
            guard digits() > 0 else { throw error("expected a digit after the decimal point") }
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            index += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { index += 1 }
            guard digits() > 0 else { throw error("expected a digit in the exponent") }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        return .scalar(Node.Scalar(text, .implicit, .plain, mark))
    }

    /// A string's text, from its opening quote; `index` ends after the closing quote.
    private mutating func string() throws(SyntaxError) -> String {
        index += 1  // "
        var result: [UInt8] = []
        var runStart = index
        while true {
            guard index < bytes.count else { throw error("unterminated string: expected '\"' before the end of the file") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                result.append(contentsOf: bytes[runStart..<index])
                index += 1
                return String(decoding: result, as: UTF8.self)
            }
            if byte < 0x20 {
                throw error("control character U+\(hex(UInt32(byte))) in a string: write it as an escape such as \\n or \\u\(hex(UInt32(byte)))")
            }
            guard byte == UInt8(ascii: "\\") else {
                index += 1
                continue
            }
            result.append(contentsOf: bytes[runStart..<index])
            let escapeStart = index
            index += 1
            guard index < bytes.count else { throw error("unterminated string: expected '\"' before the end of the file") }
            let escaped = bytes[index]
            index += 1
            switch escaped {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): result.append(escaped)
            case UInt8(ascii: "b"): result.append(0x08)
            case UInt8(ascii: "f"): result.append(0x0C)
            case UInt8(ascii: "n"): result.append(0x0A)
            case UInt8(ascii: "r"): result.append(0x0D)
            case UInt8(ascii: "t"): result.append(0x09)
            case UInt8(ascii: "u"):
                var value = try hexQuad(escapeStart)
                if (0xD800...0xDBFF).contains(value) {
                    // A high surrogate must be followed by an escaped low one: one character.
                    guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                        index = escapeStart
                        throw error("lone UTF-16 surrogate \\u\(hex(value)): a high surrogate must be followed by a low one (\\uDC00-\\uDFFF)")
                    }
                    let lowStart = index
                    index += 2
                    let low = try hexQuad(lowStart)
                    guard (0xDC00...0xDFFF).contains(low) else {
                        index = escapeStart
                        throw error("lone UTF-16 surrogate \\u\(hex(value)): a high surrogate must be followed by a low one (\\uDC00-\\uDFFF)")
                    }
                    value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(value) {
                    index = escapeStart
                    throw error("lone UTF-16 surrogate \\u\(hex(value)): a low surrogate must follow a high one")
                }
                // Every value left is a valid scalar (surrogates were joined or refused).
                result.append(contentsOf: String(Character(Unicode.Scalar(value)!)).utf8)
            default:
                index = escapeStart
                throw error("invalid escape in a string: JSON allows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX")
            }
            runStart = index
        }
    }

    /// The four hex digits after `\u`; `index` is on the first.
    private mutating func hexQuad(_ escapeStart: Int) throws(SyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count, let digit = hexValue(bytes[index]) else {
                index = escapeStart
                throw error("invalid \\u escape: expected four hex digits")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    // MARK: Positions

    private func peek(_ byte: UInt8) -> Bool { index < bytes.count && bytes[index] == byte }

    /// Skips JSON's four whitespace characters, counting lines (LF, CR LF, or a lone CR, as the
    /// YAML reader counts them).
    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                index += 1
            case UInt8(ascii: "\n"):
                index += 1
                newLine()
            case UInt8(ascii: "\r"):
                index += 1
                if peek(UInt8(ascii: "\n")) { index += 1 }
                newLine()
            default:
                return
            }
        }
    }

    private mutating func newLine() {
        line += 1
        lineStart = index
        columnIndex = index
        columnCount = 1
    }

    /// The column of `index`, in Unicode scalars from 1 (UTF-8 continuation bytes do not count).
    /// Positions are asked for in increasing order, so the count carries on from the last one.
    private mutating func column() -> Int {
        if columnIndex > index {
            columnIndex = lineStart
            columnCount = 1
        }
        while columnIndex < index {
            if bytes[columnIndex] & 0xC0 != 0x80 { columnCount += 1 }
            columnIndex += 1
        }
        return columnCount
    }

    private mutating func mark() -> Mark? { Mark.at(line: line, column: column()) }

    private mutating func error(_ message: String) -> SyntaxError {
        SyntaxError(message: message, line: line, column: column())
    }
}

extension Mark {
    /// A mark at `line` and `column`, for nodes built outside libyaml.
    ///
    /// Yams gives `Mark` no public initialiser; it is two `Int`s, `line` then `column`, so one is
    /// made from a pair and checked: if a later Yams stored it differently, the check fails and
    /// the node simply has no location (its diagnostics fall back to the file's first line).
    ///
    /// - Complexity: O(1).
    static func at(line: Int, column: Int) -> Mark? {
        guard MemoryLayout<Mark>.size == MemoryLayout<(Int, Int)>.size else { return nil }
        let mark = unsafeBitCast((line, column), to: Mark.self)
        return mark.line == line && mark.column == column ? mark : nil
    }
}
