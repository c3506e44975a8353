import Testing
@testable import RoleGraphKit
import RoleGraphAlgorithms
import RoleGraphGraphviz
import RoleGraphTestSupport

/// The DOT writer escapes UTF-8 bytes, in pieces, straight into its output. These tests hold it
/// to the plain definition: escaping the whole text one Unicode scalar at a time.
@Suite struct DOTEscapingTests {
    /// The escapes as first written, scalar by scalar (the definition the byte loop must match).
    enum Reference {
        static func quoted(_ text: String) -> String {
            var result = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": result += "\\\""
                case "\\": result += "\\\\"
                case "\n": result += "\\n"
                case "\r": result += "\\r"
                case "&": result += "&amp;"
                case "\t": result.unicodeScalars.append(scalar)
                default:
                    if XMLEscaping.isAllowed(scalar) {
                        result.unicodeScalars.append(scalar)
                    } else {
                        let hex = String(scalar.value, radix: 16, uppercase: true)
                        result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    }
                }
            }
            return result + "\""
        }

        static func html(_ text: String) -> String {
            var result = ""
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
                default: result.unicodeScalars.append(XMLEscaping.isAllowed(scalar) ? scalar : "\u{FFFD}")
                }
            }
            return result
        }
    }

    /// Pieces that stress the byte loop: every special, control characters, the non-characters
    /// U+FFFE and U+FFFF next to their EF-led neighbours, CR and LF in both orders, and
    /// multi-byte text of every length.
    static let pieces = [
        "a", "Z", "0", " ", "\"", "\\", "\n", "\r", "\r\n", "\n\r", "\t", "<", ">", "&", "'", "\u{0}",
        "\u{1}", "\u{7}", "\u{B}", "\u{C}", "\u{1F}", "\u{7F}", "\u{85}", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}",
        "\u{EFFF}", "\u{E000}", "\u{FFEF}", "\u{F000}", "é", "数", "Δ", "😀", "e\u{301}", "\\N", "&amp;",
        "<BR/>", "\u{D7FF}", "\u{10FFFF}", "role-42",
    ]

    static func randomTexts() -> [String] {
        var generator = SplitMix64(seed: 42)
        return (0..<3_000).map { _ in
            (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
        }
    }

    @Test func byteEscapesMatchTheScalarDefinition() {
        for text in Self.randomTexts() + Self.pieces {
            #expect(DOTEscaping.quoted(text) == Reference.quoted(text), "\(Array(text.unicodeScalars))")
            #expect(DOTEscaping.html(text) == Reference.html(text), "\(Array(text.unicodeScalars))")
        }
    }

    /// Writing a text in two pieces, passing on whether the first ended with CR, gives the text
    /// written whole: a CR LF split between the pieces is still one line break.
    @Test func escapingInPiecesMatchesEscapingWhole() {
        for text in Self.randomTexts().prefix(500) + ["a\r\nb", "\r\n", "\r\r\n\n"] {
            let scalars = Array(text.unicodeScalars)
            for split in 0...scalars.count {
                var first = String.UnicodeScalarView(), second = String.UnicodeScalarView()
                first.append(contentsOf: scalars[..<split])
                second.append(contentsOf: scalars[split...])
                var quoted = DOTByteArray(), html = DOTByteArray()
                quoted.appendQuotedBody(String(second), afterCR: quoted.appendQuotedBody(String(first)))
                html.appendHTML(String(second), afterCR: html.appendHTML(String(first)))
                #expect("\"" + quoted.string + "\"" == Reference.quoted(text))
                #expect(html.string == Reference.html(text))
            }
        }
    }

    /// Texts that end with CR next to texts that start with LF, where the writer builds one
    /// string from several: a role's tooltip (name, summary, skill names), its joined titles, an
    /// edge's tooltip (names and note). Each must read as the text joined first, then escaped.
    @Test func lineBreaksAcrossJoinedTextsAreEscapedAsOneText() throws {
        let lead = Role(
            id: "lead\r", name: "Lead\r", area: "a", summary: "\nsummary\r", titles: ["first\r", "\nsecond"],
            primarySkills: ["s"], secondarySkills: ["t"])
        let other = Role(id: "other", name: "\nOther", area: "a")
        let graph = try RoleGraph(
            name: "g", areas: [Area(id: "a", name: "A")],
            skills: [Skill(id: "s", name: "\nSkill\r"), Skill(id: "t", name: "T")],
            roles: [lead, other],
            relations: [
                Relation(kind: .stakeholder, from: "lead\r", to: "other", note: "\nnote\r"),
                Relation(kind: .transition, from: "other", to: "lead\r", effort: 2, note: "\r"),
            ])
        let options = DOTOptions(showTitles: true, highlight: .clustering(communities: ["lead\r": 0], names: ["\nC\r"]))
        let text = DOTWriter(options: options).write(graph)
        let expected = [
            "tooltip=" + Reference.quoted("Lead\r\n\nsummary\r\nPrimary skills: \nSkill\r\nSecondary skills: T\n\nC\r"),
            "titles=" + Reference.quoted("first\r; \nsecond"),
            "tooltip=" + Reference.quoted("Lead\r relies on \nOther: \nnote\r"),
            "tooltip=" + Reference.quoted("\nOther can move to Lead\r (effort 2): \r"),
            "label=<<B>Lead<BR/></B><BR/><FONT POINT-SIZE=\"10\" COLOR=\"#555555\">" + Reference.html("first\r · \nsecond") + "</FONT>>",
        ]
        for fragment in expected {
            #expect(text.contains(fragment), "\(fragment)")
        }
    }

    /// The bytes the exporter takes are the text the writer returns.
    @Test(arguments: ["builtin", "hostile"])
    func bytesAreTheText(_ name: String) throws {
        let graph = name == "hostile" ? try HostileGraph.graph() : RoleGraph.builtIn
        for options in [DOTOptions(), DOTOptions(layout: "neato", showTitles: true)] {
            let writer = DOTWriter(options: options)
            #expect(writer.utf8(graph) == Array(writer.write(graph).utf8))
        }
    }
}
