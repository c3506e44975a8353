/// The relations of a DOT document: one edge statement per relation, grouped by kind.
///
/// This is the code that runs once per relation (a million times for a large graph) in each
/// pass, so it only appends bytes that ``DOTEdgePlan`` has prepared, and literal text.
extension DOTComposition {
    func writeRelations<Output: DOTOutput>(_ plan: DOTEdgePlan, to output: inout Output) {
        plan.bytes.withUnsafeBytes { bytes in
            var start = 0
            for (kind, end) in zip(RelationKind.allCases, plan.runEnds) {
                defer { start = end }
                guard start < end else { continue }
                line("  // \(kind.rawValue)", to: &output)
                for position in plan.order[start ..< end] {
                    if !pathSteps.isEmpty, let step = pathSteps[position] {
                        writePathEdge(position, step: step, plan, bytes, to: &output)
                    } else {
                        writeEdge(position, plan, bytes, to: &output)
                    }
                }
            }
        }
    }

    /// `  "from" -> "to" [`
    @inline(__always)
    private func writeEdgeStart<Output: DOTOutput>(
        from: Int32, to: Int32, _ plan: DOTEdgePlan, _ bytes: UnsafeRawBufferPointer, to output: inout Output
    ) {
        output.append("  ")
        output.append(bytes, plan.id(from))
        output.append(" -> ")
        output.append(bytes, plan.id(to))
        output.append(" [")
    }

    private func writeEdge<Output: DOTOutput>(
        _ position: Int, _ plan: DOTEdgePlan, _ bytes: UnsafeRawBufferPointer, to output: inout Output
    ) {
        let (from, to) = graph.endpoints(ofRelationAt: position)
        let kind = graph.relations[position].kind
        writeEdgeStart(from: from, to: to, plan, bytes, to: &output)
        let mirror = plan.mirror(of: position)
        switch kind {
        case .stakeholder: output.append(contentsOf: plan.stakeholderHead)
        case .collaboration: output.append(contentsOf: plan.collaborationHead)
        case .transition:
            if mirror != nil { output.append("dir=both, ") }
            output.append(contentsOf: plan.efforts[Int(plan.effortSlots[position])].head)
        }
        if plan.tooltips { writeEdgeTooltip(position, from: from, to: to, mirror: mirror, plan, bytes, to: &output) }
        output.append("class=\"")
        output.append(contentsOf: kind.rawValue)
        output.append("\"")
        writeData(of: position, plan, to: &output)
        output.append("];\n")
    }

    /// `tooltip="…", `: the relation as a sentence, with its note (and its mirror's).
    private func writeEdgeTooltip<Output: DOTOutput>(
        _ position: Int, from: Int32, to: Int32, mirror: Int?, _ plan: DOTEdgePlan, _ bytes: UnsafeRawBufferPointer,
        to output: inout Output
    ) {
        let note = graph.relations[position].note
        output.append("tooltip=\"")
        switch graph.relations[position].kind {
        case .stakeholder:
            output.appendEscapedText(bytes, plan.name(from))
            output.append(" relies on ")
            output.appendEscapedText(bytes, plan.name(to))
        case .collaboration:
            output.appendEscapedText(bytes, plan.name(from))
            output.append(" and ")
            output.appendEscapedText(bytes, plan.name(to))
            output.append(" work together")
        case .transition:
            output.appendEscapedText(bytes, plan.name(from))
            output.append(mirror == nil ? " can move to " : " and ")
            output.appendEscapedText(bytes, plan.name(to))
            if mirror != nil { output.append(" can move to each other") }
            output.append(contentsOf: plan.efforts[Int(plan.effortSlots[position])].tail)
        }
        var afterCR = false
        if let note, !note.isEmpty {
            output.append(": ")
            afterCR = output.appendQuotedBody(note)
        }
        if let mirror, let other = graph.relations[mirror].note, !other.isEmpty, other != note {
            afterCR = output.appendQuotedBody("\n", afterCR: afterCR)
            output.appendQuotedBody(other, afterCR: afterCR)
        }
        output.append("\", ")
    }

    private func writePathEdge<Output: DOTOutput>(
        _ position: Int, step: (step: Int, from: Int32, to: Int32),
        _ plan: DOTEdgePlan, _ bytes: UnsafeRawBufferPointer, to output: inout Output
    ) {
        let kind = graph.relations[position].kind
        writeEdgeStart(from: step.from, to: step.to, plan, bytes, to: &output)
        output.append("label=\"step ")
        output.append(decimal: step.step)
        switch kind {
        case .transition:
            output.append(" · effort ")
            output.append(contentsOf: plan.efforts[Int(plan.effortSlots[position])].number)
        case .collaboration: output.append(" · works with")
        case .stakeholder: output.append(" · relies on")
        }
        output.append("\", color=")
        output.appendQuoted(DOTStyle.pathColour)
        output.append(", fontcolor=")
        output.appendQuoted(DOTStyle.pathColour)
        output.append(", penwidth=")
        output.append(contentsOf: Self.number(DOTStyle.pathPenWidth))
        output.append(", weight=4, tooltip=\"Step ")
        output.append(decimal: step.step)
        output.append(": ")
        output.appendEscapedText(bytes, plan.name(step.from))
        output.append(" → ")
        output.appendEscapedText(bytes, plan.name(step.to))
        if let note = graph.relations[position].note, !note.isEmpty {
            output.append(": ")
            output.appendQuotedBody(note)
        }
        output.append("\", class=\"path ")
        output.append(contentsOf: kind.rawValue)
        output.append("\"")
        writeData(of: position, plan, to: &output)
        output.append("];\n")
    }

    /// The relation's own facts as attributes Graphviz ignores and ``RoleGraph/load(contentsOf:format:)``
    /// reads back (see `DOTImporter`): `, index=…, reverse_index=…, kind=…, effort="…",
    /// count="…", reverse_count="…", note="…", section="…"`. The indexes are the relation's (and
    /// its mirror's) place in the graph, so import restores the relations' order, which edges
    /// grouped for drawing do not keep (and which breaks ties between equal paths).
    @inline(__always)
    private func writeData<Output: DOTOutput>(of position: Int, _ plan: DOTEdgePlan, to output: inout Output) {
        output.append(", index=")
        output.append(decimal: position)
        if let mirror = plan.mirror(of: position) {
            output.append(", reverse_index=")
            output.append(decimal: mirror)
        }
        output.append(", kind=")
        output.append(contentsOf: graph.relations[position].kind.rawValue)
        if graph.relations[position].effort != nil {
            output.append(contentsOf: plan.efforts[Int(plan.effortSlots[position])].data)
        }
        let count = graph.relations[position].count
        if let count {
            output.append(", count=\"")
            output.append(contentsOf: formatNumber(count))
            output.append("\"")
        }
        // A two-headed arrow stands for its mirror too; the mirror's count, where it differs,
        // rides along (`none` for none), so DOT import gives each way its own.
        if let mirror = plan.mirror(of: position), graph.relations[mirror].count != count {
            output.append(", reverse_count=\"")
            output.append(contentsOf: graph.relations[mirror].count.map(formatNumber) ?? "none")
            output.append("\"")
        }
        if let note = graph.relations[position].note {
            output.append(", note=")
            output.appendQuoted(note)
        }
        if let section = graph.relations[position].section {
            output.append(", section=")
            output.appendQuoted(section)
        }
    }
}
