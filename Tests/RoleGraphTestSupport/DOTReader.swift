import Foundation

/// A small DOT reader for tests: enough of the DOT grammar to parse what ``DOTWriter`` writes,
/// following Graphviz's own lexing rules, so that escaping is checked by reading the text back
/// the way Graphviz would rather than by comparing with the writer's own escaper.
///
/// Lexing as in Graphviz's `scan.l`: in a quoted string, `\"` is a quote, `\\` two backslashes
/// (kept as they are, and never escaping the quote after them), backslash-newline nothing, and
/// the first other `"` ends the string; an HTML string runs to
/// its matching `>`, nesting on `<`. Attribute values are then decoded as Graphviz does for
/// escString attributes (``escString(_:)``) or HTML-like labels (``htmlText(_:)``).
package struct DOTReader {
    package enum Token: Equatable {
        case id(String)        // a bare word or number
        case quoted(String)    // a "…" string, after the lexer's own processing
        case html(String)      // a <…> string, without the outer brackets
        case symbol(String)    // { } [ ] ; , = -> --
    }

    package struct ParseError: Error, CustomStringConvertible {
        package var description: String
    }

    package struct Node {
        package var id: String
        package var attributes: [String: Token]
        /// The subgraphs the node statement is in, outermost first.
        package var subgraphs: [String]
    }

    package struct Edge {
        package var from: String
        package var to: String
        package var attributes: [String: Token]
        package var subgraphs: [String]
    }

    package var graphName = ""
    package var graphAttributes: [String: Token] = [:]
    package var nodes: [Node] = []
    package var edges: [Edge] = []
    package var subgraphs: [String] = []
    /// `graph [...]` attributes of each subgraph, by name.
    package var subgraphAttributes: [String: [String: Token]] = [:]

    // MARK: Lexing

    package static func tokenize(_ text: String) throws -> [Token] {
        let chars = Array(text.unicodeScalars)
        var tokens: [Token] = []
        var concatenating = false
        var i = 0
        func isWord(_ c: Unicode.Scalar) -> Bool {
            c == "_" || c == "." || CharacterSet.alphanumerics.contains(c) || c.value >= 0x80
        }
        while i < chars.count {
            let c = chars[i]
            if c == " " || c == "\t" || c == "\n" || c == "\r" { i += 1; continue }
            if c == "/" && i + 1 < chars.count && chars[i + 1] == "/" {
                while i < chars.count && chars[i] != "\n" { i += 1 }
                continue
            }
            if c == "\"" {
                var value = String.UnicodeScalarView()
                i += 1
                var closed = false
                while i < chars.count {
                    let d = chars[i]
                    if d == "\\" && i + 1 < chars.count && chars[i + 1] == "\"" {
                        value.append("\""); i += 2; continue
                    }
                    if d == "\\" && i + 1 < chars.count && chars[i + 1] == "\n" { i += 2; continue }
                    if d == "\\" && i + 1 < chars.count && chars[i + 1] == "\\" {
                        value.append("\\"); value.append("\\"); i += 2; continue
                    }
                    if d == "\"" { closed = true; i += 1; break }
                    value.append(d); i += 1
                }
                guard closed else { throw ParseError(description: "unterminated quoted string") }
                if concatenating, case .quoted(let head)? = tokens.last {
                    tokens[tokens.count - 1] = .quoted(head + String(value))
                } else {
                    tokens.append(.quoted(String(value)))
                }
                concatenating = false
                continue
            }
            // `"a" + "b"`: DOT's concatenation of quoted strings (long texts are written so).
            if c == "+", case .quoted? = tokens.last {
                concatenating = true; i += 1; continue
            }
            if c == "<" {
                var depth = 1
                var value = String.UnicodeScalarView()
                i += 1
                while i < chars.count {
                    let d = chars[i]
                    if d == "<" { depth += 1 }
                    if d == ">" { depth -= 1; if depth == 0 { break } }
                    value.append(d); i += 1
                }
                guard depth == 0 else { throw ParseError(description: "unterminated HTML string") }
                i += 1
                tokens.append(.html(String(value)))
                continue
            }
            if c == "-" && i + 1 < chars.count && (chars[i + 1] == ">" || chars[i + 1] == "-") {
                tokens.append(.symbol(chars[i + 1] == ">" ? "->" : "--")); i += 2; continue
            }
            if "{}[];,=".unicodeScalars.contains(c) { tokens.append(.symbol(String(c))); i += 1; continue }
            if isWord(c) || c == "-" {
                var value = String.UnicodeScalarView()
                while i < chars.count && (isWord(chars[i]) || chars[i] == "-") { value.append(chars[i]); i += 1 }
                tokens.append(.id(String(value)))
                continue
            }
            throw ParseError(description: "unexpected character \(c) at offset \(i)")
        }
        return tokens
    }

    // MARK: Parsing

    package init(_ text: String) throws {
        let tokens = try Self.tokenize(text)
        var p = 0
        func peek() -> Token? { p < tokens.count ? tokens[p] : nil }
        func next() throws -> Token {
            guard p < tokens.count else { throw ParseError(description: "unexpected end") }
            defer { p += 1 }
            return tokens[p]
        }
        func expect(_ symbol: String) throws {
            let t = try next()
            guard t == .symbol(symbol) else { throw ParseError(description: "expected \(symbol), got \(t)") }
        }
        func idValue(_ t: Token) throws -> String {
            switch t {
            case .id(let s), .quoted(let s), .html(let s): return s
            case .symbol(let s): throw ParseError(description: "expected an id, got \(s)")
            }
        }
        func attributeList() throws -> [String: Token] {
            var result: [String: Token] = [:]
            while peek() == .symbol("[") {
                p += 1
                while peek() != .symbol("]") {
                    let key = try idValue(try next())
                    try expect("=")
                    let value = try next()
                    if case .symbol = value { throw ParseError(description: "attribute \(key) has no value") }
                    guard result[key] == nil else { throw ParseError(description: "attribute \(key) given twice") }
                    result[key] = value
                    if peek() == .symbol(",") || peek() == .symbol(";") { p += 1 }
                }
                try expect("]")
            }
            return result
        }
        func statements(in stack: [String]) throws {
            while let t = peek(), t != .symbol("}") {
                if t == .symbol(";") { p += 1; continue }
                if t == .id("subgraph") || t == .symbol("{") {
                    var name = "<anonymous>"
                    if t == .id("subgraph") { p += 1; name = try idValue(try next()) }
                    try expect("{")
                    if name != "<anonymous>" { subgraphs.append(name) }
                    try statements(in: stack + [name])
                    try expect("}")
                    continue
                }
                if t == .id("graph") || t == .id("node") || t == .id("edge") {
                    p += 1
                    let attributes = try attributeList()
                    if t == .id("graph") {
                        if let name = stack.last { subgraphAttributes[name, default: [:]].merge(attributes) { $1 } }
                        else { graphAttributes.merge(attributes) { $1 } }
                    }
                    continue
                }
                let first = try idValue(try next())
                if peek() == .symbol("=") {  // ID = ID
                    p += 1
                    _ = try next()
                    continue
                }
                var chain = [first]
                while peek() == .symbol("->") { p += 1; chain.append(try idValue(try next())) }
                let attributes = try attributeList()
                if chain.count == 1 {
                    nodes.append(Node(id: first, attributes: attributes, subgraphs: stack))
                } else {
                    for (a, b) in zip(chain, chain.dropFirst()) {
                        edges.append(Edge(from: a, to: b, attributes: attributes, subgraphs: stack))
                    }
                }
            }
        }
        guard try next() == .id("digraph") else { throw ParseError(description: "expected digraph") }
        graphName = try idValue(try next())
        try expect("{")
        try statements(in: [])
        try expect("}")
        guard p == tokens.count else { throw ParseError(description: "text after the graph") }
    }

    package func node(_ id: String) -> Node? { nodes.first { $0.id == id } }

    // MARK: Decoding

    /// An escString attribute as Graphviz shows it: `\\` is a backslash, `\n`, `\l` and `\r` are
    /// line breaks, and `&amp;` is `&`.
    package static func escString(_ raw: String) -> String {
        var result = ""
        var iterator = raw.unicodeScalars.makeIterator()
        while let c = iterator.next() {
            guard c == "\\" else { result.unicodeScalars.append(c); continue }
            guard let d = iterator.next() else { result += "\\"; break }
            switch d {
            case "\\": result += "\\"
            case "n", "l", "r": result += "\n"
            default: result.unicodeScalars.append(c); result.unicodeScalars.append(d)
            }
        }
        // Graphviz draws the entity RoleGraph writes for `&` as the character.
        return result.replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The text of an HTML-like label: `<BR/>` as a line break, other tags dropped, entities
    /// decoded.
    package static func htmlText(_ raw: String) -> String {
        var text = ""
        var rest = Substring(raw)
        while let open = rest.firstIndex(of: "<") {
            text += rest[..<open]
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let tag = rest[open...close].uppercased()
            if tag.hasPrefix("<BR") { text += "\n" }
            rest = rest[rest.index(after: close)...]
        }
        text += rest
        return decodeEntities(text)
    }

    package static func decodeEntities(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            guard let semi = rest[amp...].firstIndex(of: ";") else { rest = rest[amp...]; break }
            let name = rest[rest.index(after: amp)..<semi]
            switch name {
            case "amp": result += "&"
            case "lt": result += "<"
            case "gt": result += ">"
            case "quot": result += "\""
            case "apos": result += "'"
            default:
                if name.hasPrefix("#"), let code = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(code) {
                    result.unicodeScalars.append(scalar)
                } else {
                    result += rest[amp...semi]
                }
            }
            rest = rest[rest.index(after: semi)...]
        }
        return result + rest
    }
}

extension DOTReader.Token {
    /// The value of an id, quoted or HTML string as the raw text Graphviz stores.
    package var text: String {
        switch self {
        case .id(let s), .quoted(let s), .html(let s), .symbol(let s): s
        }
    }
}
