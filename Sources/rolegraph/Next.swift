import ArgumentParser
import RoleGraphKit

struct Next: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "next", abstract: "Rank the moves out of a role by cost, with the skills each needs.")

    @OptionGroup var graphOptions: GraphOptions

    @Argument(help: "The role you are in.", completion: .custom(Completions.roles))
    var role: String

    @Option(name: [.customLong("top"), .customShort("n", allowingJoined: true)], parsing: .unconditional,
            help: ArgumentHelp("How many moves to show.", valueName: "n"))
    var top: Int = 10

    @OptionGroup var costOptions: CostOptions

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    func validate() throws {
        _ = try TopOption.resolve(top, oldName: nil)
    }

    func run() throws {
        let graph = try graphOptions.load()
        let role = try graph.roleID(self.role)
        let planner = try RoutePlanner(graph: graph, costing: try costOptions.costing(in: graph))
        let moves = Array(try planner.moves(from: role).prefix(top))
        switch format {
        case .json: try emit(try Output.json(moves))
        case .table:
            if moves.isEmpty {
                try emit("\(graph.displayName(role)) has no moves out" + (costOptions.lateralCost == nil ? " (try --lateral-cost 2 to include collaborations)." : "."))
                return
            }
            var out = ["Moves from \(graph.displayName(role)), cheapest first (\(PathText.unit(costOptions.cost))):", ""]
            for (i, step) in moves.enumerated() {
                out.append("\(i + 1). \(graph.displayName(step.to))  [\(step.isLateral ? "lateral move, " : "")cost \(Output.number(step.cost))\(PathText.shareText(step, in: graph))]")
                if let note = step.relation.note { out.append(Output.wrap(note, indent: "   ")) }
                out.append(contentsOf: PathText.learn(step.skillsToLearn, in: graph, indent: "   "))
            }
            if let index = graph.index(of: role), let stayed = TransitionShares(graph: graph).stayShare(ofRoleAt: index), stayed > 0 {
                out.append("")
                out.append("\(PathText.percent(stayed)) of the people observed in \(graph.displayName(role)) stayed.")
            }
            try emit(out.joined(separator: "\n"))
        }
    }
}
