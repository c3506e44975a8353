/// The three ways two roles relate.
public enum RelationKind: String, CaseIterable, Hashable, Sendable, Comparable {
    /// Directed: `from` relies on the work of `to` ("data analysts are stakeholders for analytics
    /// engineers' work").
    case stakeholder
    /// Symmetric: the two roles work together or on the same team.
    case collaboration
    /// Directed: a person in `from` can move into `to`, with an ``Relation/effort``.
    case transition

    /// The kind's one-byte code in an edge list's columns and a snapshot image: 0, 1, 2 in
    /// declaration order.
    var code: UInt8 {
        switch self {
        case .stakeholder: 0
        case .collaboration: 1
        case .transition: 2
        }
    }

    /// The kind whose ``code`` is `code`, or `nil` for a byte no kind is stored as.
    init?(code: UInt8) {
        switch code {
        case 0: self = .stakeholder
        case 1: self = .collaboration
        case 2: self = .transition
        default: return nil
        }
    }

    /// Whether the relation reads the same both ways.
    public var isSymmetric: Bool { self == .collaboration }

    /// Orders the kinds as they are declared: stakeholder, collaboration, transition.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// An edge of the role graph.
///
/// A collaboration is stored once, with `from` and `to` in the order the file gave them; it is
/// traversed both ways. A two-way transition (`between: [a, b]` in a graph file) is stored as two
/// directed transitions.
public struct Relation: Hashable, Sendable {
    /// Which of the three relations this is.
    public var kind: RelationKind
    /// The role the relation starts from: the one who relies, the one who moves, or the
    /// collaborator named first.
    public var from: RoleID
    /// The role the relation leads to.
    public var to: RoleID
    /// How hard the move is, for transitions: greater than zero; 1 is a small step. `nil` for
    /// other kinds.
    public var effort: Double?
    /// How many moves along this transition were observed (a job-to-job transition file's
    /// `count` column); `nil` when the graph states no observations. A weighted estimate may be
    /// fractional. Only a transition has a count.
    public var count: Double?
    /// Why the relation holds, in a sentence.
    public var note: String?
    /// Where the relation comes from (for the built-in graph, the article's section).
    public var section: String?

    /// Creates a relation. A graph checks it when it is built: its roles exist and differ, and only
    /// a transition has an effort or a count.
    public init(
        kind: RelationKind, from: RoleID, to: RoleID, effort: Double? = nil,
        count: Double? = nil, note: String? = nil, section: String? = nil
    ) {
        self.kind = kind
        self.from = from
        self.to = to
        self.effort = effort
        self.count = count
        self.note = note
        self.section = section
    }

    /// Whether the relation joins `a` and `b`, reading a collaboration both ways.
    package func connects(_ a: RoleID, _ b: RoleID) -> Bool {
        (from == a && to == b) || (kind.isSymmetric && from == b && to == a)
    }
}

// The JSON form: the graph file's key names; facts the graph does not state are omitted.
extension Relation: Encodable {
    private enum CodingKeys: String, CodingKey { case kind, from, to, effort, count, note, section }
    /// Encodes the relation under the graph file's key names, leaving out the facts it does not
    /// state.
    ///
    /// - Throws: The encoder's errors.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind.rawValue, forKey: .kind)
        try c.encode(from.rawValue, forKey: .from)
        try c.encode(to.rawValue, forKey: .to)
        try c.encodeIfPresent(effort, forKey: .effort)
        try c.encodeIfPresent(count, forKey: .count)
        try c.encodeIfPresent(note, forKey: .note)
        try c.encodeIfPresent(section, forKey: .section)
    }
}
