/// The legend of a DOT document: a cluster of sample lines, one per relation kind drawn (and the
/// path), and notes on badges and cluster colours.
extension DOTComposition {
    func writeLegend<Output: DOTOutput>(to output: inout Output) {
        let roleIDs = Set(graph.roles.map(\.id.rawValue))
        /// A legend node name that no role has.
        func node(_ base: String) -> String {
            var name = "legend:" + base
            while roleIDs.contains(name) { name += "'" }
            return DOTEscaping.quoted(name)
        }
        // Only the kinds the diagram has lines of: an edge list of transitions gets no samples of
        // stakeholder and collaboration lines it never draws.
        let drawnKinds = RelationKind.allCases.enumerated().filter { index, kind in
            guard let edgePlan else { return false }
            let start = index == 0 ? 0 : edgePlan.runEnds[index - 1]
            return edgePlan.runEnds[index] > start || pathSteps.keys.contains { graph.relations[$0].kind == kind }
        }.map(\.element)
        line("  subgraph \"cluster_legend\" {", to: &output)
        line("    graph [\(list([("label", "\"Legend\""), ("style", "\"rounded\""), ("color", "\"#BBBBBB\""), ("fontcolor", quote(DOTStyle.mutedTextColour)), ("fontsize", "12"), ("margin", "8")]))];", to: &output)
        // Each entry is a text node and a short sample of the line style, ending at an invisible
        // point: real edges, so the legend shows exactly what the diagram draws.
        line("    node [\(list([("shape", "plaintext"), ("style", "\"\""), ("fontsize", "10"), ("fontcolor", quote(DOTStyle.mutedTextColour)), ("margin", "\"0.04,0.02\""), ("height", "0.2")]))];", to: &output)
        line("    edge [\(list([("minlen", "1")]))];", to: &output)
        var entries: [(name: String, text: String, attributes: [(String, String)])] = []
        for kind in drawnKinds {
            switch kind {
            case .stakeholder:
                entries.append(("stakeholder", "relies on (stakeholder)", [("style", "dashed"), ("arrowhead", "vee"), ("penwidth", "1.4"), ("color", quote(DOTStyle.stakeholderColour))]))
            case .collaboration:
                entries.append(("collaboration", "works with (collaboration)", [("dir", "none"), ("style", "dotted"), ("penwidth", "2.2"), ("color", quote(DOTStyle.collaborationColour))]))
            case .transition:
                entries.append(("transition", "can move to (transition), thicker when easier", [("penwidth", "2.7"), ("color", quote(DOTStyle.transitionColour))]))
            }
        }
        if isPath {
            entries.append(("path", "the path, step by step", [("penwidth", Self.number(DOTStyle.pathPenWidth)), ("color", quote(DOTStyle.pathColour))]))
        }
        for entry in entries {
            let text = node(entry.name), sample = node(entry.name + ":end")
            line("    \(text) [\(list([("label", DOTEscaping.quoted(entry.text))]))];", to: &output)
            line("    \(sample) [\(list([("shape", "point"), ("style", "invis"), ("width", "0.01")]))];", to: &output)
            line("    \(text) -> \(sample) [\(list(entry.attributes))];", to: &output)
            // Across the ranks the samples run sideways only when ranks are columns; with
            // rows of ranks, keeping both ends on one rank turns the sample sideways too.
            if options.rankdir == .topToBottom || options.rankdir == .bottomToTop {
                line("    { rank=same; \(text); \(sample); }", to: &output)
            }
        }

        var notes: [String] = []
        let shown = graph.roles.indices.filter { drawn[$0] }.map { graph.roles[$0] }
        if shown.contains(where: { $0.entryLevel == true }) {
            notes.append("<I>entry level</I>: newcomers are commonly hired into it")
        }
        if shown.contains(where: Self.isScarce) {
            notes.append("double border, <I>uncommon</I> or <I>rare</I>: many companies lack the role")
        }
        var table = ""
        if isClustering {
            for (rank, number) in communities.enumerated() {
                let colour = clusterStyle == .fill
                    ? DOTStyle.communityFills[rank % DOTStyle.communityFills.count]
                    : DOTStyle.communityBorders[rank % DOTStyle.communityBorders.count]
                table += "<TR><TD BGCOLOR=\"\(colour)\" FIXEDSIZE=\"TRUE\" WIDTH=\"16\" HEIGHT=\"11\"></TD><TD ALIGN=\"LEFT\">\(DOTEscaping.html(communityName(number)))</TD></TR>"
            }
            if community.indices.contains(where: { drawn[$0] && community[$0] == nil }) && clusterStyle == .fill {
                table += "<TR><TD BGCOLOR=\"\(DOTStyle.unassignedFill)\" BORDER=\"1\" COLOR=\"#BBBBBB\" FIXEDSIZE=\"TRUE\" WIDTH=\"16\" HEIGHT=\"11\"></TD><TD ALIGN=\"LEFT\">no cluster</TD></TR>"
            }
        }
        if !notes.isEmpty || !table.isEmpty {
            // One column of rows; the swatches sit in a table of their own so that the long
            // notes do not widen the swatch column.
            var label = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"1\">"
            if !table.isEmpty {
                let heading = clusterStyle == .fill ? "Fill: cluster" : "Box: cluster; fill: area"
                label += "<TR><TD ALIGN=\"LEFT\"><B>\(heading)</B></TD></TR>"
                label += "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"0\">\(table)</TABLE></TD></TR>"
            }
            for note in notes { label += "<TR><TD ALIGN=\"LEFT\">\(note)</TD></TR>" }
            label += "</TABLE>"
            line("    \(node("notes")) [\(list([("shape", "plaintext"), ("style", "\"\""), ("fontsize", "10"), ("fontcolor", quote(DOTStyle.mutedTextColour)), ("label", "<\(label)>")]))];", to: &output)
        }
        line("  }", to: &output)
    }
}
