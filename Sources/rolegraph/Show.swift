import ArgumentParser
import RoleGraphKit

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a role's card: area, summary, titles, skills, and its relations by kind.")

    @OptionGroup var graphOptions: GraphOptions

    @Argument(help: "The role: id, name or unambiguous title (case-insensitive).", completion: .custom(Completions.roles))
    var role: String

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    func run() throws {
        let graph = try graphOptions.load()
        let role = graph.role(at: try graph.resolveRole(self.role))
        let relations = graph.relations(of: role.id)
        if format == .json {
            try emit(try Output.json(RoleCard(role: role, relations: relations)))
            return
        }
        try emit(RoleCardText.render(role, relations: relations, in: graph))
    }
}

/// The JSON form of `show`: the role and its relations.
struct RoleCard: Encodable {
    var role: Role
    var relations: RoleRelations
}

/// The text card `show` prints.
enum RoleCardText {
    static func render(_ role: Role, relations: RoleRelations, in graph: RoleGraph) -> String {
        var out: [String] = []
        out.append("\(role.name) (\(role.id))")
        var facts = ["Area: \(graph.area(role.area)?.name ?? role.area.rawValue)"]
        if let entry = role.entryLevel { facts.append(entry ? "entry-level" : "not entry-level") }
        if let prevalence = role.prevalence { facts.append(prevalence.rawValue) }
        out.append(facts.joined(separator: " · "))
        if !role.summary.isEmpty { out.append(Output.wrap(role.summary)) }
        if !role.titles.isEmpty {
            out.append("")
            out.append(Output.wrap("Titles: " + role.titles.joined(separator: ", ")))
            let shared = role.titles.filter { title in
                graph.roles.contains { $0.id != role.id && $0.titles.contains(title) }
            }
            for title in shared {
                let others = graph.roles.filter { $0.id != role.id && $0.titles.contains(title) }.map(\.name)
                out.append("  (\"\(title)\" is also used for \(others.joined(separator: ", ")))")
            }
        }
        for (heading, items) in [("Responsibilities", role.responsibilities), ("Sample problems", role.problems)]
        where !items.isEmpty {
            out.append("")
            out.append("\(heading):")
            out.append(contentsOf: items.map { Output.wrap($0, indent: "  - ").replacingFirstIndent() })
        }
        if !role.primarySkills.isEmpty || !role.secondarySkills.isEmpty {
            out.append("")
            out.append(Output.wrap("Primary skills: " + role.primarySkills.map(graph.skillName).joined(separator: ", ")))
            out.append(Output.wrap("Secondary skills: " + role.secondarySkills.map(graph.skillName).joined(separator: ", ")))
        }
        let groups: [(String, [Relation], (Relation) -> RoleID)] = [
            ("Relies on the work of", relations.outgoing.filter { $0.kind == .stakeholder }, { $0.to }),
            ("Its work is relied on by", relations.incoming.filter { $0.kind == .stakeholder }, { $0.from }),
            ("Works with", relations.mutual, { $0.from == role.id ? $0.to : $0.from }),
            ("Can move on to", relations.outgoing.filter { $0.kind == .transition }, { $0.to }),
            ("Can be reached from", relations.incoming.filter { $0.kind == .transition }, { $0.from }),
        ]
        for (heading, list, other) in groups where !list.isEmpty {
            out.append("")
            out.append("\(heading):")
            for relation in list {
                var line = "  - \(graph.displayName(other(relation)))"
                if relation.kind == .transition, let effort = relation.effort { line += " (effort \(Output.number(effort)))" }
                out.append(line)
                if let note = relation.note { out.append(Output.wrap(note, indent: "      ")) }
            }
        }
        return out.joined(separator: "\n")
    }
}

extension String {
    /// Turns the "  - " prefix of continuation lines of a wrapped bullet into plain indentation.
    func replacingFirstIndent() -> String {
        let lines = split(separator: "\n", omittingEmptySubsequences: false)
        return lines.enumerated().map { i, line in
            i == 0 ? String(line) : "    " + line.dropFirst(4)
        }.joined(separator: "\n")
    }
}
