import Foundation

/// Escaping for the explorer page: text in HTML, JSON inside a `<script>` element, and the
/// Graphviz SVG inline in HTML.
enum ExplorerEscaping {
    /// `text` as HTML text or a quoted attribute value: `&`, `<`, `>`, `"` and `'` as references.
    ///
    /// - Complexity: O(*n*).
    static func htmlText(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// JSON text that can stand inside `<script type="application/json">`: `<`, `>`, `&` and
    /// the JavaScript line terminators U+2028 and U+2029 as `\uXXXX` escapes. They can only occur
    /// inside JSON strings, where the escape means the same character, so `JSON.parse` reads the
    /// same value while `</script>` or `<!--` can never appear in the element.
    ///
    /// - Complexity: O(*n*).
    static func scriptSafeJSON(_ json: String) -> String {
        var out = ""
        out.reserveCapacity(json.utf8.count)
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Graphviz's SVG document as an element to put inline in HTML: the XML declaration, the
    /// doctype and every comment (Graphviz writes role ids into them) removed, from `<svg` on.
    ///
    /// It works on the UTF-8 bytes: a search in a `String` with non-ASCII text in it converts
    /// offsets on every call, which would make this quadratic in the document's length.
    ///
    /// - Complexity: O(*n*).
    static func inlineSVG(_ svg: [UInt8]) -> String {
        let open = Array("<!--".utf8), close = Array("-->".utf8)
        guard var at = firstIndex(of: Array("<svg".utf8), in: svg, from: 0) else { return "" }
        var out: [UInt8] = []
        out.reserveCapacity(svg.count - at)
        while let comment = firstIndex(of: open, in: svg, from: at) {
            out += svg[at ..< comment]
            guard let end = firstIndex(of: close, in: svg, from: comment + open.count) else {
                at = svg.count
                break
            }
            at = end + close.count
        }
        out += svg[at...]
        return String(decoding: out, as: UTF8.self)
    }

    /// The first position at or after `start` where `pattern` (a few bytes) occurs in `bytes`.
    ///
    /// - Complexity: O(*n* · *m*) for *n* bytes searched and a pattern of *m*.
    private static func firstIndex(of pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = pattern.first, bytes.count >= pattern.count else { return nil }
        var i = start
        while i <= bytes.count - pattern.count {
            if bytes[i] == first && bytes[i ..< i + pattern.count].elementsEqual(pattern) { return i }
            i += 1
        }
        return nil
    }
}
