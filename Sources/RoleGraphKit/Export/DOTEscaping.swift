/// Quoting for Graphviz DOT text: the one escaping function for everything RoleGraph writes
/// into DOT.
///
/// A graph file may hold any text in an id, a name or a note, so nothing is ever written into DOT
/// raw. Two quotings are needed because DOT has two kinds of string:
///
/// - Quoted strings (`"…"`) for ids, escString attributes (`tooltip`, edge `label`) and the
///   data attributes the importer reads back. The escaping must be right for three readers at
///   once: Graphviz's lexer, which ends the string at an unescaped `"`; Graphviz's renderers,
///   which read backslash sequences (`\n`, `\N`…) and copy the text into SVG, where an `&`
///   that starts something entity-like (`&bogus;`, `&#1;`) is copied as is and makes the XML
///   invalid or changes the text; and ``DOTImporter``, which must get back exactly the text
///   written, so that distinct ids stay distinct nodes. So `\` becomes `\\`, `"` becomes `\"`,
///   `&` becomes `&amp;` (drawn as `&` in every output format), LF becomes `\n` and CR `\r`
///   (both line breaks when drawn, but different when read back), and a character XML cannot
///   carry (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF) becomes `\uXXXX`, which
///   Graphviz draws as visible text and the importer turns back into the character. Inside a
///   list attribute (`titles`, `skills`…) the list's own separator, `;` or `,`, becomes `\;` or `\,`.
///   Every escape is undone by ``DOTImporter/unescape(_:)`` in one pass, so the mapping is
///   injective.
/// - HTML-like strings (`<…>`) for the node labels, which mix bold names with small badge
///   lines: Graphviz parses them as XML, so `&`, `<`, `>` and `"` become entities and a line
///   break becomes `<BR/>`; a backslash is an ordinary character there. These labels are only
///   drawn, never read back, so a character XML cannot carry becomes U+FFFD.
///
/// Everything else, including non-Latin text, is kept as UTF-8 (the writer declares
/// `charset="UTF-8"`).
enum DOTEscaping {
    /// The longest run of escaped text written into one quoted token. The `dot` tool refuses a
    /// quoted string over 16,384 bytes ("longer than 16384?"), and libcgraph's lexer takes time
    /// quadratic in a token's length, so a longer text is written as `"…" + "…"`, which DOT
    /// joins back into one string. ``DOTPreflight`` refuses longer tokens on input.
    static let maximumQuotedRun = 16_000

    /// `text` as a DOT quoted string, quotes included.
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    static func quoted(_ text: String) -> String {
        var output = DOTByteArray()
        output.appendQuoted(text)
        return output.string
    }

    /// `text` as the body of an HTML-like label (without the enclosing `<` and `>`).
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    static func html(_ text: String) -> String {
        var output = DOTByteArray()
        output.appendHTML(text)
        return output.string
    }

    /// A name made only of `[A-Za-z0-9_]`, for cluster names such as `cluster_insights`:
    /// every other character becomes `_`. It is not unique on its own; see ``UniqueNames``.
    static func sanitised(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" {
                result.unicodeScalars.append(scalar)
            } else {
                result += "_"
            }
        }
        return result.isEmpty ? "_" : result
    }

    /// U+FFFD for a scalar that is not allowed in XML 1.0 text, else the scalar.
    static func replacingUnencodable(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        XMLEscaping.isAllowed(scalar) ? scalar : "\u{FFFD}"
    }
}

/// Hands out names that are unique within one document, for formats whose identifiers allow
/// fewer characters than a role or area id may hold (DOT cluster names, Mermaid node ids).
///
/// Ids that sanitise to the same text (`data-ops` and `data_ops`) get `_2`, `_3`… in the order
/// they are asked for, so the mapping is stable for a given graph.
struct UniqueNames {
    private var used: Set<String>

    /// - Parameter reserved: names that must never be handed out (the legend's, for example).
    init(reserved: Set<String> = []) { used = reserved }

    /// A unique name built from `prefix` and the sanitised `text`.
    ///
    /// - Complexity: O(*n* + *k*) expected, for *n* characters and *k* earlier clashes.
    mutating func make(_ prefix: String, _ text: String) -> String {
        let base = prefix + DOTEscaping.sanitised(text)
        var candidate = base
        var suffix = 2
        while used.contains(candidate) {
            candidate = "\(base)_\(suffix)"
            suffix += 1
        }
        used.insert(candidate)
        return candidate
    }
}

// MARK: - Escaping straight into the output

/// The escapes work on UTF-8 bytes: a run of bytes that needs no escaping (every byte of most ids
/// and names) is copied whole. Only ASCII characters and the three-byte sequences of U+FFFE and
/// U+FFFF (lead byte 0xEF) are ever replaced; a Swift string is valid UTF-8, so no other byte
/// can start one of those.
extension DOTOutput {
    /// Appends `text` as a DOT quoted string, quotes included.
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    mutating func appendQuoted(_ text: String) {
        append(byte: UInt8(ascii: "\""))
        quotedRun = 0
        appendQuotedBody(text)
        append(byte: UInt8(ascii: "\""))
    }

