import Foundation
import Testing
@testable import RoleGraphKit
import RoleGraphAlgorithms
import Yams

/// JSON graph files go through RoleGraph's own RFC 8259 parser: all of JSON is accepted
/// (surrogate pairs included), nothing else is, and locations stay file:line:column.
@Suite struct JSONNodeParserTests {
    static let graph = #"{"format": 1, "name": "G \ud83d\ude00", "areas": [{"id": "a", "name": "A"}],"#
        + #" "roles": [{"id": "x", "name": "X \ud83d\ude00 \u00e9\t\"q\" \\ \/", "area": "a", "entry_level": true, "summary": null}]}"#

    @Test func surrogatePairsAreOneCharacter() throws {
        let graph = try RoleGraph.parse(Self.graph, format: .json, file: "emoji.json")
        #expect(graph.name == "G 😀")
        #expect(graph.roles[0].name == "X 😀 é\t\"q\" \\ /")
        #expect(graph.roles[0].entryLevel == true)
    }

    /// What Python's `json.dumps` writes (ASCII only, every non-ASCII character escaped) reads
    /// back as the same text.
    @Test func asciiEscapedTextReadsBack() throws {
        let name = "Ωmega 😀 数据 \u{1} \u{FFFF} 👩‍💻"
        let escaped = name.utf16.map { $0 < 0x80 && $0 >= 0x20 ? String(UnicodeScalar(UInt8($0))) : String(format: "\\u%04x", $0) }.joined()
        let text = #"{"format": 1, "name": "\#(escaped)", "areas": [{"id": "a", "name": "A"}], "roles": [{"id": "x", "name": "n", "area": "a"}]}"#
        #expect(try RoleGraph.parse(text, format: .json).name == name)
    }

    /// Random JSON values, written by Foundation's JSONSerialization, parse to the same values.
    @Test func foundationJSONParsesToTheSameValues() throws {
        var generator = SplitMix64(seed: 8259)
        let pieces = ["a", "é", "😀", "\"", "\\", "/", "\n", "\u{1}", "\u{7F}", "数", " "]
        func value(_ depth: Int) -> Any {
            switch Int.random(in: 0..<(depth > 3 ? 4 : 6), using: &generator) {
            case 0: return (0..<Int.random(in: 0...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            case 1: return Int.random(in: -1_000_000...1_000_000, using: &generator)
            case 2: return Bool.random(using: &generator)
            case 3: return NSNull()
            case 4: return (0..<Int.random(in: 0...4, using: &generator)).map { _ in value(depth + 1) }
            default:
                var object: [String: Any] = [:]
                for i in 0..<Int.random(in: 0...4, using: &generator) { object["k\(i)\(pieces.randomElement(using: &generator)!)"] = value(depth + 1) }
                return object
            }
        }
        func same(_ node: Node, _ value: Any) -> Bool {
            switch (node, value) {
            case (.scalar(let s), let text as String): return s.style == .doubleQuoted && s.string == text
            // The generated values (Swift Bool and Int), not what Foundation reads back.
            case (.scalar(let s), let flag as Bool): return s.style == .plain && s.string == (flag ? "true" : "false")
            case (.scalar(let s), let number as Int): return s.style == .plain && Int(s.string) == number
            case (.scalar(let s), is NSNull): return s.string == "null" && s.style == .plain
            case (.sequence(let items), let array as [Any]):
                return items.count == array.count && zip(items, array).allSatisfy { same($0, $1) }
            case (.mapping(let mapping), let object as [String: Any]):
                return mapping.count == object.count && mapping.allSatisfy { key, child in
                    guard case .scalar(let k) = key, let expected = object[k.string] else { return false }
                    return same(child, expected)
                }
            default: return false
            }
        }
        for _ in 0..<300 {
            let root: Any = [value(0), value(0)]
            let data = try JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted])
            let node = try JSONNodeParser.parse(String(decoding: data, as: UTF8.self))
            #expect(same(node, root), "\(String(decoding: data, as: UTF8.self))")
        }
    }

    @Test(arguments: [
        (#"{"a": 1,}"#, 1, 9, "expected a string key in the object"),
        (#"[1, 2"#, 1, 6, "expected ',' or ']' after the array item"),
        ("{\n  \"a\": 01\n}", 2, 9, "expected ',' or '}' after the object member"),
        (#"{"a": 'x'}"#, 1, 7, "expected a JSON value (an object, array, string, number, true, false or null)"),
        (#"{"a": "\ud83d"}"#, 1, 8, "lone UTF-16 surrogate \\uD83D: a high surrogate must be followed by a low one (\\uDC00-\\uDFFF)"),
        (#"{"é": "\x"}"#, 1, 8, "invalid escape in a string: JSON allows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX"),
        ("{\"a\": \"x\ty\"}", 1, 9, "control character U+0009 in a string: write it as an escape such as \\n or \\u0009"),
        (#"{} // comment"#, 1, 4, "unexpected text after the JSON value"),
        (#"{"a": tru}"#, 1, 7, "expected a JSON value (an object, array, string, number, true, false or null)"),
        (#"{"a": -}"#, 1, 8, "expected a digit in the number"),
        (#"{"a": 1.e5}"#, 1, 9, "expected a digit after the decimal point"),
        ("", 1, 1, "expected a JSON value, found the end of the file"),
    ])
    func invalidJSONIsLocated(text: String, line: Int, column: Int, message: String) {
        #expect(throws: GraphLoadError.invalid([Diagnostic(.syntax(message), at: SourceLocation(file: "f.json", line: line, column: column))])) {
            try RoleGraph.parse(text, format: .json, file: "f.json")
        }
    }

    /// Deep nesting is an error, not a stack overflow.
    @Test func deepNestingIsRefused() {
        let text = String(repeating: "[", count: 100_000)
        #expect(throws: JSONNodeParser.SyntaxError.self) { try JSONNodeParser.parse(text) }
    }

    /// Schema problems keep the YAML reader's locations: line and column of the value.
    @Test func schemaProblemsAreLocated() {
        let text = "{\"format\": 1, \"name\": \"G\", \"areas\": [{\"id\": \"a\", \"name\": \"A\"}],\n \"roles\": [\"😀😀\", 3]}"
        #expect(throws: GraphLoadError.self) { try RoleGraph.parse(text, format: .json, file: "f.json") }
        do {
            _ = try RoleGraph.parse(text, format: .json, file: "f.json")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "f.json:2:12: a role must be a mapping, found a string ('😀😀')",
                "f.json:2:18: a role must be a mapping, found a number (3)",
            ])
        }
    }
}
