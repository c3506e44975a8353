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
        var result = "\""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 2)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": if !previousWasCR { result += "\\n" }
            case "\r": result += "\\n"  // CR LF and a lone CR are one line break each.
            case "\t": result.unicodeScalars.append(scalar)
            default: result.unicodeScalars.append(replacingUnencodable(scalar))
            }
        }
        result += "\""
        return result
    }

    /// `text` as the body of an HTML-like label (without the enclosing `<` and `>`).
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    static func html(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\n": if !previousWasCR { result += "<BR/>" }
            case "\r": result += "<BR/>"
            case "\t": result.unicodeScalars.append(scalar)
            default: result.unicodeScalars.append(replacingUnencodable(scalar))
            }
        }
        return result
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
