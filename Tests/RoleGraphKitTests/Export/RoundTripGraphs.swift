import Testing
@testable import RoleGraphKit
import RoleGraphAlgorithms
import RoleGraphTestSupport

/// Random role graphs for the write-then-read round trips: every fact of the model is set on some
/// graphs (summaries, lists, entry level, prevalence, aliases, notes, sections, counts, stayers,
/// two-way transitions, collaborations), and every text is built from pieces that break naive
/// writers of YAML (`: `, ` #`, a leading `-`, `yes`, `null`, `2024`, tabs, line breaks), JSON,
/// XML and DOT.
enum RoundTripGraphs {
    /// Pieces of text; whole texts are sometimes one of ``wholeWords`` instead.
    static let pieces = [
        "a", "Z", " ", ": ", ":", " #", "#", "- ", "-", "? ", "'", "''", "\"", "\\", "\\n", "\\N", "\n", "\r", "\r\n", "\t",
        "&", "&amp;", "*", "!", "!!str", "%", "@", "`", "|", ">", "<", "</script>", "{", "}", "[", "]", ",", ";", "; ",
        "\u{0}", "\u{1}", "\u{7}", "\u{1B}[31m", "\u{7F}", "\u{85}", "\u{A0}", "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{FFFE}",
        "\u{FFFF}", "😀", "👩‍💻", "数据", "Δ", "e\u{301}", "---", "...", "0x1F", "1e3", "2024", ".inf", "~",
    ]

    /// Texts YAML (1.1 or 1.2) would read as something other than a string if written plain.
    static let wholeWords = [
        "yes", "no", "Yes", "NO", "on", "off", "y", "n", "true", "False", "null", "Null", "~", "123", "-1", "1.5",
        "1e3", "0x1F", "0o17", ".inf", "-.inf", ".nan", "2024-06-01", "12:30", "1_000", "+1", "007", "- item",
        "#comment", "key: value", "'quoted'", "\"dq\"", "[a, b]", "{a: b}", "&anchor", "*alias", "!tag", "@at", "`tick`",
        " leading", "trailing ", "%percent", "|", ">",
    ]

    /// Which characters a text may hold: all of them; only those XML 1.0 can carry (GraphML
    /// replaces the others by U+FFFD, by design); or, for YAML, no U+FEFF at the start of a text
    /// (Yams decodes every scalar with Foundation, which drops a leading byte-order mark).
    enum Alphabet { case all, xml, yaml }

    struct Generator {
        var rng: SplitMix64
        let alphabet: Alphabet

        mutating func text(padded: Bool) -> String {
            if Int.random(in: 0 ..< 6, using: &rng) == 0 {
                let word = RoundTripGraphs.wholeWords.randomElement(using: &rng)!
                // Padded texts (ids and names) keep no surrounding spaces.
                return padded && (word.first!.isWhitespace || word.last!.isWhitespace) ? "k" + word + "k" : word
            }
            var body = ""
            for _ in 0 ..< Int.random(in: 1 ... 6, using: &rng) {
                var piece = RoundTripGraphs.pieces.randomElement(using: &rng)!
                if alphabet == .xml { piece = String(String.UnicodeScalarView(piece.unicodeScalars.filter(XMLEscaping.isAllowed))) }
                if alphabet == .yaml && body.isEmpty && piece.hasPrefix("\u{FEFF}") { piece = "x" + piece }
                body += piece
            }
            return padded ? "k" + body + "k" : body
        }

        /// A list item: may start or end with spaces, never empty (no format but YAML and JSON
        /// can hold an empty item: DOT and GraphML lists drop it, a documented limit).
        mutating func item() -> String {
            let text = text(padded: false)
            return text.isEmpty ? "e" : text
        }

        mutating func bool() -> Bool { Bool.random(using: &rng) }

        mutating func number() -> Double {
            switch Int.random(in: 0 ..< 4, using: &rng) {
            case 0: return Double(Int.random(in: 0 ... 5_000, using: &rng))
            case 1: return Double(Int.random(in: 1 ... 400, using: &rng)) / 4
            case 2: return Double(Int.random(in: 1 ... 1000, using: &rng)) / 7
            default: return 0.1 * Double(Int.random(in: 1 ... 30, using: &rng))
            }
        }
    }

