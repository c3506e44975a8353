/// Checks a DOT text for what libcgraph would take badly, before it sees the text.
///
/// Three checks, in one linear pass over the bytes that follows DOT's lexical rules (comments,
/// quoted strings with their escapes, HTML-like strings with their nesting):
///
/// - No token is longer than ``maximumTokenLength`` bytes. The `dot` tool refuses a longer
///   quoted string ("longer than 16384?"); libcgraph's in-memory reader accepts it but its lexer
///   takes time quadratic in the token's length (seconds for a few megabytes). A long text is
///   written as `"…" + "…"`, as RoleGraph's own export does.
/// - Every HTML-like string (`<…>`) is balanced: every tag it opens is closed, in order. `dot`
///   refuses a label with an unclosed tag when it lays the graph out; libcgraph, which only reads
///   the graph, would take it without a word.
/// - Every quoted string and `/* */` comment ends before the file does. The `dot` tool takes one
///   left open after the graph's closing brace, and so does libcgraph, but its lexer keeps the
///   open string's state for the next text parsed in the process, which then fails.
///
/// A problem is reported with its line and column (in Unicode scalars), computed only then.
enum DOTPreflight {
    /// The longest token accepted, in bytes: `dot`'s own limit.
    static let maximumTokenLength = 16_384

    /// - Throws: ``GraphLoadError/invalid(_:)`` with the first problem found.
    /// - Complexity: O(*n*) for *n* bytes.
    static func check(_ text: String, file: String) throws(GraphLoadError) {
        var text = text
        let problem: (message: String, offset: Int)? = text.withUTF8 { scan(UnsafeRawBufferPointer($0)) }
        guard let problem else { return }
        var line = 1, column = 1
        for byte in text.utf8.prefix(problem.offset) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        throw .invalid([Diagnostic(.other(problem.message), at: SourceLocation(file: file, line: line, column: column))])
    }

    /// The first problem and the byte offset it starts at, if any.
    private static func scan(_ bytes: UnsafeRawBufferPointer) -> (message: String, offset: Int)? {
        let count = bytes.count
        var i = 0
        var lineStart = true  // only whitespace since the last line break (for `#` lines)
        func tooLong(_ start: Int, _ what: String) -> (message: String, offset: Int) {
            ("\(what) longer than \(maximumTokenLength) bytes: split it as \"…\" + \"…\" (Graphviz's limit)", start)
        }
        while i < count {
            let byte = bytes[i]
            switch byte {
            case UInt8(ascii: "\n"):
                lineStart = true
                i += 1
                continue
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                i += 1
                continue
            case UInt8(ascii: "#") where lineStart:
                // A preprocessor line: skipped to its end.
                while i < count && bytes[i] != UInt8(ascii: "\n") { i += 1 }
                continue
            case UInt8(ascii: "/") where i + 1 < count && bytes[i + 1] == UInt8(ascii: "/"):
                while i < count && bytes[i] != UInt8(ascii: "\n") { i += 1 }
                continue
            case UInt8(ascii: "/") where i + 1 < count && bytes[i + 1] == UInt8(ascii: "*"):
                let start = i
                i += 2
                while i < count && !(bytes[i] == UInt8(ascii: "*") && i + 1 < count && bytes[i + 1] == UInt8(ascii: "/")) { i += 1 }
                if i >= count { return (unterminated("comment", "'/*'", "'*/'"), start) }
                i += 2
                continue
            case UInt8(ascii: "\""):
                let start = i
                i += 1
                while i < count && bytes[i] != UInt8(ascii: "\"") {
                    i += bytes[i] == UInt8(ascii: "\\") ? 2 : 1
                }
                if i >= count { return (unterminated("quoted string", "'\"'", "'\"'"), start) }
                i += 1
                if min(i, count) - start > maximumTokenLength + 2 { return tooLong(start, "a quoted string") }
            case UInt8(ascii: "<"):
                let start = i
                if let problem = html(bytes, &i) { return problem }
                if i - start > maximumTokenLength + 2 { return tooLong(start, "an HTML-like string") }
            default:
                if isIdentifierByte(byte) {
                    let start = i
                    while i < count && isIdentifierByte(bytes[i]) { i += 1 }
                    if i - start > maximumTokenLength { return tooLong(start, "a name") }
                } else {
                    i += 1
                }
            }
            lineStart = false
        }
        return nil
    }

    /// The message for a comment or quoted string the file ends inside. libcgraph takes such a
    /// text after the graph's closing brace without a word, but its lexer is left inside the
    /// string or comment, and the next text parsed in the process starts there and fails.
    private static func unterminated(_ what: String, _ opener: String, _ closer: String) -> String {
        "unterminated \(what): the \(opener) here has no closing \(closer) before the end of the file"
    }

    /// Letters, digits, `_`, `.`, `-` and every byte of a non-ASCII character: what DOT's ids
    /// and numbers are made of.
    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }

    /// Scans an HTML-like string from its opening `<` (at `i`) to just past its closing `>`, as
    /// DOT's lexer delimits it (by counting `<` and `>`), checking that its tags nest.
    private static func html(_ bytes: UnsafeRawBufferPointer, _ i: inout Int) -> (message: String, offset: Int)? {
        let start = i
        var open: [(name: String, offset: Int)] = []
        i += 1  // the outer <
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: ">") {
                // The outer string's end.
                i += 1
                if let unclosed = open.last {
                    return ("unclosed tag <\(unclosed.name)> in an HTML-like label (every tag needs its </\(unclosed.name)>)", unclosed.offset)
                }
                return nil
            }
            guard byte == UInt8(ascii: "<") else {
                i += 1
                continue
            }
            // A tag: from < to its >, which for DOT's lexer is one level of nesting.
            let tagStart = i
            var depth = 0
            var end = i
            while end < bytes.count {
                if bytes[end] == UInt8(ascii: "<") { depth += 1 }
                if bytes[end] == UInt8(ascii: ">") {
                    depth -= 1
                    if depth == 0 { break }
                }
                end += 1
            }
            guard end < bytes.count else { break }
            let body = UnsafeRawBufferPointer(rebasing: bytes[(tagStart + 1)..<end])
            i = end + 1
            if body.first == UInt8(ascii: "!") { continue }  // a comment
            let closing = body.first == UInt8(ascii: "/")
            let selfClosing = body.last == UInt8(ascii: "/")
            let nameBytes = body.drop { $0 == UInt8(ascii: "/") }.prefix {
                $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") && $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "/")
            }
            let name = String(decoding: nameBytes.prefix(40), as: UTF8.self).uppercased()
            if closing {
                guard let last = open.popLast() else {
                    return ("closing tag </\(name)> without an opening tag in an HTML-like label", tagStart)
                }
                if last.name != name {
                    return ("closing tag </\(name)> does not match <\(last.name)> in an HTML-like label", tagStart)
                }
            } else if !selfClosing {
                open.append((name, tagStart))
            }
        }
        i = bytes.count
        return ("unterminated HTML-like string: expected '>' before the end of the file", start)
    }
}
