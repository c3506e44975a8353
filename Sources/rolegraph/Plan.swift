import ArgumentParser
import RoleGraphKit

struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan a way from the skills you have to a goal role: where to start, the stepping stones, what to learn.",
        discussion: """
            Closest roles are ranked by the share of each role's skills you already cover: \
            covered = (sum of the weights of the role's skills you have) / (sum of the weights of \
            all its skills), a primary skill weighing 2 and a secondary 1; the gap (the weights \
            you miss) is shown beside it. Routes enter the role that makes the whole way cheapest, \
            then move on to the goal; each step costs the skills its role needs beyond yours, the \
            starting role's and every earlier role's, and the routes are the exact optimum of that \
            cost unless the output says otherwise. Only roles marked entry_level: true are starts \
            (unless the graph states no entry_level at all); --experienced allows any. Skill \
            lists longer than \(PathText.shownSkills) show the heaviest first; --all shows them all.
            """)

    @OptionGroup var graphOptions: GraphOptions

    @Option(help: ArgumentHelp("Skills you already have, comma-separated or repeated (ids or names).", valueName: "skills"),
            completion: .custom(Completions.skills))
    var have: [String] = []

    @Option(help: ArgumentHelp("The role you want to reach: your north star.", valueName: "role"), completion: .custom(Completions.roles))
    var goal: String

    @Option(name: [.customLong("top"), .customShort("n", allowingJoined: true)], parsing: .unconditional,
            help: ArgumentHelp("How many routes to show.", valueName: "n"))
    var top: Int = 3

    @Option(name: .customLong("k"), parsing: .unconditional, help: .private)
    var oldTop: Int?

    @Option(parsing: .unconditional, help: "How many of the closest roles to list.")
    var closest: Int = 5

    @Option(name: .customLong("lateral-cost"), parsing: .unconditional, help: ArgumentHelp("Also allow moves along collaborations at this extra cost.", valueName: "x"))
    var lateralCost: Double?

    @Option(help: ArgumentHelp(
        "What the routes minimise: skills (the default: skills to learn, entry included), likely (the most likely way into the goal from observed moves; reads the transitions' count), effort or hops. The closest roles are ranked by skills either way.",
        valueName: "model"))
    var cost: CostModel = .skills

    @Flag(help: "You have relevant experience: any role may be a starting point, not only entry-level ones.")
    var experienced = false

    @Flag(help: "List every skill to learn, not only the heaviest \(PathText.shownSkills) of a long list.")
    var all = false

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    mutating func validate() throws {
        top = try TopOption.resolve(top, oldName: oldTop)
        guard closest >= 0 else { throw ValidationError("--closest must be at least 0, found \(closest)") }
    }

    func run() throws {
        TopOption.warnIfOldName(oldTop)
        let graph = try graphOptions.load()
        let goal = try graph.roleID(self.goal)
        let have = try graph.skillSet(self.have)
        let plan = try graph.plan(have: have, goal: goal, routes: top, lateralCost: lateralCost, starts: experienced ? .any : .entryLevel,
                                 cost: cost)
        switch format {
        case .json:
            var listed = plan
            listed.closest = Array(plan.closest.prefix(closest))
            try emit(try Output.json(listed))
        case .table: try emit(render(plan, in: graph))
        }
    }

    func render(_ plan: CareerPlan, in graph: RoleGraph) -> String {
        var out: [String] = []
        let limit = all ? nil : PathText.shownSkills
        let skills = plan.have.isEmpty ? "no skills yet" : plan.have.map(graph.skillName).joined(separator: ", ")
        out.append(Output.wrap("With \(skills), aiming for \(graph.displayName(plan.goal))."))
        out.append("")
        if plan.closest.allSatisfy({ $0.totalWeight == 0 }) {
            out.append(Output.wrap("Closest roles today: this graph lists no skills for its roles, so none is closer than another"
                                   + (plan.costModel == .skills
                                      ? " and every route below has a skill gap of 0 (--cost likely, effort or hops compares routes otherwise)."
                                      : ".")))
        } else if closest > 0 {
            out.append("Closest roles today (covered = weights of the role's skills you have / weights of all its skills;")
            out.append("primary skills weigh 2, secondary 1; gap = the weights you miss):")
            // One row per role, its missing skills wrapped on the lines under it: a list of ten
            // long skill names squeezed into a last column would be a narrow wall of text.
            let fits = Array(plan.closest.prefix(closest))
            let rows = fits.map { fit -> [String] in
                let share = fit.coveredShare.map { "\(Int(($0 * 100).rounded()))% covered" } ?? "lists no skills"
                return [graph.displayName(fit.role), share, "gap \(Output.number(fit.gap.cost))",
                        graph.role(fit.role)?.entryLevel == true ? "entry-level" : ""]
            }
            let lines = Output.table(rows, indent: "  ").split(separator: "\n", omittingEmptySubsequences: false)
            for (line, fit) in zip(lines, fits) {
                out.append(String(line))
                out.append(Output.wrap(missing(fit.gap, in: graph, limit: limit), indent: "      "))
            }
        }
        out.append("")
        switch plan.startRule {
        case .entryLevelRoles:
            out.append("Routes to \(graph.displayName(plan.goal)), starting in a role marked entry-level (--experienced allows any):")
        case .anyRoleNoEntryLevelFacts:
            out.append("Routes to \(graph.displayName(plan.goal)), starting in any role (this graph marks no role entry-level or not):")
        case .anyRoleExperienced:
            out.append("Routes to \(graph.displayName(plan.goal)), starting in any role (--experienced):")
        }
        for (i, route) in plan.routes.enumerated() {
            let roles = [route.start.role] + route.path.steps.map(\.to)
            out.append("")
            let total = "total \(PathText.unit(plan.costModel)) \(Output.number(route.cost))"
                + (plan.costModel == .likely ? route.path.probability.map { ", probability \(PathText.percent($0))" } ?? "" : "")
            out.append("\(i + 1). \(roles.map(graph.displayName).joined(separator: " → "))  (\(total))")
            out.append("   Start as \(graph.displayName(route.start.role)) [gap \(Output.number(route.start.gap.cost))]")
            out.append(contentsOf: PathText.learn(route.start.gap, in: graph, indent: "      ", limit: limit))
            for step in route.path.steps {
                let cost = plan.costModel == .skills
                    ? "gap \(Output.number(step.cost))"
                    : "\(PathText.unit(plan.costModel)) \(Output.number(step.cost))\(PathText.shareText(step, in: graph))"
                out.append("   Then \(graph.displayName(step.to)) [\(step.isLateral ? "lateral move, " : "")\(cost)]")
                out.append(contentsOf: PathText.learn(step.skillsToLearn, in: graph, indent: "      ", limit: limit))
            }
        }
        if plan.search == .bestOfCandidates {
            out.append("")
            out.append(PathText.candidatesNote)
        }
        return out.joined(separator: "\n")
    }

    private func missing(_ gap: SkillGap, in graph: RoleGraph, limit: Int?) -> String {
        if gap.isEmpty { return "you have every skill it lists" }
        let names = gap.primary.map(graph.skillName) + gap.secondary.map { graph.skillName($0) + " (nice to have)" }
        return "missing " + PathText.summarised(names, limit: limit)
    }
}
