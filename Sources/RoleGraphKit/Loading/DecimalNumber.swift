/// Decimal numbers as people write them in graph files: no hexadecimal, no `inf` or `nan` words
/// (YAML spells those `.inf` and `.nan`), no trailing text.
enum DecimalNumber {
    /// `[-+]? ( digits [. digits?] | . digits ) ([eE] [-+]? digits)?` as a number, else `nil`.
    static func parse(_ text: String) -> Double? {
        var digits = 0, i = text.utf8.startIndex
        let bytes = text.utf8
        func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
        if i < bytes.endIndex, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") { i = bytes.index(after: i) }
        while i < bytes.endIndex, isDigit(bytes[i]) { digits += 1; i = bytes.index(after: i) }
        if i < bytes.endIndex, bytes[i] == UInt8(ascii: ".") {
            i = bytes.index(after: i)
            while i < bytes.endIndex, isDigit(bytes[i]) { digits += 1; i = bytes.index(after: i) }
        }
        guard digits > 0 else { return nil }
        if i < bytes.endIndex, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i = bytes.index(after: i)
            if i < bytes.endIndex, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") { i = bytes.index(after: i) }
            var exponent = 0
            while i < bytes.endIndex, isDigit(bytes[i]) { exponent += 1; i = bytes.index(after: i) }
            guard exponent > 0 else { return nil }
        }
        guard i == bytes.endIndex else { return nil }
        return Double(text.hasPrefix("+") ? String(text.dropFirst()) : text)
    }
}
