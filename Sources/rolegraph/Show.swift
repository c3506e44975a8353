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
        let loaded = try graphOptions.loadResult()
        let graph = loaded.graph
        let index = try graph.resolveRole(self.role)
        let role = graph.role(at: index)
        let relations = graph.relations(of: role.id)
        let sources = RoleSources(role: Int(index), in: graph, provenance: loaded.provenance,
                                  file: graphOptions.graph.first.map { $0 == "-" ? "<stdin>" : $0 } ?? RoleGraph.builtInName)
        if format == .json {
            try emit(try Output.json(RoleCard(role: role, relations: relations, sources: sources)))
            return
        }
        var card = RoleCardText.render(role, relations: relations, in: graph)
        if let lines = sources.lines(layers: loaded.provenance?.layers ?? []) { card += "\n\n" + lines }
        try emit(card)
    }
}

/// The JSON form of `show`: the role, its relations, and which file stated each fact.
struct RoleCard: Encodable {
    var role: Role
    var relations: RoleRelations
    var sources: RoleSources
}

/// Which file stated the role and each of its relations (provenance): the file that defined it,
/// and the file that last overrode each field. A graph from one file names it everywhere.
struct RoleSources: Encodable {
    struct RelationSource: Encodable {
        var kind: String
        var from: String
        var to: String
        var file: String
        var overrides: [FieldSource]
    }

    /// A field and the last file that overrode it.
    struct FieldSource: Encodable {
        var field: String
        var file: String

        static func list(_ overrides: [String: String]) -> [FieldSource] {
            overrides.sorted { $0.key < $1.key }.map { FieldSource(field: $0.key, file: $0.value) }
        }
    }

    var file: String
    var overrides: [FieldSource]
    var relations: [RelationSource]

    /// - Parameter file: the file every fact is from when there is no provenance (one file read).
    init(role index: Int, in graph: RoleGraph, provenance: GraphProvenance?, file fallback: String) {
        let roleSource = provenance?.role(at: index)
        file = roleSource?.file ?? fallback
        overrides = FieldSource.list(roleSource?.overrides ?? [:])
        // Only this role's relations are made as values (a large network has a million).
        relations = graph.relationPositions(involving: Int32(index)).map { i in
            let relation = graph.relation(at: i)
            let source = provenance?.relation(at: i)
            return RelationSource(kind: relation.kind.rawValue, from: relation.from.rawValue, to: relation.to.rawValue,
                                  file: source?.file ?? fallback, overrides: FieldSource.list(source?.overrides ?? [:]))
        }
    }

    /// The "Sources:" lines of the text card, only when the graph was built from more than one
    /// file: where the role and its fields came from, then each relation not from that file.
    func lines(layers: [String]) -> String? {
        guard layers.count > 1 else { return nil }
        var out = ["Sources:"]
        var role = "  role: \(file)"
        for (file, fields) in Dictionary(grouping: overrides, by: \.file).sorted(by: { $0.key < $1.key }) {
            role += "; \(fields.map(\.field).joined(separator: ", ")) from \(file)"
        }
        out.append(role)
        for relation in relations where relation.file != file || !relation.overrides.isEmpty {
            var line = "  \(relation.kind) \(relation.from) → \(relation.to): \(relation.file)"
            for source in relation.overrides { line += "; \(source.field) from \(source.file)" }
            out.append(line)
        }
        return out.joined(separator: "\n")
    }
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
