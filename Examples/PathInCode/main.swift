// An example of RoleGraph as a library: build a small graph in code, find the cheapest way from
// one role to another, print it, and render it with the path highlighted.
//
//     swift run --package-path Examples path-in-code [output.svg]
import Foundation
import RoleGraphKit

let graph: RoleGraph
do {
    graph = try RoleGraph(
        name: "A small support team",
        areas: [Area(id: "support", name: "Support"), Area(id: "engineering", name: "Engineering")],
        skills: [Skill(id: "customers", name: "Customer empathy"), Skill(id: "sql", name: "SQL"),
                 Skill(id: "scripting", name: "Scripting"), Skill(id: "systems", name: "Systems")],
        roles: [
            Role(id: "support-agent", name: "Support Agent", area: "support", primarySkills: ["customers"], entryLevel: true),
            Role(id: "support-analyst", name: "Support Analyst", area: "support", primarySkills: ["customers", "sql"]),
            Role(id: "support-engineer", name: "Support Engineer", area: "engineering", primarySkills: ["scripting", "sql"],
                 secondarySkills: ["customers"]),
            Role(id: "sre", name: "Site Reliability Engineer", area: "engineering", primarySkills: ["systems", "scripting"]),
        ],
        relations: [
            Relation(kind: .transition, from: "support-agent", to: "support-analyst", effort: 2, note: "Learn to query tickets."),
            Relation(kind: .transition, from: "support-agent", to: "support-engineer", effort: 4, note: "A big jump."),
            Relation(kind: .transition, from: "support-analyst", to: "support-engineer", effort: 1, note: "Add scripting."),
            Relation(kind: .transition, from: "support-engineer", to: "sre", effort: 3, note: "Go deeper into systems."),
            Relation(kind: .collaboration, from: "support-engineer", to: "sre"),
        ])
} catch {
    // Every problem in the graph, one per line; a graph built in code gets the same checks as a file.
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(65)
}

do {
    var planner = try RoutePlanner(graph: graph, costing: StepCosting(model: .effort, have: ["customers"]))
    let paths = try planner.paths(from: "support-agent", to: "sre", count: 2)
    for (rank, path) in paths.enumerated() {
        print("\(rank + 1). " + path.roles.map { graph.role($0)!.name }.joined(separator: " → ") + "  (effort \(path.cost))")
        for step in path.steps where !step.skillsToLearn.isEmpty {
            print("     to become \(graph.role(step.to)!.name), learn: " + step.skillsToLearn.primary.map(\.rawValue).joined(separator: ", "))
        }
    }
    if CommandLine.arguments.count > 1, let best = paths.first {
        let options = DOTOptions(highlight: .path(roles: best.roles, relations: best.steps.map(\.relationPosition)))
        let svg = try Exporter.export(graph, format: .svg, options: options)
        try Data(svg).write(to: URL(fileURLWithPath: CommandLine.arguments[1]))
        print("wrote \(CommandLine.arguments[1])")
    }
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
