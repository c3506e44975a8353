import ArgumentParser
import Foundation
import RoleGraphKit

struct Path: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "Find the cheapest transition path between two roles, and alternatives.",
        discussion: """
            Each step shows the move, the article's reason for it, the skills to learn and its cost. \
            Paths never repeat a role. With --top N (-n N), the next best paths follow in non-decreasing cost \
            (ties: fewer steps first, then the graph's role order).
            """)

    @OptionGroup var graphOptions: GraphOptions

    @Argument(help: "The role to start from (id, name or unambiguous title).", completion: .custom(Completions.roles))
    var from: String

    @Argument(help: "The role to reach.", completion: .custom(Completions.roles))
    var to: String

    @Option(name: [.customLong("top"), .customShort("n", allowingJoined: true)], parsing: .unconditional,
            help: ArgumentHelp("How many paths: the best and the next best ones.", valueName: "n"))
    var top: Int = 1

    @Option(name: .customLong("k"), parsing: .unconditional, help: .private)
    var oldTop: Int?

    @OptionGroup var costOptions: CostOptions

    @Option(help: ArgumentHelp("A role the path must not pass through (repeatable).", valueName: "role"), completion: .custom(Completions.roles))
    var avoid: [String] = []

    @Option(help: ArgumentHelp("A role the path must pass through (one).", valueName: "role"), completion: .custom(Completions.roles))
    var via: String?

    @Option(name: .customLong("max-steps"), parsing: .unconditional, help: "The most moves a path may have.")
    var maxSteps: Int?

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    @Option(help: ArgumentHelp("Also draw the best path over the whole graph to this file (SVG, PNG, PDF or DOT by extension).", valueName: "file"),
            completion: .file())
    var render: String?

    @Flag(help: "List every skill to learn, not only the heaviest \(PathText.shownSkills) of a long list.")
    var all = false

    @OptionGroup(title: "Diagram options (with --render)") var diagram: DiagramOptions

    @Option(name: .customLong("relations"), help: .private)
    var oldDraw: String?

    mutating func validate() throws {
        top = try TopOption.resolve(top, oldName: oldTop)
        try DiagramOptions.refuseOldRelationsName(oldDraw)
        try diagram.refuseUnlessDrawing(render != nil)
    }

    func run() throws {
        TopOption.warnIfOldName(oldTop)
        let graph = try graphOptions.load()
        let from = try graph.roleID(self.from), to = try graph.roleID(self.to)
        let constraints = RouteConstraints(
            avoid: Set(try avoid.map { try graph.roleID($0) }),
            via: try via.map { try graph.roleID($0) },
            maxSteps: maxSteps)
        var planner = try RoutePlanner(graph: graph, costing: try costOptions.costing(in: graph))
        let paths = try planner.paths(from: from, to: to, count: top, constraints: constraints)
        if let render, let best = paths.first {
            try diagram.renderPath(roles: best.roles, relations: best.steps.map(\.relationPosition), in: graph,
                                   options: try diagram.dotOptions(for: graph), to: render)
            ErrorReporter.printNote("wrote \(render)")
        }
        switch format {
        case .json:
            try emit(try Output.json(PathReport(from: from, to: to, cost: costOptions.cost, search: planner.lastSearch, paths: paths)))
        case .table:
            var text = PathText.render(paths, in: graph, model: costOptions.cost, limit: all ? nil : PathText.shownSkills)
            if planner.lastSearch == .bestOfCandidates { text += "\n\n" + PathText.candidatesNote }
            if paths.count < top {
                text += "\n\nOnly \(paths.count) loopless path\(paths.count == 1 ? "" : "s") exist\(paths.count == 1 ? "s" : "") "
                    + "(\(top) asked for)" + (costOptions.lateralCost == nil ? "; --lateral-cost N also allows moves along collaborations." : ".")
            }
            try emit(text)
        }
    }
}

/// The JSON form of `path`.
struct PathReport: Encodable {
    var from: RoleID
    var to: RoleID
    var cost: CostModel
    var search: PathSearch
    var paths: [CareerPath]

    enum CodingKeys: String, CodingKey { case from, to, costModel = "cost_model", search, paths }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(from.rawValue, forKey: .from)
        try c.encode(to.rawValue, forKey: .to)
        try c.encode(cost.rawValue, forKey: .costModel)
        try c.encode(search.rawValue, forKey: .search)
        try c.encode(paths, forKey: .paths)
    }
}

