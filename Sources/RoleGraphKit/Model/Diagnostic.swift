/// A place in a graph file: `file:line:column`, 1-based. The column counts Unicode scalars.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file's name as the loader was given it (`<stdin>` for standard input).
    public var file: String
    /// The line, counted from 1.
    public var line: Int
    /// The column in Unicode scalars, counted from 1; `nil` when only the line is known.
    public var column: Int?

    init(file: String, line: Int, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, or `file:line` when the column is unknown.
    public var description: String {
        column.map { "\(file):\(line):\($0)" } ?? "\(file):\(line)"
    }
}

/// What kind of thing an id refers to, for messages.
public enum ReferenceKind: String, Hashable, Sendable {
    /// A role, an area or a skill.
    case role, area, skill
}

/// How much a diagnostic matters.
public enum Severity: String, Hashable, Sendable {
    /// The graph cannot be loaded.
    case error
    /// The graph loads, but something in it is probably a mistake (`validate` prints it, and
    /// `validate --strict` refuses it).
    case warning
    /// Loading did something the file says but a reader might not expect (removing a role also
    /// removes its relations).
    case note
}

/// One problem found in a graph, with where it is.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// Where the problem is; `nil` when the graph came from no file or the place is unknown.
    public var location: SourceLocation?
    /// What is wrong.
    public var problem: GraphProblem
    /// Whether it stops the graph from loading.
    public var severity: Severity

    init(_ problem: GraphProblem, at location: SourceLocation? = nil, severity: Severity = .error) {
        self.problem = problem
        self.location = location
        self.severity = severity
    }

    /// `file:line:column: message`, or the message alone when the graph came from no file.
    public var description: String {
        location.map { "\($0): \(problem)" } ?? problem.description
    }
}

/// Everything that can be wrong with a graph or a graph file.
public enum GraphProblem: Hashable, Sendable, CustomStringConvertible {
    /// The text is not YAML (or JSON); the parser's own words.
    case syntax(String)
    /// The file holds nothing.
    case empty
    /// The document is not a mapping at the top level.
    case notAMapping(found: String)
    /// A `format` version this library does not read; `supported` is the one it reads.
    case unsupportedFormatVersion(String, supported: Int)
    /// A key the schema does not know, with the nearest known key.
    case unknownKey(String, context: String, suggestion: String?)
    /// A required key is missing from the mapping that `context` names.
    case missingKey(String, context: String)
    /// A value of the wrong type, with what was expected and what was found.
    case wrongType(key: String, expected: String, found: String)
    /// A value that must not be empty, such as an id or a name, is empty.
    case emptyValue(key: String)
    /// An id that names no role, area or skill of the graph, with the nearest id that does.
    case unknownReference(ReferenceKind, String, suggestion: String?)
    /// An id defined twice; `first` is where it was defined first.
    case duplicateID(ReferenceKind, String, first: SourceLocation?)
    /// A relation kind other than stakeholder, collaboration or transition, with the nearest one.
    case unknownRelationKind(String, suggestion: String?)
    /// A relation from a role to itself.
    case selfRelation(RelationKind, RoleID)
    /// The same relation stated twice; a collaboration in either order counts as the same.
    /// `first` says where the first copy is: `at file:line:column`, or `in file` when its
    /// parts have no places (the built-in graph); `elsewhere` whether that is another file than
    /// the copy's (an overlay should `override` it instead).
    case duplicateRelation(RelationKind, from: RoleID, to: RoleID, first: String?, elsewhere: Bool)
    /// `from`/`to` and `between` mixed, or neither given.
    case endpoints(String)
    /// An effort that is not a number greater than 0 and at most 1,000,000, as the file writes it.
    case invalidEffort(String)
    /// An effort on a stakeholder or collaboration relation.
    case effortOnNonTransition(RelationKind)
    /// A role lists a skill as both primary and secondary.
    case skillBothPrimaryAndSecondary(role: RoleID, skill: SkillID)
    /// A role lists a skill twice in the same list.
    case skillListedTwice(role: RoleID, skill: SkillID)
    /// A value outside a fixed set (`entry_level`, `prevalence`); `valid` lists the allowed values.
    case invalidEnumValue(key: String, value: String, valid: [String])
    /// A problem in a non-YAML input (an edge list or a DOT file).
    case other(String)

