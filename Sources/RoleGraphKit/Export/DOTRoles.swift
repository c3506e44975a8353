/// The roles of a DOT document: one node statement per role, inside its area's (or community's)
/// cluster where the layout draws clusters.
extension DOTComposition {
    func writeRoles<Output: DOTOutput>(to output: inout Output) {
        if !drawsClusters {
            for index in graph.roles.indices where drawn[index] { writeRole(index, indent: "  ", to: &output) }
            return
        }
        var names = UniqueNames(reserved: ["cluster_legend"])
        if isClustering && clusterStyle == .boxes {
            var membersByRank = [[Int]](repeating: [], count: communities.count)
            for index in graph.roles.indices where drawn[index] {
                if let number = community[index], let rank = communityRank[number] { membersByRank[rank].append(index) }
            }
            for (rank, number) in communities.enumerated() {
                let members = membersByRank[rank]
                guard !members.isEmpty else { continue }
                let fill = DOTStyle.communityFills[rank % DOTStyle.communityFills.count]
                let border = DOTStyle.communityBorders[rank % DOTStyle.communityBorders.count]
                openCluster(names.make("cluster_community_", String(number)), [
                    ("label", DOTEscaping.quoted(communityName(number))),
                    ("style", "\"rounded,filled\""),
                    ("fillcolor", quote(fill + "30")),
                    ("color", quote(border)),
                    ("fontcolor", quote(border)),
                ], to: &output)
                for index in members { writeRole(index, indent: "    ", to: &output) }
                line("  }", to: &output)
            }
            for index in graph.roles.indices where drawn[index] && community[index] == nil {
                writeRole(index, indent: "  ", to: &output)
            }
            return
        }
        var membersByArea = [[Int]](repeating: [], count: graph.areas.count)
        for index in graph.roles.indices where drawn[index] {
            membersByArea[areaOfRole[index]].append(index)
        }
        for (areaIndex, area) in graph.areas.enumerated() {
            let members = membersByArea[areaIndex]
            guard !members.isEmpty else { continue }
            let colours = DOTStyle.areaColours(at: areaIndex)
            // Under a path, and under cluster colours, the area boxes step back to neutral grey.
            let dim = isPath || (isClustering && clusterStyle == .fill)
            var attributes: [(String, String)] = [
                ("label", DOTEscaping.quoted(area.name)),
                ("style", "\"rounded,filled\""),
                ("fillcolor", quote(dim ? DOTStyle.dimmedClusterFill : colours.clusterFill)),
                ("color", quote(dim ? DOTStyle.dimmedClusterBorder : colours.border)),
                ("fontcolor", quote(dim ? DOTStyle.dimmedText : colours.border)),
                ("fontsize", "15"),
                ("margin", "12"),
            ]
            if !area.summary.isEmpty {
                attributes.append(("tooltip", DOTEscaping.quoted(area.summary)))
                attributes.append(("area_summary", DOTEscaping.quoted(area.summary)))
            }
            attributes.append(("area", quotedAreaIDs[areaIndex]))
            openCluster(names.make("cluster_", area.id.rawValue), attributes, to: &output)
            for index in members { writeRole(index, indent: "    ", to: &output) }
            line("  }", to: &output)
        }
    }

    private func openCluster<Output: DOTOutput>(_ name: String, _ attributes: [(String, String)], to output: inout Output) {
        line("  subgraph \(DOTEscaping.quoted(name)) {", to: &output)
        line("    graph [\(list(attributes))];", to: &output)
    }

    private func writeRole<Output: DOTOutput>(_ index: Int, indent: StaticString, to output: inout Output) {
        let role = graph.roles[index]
        let colours = DOTStyle.areaColours(at: areaOfRole[index])
        let dimmed = isPath && !pathRoles.contains(Int32(index))

        var fill = colours.nodeFill
        var border = colours.border
        var penWidth: StaticString = policy.compact ? "0.8" : "1.4"
        var textColour = DOTStyle.textColour
        var subColour = DOTStyle.mutedTextColour
        if dimmed {
            fill = DOTStyle.dimmedNodeFill
            border = DOTStyle.dimmedNodeBorder
            textColour = DOTStyle.dimmedText
            subColour = DOTStyle.dimmedText
        } else if isPath {
            border = DOTStyle.pathColour
            penWidth = pathEnds.contains(Int32(index)) ? "3.5" : "2.5"
        } else if isClustering && clusterStyle == .fill {
            if let number = community[index], let rank = communityRank[number] {
                fill = DOTStyle.communityFills[rank % DOTStyle.communityFills.count]
            } else {
                fill = DOTStyle.unassignedFill
            }
        }

        output.append(indent)
        output.appendQuotedName(role.id.rawValue)
        // The label: the name in bold, any titles, and a small line of badges.
        output.append(" [label=<<B>")
        output.appendHTML(role.name)
        output.append("</B>")
        if options.showTitles {
            let titles = role.titles.filter { $0 != role.name }
            for line in wrapped(titles, width: 34) {
                output.append("<BR/><FONT POINT-SIZE=\"10\" COLOR=\"")
                output.append(contentsOf: subColour)
                output.append("\">")
                output.appendHTML(line)
                output.append("</FONT>")
            }
        }
        let badges = Self.badges(of: role)
        if !badges.isEmpty {
            output.append("<BR/><FONT POINT-SIZE=\"10\" COLOR=\"")
            output.append(contentsOf: subColour)
            output.append("\"><I>")
            output.appendHTML(badges.joined(separator: " · "))
            output.append("</I></FONT>")
        }
        output.append(">, fillcolor=")
        output.appendQuoted(fill)
        output.append(", color=")
        output.appendQuoted(border)
        output.append(", fontcolor=")
        output.appendQuoted(textColour)
        output.append(", penwidth=")
        output.append(penWidth)
        if Self.isScarce(role) { output.append(", peripheries=2") }
        if !labelSizes.isEmpty {
            output.append(", fontsize=")
            output.append(decimal: labelSizes[index])
        }
        // In the compact style a tooltip that would only repeat the name is left out: it doubles
        // an SVG node's bytes.
        if !policy.compact || !role.summary.isEmpty || !role.primarySkills.isEmpty || !role.secondarySkills.isEmpty || isClustering {
            output.append(", tooltip=\"")
            writeTooltip(of: index, to: &output)
            output.append("\"")
        }
        output.append(", class=")
        output.append(contentsOf: roleClasses[areaOfRole[index]])
        writeData(of: role, at: index, to: &output)
        output.append("];\n")
    }