    /// Appends a node's name (a role id) as a DOT quoted string, quotes included.
    ///
    /// libcgraph takes a name that starts with `%` for one of its anonymous objects and renames
    /// it (`%` would read back as `%5`), so a leading `%` is written `\u0025`, which the importer
    /// reads back as `%`; the rest is escaped as any quoted string.
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    mutating func appendQuotedName(_ text: String) {
        append(byte: UInt8(ascii: "\""))
        quotedRun = 0
        if text.utf8.first == UInt8(ascii: "%") {
            append("\\u0025")
            quotedRun = 6
            appendQuotedBody(String(text.dropFirst()))
        } else {
            appendQuotedBody(text)
        }
        append(byte: UInt8(ascii: "\""))
    }

    /// Appends `text` escaped for the inside of a DOT quoted string.
    ///
    /// - Parameter afterCR: kept for callers that write a string in pieces; every character is
    ///   escaped on its own, so the text before does not change the escape.
    /// - Returns: whether the text written so far ends with CR.
    /// - Complexity: O(*n*) in the length of `text`.
    @discardableResult
    mutating func appendQuotedBody(_ text: String, afterCR: Bool = false) -> Bool {
        var text = text
        return text.withUTF8 { appendEscaped(UnsafeRawBufferPointer($0), mode: .quoted, afterCR: afterCR) }
    }

