/// Why a role or skill named on the command line could not be found.
public enum LookupError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Nothing matches; `suggestion` is the nearest id or name, if one is close.
    case notFound(ReferenceKind, String, suggestion: String?)
    /// A title (or name) shared by several roles, such as "Data Engineer".
    case ambiguous(String, candidates: [Candidate])
    /// An id or name that several roles share when case is ignored (`Data Analyst` and
    /// `data analyst`), queried in no one role's exact form.
    case ambiguousIgnoringCase(String, candidates: [Candidate])
    /// A skill query that matches several skills equally well ("data" in a taxonomy with "data
    /// mining" and "data models"); `candidates` are the first of them, `total` how many there are.
    case ambiguousSkill(String, candidates: [SkillCandidate], total: Int)

    /// One of the roles an ambiguous query could mean.
    public struct Candidate: Hashable, Sendable {
        /// The role's id, which names it unambiguously.
        public var id: RoleID
        /// The role's name.
        public var name: String
    }

    /// One of the skills an ambiguous query could mean.
    public struct SkillCandidate: Hashable, Sendable {
        /// The skill's id, which names it unambiguously.
        public var id: SkillID
        /// The skill's name.
        public var name: String
    }

    /// The error in one line of English, with the suggestion or the candidates.
    public var description: String {
        switch self {
        case .notFound(let kind, let query, let suggestion):
            return "no \(kind.rawValue) '\(query)'" + didYouMean(suggestion)
        case .ambiguous(let query, let candidates):
            let list = candidates.map { "'\($0.id)' (\($0.name))" }.joined(separator: ", ")
            return "'\(query)' is a title of \(candidates.count) roles: \(list); name one of them by id"
        case .ambiguousIgnoringCase(let query, let candidates):
            let list = candidates.map { "'\($0.id)' (\($0.name))" }.joined(separator: ", ")
            return "'\(query)' names \(candidates.count) roles when case is ignored: \(list); name one of them by its exact id"
        case .ambiguousSkill(let query, let candidates, let total):
            let list = candidates.map { "'\($0.id)' (\($0.name))" }.joined(separator: ", ")
            let more = total > candidates.count ? " and \(total - candidates.count) more" : ""
            return "'\(query)' matches \(total) skills: \(list)\(more); name one of them by id or full name"
        }
    }
}

extension RoleGraph {
    /// Finds a role by id, name or title, ignoring case; spaces and underscores may stand for the
    /// hyphens of an id (`ml engineer`).
    ///
    /// An exact id or name wins over a title, so "Data Analyst" is the role of that name even
    /// though other roles carry it as a title. A title carried by several roles and by no role as
    /// its name ("Data Engineer") is ambiguous: the error lists every candidate rather than
    /// picking one silently. So is an id or name that several roles share when case is ignored
    /// (`Data Analyst` and `data analyst` in one edge list), unless the query is exactly one
    /// role's id, or exactly the name of one of them.
    ///
    /// - Throws: ``LookupError``, with a "did you mean" suggestion for a near miss.
    /// - Complexity: O(1) expected for a match; O(*R*) edit-distance work when nothing matches.
    public func resolveRole(_ query: String) throws(LookupError) -> Int32 {
        // An exact id wins, so ids that differ only in case (`ML` and `ml`) stay distinct.
        if let exact = roleIndex[RoleID(query)] ?? roleIndex[RoleID(String(query.trimmingWhitespace()))] { return exact }
        let key = query.trimmingWhitespace().lowercased()
        let hyphenated = String(key.map { $0 == " " || $0 == "_" ? "-" : $0 })
        for candidate in [key, hyphenated] {
            if let entry = lookup[candidate] {
                if let index = entry.byID {
                    if entry.idShared { throw .ambiguousIgnoringCase(query, candidates: rolesIgnoringCase(candidate, \.id.rawValue)) }
                    return index
                }
                if let index = entry.byName {
                    guard entry.nameShared else { return index }
                    let exact = (0 ..< roleCount).filter {
                        let name = role(at: Int32($0)).name
                        return name == query.trimmingWhitespace() && name.lowercased() == candidate
                    }
                    if exact.count == 1 { return Int32(exact[0]) }
                    throw .ambiguousIgnoringCase(query, candidates: rolesIgnoringCase(candidate, \.name))
                }
                if entry.byTitle.count == 1 { return entry.byTitle[0] }
                if entry.byTitle.count > 1 {
                    throw .ambiguous(query, candidates: entry.byTitle.map {
                        LookupError.Candidate(id: roles[Int($0)].id, name: roles[Int($0)].name)
                    })
                }
            }
        }
        let names = roles.map(\.id.rawValue) + roles.map(\.name)
        let suggestion = Suggestions.nearest(to: hyphenated, in: roles.map(\.id.rawValue))
            ?? Suggestions.nearest(to: key, in: names)
        throw .notFound(.role, query, suggestion: suggestion)
    }

    /// Every role whose `text` is `key` when case is ignored, as candidates.
    ///
    /// - Complexity: O(*R*): only an ambiguous query's error reads it.
    private func rolesIgnoringCase(_ key: String, _ text: KeyPath<Role, String>) -> [LookupError.Candidate] {
        (0 ..< roleCount).map { role(at: Int32($0)) }.filter { $0[keyPath: text].lowercased() == key }
            .map { LookupError.Candidate(id: $0.id, name: $0.name) }
    }

    /// Finds an area by id or name, ignoring case.
    ///
    /// - Throws: ``LookupError/notFound(_:_:suggestion:)`` with the nearest area id.
    /// - Complexity: O(*A*) for *A* areas, plus edit-distance work against every id when nothing
    ///   matches.
    public func resolveArea(_ query: String) throws(LookupError) -> AreaID {
        let key = query.trimmingWhitespace().lowercased()
        for area in areas where area.id.rawValue.lowercased() == key || area.name.lowercased() == key {
            return area.id
        }
        throw .notFound(.area, query, suggestion: Suggestions.nearest(to: key, in: areas.map(\.id.rawValue)))
    }
}
