/// The skills a role needs that a person does not have yet, must-have and nice-to-have apart.
///
/// The gap is the cost of the `skills` cost model: a missing primary skill weighs
/// ``primaryWeight`` (2), a missing secondary skill ``secondaryWeight`` (1). Primary skills weigh
/// more because a role cannot be done without them, while secondary ones can be picked up in it.
public struct SkillGap: Hashable, Sendable {
    /// The cost of a missing primary skill.
    public static let primaryWeight = 2.0
    /// The cost of a missing secondary skill.
    public static let secondaryWeight = 1.0

    /// Primary skills of the target that are not known: must-have.
    public var primary: [SkillID]
    /// Secondary skills of the target that are not known: nice-to-have.
    public var secondary: [SkillID]

    init(primary: [SkillID] = [], secondary: [SkillID] = []) {
        self.primary = primary
        self.secondary = secondary
    }

    /// `2 × missing primary + 1 × missing secondary`.
    public var cost: Double {
        Self.primaryWeight * Double(primary.count) + Self.secondaryWeight * Double(secondary.count)
    }

    /// Whether the person has every skill the role lists.
    public var isEmpty: Bool { primary.isEmpty && secondary.isEmpty }
}

extension RoleGraph {
    /// Every skill a role lists, primary or secondary.
    ///
    /// - Complexity: O(*s*) expected for *s* skills of the role.
    public func skills(of role: RoleID) -> Set<SkillID> {
        guard let role = self.role(role) else { return [] }
        return Set(role.primarySkills).union(role.secondarySkills)
    }

    /// What `role` needs that `known` does not cover, in the role's own order.
    ///
    /// - Complexity: O(*s*) for *s* skills of the role.
    public func skillGap(to role: RoleID, knowing known: Set<SkillID>) -> SkillGap {
        guard let target = self.role(role) else { return SkillGap() }
        return SkillGap(primary: target.primarySkills.filter { !known.contains($0) },
                        secondary: target.secondarySkills.filter { !known.contains($0) })
    }
}

// The JSON form: the graph file's key names; facts the graph does not state are omitted.
extension SkillGap: Encodable {
    private enum CodingKeys: String, CodingKey { case primary, secondary, cost }
    /// Encodes the gap as its primary and secondary skills and its cost.
    ///
    /// - Throws: The encoder's errors.
    /// - Complexity: Linear in the size of the encoded value.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(primary.map(\.rawValue), forKey: .primary)
        try c.encode(secondary.map(\.rawValue), forKey: .secondary)
        try c.encode(cost, forKey: .cost)
    }
}
