import Foundation

/// Writes an overlay back as a graph file of format 1, `extends:` line included: what
/// `export --keep-extends` writes instead of the flattened graph.
///
/// Every string is written double-quoted, with `"`, `\`, line breaks, control characters and the
/// characters YAML treats as breaks or byte-order marks escaped, so any name reads back as itself.
/// Reading the text back gives an overlay that, applied to the same base, gives the same graph.
enum OverlayWriter {
    /// - Complexity: O(*n*) for an overlay of *n* characters.
    static func yaml(_ overlay: OverlayDocument) -> String {
        var out = "format: 1\n"
        if let extends = overlay.extends { out += "extends: \(quoted(extends))\n" }
        if let name = overlay.name { out += "name: \(quoted(name))\n" }
        if let source = overlay.source { out += "source: \(quoted(source))\n" }
        if let description = overlay.description { out += "description: \(quoted(description))\n" }
        let added = overlay.additions
        if !added.areas.isEmpty {
            out += "areas:\n"
            for area in added.areas { out += "  - " + flow([("id", quoted(area.id.rawValue)), ("name", quoted(area.name)), ("summary", quoted(area.summary))]) + "\n" }
        }
        if !added.skills.isEmpty {
            out += "skills:\n"
            for skill in added.skills {
                out += "  - " + flow([("id", quoted(skill.id.rawValue)), ("name", quoted(skill.name)),
                                      ("summary", quoted(skill.summary)), ("aliases", list(skill.aliases))]) + "\n"
            }
        }
        if !added.roles.isEmpty {
            out += "roles:\n"
            for role in added.roles {
                out += "  - " + flow(roleFields(id: role.id, name: role.name, area: role.area, summary: role.summary,
                                                responsibilities: role.responsibilities, problems: role.problems,
                                                titles: role.titles, primary: role.primarySkills,
                                                secondary: role.secondarySkills, entryLevel: role.entryLevel,
                                                prevalence: role.prevalence, stays: role.stays)) + "\n"
            }
        }
        if !added.relations.isEmpty {
            out += "relations:\n"
            for relation in added.relations {
                out += "  - " + flow([("kind", relation.kind.rawValue), ("from", quoted(relation.from.rawValue)),
                                      ("to", quoted(relation.to.rawValue)), ("effort", relation.effort.map(number)),
                                      ("count", relation.count.map(number)), ("note", relation.note.map(quoted)), ("section", relation.section.map(quoted))]) + "\n"
            }
        }
        let overrides = overlay.overrides
        if !overrides.isEmpty {
            out += "override:\n"
            if !overrides.areas.isEmpty {
                out += "  areas:\n"
                for change in overrides.areas {
                    out += "    - " + flow([("id", quoted(change.id.rawValue)), ("name", change.name.map(quoted)),
                                            ("summary", change.summary.map(quoted))]) + "\n"
                }
            }
            if !overrides.skills.isEmpty {
                out += "  skills:\n"
                for change in overrides.skills {
                    out += "    - " + flow([("id", quoted(change.id.rawValue)), ("name", change.name.map(quoted)),
                                            ("summary", change.summary.map(quoted)), ("aliases", change.aliases.map(list))]) + "\n"
                }
            }
            if !overrides.roles.isEmpty {
                out += "  roles:\n"
                for change in overrides.roles {
                    let skills = change.primarySkills != nil || change.secondarySkills != nil
                    out += "    - " + flow(roleFields(
                        id: change.id, name: change.name, area: change.area, summary: change.summary,
                        responsibilities: change.responsibilities, problems: change.problems, titles: change.titles,
                        primary: skills ? change.primarySkills ?? [] : nil, secondary: skills ? change.secondarySkills ?? [] : nil,
                        entryLevel: change.entryLevel, prevalence: change.prevalence, stays: change.stays)) + "\n"
                }
            }
            if !overrides.relations.isEmpty {
                out += "  relations:\n"
                for change in overrides.relations {
                    out += "    - " + flow([("kind", change.kind.rawValue), ("from", quoted(change.from.rawValue)),
                                            ("to", quoted(change.to.rawValue)), ("effort", change.effort.map(number)),
                                            ("count", change.count.map(number)), ("note", change.note.map(quoted)), ("section", change.section.map(quoted))]) + "\n"
                }
            }
        }
        if !overlay.removals.isEmpty {
            out += "remove:\n"
            var roles: [String] = [], relations: [String] = []
            for removal in overlay.removals {
                switch removal {
                case .role(let id, _): roles.append(quoted(id.rawValue))
                case .relation(let kind, let from, let to, _, _, _):
                    relations.append(flow([("kind", kind.rawValue), ("from", quoted(from.rawValue)), ("to", quoted(to.rawValue))]))
                }
            }
            if !roles.isEmpty { out += "  roles: [\(roles.joined(separator: ", "))]\n" }
            if !relations.isEmpty {
                out += "  relations:\n"
                for relation in relations { out += "    - \(relation)\n" }
            }
        }
        return out
    }

