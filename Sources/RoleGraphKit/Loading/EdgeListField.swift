/// A column an edge list can have, and the header names that mean it.
///
/// Real transition files name their columns in many ways (`source,target,weight`,
/// `from_role,to_role,n`); the common names are accepted as they come, so such a file loads
/// without preprocessing, and any other name is an error with the nearest known name suggested
/// (or mapped explicitly with ``GraphLoadOptions/columns``), so a misspelt column is never dropped.
public enum EdgeListField: String, CaseIterable, Hashable, Sendable {
    /// The role moved (or related) from.
    case from
    /// The role moved (or related) to.
    case to
    /// `stakeholder`, `collaboration` or `transition` (the default).
    case kind
    /// How hard the move is: a number greater than 0 (default 1); transitions only.
    case effort
    /// How many moves were observed: a number 0 or more; transitions only.
    case count
    /// Why the relation holds.
    case note

    /// The other header names each column is recognised by, after normalising (lower case,
    /// spaces and hyphens as `_`).
    public var aliases: [String] {
        switch self {
        case .from: ["source", "src", "from_role", "source_role", "from_id", "source_id", "origin", "from_occupation"]
        case .to: ["target", "dst", "to_role", "target_role", "to_id", "target_id", "destination", "dest", "to_occupation"]
        case .kind: ["type", "relation"]
        case .effort: []
        case .count: ["weight", "n", "moves", "transitions", "flow"]
        case .note: ["notes"]
        }
    }

    /// Every name a header may use, canonical names first (for "did you mean").
    static let allNames: [String] = allCases.map(\.rawValue) + allCases.flatMap(\.aliases)

    /// Canonical and alias names → column.
    private static let byName: [String: EdgeListField] = {
        var map: [String: EdgeListField] = [:]
        for field in allCases {
            map[field.rawValue] = field
            for alias in field.aliases { map[alias] = field }
        }
        return map
    }()

    /// The column a header name means, if it is a canonical name or an alias.
    ///
    /// - Complexity: O(*n*) for a name of *n* characters.
    init?(headerName: String) {
        guard let field = Self.byName[Self.normalised(headerName)] else { return nil }
        self = field
    }

    /// A header name as it is compared: trimmed, lower case, spaces and hyphens as `_`.
    static func normalised(_ name: String) -> String {
        var trimmed = Substring(name)
        while let first = trimmed.first, first == " " || first == "\t" { trimmed.removeFirst() }
        while let last = trimmed.last, last == " " || last == "\t" { trimmed.removeLast() }
        var result = ""
        for character in trimmed.lowercased() {
            result.append(character == " " || character == "-" ? "_" : character)
        }
        return result
    }
}