    /// A random valid graph: 1–3 areas, each holding a role; 1–4 skills, every one named by the
    /// first role in vocabulary order (so formats that rebuild the vocabulary from the roles keep
    /// its order); 2–7 roles and up to twice as many relations, transitions with or without counts
    /// and roles with or without stayers.
    static func graph(seed: UInt64, alphabet: Alphabet = .all) throws -> RoleGraph {
        var g = Generator(rng: SplitMix64(seed: seed), alphabet: alphabet)
        func unique(_ count: Int) -> [String] {
            var seen: Set<String> = []
            var result: [String] = []
            while result.count < count {
                let candidate = g.text(padded: true)
                if seen.insert(candidate).inserted { result.append(candidate) }
            }
            return result
        }
        let areaIDs = unique(Int.random(in: 1 ... 3, using: &g.rng))
        let skillIDs = unique(Int.random(in: 1 ... 4, using: &g.rng))
        let roleIDs = unique(max(areaIDs.count, Int.random(in: 2 ... 7, using: &g.rng)))
        let areas = areaIDs.map { Area(id: AreaID($0), name: g.text(padded: true), summary: g.bool() ? g.text(padded: false) : "") }
        // An alias must name one skill only, after normalisation: a numbered suffix keeps them apart.
        let skills = skillIDs.enumerated().map { s, id in
            Skill(id: SkillID(id), name: g.text(padded: true), summary: g.bool() ? g.text(padded: false) : "",
                  aliases: (0 ..< Int.random(in: 0 ... 2, using: &g.rng)).map { j in g.text(padded: false) + " alias\(s)x\(j)" })
        }
        var roles: [Role] = []
        for (index, id) in roleIDs.enumerated() {
            var primary: [SkillID] = []
            var secondary: [SkillID] = []
            for (s, skill) in skillIDs.enumerated() {
                if index == 0 {
                    if s == 0 { primary.append(SkillID(skill)) } else { secondary.append(SkillID(skill)) }
                } else if Int.random(in: 0 ..< 3, using: &g.rng) == 0 {
                    if g.bool() { primary.append(SkillID(skill)) } else { secondary.append(SkillID(skill)) }
                }
            }
            roles.append(Role(
                id: RoleID(id), name: g.text(padded: true),
                area: AreaID(index < areaIDs.count ? areaIDs[index] : areaIDs.randomElement(using: &g.rng)!),
                summary: g.bool() ? g.text(padded: false) : "",
                // List items may start or end with spaces (DOT escapes them so import keeps them).
                responsibilities: (0 ..< Int.random(in: 0 ... 2, using: &g.rng)).map { _ in g.item() },
                problems: (0 ..< Int.random(in: 0 ... 2, using: &g.rng)).map { _ in g.item() },
                titles: (0 ..< Int.random(in: 0 ... 3, using: &g.rng)).map { _ in g.item() },
                primarySkills: primary, secondarySkills: secondary,
                entryLevel: [nil, true, false].randomElement(using: &g.rng)!,
                prevalence: [nil, .common, .uncommon, .rare].randomElement(using: &g.rng)!,
                stays: Int.random(in: 0 ..< 3, using: &g.rng) == 0 ? g.number() : nil))
        }
        // Roles in random order, areas interleaved: DOT's clusters group them by area, and import
        // must restore the order (it breaks ties between equal paths). The first role, which names
        // every skill, stays first.
        roles[1...].shuffle(using: &g.rng)
        var relations: [Relation] = []
        var used: Set<String> = []
        for _ in 0 ..< Int.random(in: 0 ... 2 * roleIDs.count, using: &g.rng) {
            let a = Int.random(in: 0 ..< roleIDs.count, using: &g.rng)
            var b = Int.random(in: 0 ..< roleIDs.count - 1, using: &g.rng)
            if b >= a { b += 1 }
            let kind = RelationKind.allCases.randomElement(using: &g.rng)!
            let key = kind == .collaboration ? "c\(min(a, b))-\(max(a, b))" : "\(kind)\(a)-\(b)"
            guard used.insert(key).inserted else { continue }
            let note = g.bool() ? g.text(padded: false) : nil
            let section = Int.random(in: 0 ..< 3, using: &g.rng) == 0 ? g.text(padded: false) : nil
            if kind == .transition {
                let effort = g.number() + 0.25
                let count = g.bool() ? g.number() : nil
                relations.append(Relation(kind: kind, from: RoleID(roleIDs[a]), to: RoleID(roleIDs[b]), effort: effort,
                                          count: count, note: note, section: section))
                // Half the time the same move back: a two-way transition (drawn as one two-headed
                // arrow in DOT, which carries the other way's count when it differs).
                if g.bool(), used.insert("\(kind)\(b)-\(a)").inserted {
                    let other = g.number()
                    let backCount = [count, nil, other].randomElement(using: &g.rng)!
                    relations.append(Relation(kind: kind, from: RoleID(roleIDs[b]), to: RoleID(roleIDs[a]), effort: effort,
                                              count: backCount, note: note, section: section))
                }
            } else {
                relations.append(Relation(kind: kind, from: RoleID(roleIDs[a]), to: RoleID(roleIDs[b]), note: note, section: section))
            }
        }
        return try RoleGraph(name: g.text(padded: true), source: g.text(padded: true),
                             description: g.bool() ? g.text(padded: false) : "",
                             areas: areas, skills: skills, roles: roles, relations: relations)
    }

    /// Every fact of two graphs compared, roles in order and relations in order (or as a
    /// multiset); the first difference, or `nil` when they are equal.
    static func difference(_ a: RoleGraph, _ b: RoleGraph, relationsInOrder: Bool = true) -> String? {
        if a.name != b.name { return "name \(a.name.debugDescription) ≠ \(b.name.debugDescription)" }
        if a.source != b.source { return "source \(a.source.debugDescription) ≠ \(b.source.debugDescription)" }
        if a.description != b.description { return "description \(a.description.debugDescription) ≠ \(b.description.debugDescription)" }
        if a.areas != b.areas { return "areas \(a.areas) ≠ \(b.areas)" }
        if a.skills != b.skills { return "skills \(a.skills) ≠ \(b.skills)" }
        for (x, y) in zip(a.roles, b.roles) where x != y { return "role \(x) ≠ \(y)" }
        if a.roles.count != b.roles.count { return "\(a.roles.count) roles ≠ \(b.roles.count)" }
        if relationsInOrder {
            for (x, y) in zip(a.relations, b.relations) where x != y { return "relation \(x) ≠ \(y)" }
            if a.relations.count != b.relations.count { return "\(a.relations.count) relations ≠ \(b.relations.count)" }
        } else {
            var left: [Relation: Int] = [:], right: [Relation: Int] = [:]
            for r in a.relations { left[r, default: 0] += 1 }
            for r in b.relations { right[r, default: 0] += 1 }
            if left != right {
                let missing = left.keys.filter { right[$0] != left[$0] }
                return "relations differ: \(missing.prefix(2)) vs \(b.relations.count) read back"
            }
        }
        return nil
    }
}
