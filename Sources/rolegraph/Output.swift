import Foundation
import RoleGraphKit

/// Small helpers for the text and JSON the commands print.
enum Output {
    /// Pretty, stable JSON (keys sorted) followed by a newline.
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Left-aligned columns separated by two spaces; the last column is not padded.
    static func table(_ rows: [[String]], indent: String = "") -> String {
        let rows = rows.map { $0.map(clean) }
        guard let columns = rows.map(\.count).max(), columns > 0 else { return "" }
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (i, cell) in row.enumerated() where i < columns - 1 { widths[i] = max(widths[i], cell.count) }
        }
        return rows.map { row in
            indent + row.enumerated().map { i, cell in
                // Padded by characters: Foundation's padding(toLength:) counts UTF-16 units, and
                // cut "X😀" to "X" and half an emoji.
                i == row.count - 1 ? cell : cell + String(repeating: " ", count: max(0, widths[i] - cell.count))
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    /// Wraps text to `width` columns, prefixing every line with `indent`.
    static func wrap(_ text: String, width: Int = 96, indent: String = "") -> String {
        var lines: [String] = []
        var line = ""
        for word in clean(text).split(separator: " ") {
            if !line.isEmpty && indent.count + line.count + 1 + word.count > width {
                lines.append(indent + line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(indent + line) }
        return lines.joined(separator: "\n")
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
        guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n" where keepingLineBreaks: result.unicodeScalars.append(scalar)
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.properties.generalCategory == .control {
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
