/// Quoting for Graphviz DOT text.
///
/// A graph file may hold any text in an id, a name or a note, so nothing is ever written into DOT
/// raw. Two quotings are needed because DOT has two kinds of string:
///
/// - Quoted strings (`"…"`) for ids and for escString attributes (`tooltip`, edge `label`):
///   Graphviz's lexer ends the string at an unescaped `"`, and escString attributes then read
///   backslash sequences (`\n`, `\l`, `\N` for the node's name…). So `\` becomes `\\` (a literal
///   backslash once the escString is read, never the start of `\N`), `"` becomes `\"`, and a
///   line break becomes `\n`.
/// - HTML-like strings (`<…>`) for the node labels, which mix bold names with small badge
///   lines: Graphviz parses them as XML, so `&`, `<`, `>` and `"` become entities and a line
///   break becomes `<BR/>`; a backslash is an ordinary character there.
///
/// Characters that no output format can carry (C0 control characters other than tab, and
/// U+FFFE/U+FFFF) become U+FFFD, because Graphviz copies label text into SVG, where they would
/// make the XML invalid. Everything else, including non-Latin text, is kept as UTF-8 (the writer
/// declares `charset="UTF-8"`).
enum DOTEscaping {
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
        appendQuotedBody(text)
        append(byte: UInt8(ascii: "\""))
    }

    /// Appends `text` escaped for the inside of a DOT quoted string.
    ///
    /// A string written in pieces must pass on whether the piece before ended with CR, so that a
    /// CR LF split across two pieces is still one line break.
    ///
    /// - Parameter afterCR: whether the text before `text`, in the same string, ends with CR.
    /// - Returns: whether the text written so far ends with CR.
    /// - Complexity: O(*n*) in the length of `text`.
    @discardableResult
    mutating func appendQuotedBody(_ text: String, afterCR: Bool = false) -> Bool {
        var text = text
        return text.withUTF8 { appendEscaped(UnsafeRawBufferPointer($0), html: false, afterCR: afterCR) }
    }

    /// Appends `text` escaped for the body of an HTML-like label.
    ///
    /// - Parameter afterCR: as for ``appendQuotedBody(_:afterCR:)``.
    /// - Returns: whether the text written so far ends with CR.
    /// - Complexity: O(*n*) in the length of `text`.
    @discardableResult
    mutating func appendHTML(_ text: String, afterCR: Bool = false) -> Bool {
        var text = text
        return text.withUTF8 { appendEscaped(UnsafeRawBufferPointer($0), html: true, afterCR: afterCR) }
    }

    /// The one escaping loop for both kinds of DOT string (see ``DOTEscaping``).
    private mutating func appendEscaped(_ bytes: UnsafeRawBufferPointer, html: Bool, afterCR: Bool) -> Bool {
        // Bytes below 128 that need a look, as bit masks: control characters other than tab, and
        // the quoting's own specials.
        let controls: UInt64 = 0xFFFF_FFFF & ~(1 << 0x09)
        let low: UInt64 = html
            ? controls | 1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E  // " & ' < >
            : controls | 1 << 0x22  // "
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
            let replacement: StaticString?
            switch byte {
            case 0xEF:
                // U+FFFE and U+FFFF are EF BF BE and EF BF BF; any other EF sequence stays.
                guard index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE else {
                    index += 1
                    continue
                }
                width = 3
                replacement = "\u{FFFD}"
            case UInt8(ascii: "\n"):
                // CR LF and a lone CR are one line break each.
                let previousWasCR = index > 0 ? bytes[index - 1] == UInt8(ascii: "\r") : afterCR
                replacement = previousWasCR ? nil : html ? "<BR/>" : "\\n"
            case UInt8(ascii: "\r"): replacement = html ? "<BR/>" : "\\n"
            case UInt8(ascii: "\""): replacement = html ? "&quot;" : "\\\""
            case UInt8(ascii: "\\"): replacement = "\\\\"
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "'"): replacement = "&#39;"
            default: replacement = "\u{FFFD}"  // a control character no output format can carry
            }
            append(bytes, start..<index)
            if let replacement { append(replacement) }
            index += width
            start = index
        }
        append(bytes, start..<bytes.count)
        return bytes.isEmpty ? afterCR : bytes[bytes.count - 1] == UInt8(ascii: "\r")
    }
}
