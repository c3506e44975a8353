import Foundation

/// Writes a role graph as GraphML, for Gephi, yEd, Cytoscape and NetworkX.
///
/// Every attribute has a typed `<key>` declaration, so tools read efforts as numbers and the
/// entry-level fact as a boolean rather than as text:
///
/// | for   | attr.name                                 | attr.type |
/// |-------|-------------------------------------------|-----------|
/// | graph | name, source, description                 | string    |
/// | graph | areas, skills (JSON lists, as node-link JSON writes them) | string |
/// | node  | label, name, area, area_name, summary     | string    |
/// | node  | titles, responsibilities, problems        | string    |
/// | node  | primary_skills, secondary_skills          | string    |
/// | node  | entry_level                               | boolean   |
/// | node  | prevalence                                | string    |
/// | node  | stays                                     | double    |
/// | edge  | kind, note, section                       | string    |
/// | edge  | effort, count                             | double    |
///
/// GraphML has no list type, so lists are joined with "; " (skills as ids, which the graph's
/// skill vocabulary names); a `;` or `\` inside an item is written `\;` or `\\`, so the item
/// stays one item when `GraphMLReader` reads the file back as the same graph. `label` repeats the role's name because Gephi shows the attribute of
/// that name on nodes. Node ids are the role ids. The graph is `edgedefault="directed"`; a
/// collaboration is an ordinary edge marked by its `kind`, which every reader accepts. With
/// ``undirectedCollaborations`` it also carries `directed="false"`, which GraphML allows on a
/// single edge and Gephi reads as a mixed graph, but NetworkX refuses. A fact the
/// graph does not state (an unknown entry level, the effort of a non-transition) has no `<data>`.
///
/// Text is escaped for XML 1.0 (see `XMLEscaping`): the file always parses, and what a parser
/// reads back equals the graph's text, except for characters XML cannot carry at all, which
/// become U+FFFD. Output is deterministic: keys, roles and relations in a fixed order.
struct GraphMLWriter: Sendable {
    /// Whether collaborations carry `directed="false"`. GraphML allows it and Gephi honours it,
    /// but NetworkX's `read_graphml` rejects an undirected edge in a directed graph, so it is off
    /// by default: readers tell collaborations by their `kind`.
    var undirectedCollaborations: Bool

    init(undirectedCollaborations: Bool = false) {
        self.undirectedCollaborations = undirectedCollaborations
    }

    private struct Key {
        let id: String
        let domain: String
        let name: String
        let type: String
    }

    private static let keys: [Key] = [
        Key(id: "g_name", domain: "graph", name: "name", type: "string"),
        Key(id: "g_source", domain: "graph", name: "source", type: "string"),
        Key(id: "g_description", domain: "graph", name: "description", type: "string"),
        Key(id: "g_areas", domain: "graph", name: "areas", type: "string"),
        Key(id: "g_skills", domain: "graph", name: "skills", type: "string"),
        Key(id: "n_label", domain: "node", name: "label", type: "string"),
        Key(id: "n_name", domain: "node", name: "name", type: "string"),
        Key(id: "n_area", domain: "node", name: "area", type: "string"),
        Key(id: "n_area_name", domain: "node", name: "area_name", type: "string"),
        Key(id: "n_summary", domain: "node", name: "summary", type: "string"),
        Key(id: "n_titles", domain: "node", name: "titles", type: "string"),
        Key(id: "n_responsibilities", domain: "node", name: "responsibilities", type: "string"),
        Key(id: "n_problems", domain: "node", name: "problems", type: "string"),
        Key(id: "n_primary_skills", domain: "node", name: "primary_skills", type: "string"),
        Key(id: "n_secondary_skills", domain: "node", name: "secondary_skills", type: "string"),
        Key(id: "n_entry_level", domain: "node", name: "entry_level", type: "boolean"),
        Key(id: "n_prevalence", domain: "node", name: "prevalence", type: "string"),
        Key(id: "n_stays", domain: "node", name: "stays", type: "double"),
        Key(id: "e_kind", domain: "edge", name: "kind", type: "string"),
        Key(id: "e_effort", domain: "edge", name: "effort", type: "double"),
        Key(id: "e_count", domain: "edge", name: "count", type: "double"),
        Key(id: "e_note", domain: "edge", name: "note", type: "string"),
        Key(id: "e_section", domain: "edge", name: "section", type: "string"),
    ]