    private static func roleFields(
        id: RoleID, name: String?, area: AreaID?, summary: String?, responsibilities: [String]?, problems: [String]?,
        titles: [String]?, primary: [SkillID]?, secondary: [SkillID]?, entryLevel: Bool?, prevalence: Prevalence?,
        stays: Double?
    ) -> [(String, String?)] {
        [("id", quoted(id.rawValue)), ("name", name.map(quoted)), ("area", area.map { quoted($0.rawValue) }),
         ("summary", summary.map(quoted)), ("responsibilities", responsibilities.map(list)),
         ("problems", problems.map(list)), ("titles", titles.map(list)),
         ("skills", primary == nil && secondary == nil ? nil
            : "{primary: \(list((primary ?? []).map(\.rawValue))), secondary: \(list((secondary ?? []).map(\.rawValue)))}"),
         ("entry_level", entryLevel.map { $0 ? "true" : "false" }), ("prevalence", prevalence?.rawValue),
         ("stays", stays.map(number))]
    }

    /// `{key: value, …}` of the fields that are set.
    private static func flow(_ fields: [(String, String?)]) -> String {
        "{" + fields.compactMap { key, value in value.map { "\(key): \($0)" } }.joined(separator: ", ") + "}"
    }

    private static func list(_ items: [String]) -> String {
        "[" + items.map(quoted).joined(separator: ", ") + "]"
    }

    /// A number YAML reads back as the same `Double` (the graph file writer's form).
    static func number(_ value: Double) -> String { GraphFileWriter.number(value) }

    /// A YAML double-quoted scalar that reads back as exactly `text` (the graph file writer's
    /// quoting: one set of escapes for every YAML we write).
    static func quoted(_ text: String) -> String { GraphFileWriter.doubleQuoted(text) }
}

extension Overlay {
    /// The overlay as a graph file of format 1, with its `extends:` line: applied to the same base,
    /// it gives the same graph as the file it was read from.
    ///
    /// - Parameter path: where the text will be written, if to a file: a relative `extends:` path
    ///   is relative to the overlay's own directory, so when `path` is in another directory the
    ///   base is written as an absolute path, which still resolves there.
    /// - Complexity: O(*n*) for an overlay of *n* characters.
    public func yaml(writtenTo path: String? = nil) -> String {
        var document = document
        if let extends = document.extends, extends != RoleGraph.builtInName, !extends.hasPrefix("/"), let path {
            let here = Self.directory(of: document.file)
            if here != Self.directory(of: path) {
                document.extends = (here as NSString).appendingPathComponent(extends)
            }
        }
        return OverlayWriter.yaml(document)
    }

    /// A file's directory as an absolute, standardised path.
    private static func directory(of file: String) -> String {
        let absolute = file.hasPrefix("/") ? file
            : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(file)
        return ((absolute as NSString).deletingLastPathComponent as NSString).standardizingPath
    }
}
