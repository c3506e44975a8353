/// A strongly typed identifier: a role id can never be passed where a skill id is expected.
///
/// Ids are the stable, file-level names of things (`data-analyst`, `sql`, `insights`). They are
/// compared exactly; case-insensitive lookup by id, name or title is ``RoleGraph/resolveRole(_:)``'s
/// job, not the identifier's.
public protocol StringIdentifier: RawRepresentable, Hashable, Comparable, Sendable,
    ExpressibleByStringLiteral, CustomStringConvertible where RawValue == String
{
    /// Creates an identifier from its text, exactly as given.
    init(_ rawValue: String)
}

extension StringIdentifier {
    /// Creates an identifier from its text; the same as ``init(_:)``.
    public init(rawValue: String) { self.init(rawValue) }
    /// Creates an identifier from a literal, so that `"data-analyst"` can stand for a ``RoleID``.
    public init(stringLiteral value: String) { self.init(value) }
    /// The identifier's text.
    public var description: String { rawValue }
    /// Orders identifiers by their text.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Identifies a ``Role`` (`data-analyst`).
public struct RoleID: StringIdentifier {
    /// The role id as the graph file writes it.
    public let rawValue: String
    /// Creates a role id from its text.
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// Identifies an ``Area`` (`insights`).
public struct AreaID: StringIdentifier {
    /// The area id as the graph file writes it.
    public let rawValue: String
    /// Creates an area id from its text.
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// Identifies a ``Skill`` (`sql`).
public struct SkillID: StringIdentifier {
    /// The skill id as the graph file writes it.
    public let rawValue: String
    /// Creates a skill id from its text.
    public init(_ rawValue: String) { self.rawValue = rawValue }
}
