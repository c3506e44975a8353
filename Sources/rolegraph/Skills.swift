import ArgumentParser
import Foundation
import RoleGraphKit

/// `skills`: the graph's skill vocabulary, a search in it, and the roles that need one skill.
///
/// One command with an optional action word rather than three nested commands, so that the
/// global options and the command-line conventions apply to it as to every other command.
struct Skills: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skills",
        abstract: "List the skills, search them (skills search WORD), or show the roles needing one (skills show SKILL).",
        discussion: """
            A skill is found by its id, name or an alias, ignoring case and punctuation, then by \
            whole words of a name or alias ('python' finds 'Python (computer programming)'), then \
            by part of one. --have on path, plan, next, reachable and compare matches the same way; \
            a name that fits several skills is refused with the candidates listed.
            """)

    /// What `skills` does.
    enum Action: String, CaseIterable {
        case list, search, show
    }

    @OptionGroup var graphOptions: GraphOptions

    @Argument(help: ArgumentHelp("list (the default), search or show.", valueName: "action"),
              completion: .list(Action.allCases.map(\.rawValue)))
    var action: String?

    @Argument(help: ArgumentHelp("The word to search for, or the skill to show.", valueName: "word"),
              completion: .custom(Completions.skills))
    var query: String?

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    func validate() throws {
        let action = try resolvedAction()
        switch action {
        case .list:
            if query != nil { throw ValidationError("'skills list' takes no word; use 'skills search WORD'") }
        case .search, .show:
            guard let query, !query.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ValidationError("'skills \(action.rawValue)' needs a word: skills \(action.rawValue) WORD")
            }
        }
    }

    func resolvedAction() throws -> Action {
        guard let action else { return .list }
        if let known = Action(rawValue: action.lowercased()) { return known }
        let suggestion = Suggestions.nearest(to: action, in: Action.allCases.map(\.rawValue))
        throw ValidationError("unknown action '\(action)'; the actions are list, search and show"
                              + (suggestion.map { " (did you mean '\($0)'?)" } ?? ""))
    }

    func run() throws {
        let graph = try graphOptions.load()
        switch try resolvedAction() {
        case .list: try emit(list(graph))
        case .search: try emit(search(graph, query ?? ""))
        case .show: try emit(show(graph, try graph.resolveSkill(query ?? "")))
        }
    }

    private func list(_ graph: RoleGraph) throws -> String {
        let counts = graph.skillRoleCounts()
        if format == .json {
            return try Output.json(SkillListReport(skills: graph.skills.map {
                SkillRow(id: $0.id.rawValue, name: $0.name, aliases: $0.aliases, roleCount: counts[$0.id] ?? 0)
            }))
        }
        if graph.skills.isEmpty { return "This graph lists no skills." }
        var rows = [["ID", "NAME", "ROLES"]]
        for skill in graph.skills { rows.append([skill.id.rawValue, skill.name, String(counts[skill.id] ?? 0)]) }
        return "\(graph.skills.count) skill\(graph.skills.count == 1 ? "" : "s"), with how many roles list each:\n\n" + Output.table(rows)
    }

    private func search(_ graph: RoleGraph, _ word: String) throws -> String {
        let hits = graph.searchSkills(word)
        if format == .json {
            return try Output.json(SkillSearchReport(query: word, matches: hits.map {
                SkillSearchRow(id: $0.skill.rawValue, name: graph.skillName($0.skill), match: $0.match.description,
                               matchedText: $0.matchedText, roleCount: $0.roleCount)
            }))
        }
        guard !hits.isEmpty else {
            var text = "No skill's id, name or alias contains '\(Output.clean(word))'."
            do {
                _ = try graph.resolveSkill(word)
            } catch .notFound(_, _, let suggestion?) {
                text += " Did you mean '\(Output.clean(suggestion))'?"
            } catch {}
            return text
        }
        var rows = [["ID", "NAME", "ROLES", "MATCH"]]
        for hit in hits {
            let how = hit.matchedText == graph.skillName(hit.skill) || hit.matchedText == hit.skill.rawValue
                ? hit.match.description : "\(hit.match.description), alias '\(hit.matchedText)'"
            rows.append([hit.skill.rawValue, graph.skillName(hit.skill), String(hit.roleCount), how])
        }
        return "\(hits.count) skill\(hits.count == 1 ? "" : "s") matching '\(Output.clean(word))', best first:\n\n" + Output.table(rows)
    }

    private func show(_ graph: RoleGraph, _ id: SkillID) throws -> String {
        let uses = graph.roles(needing: id)
        let skill = graph.skill(id)
        if format == .json {
            return try Output.json(SkillShowReport(
                skill: SkillRow(id: id.rawValue, name: graph.skillName(id), aliases: skill?.aliases ?? [], roleCount: uses.count),
                summary: skill?.summary ?? "",
                roles: uses.map { SkillUseRow(role: $0.role.rawValue, name: graph.displayName($0.role), primary: $0.isPrimary) }))
        }
        var out = ["\(graph.skillName(id)) (\(id))"]
        if let summary = skill?.summary, !summary.isEmpty { out.append(Output.wrap(summary)) }
        if let aliases = skill?.aliases, !aliases.isEmpty { out.append(Output.wrap("Also called: " + aliases.joined(separator: ", "))) }
        out.append("")
        guard !uses.isEmpty else {
            out.append("No role lists it.")
            return out.joined(separator: "\n")
        }
        out.append("Needed by \(uses.count) role\(uses.count == 1 ? "" : "s"):")
        out.append(Output.table(uses.map { [graph.displayName($0.role), $0.isPrimary ? "primary (must have)" : "secondary (nice to have)"] },
                                indent: "  "))
        return out.joined(separator: "\n")
    }
}

/// The JSON form of one skill in `skills` and `skills show`.
struct SkillRow: Encodable {
    var id: String
    var name: String
    var aliases: [String]
    var roleCount: Int
    enum CodingKeys: String, CodingKey { case id, name, aliases, roleCount = "role_count" }
}

/// The JSON form of `skills`.
struct SkillListReport: Encodable {
    var action = "list"
    var skills: [SkillRow]
}

/// The JSON form of one `skills search` match.
struct SkillSearchRow: Encodable {
    var id: String
    var name: String
    var match: String
    var matchedText: String
    var roleCount: Int
    enum CodingKeys: String, CodingKey { case id, name, match, matchedText = "matched_text", roleCount = "role_count" }
}

/// The JSON form of `skills search`.
struct SkillSearchReport: Encodable {
    var action = "search"
    var query: String
    var matches: [SkillSearchRow]
}

/// The JSON form of one role in `skills show`.
struct SkillUseRow: Encodable {
    var role: String
    var name: String
    var primary: Bool
}

/// The JSON form of `skills show`.
struct SkillShowReport: Encodable {
    var action = "show"
    var skill: SkillRow
    var summary: String
    var roles: [SkillUseRow]
}
