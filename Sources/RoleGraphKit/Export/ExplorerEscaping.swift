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
    /// - Complexity: O(*n*).
    static func inlineSVG(_ svg: [UInt8]) -> String {
        let text = String(decoding: svg, as: UTF8.self)
        guard let start = text.range(of: "<svg") else { return "" }
        var body = Substring(text[start.lowerBound...])
        var out = ""
        out.reserveCapacity(body.utf8.count)
        while let open = body.range(of: "<!--") {
            out += body[..<open.lowerBound]
            guard let close = body[open.upperBound...].range(of: "-->") else { body = ""; break }
            body = body[close.upperBound...]
        }
        out += body
        return out
    }
}
