import Foundation

/// The graph as the explorer page's script reads it: roles, skills and relations by index, with
/// each transition's `likely` step cost computed here so that the page adds the very same
/// doubles the command line adds, and the `skills` answers precomputed on small graphs.
struct ExplorerData: Encodable {
    struct Area: Encodable { var id: String; var name: String; var summary: String }
    struct Skill: Encodable { var id: String; var name: String; var aliases: [String] }
    struct Role: Encodable {
        var id: String
        var name: String
        var area: Int
        var summary: String
        var titles: [String]
        var responsibilities: [String]
        var problems: [String]
        var primary: [Int]
        var secondary: [Int]
        var entry: Bool?
        var prevalence: String?
        var stays: Double?
    }
    struct Relation: Encodable {
        var kind: String
        var from: Int
        var to: Int
        var effort: Double?
        var count: Double?
        var note: String?
        var section: String?
        /// The share of observed moves out of `from` (``TransitionShares``).
        var share: Double?
        /// −ln(share): the step's cost under `likely`, as the command line computes it.
        var likely: Double?
    }
    /// One precomputed `skills` answer: the path's role indices, relation positions and cost.
    struct SkillPath: Encodable { var roles: [Int]; var relations: [Int]; var cost: Double }

    var name: String
    var description: String
    var source: String
    var areas: [Area]
    var skills: [Skill]
    var roles: [Role]
    var relations: [Relation]
    var hasCounts: Bool
    /// How many alternatives the page lists at most (the `--routes` it answers like).
    var maxRoutes: Int
    /// `"from to"` (role indices) → the best `skills` paths; `nil` above ``ExplorerPage/skillsRoleLimit``.
    var skillPaths: [String: [SkillPath]]?
    /// Whether a precomputed `skills` search stopped at its budget for some pair.
    var skillSearchInexact: Bool

    /// - Complexity: O(*R* + *E* + *S*), plus R² path-dependent searches when the `skills`
    ///   answers are precomputed.
    init(graph: RoleGraph, maxRoutes: Int, precomputeSkills: Bool) {
        name = graph.name
        description = graph.description
        source = graph.source
        areas = graph.areas.map { Area(id: $0.id.rawValue, name: $0.name, summary: $0.summary) }
        skills = graph.skills.map { Skill(id: $0.id.rawValue, name: $0.name, aliases: $0.aliases) }
        var skillIndex: [SkillID: Int] = [:]
        for (i, skill) in graph.skills.enumerated() { skillIndex[skill.id] = i }
        var areaIndex: [AreaID: Int] = [:]
        for (i, area) in graph.areas.enumerated() { areaIndex[area.id] = i }
        roles = graph.roles.map { role in
            Role(id: role.id.rawValue, name: role.name, area: areaIndex[role.area] ?? -1, summary: role.summary,
                 titles: role.titles, responsibilities: role.responsibilities, problems: role.problems,
                 primary: role.primarySkills.compactMap { skillIndex[$0] },
                 secondary: role.secondarySkills.compactMap { skillIndex[$0] },
                 entry: role.entryLevel, prevalence: role.prevalence?.rawValue, stays: role.stays)
        }
        let hasCounts = graph.hasTransitionCounts
        let shares = hasCounts ? TransitionShares(graph: graph) : nil
        relations = graph.relations.enumerated().map { position, relation in
            let (from, to) = graph.endpoints(ofRelationAt: position)
            let share = shares?.share(ofRelationAt: position)
            let likely = share.map(TransitionShares.cost(ofShare:)).flatMap { $0.isFinite ? $0 : nil }
            return Relation(kind: relation.kind.rawValue, from: Int(from), to: Int(to), effort: relation.effort,
                            count: relation.count, note: relation.note, section: relation.section,
                            share: share, likely: likely)
        }
        self.hasCounts = hasCounts
        self.maxRoutes = maxRoutes
        var inexact = false
        if precomputeSkills, var planner = try? RoutePlanner(graph: graph, costing: StepCosting(model: .skills)) {
            var answers: [String: [SkillPath]] = [:]
            for a in graph.roles.indices {
                for b in graph.roles.indices where a != b {
                    guard let found = try? planner.paths(from: graph.roles[a].id, to: graph.roles[b].id, count: maxRoutes)
                    else { continue }
                    if planner.lastSearch != .exact { inexact = true }
                    answers["\(a) \(b)"] = found.map { path in
                        SkillPath(roles: path.roles.compactMap { graph.index(of: $0).map(Int.init) },
                                  relations: path.steps.map(\.relationPosition), cost: path.cost)
                    }
                }
            }
            skillPaths = answers
        } else {
            skillPaths = nil
        }
        skillSearchInexact = inexact
    }
}