    /// Appends `text` escaped as one item of a list attribute inside a DOT quoted string: as
    /// ``appendQuotedBody(_:afterCR:)``, and the list's separator (`;` or `,`) as `\;` or `\,`.
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    mutating func appendQuotedListItem(_ text: String, separator: UInt8) {
        let mode: DOTEscapeMode = separator == UInt8(ascii: ",") ? .commaListItem : .semicolonListItem
        // Whitespace at an item's ends is written `\uXXXX` (`\u0020` for a space; a line break
        // keeps its own escape): the importer trims the rest (`a; b` is two items), so these come
        // back exactly.
        let scalars = text.unicodeScalars
        guard scalars.first?.properties.isWhitespace == true || scalars.last?.properties.isWhitespace == true else {
            var text = text
            _ = text.withUTF8 { appendEscaped(UnsafeRawBufferPointer($0), mode: mode, afterCR: false) }
            return
        }
        let start = scalars.firstIndex { !$0.properties.isWhitespace } ?? scalars.endIndex
        let end = start == scalars.endIndex ? start : scalars.index(after: scalars.lastIndex { !$0.properties.isWhitespace }!)
        func blanks(_ part: Substring.UnicodeScalarView) {
            for scalar in part {
                // Control characters (a line break) have their own escapes, which import keeps.
                if scalar.value < 0x20 && scalar != "\t" {
                    var one = String(scalar)
                    _ = one.withUTF8 { appendEscaped(UnsafeRawBufferPointer($0), mode: mode, afterCR: false) }
                    continue
                }
                let hex = String(scalar.value, radix: 16, uppercase: true)
                append(contentsOf: "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex)
            }
        }
        blanks(text.unicodeScalars[..<start])
        var middle = String(text.unicodeScalars[start..<end])
        _ = middle.withUTF8 { appendEscaped(UnsafeRawBufferPointer($0), mode: mode, afterCR: false) }
        blanks(text.unicodeScalars[end...])
    }

    /// Appends `text` escaped for the body of an HTML-like label.
    ///
    /// - Parameter afterCR: whether the text before `text`, in the same label, ends with CR, so
    ///   that a CR LF split across two pieces is still one line break.
    /// - Returns: whether the text written so far ends with CR.
    /// - Complexity: O(*n*) in the length of `text`.
    @discardableResult
    mutating func appendHTML(_ text: String, afterCR: Bool = false) -> Bool {
        var text = text
        return text.withUTF8 { appendEscaped(UnsafeRawBufferPointer($0), mode: .html, afterCR: afterCR) }
    }

    /// The one escaping loop for every kind of DOT string (see ``DOTEscaping``).
    private mutating func appendEscaped(_ bytes: UnsafeRawBufferPointer, mode: DOTEscapeMode, afterCR: Bool) -> Bool {
        // Bytes below 128 that need a look, as bit masks: control characters other than tab, and
        // the quoting's own specials.
        let controls: UInt64 = 0xFFFF_FFFF & ~(1 << 0x09)
        let low: UInt64
        switch mode {
        case .html: low = controls | 1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E  // " & ' < >
        case .quoted: low = controls | 1 << 0x22 | 1 << 0x26  // " &
        case .commaListItem: low = controls | 1 << 0x22 | 1 << 0x26 | 1 << 0x2C  // " & ,
        case .semicolonListItem: low = controls | 1 << 0x22 | 1 << 0x26 | 1 << 0x3B  // " & ;
        }
        let html = mode == .html
        let high: UInt64 = html ? 0 : 1 << (0x5C - 64)  // backslash
        var start = 0  // the first byte not yet appended
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let special = byte < 64 ? low >> byte & 1 != 0
                : byte < 128 ? high >> (byte - 64) & 1 != 0
                : byte == 0xEF
            guard special else {
                index += 1
                continue
            }
            var width = 1
            var replacement: StaticString?
            var unicodeEscape: UInt32?
            switch byte {
            case 0xEF:
                // U+FFFE and U+FFFF are EF BF BE and EF BF BF; any other EF sequence stays.
                guard index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE else {
                    index += 1
                    continue
                }
                width = 3
                if html { replacement = "\u{FFFD}" } else { unicodeEscape = bytes[index + 2] == 0xBE ? 0xFFFE : 0xFFFF }
            case UInt8(ascii: "\n"):
                if html {
                    // CR LF and a lone CR are one line break each.
                    let previousWasCR = index > 0 ? bytes[index - 1] == UInt8(ascii: "\r") : afterCR
                    replacement = previousWasCR ? nil : "<BR/>"
                } else {
                    replacement = "\\n"
                }
            case UInt8(ascii: "\r"): replacement = html ? "<BR/>" : "\\r"
            case UInt8(ascii: "\""): replacement = html ? "&quot;" : "\\\""
            case UInt8(ascii: "\\"): replacement = "\\\\"
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "'"): replacement = "&#39;"
            case UInt8(ascii: ";"): replacement = "\\;"
            case UInt8(ascii: ","): replacement = "\\,"
            default:
                // A control character XML cannot carry.
                if html { replacement = "\u{FFFD}" } else { unicodeEscape = UInt32(byte) }
            }
            if html {
                append(bytes, start..<index)
                if let replacement { append(replacement) }
            } else {
                appendQuotedRun(bytes, start..<index)
                if let replacement {
                    reserveQuotedRun(replacement.utf8CodeUnitCount)
                    append(replacement)
                }
                if let unicodeEscape {
                    reserveQuotedRun(6)
                    appendUnicodeEscape(unicodeEscape)
                }
            }
            index += width
            start = index
        }
        if html { append(bytes, start..<bytes.count) } else { appendQuotedRun(bytes, start..<bytes.count) }
        return bytes.isEmpty ? afterCR : bytes[bytes.count - 1] == UInt8(ascii: "\r")
    }

    /// Appends `bytes[range]`, text escaped earlier for the inside of a quoted string (a role's
    /// name, escaped once and copied into every tooltip that names it), counting it towards the
    /// current quoted token so that no token grows past ``DOTEscaping/maximumQuotedRun``.
    ///
    /// - Complexity: O(*n*) in the length of the range.
    mutating func appendEscapedText(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) {
        if quotedRun + range.count > DOTEscaping.maximumQuotedRun && quotedRun > 0 {
            append("\" + \"")
            quotedRun = 0
        }
        append(bytes, range)
        quotedRun += range.count
    }

    /// Makes room for `count` more bytes in the current quoted token, closing it and opening
    /// the next (`" + "`) when it would pass ``DOTEscaping/maximumQuotedRun``.
    private mutating func reserveQuotedRun(_ count: Int) {
        if quotedRun + count > DOTEscaping.maximumQuotedRun {
            append("\" + \"")
            quotedRun = 0
        }
        quotedRun += count
    }

    /// Appends `bytes[range]`, text that needs no escape, inside a quoted string, split into
    /// tokens of at most ``DOTEscaping/maximumQuotedRun`` bytes at character boundaries.
    private mutating func appendQuotedRun(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) {
        var lower = range.lowerBound
        while range.upperBound - lower > DOTEscaping.maximumQuotedRun - quotedRun {
            var cut = lower + max(0, DOTEscaping.maximumQuotedRun - quotedRun)
            // Never inside a UTF-8 sequence: back up to the byte that starts one.
            while cut > lower && bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
            append(bytes, lower..<cut)
            append("\" + \"")
            quotedRun = 0
            lower = cut
        }
        append(bytes, lower..<range.upperBound)
        quotedRun += range.upperBound - lower
    }

    /// Appends `\uXXXX` (four upper-case hex digits) for `value`.
    private mutating func appendUnicodeEscape(_ value: UInt32) {
        let digits: StaticString = "0123456789ABCDEF"
        append(byte: UInt8(ascii: "\\"))
        append(byte: UInt8(ascii: "u"))
        for shift in stride(from: 12, through: 0, by: -4) {
            append(byte: digits.utf8Start[Int(value >> UInt32(shift) & 0xF)])
        }
    }
}

/// What ``DOTOutput/appendEscaped`` escapes for.
private enum DOTEscapeMode {
    /// The inside of a DOT quoted string.
    case quoted
    /// One item of a `,`-separated list attribute inside a quoted string.
    case commaListItem
    /// One item of a `;`-separated list attribute inside a quoted string.
    case semicolonListItem
    /// The body of an HTML-like label.
    case html
}
