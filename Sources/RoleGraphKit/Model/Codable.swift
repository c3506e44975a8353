// JSON forms of the model, using the graph file's key names, so that `--format json` output and
// the JSON export read like the file format. Optional facts the graph does not state are omitted.

extension Area: Encodable {
    private enum CodingKeys: String, CodingKey { case id, name, summary }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id.rawValue, forKey: .id)
        try c.encode(name, forKey: .name)
        if !summary.isEmpty { try c.encode(summary, forKey: .summary) }
    }
}

extension Skill: Encodable {
    private enum CodingKeys: String, CodingKey { case id, name, summary }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id.rawValue, forKey: .id)
        try c.encode(name, forKey: .name)
        if !summary.isEmpty { try c.encode(summary, forKey: .summary) }
    }
}

extension Role: Encodable {
    private enum CodingKeys: String, CodingKey {
        case id, name, area, summary, responsibilities, problems, titles, skills
        case entryLevel = "entry_level", prevalence
    }
    private enum SkillKeys: String, CodingKey { case primary, secondary }
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
    }
}

extension Relation: Encodable {
    private enum CodingKeys: String, CodingKey { case kind, from, to, effort, note, section }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind.rawValue, forKey: .kind)
        try c.encode(from.rawValue, forKey: .from)
        try c.encode(to.rawValue, forKey: .to)
        try c.encodeIfPresent(effort, forKey: .effort)
        try c.encodeIfPresent(note, forKey: .note)
        try c.encodeIfPresent(section, forKey: .section)
    }
}

extension RoleRelations: Encodable {
    private enum CodingKeys: String, CodingKey { case role, outgoing, incoming, mutual }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(role.rawValue, forKey: .role)
        try c.encode(outgoing, forKey: .outgoing)
        try c.encode(incoming, forKey: .incoming)
        try c.encode(mutual, forKey: .mutual)
    }
}

extension SkillGap: Encodable {
    private enum CodingKeys: String, CodingKey { case primary, secondary, cost }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(primary.map(\.rawValue), forKey: .primary)
        try c.encode(secondary.map(\.rawValue), forKey: .secondary)
        try c.encode(cost, forKey: .cost)
    }
}

extension CareerStep: Encodable {
    private enum CodingKeys: String, CodingKey { case from, to, kind, effort, cost, note, section, learn }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(from.rawValue, forKey: .from)
        try c.encode(to.rawValue, forKey: .to)
        try c.encode(relation.kind.rawValue, forKey: .kind)
        try c.encodeIfPresent(relation.effort, forKey: .effort)
        try c.encode(cost, forKey: .cost)
        try c.encodeIfPresent(relation.note, forKey: .note)
        try c.encodeIfPresent(relation.section, forKey: .section)
        try c.encode(skillsToLearn, forKey: .learn)
    }
}

extension CareerPath: Encodable {
    private enum CodingKeys: String, CodingKey { case roles, cost, steps }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(roles.map(\.rawValue), forKey: .roles)
        try c.encode(cost, forKey: .cost)
        try c.encode(steps, forKey: .steps)
    }
}

extension RoleFit: Encodable {
    private enum CodingKeys: String, CodingKey { case role, gap }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(role.rawValue, forKey: .role)
        try c.encode(gap, forKey: .gap)
    }
}

extension PlannedRoute: Encodable {
    private enum CodingKeys: String, CodingKey { case start, path, cost }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(start, forKey: .start)
        try c.encode(path, forKey: .path)
        try c.encode(cost, forKey: .cost)
    }
}

extension CareerPlan: Encodable {
    private enum CodingKeys: String, CodingKey { case have, goal, closest, routes }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(have.map(\.rawValue), forKey: .have)
        try c.encode(goal.rawValue, forKey: .goal)
        try c.encode(closest, forKey: .closest)
        try c.encode(routes, forKey: .routes)
    }
}

extension RoleCentrality: Encodable {
    private enum CodingKeys: String, CodingKey {
        case role, betweenness, transitionsIn = "transitions_in", transitionsOut = "transitions_out"
        case reliedOnBy = "relied_on_by", reliesOn = "relies_on", collaborations
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(role.rawValue, forKey: .role)
        try c.encode(betweenness, forKey: .betweenness)
        try c.encode(transitionsIn, forKey: .transitionsIn)
        try c.encode(transitionsOut, forKey: .transitionsOut)
        try c.encode(reliedOnBy, forKey: .reliedOnBy)
        try c.encode(reliesOn, forKey: .reliesOn)
        try c.encode(collaborations, forKey: .collaborations)
    }
}