    /// The GraphML document for `graph`, ending with a newline.
    ///
    /// - Complexity: O(*R* + *E* + *S*) plus the length of the text.
    func write(_ graph: RoleGraph) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns \
            http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

            """
        for key in Self.keys {
            out += "  <key id=\"\(key.id)\" for=\"\(key.domain)\" attr.name=\"\(key.name)\" attr.type=\"\(key.type)\"/>\n"
        }
        out += "  <graph id=\"rolegraph\" edgedefault=\"directed\">\n"
        func data(_ key: String, _ value: String, indent: String) {
            out += "\(indent)<data key=\"\(key)\">\(XMLEscaping.text(value))</data>\n"
        }
        data("g_name", graph.name, indent: "    ")
        data("g_source", graph.source, indent: "    ")
        data("g_description", graph.description, indent: "    ")
        data("g_areas", Self.json(graph.areas), indent: "    ")
        data("g_skills", Self.json(graph.skills), indent: "    ")

        for role in graph.roles {
            out += "    <node id=\"\(XMLEscaping.attribute(role.id.rawValue))\">\n"
            let i = "      "
            data("n_label", role.name, indent: i)
            data("n_name", role.name, indent: i)
            data("n_area", role.area.rawValue, indent: i)
            data("n_area_name", graph.area(role.area)?.name ?? role.area.rawValue, indent: i)
            data("n_summary", role.summary, indent: i)
            data("n_titles", Self.list(role.titles), indent: i)
            data("n_responsibilities", Self.list(role.responsibilities), indent: i)
            data("n_problems", Self.list(role.problems), indent: i)
            data("n_primary_skills", Self.list(role.primarySkills.map(\.rawValue)), indent: i)
            data("n_secondary_skills", Self.list(role.secondarySkills.map(\.rawValue)), indent: i)
            if let entryLevel = role.entryLevel { data("n_entry_level", entryLevel ? "true" : "false", indent: i) }
            if let prevalence = role.prevalence { data("n_prevalence", prevalence.rawValue, indent: i) }
            if let stays = role.stays { data("n_stays", formatNumber(stays), indent: i) }
            out += "    </node>\n"
        }
        for (position, relation) in graph.relations.enumerated() {
            let directed = relation.kind.isSymmetric && undirectedCollaborations ? " directed=\"false\"" : ""
            out += "    <edge id=\"e\(position)\" source=\"\(XMLEscaping.attribute(relation.from.rawValue))\" target=\"\(XMLEscaping.attribute(relation.to.rawValue))\"\(directed)>\n"
            let i = "      "
            data("e_kind", relation.kind.rawValue, indent: i)
            if let effort = relation.effort { data("e_effort", formatNumber(effort), indent: i) }
            if let count = relation.count { data("e_count", formatNumber(count), indent: i) }
            if let note = relation.note { data("e_note", note, indent: i) }
            if let section = relation.section { data("e_section", section, indent: i) }
            out += "    </edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return out
    }

    /// Items joined with "; ", each with `\` and `;` escaped by a backslash.
    static func list(_ items: [String]) -> String {
        items.map { item in
            var escaped = ""
            for scalar in item.unicodeScalars {
                if scalar == "\\" || scalar == ";" { escaped.unicodeScalars.append("\\") }
                escaped.unicodeScalars.append(scalar)
            }
            return escaped
        }.joined(separator: "; ")
    }

    /// Areas or skills as compact JSON with sorted keys, as node-link JSON writes them.
    private static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { preconditionFailure("areas and skills always encode as JSON") }
        return String(decoding: data, as: UTF8.self)
    }
}
