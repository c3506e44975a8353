/// A skill in the graph's vocabulary. Roles name skills by id; a reference to a skill that is not
/// in the vocabulary is a validation error, so a typo can never silently create a new skill.
public struct Skill: Identifiable, Hashable, Sendable {
    /// The skill's id, unique in the vocabulary.
    public var id: SkillID
    /// The display name ("SQL").
    public var name: String
    /// What the skill is; empty when the file gives no summary.
    public var summary: String
    /// Other names people use for the skill ("ML" for "Classical machine learning"), so that
    /// `--have` and `skills search` find it by the word a person types rather than the taxonomy's
    /// label. An alias names one skill only; the graph checks that when it is built.
    public var aliases: [String]

    /// Creates a skill. A graph checks it when it is built.
    public init(id: SkillID, name: String, summary: String = "", aliases: [String] = []) {
        self.id = id
        self.name = name
        self.summary = summary
        self.aliases = aliases
    }
}

// The JSON form: the graph file's key names; facts the graph does not state are omitted.
extension Skill: Encodable {
    private enum CodingKeys: String, CodingKey { case id, name, summary, aliases }
    /// Encodes the skill under the graph file's key names, leaving out an empty summary and an
    /// empty list of aliases.
    ///
    /// - Throws: The encoder's errors.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id.rawValue, forKey: .id)
        try c.encode(name, forKey: .name)
        if !summary.isEmpty { try c.encode(summary, forKey: .summary) }
        if !aliases.isEmpty { try c.encode(aliases, forKey: .aliases) }
    }
}
