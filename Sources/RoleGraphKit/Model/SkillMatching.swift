/// How a skill named by a person (`--have Python`, `skills search data`) is matched against the
/// graph's vocabulary.
///
/// Real taxonomies label skills the way a catalogue does ("Python (computer programming)"), while
/// people type the word they use ("Python"). Matching therefore compares *normalised* text: lower
/// case, every run of characters that are not letters or digits turned into one space, so
/// `classical-ml`, `Classical ML` and `classical_ml` are the same key.
public enum SkillMatch: Int, Comparable, Hashable, Sendable, CustomStringConvertible {
    /// The query is the skill's id, name or one of its aliases.
    case exact = 0
    /// The query is one or more whole words of the skill's name or an alias ("python" in
    /// "Python (computer programming)").
    case word = 1
    /// The query is part of the skill's id, name or an alias, not on word boundaries.
    case substring = 2

    /// Orders stronger matches first.
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    /// The match in one word: `exact`, `word` or `substring`.
    public var description: String {
        switch self {
        case .exact: return "exact"
        case .word: return "word"
        case .substring: return "substring"
        }
    }
}

/// One skill found by ``RoleGraph/searchSkills(_:)``.
public struct SkillSearchHit: Hashable, Sendable {
    /// The skill found.
    public var skill: SkillID
    /// How strongly it matched.
    public var match: SkillMatch
    /// The text that matched: the id, the name or the alias.
    public var matchedText: String
    /// How many roles list the skill, primary or secondary.
    public var roleCount: Int
}

/// A role that lists a skill, and whether it must have it.
public struct SkillUse: Hashable, Sendable {
    /// The role.
    public var role: RoleID
    /// Whether the role lists the skill as primary (must-have) rather than secondary.
    public var isPrimary: Bool
}

/// Text in the form skill matching compares.
enum SkillText {
    /// Lower case, each run of non-alphanumeric characters one space, no space at either end.
    ///
    /// - Complexity: O(*n*) for *n* characters.
    static func normalised(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(character)
            } else {
                pendingSpace = true
            }
        }
        return out
    }

    /// Whether `query` is one or more whole words of `text` (both normalised).
    static func containsWords(_ text: String, _ query: String) -> Bool {
        (" " + text + " ").contains(" " + query + " ")
    }
}

extension RoleGraph {
    /// How many candidates an ambiguous skill error lists.
    static let ambiguityListLimit = 8

    /// Every way a skill can be named, normalised, with the original text: its id, its name and
    /// its aliases.
    private func skillLabels(_ skill: Skill) -> [(key: String, text: String)] {
        ([skill.id.rawValue, skill.name] + skill.aliases).map { (SkillText.normalised($0), $0) }
    }

    /// The strongest way `skill` matches the normalised `query`, and the text that matched.
    private func match(_ skill: Skill, _ query: String) -> (SkillMatch, String)? {
        var best: (SkillMatch, String)?
        for label in skillLabels(skill) {
            let found: SkillMatch?
            if label.key == query { found = .exact }
            else if SkillText.containsWords(label.key, query) { found = .word }
            else if label.key.contains(query) { found = .substring }
            else { found = nil }
            if let found, best.map({ found < $0.0 }) ?? true { best = (found, label.text) }
        }
        return best
    }

