/// How common a role is in the job market.
public enum Prevalence: String, CaseIterable, Hashable, Sendable {
    /// Most companies have the role as a distinct position (`common`), many do not (`uncommon`), or
    /// few do (`rare`).
    case common, uncommon, rare
}

/// A career role: a node of the graph.
public struct Role: Identifiable, Hashable, Sendable {
    /// The role's id, unique among the graph's roles.
    public var id: RoleID
    /// The display name ("Data Analyst").
    public var name: String
    /// The area the role belongs to.
    public var area: AreaID
    /// What the role does; empty when the file gives no summary.
    public var summary: String
    /// What a person in the role is responsible for.
    public var responsibilities: [String]
    /// Sample problems a person in the role works on.
    public var problems: [String]
    /// Job titles the role is commonly advertised under. A title may be shared by several roles
    /// ("Data Engineer"); looking a role up by such a title is an ambiguity, never a silent pick.
    public var titles: [String]
    /// Skills the role cannot do without. They weigh more than secondary skills in skill-gap costs.
    public var primarySkills: [SkillID]
    /// Skills that help in the role.
    public var secondarySkills: [SkillID]
    /// Whether people commonly enter the field through this role; `nil` when the file says nothing.
    public var entryLevel: Bool?
    /// How common the role is; `nil` when the file says nothing.
    public var prevalence: Prevalence?
    /// How many people were observed staying in the role (a transition file's self-moves,
    /// `C,C`); `nil` when the graph states none. Stayers are never an edge, but they are part of
    /// the denominator of a transition's share: of everyone observed in the role, who left for where.
    public var stays: Double?

    /// Creates a role. A graph checks it when it is built: its area and skills exist, and no skill
    /// is listed twice.
    public init(
        id: RoleID, name: String, area: AreaID, summary: String = "",
        responsibilities: [String] = [], problems: [String] = [], titles: [String] = [],
        primarySkills: [SkillID] = [], secondarySkills: [SkillID] = [],
        entryLevel: Bool? = nil, prevalence: Prevalence? = nil, stays: Double? = nil
    ) {
        self.id = id
        self.name = name
        self.area = area
        self.summary = summary
        self.responsibilities = responsibilities
        self.problems = problems
        self.titles = titles
        self.primarySkills = primarySkills
        self.secondarySkills = secondarySkills
        self.entryLevel = entryLevel
        self.prevalence = prevalence
        self.stays = stays
    }

    /// Primary then secondary skills.
    var allSkills: [SkillID] { primarySkills + secondarySkills }
}

// The JSON form: the graph file's key names; facts the graph does not state are omitted.
extension Role: Encodable {
    private enum CodingKeys: String, CodingKey {
        case id, name, area, summary, responsibilities, problems, titles, skills
        case entryLevel = "entry_level", prevalence, stays
    }
    private enum SkillKeys: String, CodingKey { case primary, secondary }
    /// Encodes the role under the graph file's key names, leaving out the facts it does not state.
    ///
    /// - Throws: The encoder's errors.
    /// - Complexity: Linear in the size of the encoded value.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id.rawValue, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(area.rawValue, forKey: .area)
        try c.encode(summary, forKey: .summary)
        try c.encode(responsibilities, forKey: .responsibilities)
        try c.encode(problems, forKey: .problems)
        try c.encode(titles, forKey: .titles)
        var s = c.nestedContainer(keyedBy: SkillKeys.self, forKey: .skills)
        try s.encode(primarySkills.map(\.rawValue), forKey: .primary)
        try s.encode(secondarySkills.map(\.rawValue), forKey: .secondary)
        try c.encodeIfPresent(entryLevel, forKey: .entryLevel)
        try c.encodeIfPresent(prevalence?.rawValue, forKey: .prevalence)
        try c.encodeIfPresent(stays, forKey: .stays)
    }
}
