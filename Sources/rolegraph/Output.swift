import Foundation
import RoleGraphKit

/// Small helpers for the text and JSON the commands print.
enum Output {
    /// Pretty, stable JSON (keys sorted) followed by a newline.
    static func json(_ value: some Encodable) throws -> String {
        String(decoding: try jsonEncoder().encode(value), as: UTF8.self)
    }

    /// The encoder of every JSON output: pretty-printed, keys sorted, slashes as they are.
    static func jsonEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Left-aligned columns separated by two spaces, fitted to the terminal (``Terminal/width``):
    /// cells are aligned by display width (a CJK character or an emoji takes two columns); the
    /// last column is not padded and wraps onto continuation lines aligned under it when a row is
    /// too wide; when the other columns alone leave it fewer than 20 columns, the widest of them is
    /// narrowed (to no less than 12) and its long cells end in "…" — but only when the width is
    /// known (`COLUMNS` or a terminal): in a pipe or a file nothing is cut. No line ends in a space.
    static func table(_ rows: [[String]], indent: String = "", width: Int = Terminal.width,
                      mayCut: Bool = Terminal.measuredWidth != nil) -> String {
        let rows = rows.map { $0.map(clean) }
        guard let columns = rows.map(\.count).max(), columns > 0 else { return "" }
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (i, cell) in row.enumerated() where i < columns - 1 { widths[i] = max(widths[i], Terminal.displayWidth(cell)) }
        }
        let indentWidth = Terminal.displayWidth(indent)
        func prefixWidth() -> Int { indentWidth + widths.dropLast().reduce(0, +) + 2 * (columns - 1) }
        while mayCut && columns > 1 && prefixWidth() > width - 20,
              let widest = widths.dropLast().indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 12 {
            widths[widest] -= 1
        }
        let lastWidth = max(10, width - prefixWidth())
        var lines: [String] = []
        for row in rows {
            var line = indent
            for (i, cell) in row.enumerated() where i < row.count - 1 {
                let fitted = truncated(cell, to: widths[i])
                line += fitted + String(repeating: " ", count: max(0, widths[i] - Terminal.displayWidth(fitted))) + "  "
            }
            let continuation = String(repeating: " ", count: Terminal.displayWidth(line))
            let last = row.last ?? ""
            let wrapped = row.count == columns ? wrapLines(last, width: lastWidth) : [last]
            for (k, part) in wrapped.enumerated() {
                lines.append(trimmingTrailingSpaces((k == 0 ? line : continuation) + part))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `text` cut to `width` display columns, ending in "…" when cut.
    static func truncated(_ text: String, to width: Int) -> String {
        guard Terminal.displayWidth(text) > width else { return text }
        var result = ""
        var used = 0
        for character in text {
            let w = Terminal.displayWidth(String(character))
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }

    static func trimmingTrailingSpaces(_ line: String) -> String {
        var line = Substring(line)
        while line.last == " " { line.removeLast() }
        return String(line)
    }

    /// Words of `text` in lines of at most `width` display columns (a longer word alone on its line).
    static func wrapLines(_ text: String, width: Int) -> [String] {
        guard Terminal.displayWidth(text) > width else { return [text] }
        var lines: [String] = []
        var line = ""
        var used = 0
        for word in text.split(separator: " ") {
            let w = Terminal.displayWidth(String(word))
            if !line.isEmpty && used + 1 + w > width {
                lines.append(line)
                line = ""
                used = 0
            }
            line += (line.isEmpty ? "" : " ") + word
            used += (used == 0 ? 0 : 1) + w
        }
        if !line.isEmpty { lines.append(line) }
        return lines.isEmpty ? [""] : lines
    }

    /// Wraps text to `width` display columns (96, or the terminal when narrower), prefixing every
    /// line with `indent`.
    static func wrap(_ text: String, width: Int = min(96, Terminal.width), indent: String = "") -> String {
        wrapLines(clean(text), width: max(20, width - Terminal.displayWidth(indent)))
            .map { trimmingTrailingSpaces(indent + $0) }.joined(separator: "\n")
    }

    /// "2" rather than "2.0"; two decimals for ordinary fractions; significant digits for the
    /// very large and the very small (a cost of 1e-7 is not "0.00").
    static func number(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        if abs(value) >= 1e15 || abs(value) < 0.01 { return String(format: "%.3g", value) }
        return String(format: "%.2f", value)
    }

    /// Text from a graph file made safe for a terminal: control characters shown as escapes,
    /// so a name cannot break a table row or drive the terminal.
    static func clean(_ text: String) -> String {
        visibleControlCharacters(text, keepingLineBreaks: false)
    }

    /// `text` with control characters written as escapes (`\n`, `\t`, `\r`, `\u{1B}`); line
    /// breaks are kept as they are when `keepingLineBreaks`. The one place text from a graph file
    /// is made safe for a terminal: error lines, table cells and all command output use it.
    static func visibleControlCharacters(_ text: String, keepingLineBreaks: Bool) -> String {
        // The control characters (general category Cc) are exactly U+0000–U+001F and
        // U+007F–U+009F, a set Unicode keeps stable: compared by value, not looked up.
        func isControl(_ scalar: Unicode.Scalar) -> Bool { scalar.value < 0x20 || (0x7F ... 0x9F).contains(scalar.value) }
        guard text.unicodeScalars.contains(where: { isControl($0) && !(keepingLineBreaks && $0 == "\n") }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n" where keepingLineBreaks: result.unicodeScalars.append(scalar)
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if isControl(scalar) {
                    result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}

extension RoleGraph {
    /// "Data Analyst" for an id, for messages.
    func displayName(_ id: RoleID) -> String { role(id)?.name ?? id.rawValue }
    func skillName(_ id: SkillID) -> String { skill(id)?.name ?? id.rawValue }
}