    /// Finds a skill the way a person names it: by id, name or alias (ignoring case and
    /// punctuation), then by whole words of a name or alias (`Python` finds
    /// "Python (computer programming)"), then by an unambiguous part of one.
    ///
    /// The first of those rules that matches anything decides: one skill is the answer, several
    /// are an ambiguity whose error lists up to eight of them. A query that matches nothing gets
    /// the nearest id, name or alias as a "did you mean", or, for a typo in one word of a long
    /// name, the name that word belongs to.
    ///
    /// - Throws: ``LookupError/notFound(_:_:suggestion:)`` or
    ///   ``LookupError/ambiguousSkill(_:candidates:total:)``.
    /// - Complexity: O(*S* · *a*) for *S* skills of *a* labels each, plus edit-distance work
    ///   against every label and word when nothing matches.
    public func resolveSkill(_ query: String) throws(LookupError) -> SkillID {
        if let exact = skills.first(where: { $0.id.rawValue == query }) { return exact.id }
        let key = SkillText.normalised(query)
        guard !key.isEmpty else { throw .notFound(.skill, query, suggestion: nil) }
        var byStrength: [SkillMatch: [Skill]] = [:]
        for skill in skills {
            if let (strength, _) = match(skill, key) { byStrength[strength, default: []].append(skill) }
        }
        for strength in [SkillMatch.exact, .word, .substring] {
            guard let found = byStrength[strength], !found.isEmpty else { continue }
            if found.count == 1 { return found[0].id }
            throw .ambiguousSkill(query, candidates: found.prefix(Self.ambiguityListLimit).map {
                LookupError.SkillCandidate(id: $0.id, name: $0.name)
            }, total: found.count)
        }
        throw .notFound(.skill, query, suggestion: nearestSkillLabel(to: query))
    }

    /// The "did you mean" for a skill query that matches nothing.
    private func nearestSkillLabel(to query: String) -> String? {
        let hyphenated = String(query.trimmingWhitespace().lowercased().map { $0 == " " || $0 == "_" ? "-" : $0 })
        if let id = Suggestions.nearest(to: hyphenated, in: skills.map(\.id.rawValue)) { return id }
        if let label = Suggestions.nearest(to: query, in: skills.flatMap { [$0.name] + $0.aliases }) { return label }
        // A typo in one word of a long name ("pyhton"): the name whose word is nearest.
        var owner: [String: String] = [:]
        var words: [String] = []
        for skill in skills {
            for word in SkillText.normalised(skill.name).split(separator: " ").map(String.init) where owner[word] == nil {
                owner[word] = skill.name
                words.append(word)
            }
        }
        return Suggestions.nearest(to: SkillText.normalised(query), in: words).flatMap { owner[$0] }
    }

    /// The skills whose id, name or an alias contains `query` (ignoring case and punctuation),
    /// strongest match first: exact, then whole words, then any part; ties go to the skill more
    /// roles list, then to the vocabulary's order.
    ///
    /// - Complexity: O(*S* · *a* + *R* · *s*) for *S* skills of *a* labels, *R* roles of *s*
    ///   skills, plus O(*k* log *k*) to rank *k* hits.
    public func searchSkills(_ query: String) -> [SkillSearchHit] {
        let key = SkillText.normalised(query)
        guard !key.isEmpty else { return [] }
        let counts = skillRoleCounts()
        var hits: [(hit: SkillSearchHit, order: Int)] = []
        for (i, skill) in skills.enumerated() {
            guard let (strength, text) = match(skill, key) else { continue }
            hits.append((SkillSearchHit(skill: skill.id, match: strength, matchedText: text,
                                        roleCount: counts[skill.id] ?? 0), i))
        }
        return hits.sorted { a, b in
            (a.hit.match.rawValue, -a.hit.roleCount, a.order) < (b.hit.match.rawValue, -b.hit.roleCount, b.order)
        }.map(\.hit)
    }

    /// How many roles list each skill, primary or secondary.
    ///
    /// - Complexity: O(*R* · *s*) for *R* roles of *s* skills.
    public func skillRoleCounts() -> [SkillID: Int] {
        var counts: [SkillID: Int] = [:]
        for role in roles {
            for skill in role.primarySkills { counts[skill, default: 0] += 1 }
            for skill in role.secondarySkills { counts[skill, default: 0] += 1 }
        }
        return counts
    }

    /// The roles that list `skill`, those that must have it (primary) first, each group in the
    /// graph's role order.
    ///
    /// - Complexity: O(*R* · *s*) for *R* roles of *s* skills.
    public func roles(needing skill: SkillID) -> [SkillUse] {
        let primary = roles.filter { $0.primarySkills.contains(skill) }.map { SkillUse(role: $0.id, isPrimary: true) }
        let secondary = roles.filter { $0.secondarySkills.contains(skill) }.map { SkillUse(role: $0.id, isPrimary: false) }
        return primary + secondary
    }
}
