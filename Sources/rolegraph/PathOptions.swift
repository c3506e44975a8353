import ArgumentParser
import Foundation
import RoleGraphKit

extension CostModel: ExpressibleByArgument {}

/// `--cost`, `--have` and `--lateral-cost`: how path commands cost a move.
struct CostOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "How a move is costed: hops (1 each; reads nothing), effort (reads the transitions' effort), "
            + "skills (reads the roles' skills: the skill gap), likely (reads the transitions' count: −ln of the share of moves out of a role, so the most likely path).",
        valueName: "model"))
    var cost: CostModel = .effort

    @Option(help: ArgumentHelp("Skills you already have, comma-separated or repeated (ids or names).", valueName: "skills"),
            completion: .custom(Completions.skills))
    var have: [String] = []

    @Option(name: .customLong("lateral-cost"), parsing: .unconditional, help: ArgumentHelp(
        "Also allow moves along collaborations, each costing this much (plus the skill gap under --cost skills).",
        valueName: "x"))
    var lateralCost: Double?

    /// The --have skills, resolved against the graph (unknown ones get a "did you mean").
    func costing(in graph: RoleGraph) throws -> StepCosting {
        StepCosting(model: cost, have: try graph.skillSet(have), lateralCost: lateralCost)
    }
}

extension RoleGraph {
    /// Resolves a role named on the command line to its id.
    func roleID(_ query: String) throws -> RoleID { role(at: try resolveRole(query)).id }

    /// Resolves `--have` values (each comma-separated, ids or names); an unknown skill gets a
    /// "did you mean".
    func skillSet(_ items: [String]) throws -> Set<SkillID> {
        var result: Set<SkillID> = []
        for item in items.flatMap({ $0.split(separator: ",") }) {
            let name = String(item).trimmingCharacters(in: .whitespaces)
            if !name.isEmpty { result.insert(try resolveSkill(name)) }
        }
        return result
    }
}
