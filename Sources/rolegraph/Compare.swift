import ArgumentParser
import RoleGraphKit

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two roles: shared skills, skills only in each, relations between them, the cheapest path each way.")

    @OptionGroup var graphOptions: GraphOptions

    @Argument(help: "The first role.", completion: .custom(Completions.roles))
    var first: String

    @Argument(help: "The second role.", completion: .custom(Completions.roles))
    var second: String

    @OptionGroup var costOptions: CostOptions

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    func run() throws {
        let graph = try graphOptions.load()
        let a = try graph.roleID(first), b = try graph.roleID(second)
        if a == b { throw CLIError.invalidValue("'\(first)' and '\(second)' are the same role; compare two different roles") }
        let skillsA = graph.skills(of: a), skillsB = graph.skills(of: b)
        let ordered = graph.skills.map(\.id)
        func inOrder(_ set: Set<SkillID>) -> [SkillID] { ordered.filter(set.contains) }
        let shared = inOrder(skillsA.intersection(skillsB))
        let onlyA = inOrder(skillsA.subtracting(skillsB)), onlyB = inOrder(skillsB.subtracting(skillsA))
        let between = graph.relations.filter { $0.connects(a, b) || $0.connects(b, a) }
        var planner = try RoutePlanner(graph: graph, costing: try costOptions.costing(in: graph))
        let cheapest = [try Self.cheapest(&planner, from: a, to: b), try Self.cheapest(&planner, from: b, to: a)]
        if format == .json {
            try emit(try Output.json(ComparisonReport(
                first: a, second: b, firstArea: graph.role(a)!.area, secondArea: graph.role(b)!.area,
                sharedSkills: shared, onlyFirst: onlyA, onlySecond: onlyB, relations: between, costModel: costOptions.cost,
                cheapest: [.init(from: a, to: b, path: cheapest[0]), .init(from: b, to: a, path: cheapest[1])])))
            return
        }
        func names(_ list: [SkillID]) -> String {
            list.isEmpty ? "none" : list.map(graph.skillName).joined(separator: ", ")
        }
        let nameA = graph.displayName(a), nameB = graph.displayName(b)
        var out = ["\(nameA) and \(nameB)", ""]
        let areaA = graph.role(a)?.area, areaB = graph.role(b)?.area
        out.append(areaA == areaB ? "Both in \(graph.area(areaA!)?.name ?? "")."
                   : "\(nameA) is in \(graph.area(areaA!)?.name ?? ""), \(nameB) in \(graph.area(areaB!)?.name ?? "").")
        out.append(Output.wrap("Shared skills: " + names(shared)))
        out.append(Output.wrap("Only \(nameA): " + names(onlyA)))
        out.append(Output.wrap("Only \(nameB): " + names(onlyB)))
        out.append("")
        out.append("Relations between them:" + (between.isEmpty ? " none" : ""))
        for relation in between {
            let arrow: String
            switch relation.kind {
            case .stakeholder: arrow = "\(graph.displayName(relation.from)) relies on the work of \(graph.displayName(relation.to))"
            case .collaboration: arrow = "they work together"
            case .transition: arrow = "\(graph.displayName(relation.from)) can move to \(graph.displayName(relation.to)) (effort \(Output.number(relation.effort ?? 1)))"
            }
            out.append("  - \(arrow)")
            if let note = relation.note { out.append(Output.wrap(note, indent: "      ")) }
        }
        for ((x, y), path) in zip([(a, b), (b, a)], cheapest) {
            out.append("")
            if let path {
                out.append("Cheapest way from \(graph.displayName(x)) to \(graph.displayName(y)) "
                           + "(\(PathText.unit(costOptions.cost)) \(Output.number(path.cost))): "
                           + path.roles.map(graph.displayName).joined(separator: " → "))
            } else {
                out.append("No way from \(graph.displayName(x)) to \(graph.displayName(y)) by transitions"
                           + (costOptions.lateralCost == nil ? " (try --lateral-cost 2)." : "."))
            }
        }
        try emit(out.joined(separator: "\n"))
    }

    /// The cheapest path, or `nil` when there is none; other errors propagate.
    private static func cheapest(_ planner: inout RoutePlanner, from: RoleID, to: RoleID) throws(RouteError) -> CareerPath? {
        let paths: [CareerPath]
        do {
            paths = try planner.paths(from: from, to: to)
        } catch {
            if case .noPath = error { return nil }
            throw error
        }
        return paths.first
    }
}

/// The JSON form of `compare`.
struct ComparisonReport: Encodable {
    var first: RoleID
    var second: RoleID
    var firstArea: AreaID
    var secondArea: AreaID
    var sharedSkills: [SkillID]
    var onlyFirst: [SkillID]
    var onlySecond: [SkillID]
    var relations: [Relation]
    var costModel: CostModel
    var cheapest: [Way]

    /// The cheapest path one way, `null` when there is none.
    struct Way: Encodable {
        var from: RoleID
        var to: RoleID
        var path: CareerPath?

        enum CodingKeys: String, CodingKey { case from, to, path }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(from.rawValue, forKey: .from)
            try c.encode(to.rawValue, forKey: .to)
            try c.encode(path, forKey: .path)
        }
    }

    enum CodingKeys: String, CodingKey {
        case first, second, firstArea = "first_area", secondArea = "second_area", sharedSkills = "shared_skills"
        case onlyFirst = "only_first", onlySecond = "only_second", relations, costModel = "cost_model", cheapest
    }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(first.rawValue, forKey: .first)
        try c.encode(second.rawValue, forKey: .second)
        try c.encode(firstArea.rawValue, forKey: .firstArea)
        try c.encode(secondArea.rawValue, forKey: .secondArea)
        try c.encode(sharedSkills.map(\.rawValue), forKey: .sharedSkills)
        try c.encode(onlyFirst.map(\.rawValue), forKey: .onlyFirst)
        try c.encode(onlySecond.map(\.rawValue), forKey: .onlySecond)
        try c.encode(relations, forKey: .relations)
        try c.encode(costModel.rawValue, forKey: .costModel)
        try c.encode(cheapest, forKey: .cheapest)
    }
}
