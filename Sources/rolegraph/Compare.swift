import ArgumentParser
import RoleGraphKit

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two roles: shared skills, skills only in each, relations between them, the cheapest path each way.")

    @OptionGroup var graphOptions: GraphOptions

    @Argument(help: "The first role.")
    var first: String

    @Argument(help: "The second role.")
    var second: String

    @OptionGroup var costOptions: CostOptions

    func run() throws {
        let graph = try graphOptions.load()
        let a = try graph.roleID(first), b = try graph.roleID(second)
        if a == b { throw CLIError.invalidValue("'\(first)' and '\(second)' are the same role; compare two different roles") }
        let skillsA = graph.skills(of: a), skillsB = graph.skills(of: b)
        let ordered = graph.skills.map(\.id)
        func names(_ set: Set<SkillID>) -> String {
            let list = ordered.filter(set.contains).map(graph.skillName)
            return list.isEmpty ? "none" : list.joined(separator: ", ")
        }
        let nameA = graph.displayName(a), nameB = graph.displayName(b)
        var out = ["\(nameA) and \(nameB)", ""]
        let areaA = graph.role(a)?.area, areaB = graph.role(b)?.area
        out.append(areaA == areaB ? "Both in \(graph.area(areaA!)?.name ?? "")."
                   : "\(nameA) is in \(graph.area(areaA!)?.name ?? ""), \(nameB) in \(graph.area(areaB!)?.name ?? "").")
        out.append(Output.wrap("Shared skills: " + names(skillsA.intersection(skillsB))))
        out.append(Output.wrap("Only \(nameA): " + names(skillsA.subtracting(skillsB))))
        out.append(Output.wrap("Only \(nameB): " + names(skillsB.subtracting(skillsA))))
        out.append("")
        let between = graph.relations.filter { $0.connects(a, b) || $0.connects(b, a) }
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
        var planner = try RoutePlanner(graph: graph, costing: try costOptions.costing(in: graph))
        for (x, y) in [(a, b), (b, a)] {
            out.append("")
            if let path = try Self.cheapest(&planner, from: x, to: y) {
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