    /// The problem in one line of English, without its location.
    public var description: String {
        switch self {
        case .syntax(let message): return "not valid YAML or JSON: \(message)"
        case .empty: return "the file is empty"
        case .notAMapping(let found): return "expected a mapping with keys such as 'format' and 'roles' at the top level, found \(found)"
        case .unsupportedFormatVersion(let v, let supported): return "unsupported format '\(v)' (this version reads format \(supported))"
        case .unknownKey(let key, let context, let suggestion):
            return "unknown key '\(key)' in \(context)" + didYouMean(suggestion)
        case .missingKey(let key, let context): return "missing required key '\(key)' in \(context)"
        case .wrongType(let key, let expected, let found):
            // A key is quoted; a phrase such as `the skills of role 'x'` carries its own quotes.
            let subject = key.contains(" ") ? key : "'\(key)'"
            return "\(subject) must be \(expected), found \(found)"
        case .emptyValue(let key): return "'\(key)' must not be empty"
        case .unknownReference(let kind, let id, let suggestion):
            return "unknown \(kind.rawValue) '\(id)'" + didYouMean(suggestion)
        case .duplicateID(let kind, let id, let first):
            return "duplicate \(kind.rawValue) id '\(id)'" + (first.map { " (first defined at \($0.line):\($0.column ?? 1))" } ?? "")
        case .unknownRelationKind(let kind, let suggestion):
            return "unknown relation kind '\(kind)' (expected stakeholder, collaboration or transition"
                + (suggestion.map { "; did you mean '\($0)'?" } ?? "") + ")"
        case .selfRelation(let kind, let role): return "\(kind.rawValue) relation from '\(role)' to itself"
        case .duplicateRelation(let kind, let from, let to, let first, let elsewhere):
            return "duplicate \(kind.rawValue) relation '\(from)' → '\(to)'" + (first.map { " (first stated \($0))" } ?? "")
                + (elsewhere ? "; to change it, 'override' it" : "")
        case .endpoints(let message): return message
        case .invalidEffort(let value):
            return "effort must be a number greater than 0 and at most \(formatNumber(GraphValidator.maximumEffort)), found '\(value)'"
        case .effortOnNonTransition(let kind): return "'effort' applies only to transitions, not to a \(kind.rawValue) relation"
        case .skillBothPrimaryAndSecondary(let role, let skill):
            return "role '\(role)' lists skill '\(skill)' as both primary and secondary"
        case .skillListedTwice(let role, let skill): return "role '\(role)' lists skill '\(skill)' twice"
        case .invalidEnumValue(let key, let value, let valid):
            return "'\(key)' must be one of \(valid.joined(separator: ", ")), found '\(value)'" + didYouMean(Suggestions.nearest(to: value, in: valid))
        case .other(let message): return message
        }
    }
}

/// A byte count as people write it: `1 GiB`, `64 KiB`, `1500 bytes`.
func byteCount(_ bytes: Int) -> String {
    for (unit, size) in [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)] where bytes >= size && bytes % size == 0 {
        return "\(bytes / size) \(unit)"
    }
    return bytes == 1 ? "1 byte" : "\(bytes) bytes"
}

func didYouMean(_ suggestion: String?) -> String {
    suggestion.map { " (did you mean '\($0)'?)" } ?? ""
}

/// Why a graph could not be loaded.
public enum GraphLoadError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No file at the path.
    case fileNotFound(path: String)
    /// The file exists but could not be read (permissions, a directory, not UTF-8).
    case unreadable(path: String, reason: String)
    /// The file was read but is not a valid graph: every problem found, in file order.
    case invalid([Diagnostic])
    /// The input is larger than the size limit (see ``RoleGraph/load(contentsOf:format:maximumSize:)``):
    /// refused before it is read, or as soon as a stream passes the limit.
    case tooLarge(path: String, limit: Int)

    /// The error as the CLI prints it: path and reason, or one diagnostic per line.
    public var description: String {
        switch self {
        case .fileNotFound(let path): return "\(path): no such file"
        case .unreadable(let path, let reason): return "\(path): cannot read: \(reason)"
        case .invalid(let diagnostics): return diagnostics.map(\.description).joined(separator: "\n")
        case .tooLarge(let path, let limit): return "\(path): larger than the input size limit of \(byteCount(limit))"
        }
    }

    /// The problems, for ``invalid(_:)``; empty otherwise.
    public var diagnostics: [Diagnostic] {
        if case .invalid(let d) = self { return d }
        return []
    }
}
