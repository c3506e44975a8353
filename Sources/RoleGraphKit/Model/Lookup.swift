/// Why a role or skill named on the command line could not be found.
public enum LookupError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Nothing matches; `suggestion` is the nearest id or name, if one is close.
    case notFound(ReferenceKind, String, suggestion: String?)
    /// A title (or name) shared by several roles, such as "Data Engineer".
    case ambiguous(String, candidates: [Candidate])
    /// An id or name that several roles share when case is ignored (`Data Analyst` and
    /// `data analyst`), or a name several roles carry, queried in no one role's exact id or name.
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
            return "'\(query)' is the id or name of \(candidates.count) roles, ignoring case: \(list); name one of them by its exact id"
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
    /// picking one silently. So is a query that is the id or name of several roles when case is
    /// ignored (`Data Analyst` and `data analyst` in one edge list; `ml engineer` where one role's
    /// id is `ml-engineer` and another's name `ML Engineer`), unless it is exactly one role's id,
    /// or exactly the name of one of them.
    ///
    /// - Throws: ``LookupError``, with a "did you mean" suggestion for a near miss.
    /// - Complexity: O(1) expected for a match; O(*R*) when several roles share the query's id or
    ///   name (the error lists them), and edit-distance work when nothing matches.
    public func resolveRole(_ query: String) throws(LookupError) -> Int32 {
        // An exact id wins, so ids that differ only in case (`ML` and `ml`) stay distinct.
        if let exact = roleIndex[RoleID(query)] ?? roleIndex[RoleID(String(query.trimmingWhitespace()))] { return exact }
        let trimmed = String(query.trimmingWhitespace())
        let key = trimmed.lowercased()
        let hyphenated = String(key.map { $0 == " " || $0 == "_" ? "-" : $0 })
        let keys = key == hyphenated ? [key] : [key, hyphenated]
        let entries = keys.compactMap { lookup[$0] }
        // The roles whose id or name the query is, ignoring case (and spaces or underscores for
        // hyphens): one is the answer; several are ambiguous unless the query is exactly one
        // role's name.
        var named: Set<Int32> = []
        var shared = false
        for entry in entries {
            if let index = entry.byID { named.insert(index) }
            if let index = entry.byName { named.insert(index) }
            shared = shared || entry.idShared || entry.nameShared
        }
        if named.count == 1 && !shared { return named.first! }
        if !named.isEmpty {
            let matching = (0 ..< Int32(roleCount)).filter { index in
                let role = role(at: index)
                return keys.contains(role.id.rawValue.lowercased()) || keys.contains(role.name.lowercased())
            }
            let exactName = matching.filter { role(at: $0).name == trimmed }
            if exactName.count == 1 { return exactName[0] }
            throw .ambiguousIgnoringCase(query, candidates: matching.map {
                LookupError.Candidate(id: role(at: $0).id, name: role(at: $0).name)
            })
        }
        for entry in entries {
            if entry.byTitle.count == 1 { return entry.byTitle[0] }
            if entry.byTitle.count > 1 {
                throw .ambiguous(query, candidates: entry.byTitle.map {
                    LookupError.Candidate(id: role(at: $0).id, name: role(at: $0).name)
                })
            }
        }
        let names = roles.map(\.id.rawValue) + roles.map(\.name)
        let suggestion = Suggestions.nearest(to: hyphenated, in: roles.map(\.id.rawValue))
            ?? Suggestions.nearest(to: key, in: names)
        throw .notFound(.role, query, suggestion: suggestion)
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
