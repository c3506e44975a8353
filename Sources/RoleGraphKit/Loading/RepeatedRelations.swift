/// Finding relations stated again fact for fact, for every reader that reads relations one by one
/// (graph files of format 1, overlays, DOT): one rule and one message for all of them.
enum RepeatedRelations {
    /// Each relation that repeats an earlier one fact for fact (the same kind and roles — either
    /// order for a symmetric kind —, effort, count, note and section), with the earlier one.
    ///
    /// - Complexity: O(*E*) expected, for *E* relations.
    static func find(in relations: [Relation]) -> [(copy: Int, first: Int)] {
        var first: [Relation: Int] = [:]
        var repeated: [(copy: Int, first: Int)] = []
        for (i, relation) in relations.enumerated() {
            var key = relation
            if relation.kind.isSymmetric && key.to < key.from { swap(&key.from, &key.to) }
            if let earlier = first[key] { repeated.append((i, earlier)) } else { first[key] = i }
        }
        return repeated
    }

    /// The warning's text for a copy of `relation`, whose first statement is `first` (`at 3:5`,
    /// `at base.yaml:3:5`, `in builtin`).
    static func message(_ relation: Relation, first: String) -> String {
        "\(relation.kind.rawValue) '\(relation.from)' → '\(relation.to)' repeats the one \(first) fact for fact; it is read once"
    }
}

extension GraphDocument {
    /// Removes each relation that repeats an earlier one fact for fact, and returns one warning
    /// per copy removed, at the copy, naming where the first one is.
    ///
    /// A copy that says the same thing twice (the same kind and roles — either order for a
    /// collaboration —, effort, count, note and section) is harmless: it is read once, and
    /// `validate` warns (an error with `--strict`). Two statements of one relation that disagree
    /// stay for ``GraphValidator`` to refuse, since no rule could say which of them is meant.
    ///
    /// - Complexity: O(*E* + *F*) expected, for *E* relations and *F* fields in the source map.
    mutating func removeRepeatedRelations() -> [Diagnostic] {
        let repeated = RepeatedRelations.find(in: relations)
        guard !repeated.isEmpty else { return [] }
        let warnings = repeated.map { copy, earlier in
            let relation = relations[copy]
            let here = map[.relation(copy)]
            let there = map[.relation(earlier)]
            let firstPlace: String
            if let there {
                firstPlace = there.file == here?.file ? "at \(there.line):\(there.column ?? 1)" : "at \(there)"
            } else {
                firstPlace = "in \(provenance.relation(at: earlier).file)"
            }
            let text = RepeatedRelations.message(relation, first: firstPlace)
            return Diagnostic(.other(here == nil ? "\(provenance.relation(at: copy).file): \(text)" : text),
                              at: here, severity: .warning)
        }
        let removed = Set(repeated.map(\.copy))
        let moved = Renumbering.survivors(count: relations.count, removing: removed)
        relations = relations.indices.filter { moved[$0] != nil }.map { relations[$0] }
        if provenance.relations.count == moved.count {
            provenance.relations = provenance.relations.indices.filter { moved[$0] != nil }.map { provenance.relations[$0] }
        }
        map = map.remapped(SourceMap.Remap(relations: { moved[$0] }))
        return warnings
    }
}