/// The text `path` prints.
enum PathText {
    static func render(_ paths: [CareerPath], in graph: RoleGraph, model: CostModel, limit: Int? = shownSkills) -> String {
        guard let best = paths.first else { return "" }
        var out: [String] = []
        out.append(summary(best, in: graph))
        out.append("")
        out.append(contentsOf: steps(best, in: graph, limit: limit))
        out.append("")
        out.append("Total \(unit(model)): \(Output.number(best.cost)) over \(best.steps.count) step\(best.steps.count == 1 ? "" : "s")"
                   + (best.probability.map { "; probability \(percent($0)) (the product of the steps' shares)" } ?? ""))
        if paths.count > 1 {
            out.append("")
            out.append("Alternatives:")
            var rows: [[String]] = []
            for (i, path) in paths.enumerated().dropFirst() {
                rows.append(["\(i + 1).", "\(unit(model)) \(Output.number(path.cost))", summary(path, in: graph)])
            }
            out.append(Output.table(rows, indent: "  "))
            if paths.contains(where: { $0.steps.contains(where: \.isLateral) }) {
                out.append("  (⇢ is a lateral move along a collaboration, → a transition)")
            }
        }
        return out.joined(separator: "\n")
    }

    /// "A → B ⇢ C": the roles, with → for a transition and ⇢ for a lateral move.
    static func summary(_ path: CareerPath, in graph: RoleGraph) -> String {
        guard let first = path.steps.first else { return "" }
        var text = graph.displayName(first.from)
        for step in path.steps { text += (step.isLateral ? " ⇢ " : " → ") + graph.displayName(step.to) }
        return text
    }

    static func steps(_ path: CareerPath, in graph: RoleGraph, indent: String = "", limit: Int? = shownSkills) -> [String] {
        var out: [String] = []
        for (i, step) in path.steps.enumerated() {
            let move = step.isLateral ? "lateral move (they work together)" : "transition"
            out.append("\(indent)\(i + 1). \(graph.displayName(step.from)) → \(graph.displayName(step.to))  "
                       + "[\(move), cost \(Output.number(step.cost))\(shareText(step, in: graph))]")
            if let note = step.relation.note { out.append(Output.wrap(note, indent: indent + "   ")) }
            out.append(contentsOf: learn(step.skillsToLearn, in: graph, indent: indent + "   ", limit: limit))
        }
        return out
    }

    /// How many skills a list shows before it is summarised (`--all` shows every one).
    static let shownSkills = 10

    /// The note under output whose path-dependent search reached its budget.
    static let candidatesNote = "Note: " + candidatesExplanation
    static let candidatesExplanation = "the exact search for the cheapest skill gap reached its limit of "
        + "\(RoutePlanner.exactSearchBudget) partial paths, so these are the best of the candidate paths found under "
        + "per-step costs; each total is the true total of its path."

    /// "a, b, c (+N more)": the first `limit` names, or all of them without a limit.
    static func summarised(_ names: [String], limit: Int?) -> String {
        guard let limit, names.count > limit else { return names.joined(separator: ", ") }
        return names.prefix(limit).joined(separator: ", ") + " (+\(names.count - limit) more)"
    }

    /// The skills to learn for a step. Must-have (primary, weight 2) skills come before
    /// nice-to-have ones, so a summarised list keeps the heaviest. Nothing for a graph with no
    /// skills (an edge list), where "none" would claim a fact the graph cannot state.
    static func learn(_ gap: SkillGap, in graph: RoleGraph, indent: String, limit: Int? = nil) -> [String] {
        if graph.skills.isEmpty { return [] }
        if gap.isEmpty { return ["\(indent)Skills to learn: none"] }
        var out: [String] = []
        let primaryShown = limit.map { min($0, gap.primary.count) }
        if !gap.primary.isEmpty {
            out.append(Output.wrap("Must learn: " + summarised(gap.primary.map(graph.skillName), limit: limit), indent: indent))
        }
        if !gap.secondary.isEmpty {
            let room = limit.map { max(0, $0 - (primaryShown ?? 0)) }
            if room == 0 {
                out.append("\(indent)Nice to have: \(gap.secondary.count) more skill\(gap.secondary.count == 1 ? "" : "s") (--all lists them)")
            } else {
                out.append(Output.wrap("Nice to have: " + summarised(gap.secondary.map(graph.skillName), limit: room), indent: indent))
            }
        }
        return out
    }

    static func unit(_ model: CostModel) -> String {
        switch model {
        case .hops: return "steps"
        case .effort: return "effort"
        case .skills: return "skill gap"
        case .likely: return "-ln share"
        }
    }

    /// ", 31% of moves out of Data Analyst" for a step with a share; empty otherwise.
    static func shareText(_ step: CareerStep, in graph: RoleGraph) -> String {
        guard let share = step.share else { return "" }
        return ", \(percent(share)) of moves out of \(graph.displayName(step.from))"
    }

    /// A share as a percentage: whole percents from 10%, one decimal from 1%, two significant
    /// digits below (so a rare move never shows as 0%).
    static func percent(_ share: Double) -> String {
        let value = share * 100
        if value >= 10 { return String(format: "%.0f%%", value) }
        if value >= 1 { return String(format: "%.1f%%", value) }
        return String(format: "%.2g%%", value)
    }
}
