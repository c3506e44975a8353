/// Writes a role graph as a graph file of format 1 (YAML), the format `--graph` reads and
/// Guides/CommandLine.md documents, so a graph from any source (a DOT file, GraphML, the built-in
/// graph) becomes a file a person can edit and load back.
///
/// The output has the layout of `Graphs/data-careers.yaml`: the top-level facts, then `areas`,
/// `skills`, `roles` and `relations` as block lists, each entry's keys in the documented order,
/// facts the graph does not state left out. Every relation is one entry in file order (a
/// collaboration as `between`, a transition as `from` and `to` with its `effort` and `count`), so loading the
/// file gives the same relations in the same order.
///
/// A scalar is written plain only when YAML cannot read it as anything but that text: letters,
/// digits, spaces and a few punctuation marks, starting with a letter or digit, and not a word
/// YAML (1.1 or 1.2) reads as null, a boolean or a number. Anything else is double-quoted with
/// YAML's escapes (`\"`, `\\`, `\n`, `\t`, `\xNN`, `\uNNNN`), which carry every Unicode
/// character, so hostile names (`: `, `#`, a leading `-`, quotes, line breaks, `yes`, `null`,
/// `2024`) read back unchanged. One exception is the reader's: Yams decodes each scalar with
/// Foundation, which drops a byte-order mark (U+FEFF) at the start of a text.
///
/// Observed counts (``Relation/count``) and stayers (``Role/stays``) are written as `count` and
/// `stays`, so a counted network (an edge list with a count column) keeps its observations.
package struct GraphFileWriter: Sendable {
    /// A comment put at the top of the file, one `# ` line per line; none by default.
    package var header: String?

    /// A writer; `header` becomes the file's opening comment.
    package init(header: String? = nil) {
        self.header = header
    }

    /// The graph file's text, ending with a newline.
    ///
    /// - Complexity: O(*R* + *E* + *S*) plus the length of the text.
    package func write(_ graph: RoleGraph) -> String {
        var out = ""
        if let header {
            for line in header.split(separator: "\n", omittingEmptySubsequences: false) {
                out += line.isEmpty ? "#\n" : "# \(line)\n"
            }
        }
        out += "format: 1\n"
        out += "name: \(Self.scalar(graph.name))\n"
        if !graph.source.isEmpty { out += "source: \(Self.scalar(graph.source))\n" }
        if !graph.description.isEmpty { out += "description: \(Self.scalar(graph.description))\n" }

        out += graph.areas.isEmpty ? "\nareas: []\n" : "\nareas:\n"
        for area in graph.areas {
            out += "  - id: \(Self.scalar(area.id.rawValue))\n"
            out += "    name: \(Self.scalar(area.name))\n"
            if !area.summary.isEmpty { out += "    summary: \(Self.scalar(area.summary))\n" }
        }

        out += graph.skills.isEmpty ? "\nskills: []\n" : "\nskills:\n"
        for skill in graph.skills {
            out += "  - id: \(Self.scalar(skill.id.rawValue))\n"
            out += "    name: \(Self.scalar(skill.name))\n"
            if !skill.aliases.isEmpty { out += "    aliases: \(Self.flowList(skill.aliases))\n" }
            if !skill.summary.isEmpty { out += "    summary: \(Self.scalar(skill.summary))\n" }
        }

        out += graph.roles.isEmpty ? "\nroles: []\n" : "\nroles:\n"
        for role in graph.roles {
            out += "  - id: \(Self.scalar(role.id.rawValue))\n"
            out += "    name: \(Self.scalar(role.name))\n"
            out += "    area: \(Self.scalar(role.area.rawValue))\n"
            if !role.titles.isEmpty { out += "    titles: \(Self.flowList(role.titles))\n" }
            if let entryLevel = role.entryLevel { out += "    entry_level: \(entryLevel)\n" }
            if let prevalence = role.prevalence { out += "    prevalence: \(prevalence.rawValue)\n" }
            if let stays = role.stays { out += "    stays: \(Self.number(stays))\n" }
            if !role.summary.isEmpty { out += "    summary: \(Self.scalar(role.summary))\n" }
            if !role.primarySkills.isEmpty || !role.secondarySkills.isEmpty {
                out += "    skills:\n"
                if !role.primarySkills.isEmpty {
                    out += "      primary: \(Self.flowList(role.primarySkills.map(\.rawValue)))\n"
                }
                if !role.secondarySkills.isEmpty {
                    out += "      secondary: \(Self.flowList(role.secondarySkills.map(\.rawValue)))\n"
                }
            }
            Self.blockList("responsibilities", role.responsibilities, into: &out)
            Self.blockList("problems", role.problems, into: &out)
        }

        out += graph.relations.isEmpty ? "\nrelations: []\n" : "\nrelations:\n"
        for relation in graph.relations {
            out += "  - kind: \(relation.kind.rawValue)\n"
            if relation.kind == .collaboration {
                out += "    between: \(Self.flowList([relation.from.rawValue, relation.to.rawValue]))\n"
            } else {
                out += "    from: \(Self.scalar(relation.from.rawValue))\n"
                out += "    to: \(Self.scalar(relation.to.rawValue))\n"
            }
            if let effort = relation.effort { out += "    effort: \(Self.number(effort))\n" }
            if let count = relation.count { out += "    count: \(Self.number(count))\n" }
            if let section = relation.section { out += "    section: \(Self.scalar(section))\n" }
            if let note = relation.note { out += "    note: \(Self.scalar(note))\n" }
        }
        return out
    }

    /// `  key:` and one `    - item` line per item, or nothing for an empty list.
    private static func blockList(_ key: String, _ items: [String], into out: inout String) {
        guard !items.isEmpty else { return }
        out += "    \(key):\n"
        for item in items { out += "      - \(scalar(item))\n" }
    }

    /// `[a, "b c", …]`: inside brackets a comma or bracket ends a plain scalar, so items that
    /// hold one are quoted.
    static func flowList(_ items: [String]) -> String {
        "[" + items.map { item in
            item.contains(where: { ",[]{}".contains($0) }) ? doubleQuoted(item) : scalar(item)
        }.joined(separator: ", ") + "]"
    }

    /// A number as YAML reads it back exactly: an integer without a fraction, else Swift's
    /// shortest round-tripping form.
    static func number(_ value: Double) -> String {
        formatNumber(value)
    }

    /// `text` plain when that is unambiguous, else double-quoted.
    ///
    /// - Complexity: O(*n*) for *n* characters.
    static func scalar(_ text: String) -> String {
        isSafePlain(text) ? text : doubleQuoted(text)
    }

    /// Words YAML 1.1 or 1.2 reads as null or a boolean; other tools read YAML 1.1.
    private static let reservedWords: Set<String> = [
        "null", "true", "false", "yes", "no", "on", "off", "y", "n",
    ]

    /// Whether `text` reads back as itself when written plain, under YAML 1.1 and 1.2 alike.
    static func isSafePlain(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        func isWordScalar(_ s: Unicode.Scalar) -> Bool {
            switch s {
            case "a"..."z", "A"..."Z", "0"..."9": return true
            default: return s.value >= 0xA0 && s.properties.isAlphabetic
            }
        }
        guard isWordScalar(first), last != " " else { return false }
        for s in text.unicodeScalars where !isWordScalar(s) {
            switch s {
            case " ", "-", "_", ".", "(", ")", "/", "'", "&", "+", "?", "!", "%", "=", ",", ";", "<", ">", "~", "$", "^":
                continue
            default: return false
            }
        }
        if text.contains("  ") { return false }
        if reservedWords.contains(text.lowercased()) { return false }
        // Anything that starts like a number (`2024`, `1e3`, `0x1F`, `1_000`, `12:30`) is quoted.
        if let f = text.unicodeScalars.first, ("0"..."9").contains(f) {
            return text.unicodeScalars.contains { $0.properties.isAlphabetic } && DecimalNumber.parse(text) == nil
                && !text.hasPrefix("0x") && !text.hasPrefix("0o") && !text.hasPrefix("0b")
                && !text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || "eE+-._".unicodeScalars.contains($0) }
        }
        return true
    }

    /// `"…"` with YAML's double-quoted escapes for `"`, `\`, control characters, YAML's own line
    /// breaks (U+0085, U+2028, U+2029) and the characters YAML may not hold literally.
    static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for s in text.unicodeScalars {
            switch s {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{0}": out += "\\0"
            case "\u{85}": out += "\\N"
            case "\u{A0}": out += "\\_"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            default:
                if s.value < 0x20 || (0x7F ... 0x9F).contains(s.value) {
                    out += "\\x" + hex(s.value, digits: 2)
                } else if (0xD800 ... 0xDFFF).contains(s.value) || s.value == 0xFEFF || s.value == 0xFFFE || s.value == 0xFFFF {
                    out += "\\u" + hex(s.value, digits: 4)
                } else {
                    out.unicodeScalars.append(s)
                }
            }
        }
        return out + "\""
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
