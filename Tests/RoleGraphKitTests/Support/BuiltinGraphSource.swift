@testable import RoleGraphKit
import RoleGraphAlgorithms
import RoleGraphGraphviz
import RoleGraphTestSupport

/// Writes `Sources/RoleGraphKit/Model/BuiltinGraph+Generated.swift`: the built-in graph as Swift
/// statements, so that a process that uses it starts without parsing YAML.
///
/// `BuiltinGraphTests` compares the committed file with this writer's output for the YAML in
/// `Graphs/`; regenerate it after editing the YAML with
///
///     ROLEGRAPH_UPDATE_GOLDENS=1 swift test --filter BuiltinGraphTests
///
/// One `append` statement per element keeps each statement's type checking small and
/// independent, rather than one large array literal of initialiser calls checked as a whole.
enum BuiltinGraphSource {
    static func swift(for graph: RoleGraph) -> String {
        var out = """
            // Generated from Graphs/data-careers.yaml by Tests/RoleGraphKitTests/Support/BuiltinGraphSource.swift.
            // Do not edit: edit the YAML, then run
            //     ROLEGRAPH_UPDATE_GOLDENS=1 swift test --filter BuiltinGraphTests
            // BuiltinGraphTests fails while this file and the YAML disagree.

            extension BuiltinGraph {
                /// The parts of the built-in graph, as parsed and validated from the YAML at generation time.
                static func makeGraph() -> RoleGraph {
                    var areas: [Area] = []
                    areas.reserveCapacity(\(graph.areas.count))

            """
        for area in graph.areas {
            out += "        areas.append(Area(id: \(literal(area.id.rawValue)), name: \(literal(area.name)), summary: \(literal(area.summary))))\n"
        }
        out += """

                    var skills: [Skill] = []
                    skills.reserveCapacity(\(graph.skills.count))

            """
        for skill in graph.skills {
            out += "        skills.append(Skill(id: \(literal(skill.id.rawValue)), name: \(literal(skill.name)), summary: \(literal(skill.summary))\(skill.aliases.isEmpty ? "" : ", aliases: " + list(skill.aliases))))\n"
        }
        out += """

                    var roles: [Role] = []
                    roles.reserveCapacity(\(graph.roles.count))

            """
        for role in graph.roles {
            out += """
                        roles.append(Role(
                            id: \(literal(role.id.rawValue)), name: \(literal(role.name)), area: \(literal(role.area.rawValue)),
                            summary: \(literal(role.summary)),
                            responsibilities: \(list(role.responsibilities)),
                            problems: \(list(role.problems)),
                            titles: \(list(role.titles)),
                            primarySkills: \(list(role.primarySkills.map(\.rawValue))),
                            secondarySkills: \(list(role.secondarySkills.map(\.rawValue))),
                            entryLevel: \(role.entryLevel.map { String($0) } ?? "nil"),
                            prevalence: \(role.prevalence.map { "." + $0.rawValue } ?? "nil")))

                """
        }
        out += """

                    var relations: [Relation] = []
                    relations.reserveCapacity(\(graph.relations.count))

            """
        for relation in graph.relations {
            out += """
                        relations.append(Relation(
                            kind: .\(relation.kind.rawValue), from: \(literal(relation.from.rawValue)), to: \(literal(relation.to.rawValue)),
                            effort: \(relation.effort.map { "\($0)" } ?? "nil"),
                            note: \(relation.note.map(literal) ?? "nil"),
                            section: \(relation.section.map(literal) ?? "nil")))

                """
        }
        out += """

                    return RoleGraph(
                        unchecked: \(literal(graph.name)),
                        source: \(literal(graph.source)),
                        description: \(literal(graph.description)),
                        areas: areas, skills: skills, roles: roles, relations: relations)
                }
            }

            """
        return out
    }

    /// A Swift string literal with exactly `text`'s characters.
    static func literal(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)
                || scalar.properties.generalCategory == .format:
                out += "\\u{\(String(scalar.value, radix: 16))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private static func list(_ items: [String]) -> String {
        "[" + items.map(literal).joined(separator: ", ") + "]"
    }
}