    /// The body of a role's tooltip (its SVG hover text): name, summary, skills, community.
    private func writeTooltip<Output: DOTOutput>(of index: Int, to output: inout Output) {
        let role = graph.roles[index]
        var afterCR = output.appendQuotedBody(role.name)
        func skills(_ heading: String, _ skills: [SkillID]) {
            afterCR = output.appendQuotedBody(heading, afterCR: afterCR)
            for (offset, skill) in skills.enumerated() {
                if offset > 0 { output.append(", ") }
                afterCR = output.appendQuotedBody(graph.skill(skill)?.name ?? skill.rawValue, afterCR: offset > 0 ? false : afterCR)
            }
        }
        if !role.summary.isEmpty {
            afterCR = output.appendQuotedBody("\n", afterCR: afterCR)
            afterCR = output.appendQuotedBody(role.summary, afterCR: afterCR)
        }
        if !role.primarySkills.isEmpty { skills("\nPrimary skills: ", role.primarySkills) }
        if !role.secondarySkills.isEmpty { skills("\nSecondary skills: ", role.secondarySkills) }
        if isClustering, let number = community[index] {
            afterCR = output.appendQuotedBody("\n", afterCR: afterCR)
            output.appendQuotedBody(communityName(number), afterCR: afterCR)
        }
    }

    /// The model's own facts as attributes Graphviz ignores and ``RoleGraph/load(contentsOf:format:)``
    /// reads back (see `DOTImporter`), so that an exported graph imports as the same graph: with
    /// its `index`, the role's place in the graph, since clusters group roles by area (and role
    /// order breaks ties between equal paths).
    private func writeData<Output: DOTOutput>(of role: Role, at index: Int, to output: inout Output) {
        output.append(", index=")
        output.append(decimal: index)
        output.append(", role_name=")
        output.appendQuoted(role.name)
        output.append(", area=")
        output.append(contentsOf: quotedAreaIDs[areaOfRole[index]])
        /// `, key="item<separator>item…"`, unless that value is empty.
        func add(_ key: StaticString, _ items: [String], _ separator: StaticString) {
            guard items.count > 1 || items.first?.isEmpty == false else { return }
            output.append(", ")
            output.append(key)
            output.append("=\"")
            if items.count == 1 && separator.utf8CodeUnitCount == 0 {
                output.appendQuotedBody(items[0])
            } else {
                // Each item escapes the separators, so an item holding `;` stays one item.
                for (offset, item) in items.enumerated() {
                    if offset > 0 { output.append(separator) }
                    output.appendQuotedListItem(item, separator: separator.utf8Start[0])
                }
            }
            output.append("\"")
        }
        add("summary", [role.summary], "")
        add("titles", role.titles, "; ")
        add("skills", role.primarySkills.map(\.rawValue), ",")
        add("secondary_skills", role.secondarySkills.map(\.rawValue), ",")
        add("responsibilities", role.responsibilities, "; ")
        add("problems", role.problems, "; ")
        if let entry = role.entryLevel { add("entry_level", [entry ? "true" : "false"], "") }
        if let prevalence = role.prevalence { add("prevalence", [prevalence.rawValue], "") }
        if let stays = role.stays { add("stays", [formatNumber(stays)], "") }
    }

    static func isScarce(_ role: Role) -> Bool {
        role.prevalence == .uncommon || role.prevalence == .rare
    }

    static func badges(of role: Role) -> [String] {
        var badges: [String] = []
        if role.entryLevel == true { badges.append("entry level") }
        if let prevalence = role.prevalence, isScarce(role) { badges.append(prevalence.rawValue) }
        return badges
    }

    /// `items` joined with " · " into lines of at most about `width` characters.
    func wrapped(_ items: [String], width: Int) -> [String] {
        var result: [String] = []
        var line = ""
        for item in items {
            if line.isEmpty {
                line = item
            } else if line.count + 3 + item.count <= width {
                line += " · " + item
            } else {
                result.append(line)
                line = item
            }
        }
        if !line.isEmpty { result.append(line) }
        return result
    }
}
