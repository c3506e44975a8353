/// Writes a role graph as a Mermaid flowchart, which GitHub, GitLab and many documentation tools
/// render inline from a fenced code block marked `mermaid`.
///
/// Areas become `subgraph`s; relation kinds keep the line patterns of the DOT diagrams:
/// stakeholder `-.->` (relies on), collaboration `---` (works with), transition `-->|effort 2|`,
/// and `<-->` for two transitions that mirror each other with the same effort. Nodes are filled
/// in their area's colour through `classDef`.
///
/// Mermaid ids allow few characters and some words (`end`) are keywords, so node ids are the
/// role ids reduced to `[A-Za-z0-9_]` behind a `role_` prefix (`role_data_analyst`), with `_2`,
/// `_3`… added in file order where two ids reduce to the same text: stable for a given graph and
/// never a keyword. Labels are quoted, and every character that could end the quote, open a tag
/// or start an entity is written as a Mermaid entity code (`#quot;`, `#lt;`, `#gt;`, `#amp;`,
/// `#35;` for `#`, `#96;` for a backtick, `#10;` for a line break), so a label shows exactly the
/// role's name.
struct MermaidWriter: Sendable {
    /// The flowchart's direction: `LR`, `RL`, `TB` or `BT`.
    var direction: DOTOptions.RankDirection
    /// The relation kinds to draw.
    var relations: Set<RelationKind>

    /// A writer for the whole graph from left to right, like the DOT diagrams.
    init(direction: DOTOptions.RankDirection = .leftToRight,
         relations: Set<RelationKind> = Set(RelationKind.allCases)) {
        self.direction = direction
        self.relations = relations
    }

    /// The Mermaid text of `graph`, ending with a newline.
    ///
    /// - Complexity: O(*R* + *E*) expected, plus the length of the text.
    func write(_ graph: RoleGraph) -> String {
        var names = UniqueNames()
        let nodeIDs = graph.roles.map { names.make("role_", $0.id.rawValue) }
        let areaIDs = graph.areas.map { names.make("area_", $0.id.rawValue) }

        var lines: [String] = []
        lines.append("%% Written by RoleGraph. Lines: -.-> relies on (stakeholder), --- works with (collaboration), --> can move to (transition, with its effort).")
        lines.append("flowchart \(direction.rawValue)")

        var membersByArea = [[Int]](repeating: [], count: graph.areas.count)
        for (index, role) in graph.roles.enumerated() {
            membersByArea[graph.areaIndex[role.area]!].append(index)
        }
        for (areaIndex, area) in graph.areas.enumerated() where !membersByArea[areaIndex].isEmpty {
            lines.append("  subgraph \(areaIDs[areaIndex])[\"\(Self.escape(area.name))\"]")
            for index in membersByArea[areaIndex] {
                lines.append("    \(nodeIDs[index])[\"\(Self.escape(graph.roles[index].name))\"]")
            }
            lines.append("  end")
        }

        var transitionAt: [Int64: Int] = [:]
        for position in graph.relations.indices where graph.relations[position].kind == .transition {
            let (from, to) = graph.endpoints(ofRelationAt: position)
            transitionAt[Int64(from) << 32 | Int64(to)] = position
        }
        var skip: Set<Int> = []
        for kind in RelationKind.allCases where relations.contains(kind) {
            for (position, relation) in graph.relations.enumerated() where relation.kind == kind && !skip.contains(position) {
                let (from, to) = graph.endpoints(ofRelationAt: position)
                let a = nodeIDs[Int(from)], b = nodeIDs[Int(to)]
                switch kind {
                case .stakeholder:
                    lines.append("  \(a) -.-> \(b)")
                case .collaboration:
                    lines.append("  \(a) --- \(b)")
                case .transition:
                    let label = "effort \(formatNumber(relation.effort ?? 1))"
                    if let mirror = transitionAt[Int64(to) << 32 | Int64(from)], mirror > position,
                       graph.relations[mirror].effort == relation.effort {
                        skip.insert(mirror)
                        lines.append("  \(a) <-->|\(label)| \(b)")
                    } else {
                        lines.append("  \(a) -->|\(label)| \(b)")
                    }
                }
            }
        }

        for (areaIndex, _) in graph.areas.enumerated() where !membersByArea[areaIndex].isEmpty {
            let colours = DOTStyle.areaColours(at: areaIndex)
            let className = "area\(areaIndex)"
            lines.append("  classDef \(className) fill:\(colours.nodeFill),stroke:\(colours.border),color:#222222")
            lines.append("  class \(membersByArea[areaIndex].map { nodeIDs[$0] }.joined(separator: ",")) \(className)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` for a quoted Mermaid label: characters with a meaning to Mermaid or to the HTML it
    /// renders into become entity codes, control characters U+FFFD.
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    static func escape(_ text: String) -> String {
        var result = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\"": result += "#quot;"
            case "<": result += "#lt;"
            case ">": result += "#gt;"
            case "&": result += "#amp;"
            case "#": result += "#35;"
            case "`": result += "#96;"
            case "\n": if !previousWasCR { result += "#10;" }
            case "\r": result += "#10;"
            case "\t": result += "#9;"
            default: result.unicodeScalars.append(DOTEscaping.replacingUnencodable(scalar))
            }
        }
        return result
    }
}
