/// Escaping for XML 1.0 text and attribute values (GraphML, and the HTML-like labels of DOT).
///
/// Two rules beyond the five entities matter for round trips. XML 1.0 forbids most control
/// characters outright, even as character references, so they are replaced by U+FFFD rather than
/// producing a file that Gephi or `XMLParser` rejects. And a parser normalises line breaks (CR LF
/// to LF everywhere; tab, CR and LF to spaces inside attribute values), so those characters are
/// written as character references where normalisation would otherwise change them.
enum XMLEscaping {
    /// Whether XML 1.0 allows `scalar` in a document: tab, LF, CR, U+0020–U+D7FF,
    /// U+E000–U+FFFD and the supplementary planes. (Swift strings never hold surrogates.)
    ///
    /// - Complexity: O(1).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// `text` escaped for element content: `& < >` as entities (`>` so that `]]>` can never
    /// appear), CR as `&#13;` so a parser keeps it. Quotes need no escaping there and stay as
    /// they are, for readable files.
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    static func text(_ text: String) -> String {
        escape(text, inAttribute: false)
    }

    /// `text` escaped for a double- or single-quoted attribute value: as ``text(_:)``, plus tab,
    /// LF and CR as character references so attribute-value normalisation keeps them.
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    static func attribute(_ text: String) -> String {
        escape(text, inAttribute: true)
    }

    private static func escape(_ text: String, inAttribute: Bool) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where inAttribute: result += "&quot;"
            case "'" where inAttribute: result += "&apos;"
            case "\r": result += "&#13;"
            case "\n" where inAttribute: result += "&#10;"
            case "\t" where inAttribute: result += "&#9;"
            default: result.unicodeScalars.append(isAllowed(scalar) ? scalar : "\u{FFFD}")
            }
        }
        return result
    }
}
