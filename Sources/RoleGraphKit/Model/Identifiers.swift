/// A strongly typed identifier: a role id can never be passed where a skill id is expected.
///
/// Ids are the stable, file-level names of things (`data-analyst`, `sql`, `insights`). They are
/// compared exactly; case-insensitive lookup by id, name or title is ``RoleGraph/resolveRole(_:)``'s
/// job, not the identifier's.
public protocol StringIdentifier: RawRepresentable, Hashable, Comparable, Sendable,
    ExpressibleByStringLiteral, CustomStringConvertible where RawValue == String
{
    init(_ rawValue: String)
}

extension StringIdentifier {
    public init(rawValue: String) { self.init(rawValue) }
    public init(stringLiteral value: String) { self.init(value) }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Identifies a ``Role`` (`data-analyst`).
public struct RoleID: StringIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// Identifies an ``Area`` (`insights`).
public struct AreaID: StringIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// Identifies a ``Skill`` (`sql`).
public struct SkillID: StringIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}
