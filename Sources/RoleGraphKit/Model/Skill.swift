/// A skill in the graph's vocabulary. Roles name skills by id; a reference to a skill that is not
/// in the vocabulary is a validation error, so a typo can never silently create a new skill.
public struct Skill: Identifiable, Hashable, Sendable {
    public var id: SkillID
    public var name: String
    public var summary: String

    public init(id: SkillID, name: String, summary: String = "") {
        self.id = id
        self.name = name
        self.summary = summary
    }
}
