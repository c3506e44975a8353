/// What drawing the relations of one document needs, worked out once so that writing an edge,
/// which happens twice per relation (see ``DOTOutput``), only copies bytes: which relations are
/// drawn and in what order, every role's id and name already escaped, the attribute text of
/// every effort, and the transitions drawn as one two-headed arrow with their mirror.
struct DOTEdgePlan {
    /// The positions of the relations to draw, in the order they are written: by kind (in
    /// `RelationKind.allCases` order), then by position. Kind *k*'s run ends at `runEnds[k]`.
    let order: [Int]
    let runEnds: [Int]
    /// Each role's id as a quoted DOT string, then its name escaped for the inside of one, back
    /// to back: role *i*'s id is `bytes[ends[2i] ..< ends[2i + 1]]` and its name
    /// `bytes[ends[2i + 1] ..< ends[2i + 2]]`.
    let bytes: [UInt8]
    let ends: [Int]
    /// For each relation, its effort (1 when it has none) as a position in ``efforts``.
    let effortSlots: [Int32]
    let efforts: [Effort]
    /// For each relation, the position of the mirror it is drawn with as one two-headed arrow,
    /// or -1. Empty when no transition has a mirror.
    let mirrors: [Int]
    /// A stakeholder's and a collaboration's attributes up to the tooltip (each ends with ", ").
    let stakeholderHead: String
    let collaborationHead: String
    /// Whether edges carry hover texts: not in the compact style, where they are most of an
    /// SVG's bytes and no one hovers over ten thousand lines.
    let tooltips: Bool
    /// Whether transitions are as wide as their observed moves rather than as easy as they are:
    /// when some transition has a ``Relation/count``.
    let widthByCount: Bool

    /// The texts of one effort value in a transition's edge statement.
    struct Effort {
        /// The number, as the effort attribute and the path step's label write it.
        let number: String
        /// `label="effort N", penwidth=…, weight=…, color=…, fontcolor=…, ` (no label when the
        /// policy draws none).
        let head: String
        /// ` (effort N)`, which ends the tooltip's sentence.
        let tail: String
        /// `, effort="N"`
        let data: String
    }

    /// - Complexity: O(*R* + *E* + *d* log *d*) expected, for *d* the most transitions at one
    ///   role, plus the length of the ids and names.
    init(_ document: DOTComposition) {
        let graph = document.graph, relations = graph.relations
        let dim = document.isPath
        let compact = document.policy.compact
        tooltips = !compact
        let thin = compact ? 0.5 : 1
        stakeholderHead = "style=dashed, arrowhead=vee, penwidth=\(formatNumber(1.4 * thin)), color=\(DOTEscaping.quoted(dim ? DOTStyle.dimmedEdgeColour : DOTStyle.stakeholderColour)), "
        // A collaboration has no direction, so it must not push one role a rank ahead.
        collaborationHead = "dir=none, style=dotted, penwidth=\(formatNumber(2.2 * thin)), color=\(DOTEscaping.quoted(dim ? DOTStyle.dimmedEdgeColour : DOTStyle.collaborationColour)), constraint=false, "
        let labels = document.policy.edgeLabels
        let largestCount = relations.lazy.compactMap(\.count).max()
        widthByCount = largestCount != nil
        let transitionColour = dim ? DOTStyle.dimmedEdgeColour : (document.policy.compact ? DOTStyle.compactTransitionColour : DOTStyle.transitionColour)
        let transitionColours = "color=\(DOTEscaping.quoted(transitionColour)), fontcolor=\(DOTEscaping.quoted(dim ? DOTStyle.dimmedText : DOTStyle.mutedTextColour))"

        var texts = DOTByteArray()
        var ends = [0]
        ends.reserveCapacity(2 * graph.roles.count + 1)
        for role in graph.roles {
            texts.appendQuotedName(role.id.rawValue)
            ends.append(texts.count)
            // Safe to escape alone: in every tooltip a name starts the text or follows a space,
            // and ends it or is followed by a space or ": ", so no CR LF pair is split.
            texts.appendQuotedBody(role.name)
            ends.append(texts.count)
        }
        bytes = texts.bytes
        self.ends = ends

        // Which relations are drawn, their kinds, and their efforts, in one walk over them.
        let kinds = RelationKind.allCases
        var kindOf = [UInt8](repeating: 0, count: relations.count)
        var isDrawn = [Bool](repeating: false, count: relations.count)
        var slotOfEffort: [EffortKey: Int32] = [:]
        var efforts: [Effort] = []
        var slots = [Int32](repeating: 0, count: relations.count)
        let kindIsDrawn = kinds.map { document.options.relations.contains($0) }
        let hasPath = !document.pathSteps.isEmpty
        for position in relations.indices {
            let kind = kinds.firstIndex(of: relations[position].kind) ?? 0
            kindOf[position] = UInt8(kind)
            let (from, to) = graph.endpoints(ofRelationAt: position)
            isDrawn[position] = (hasPath && document.pathSteps[position] != nil)
                || (kindIsDrawn[kind] && document.drawn[Int(from)] && document.drawn[Int(to)])
            let effort = relations[position].effort ?? 1
            let width: Double
            if let largestCount {
                width = DOTStyle.transitionPenWidth(count: relations[position].count ?? 0, largest: largestCount)
            } else {
                width = DOTStyle.transitionPenWidth(effort: effort) * thin
            }
            let key = EffortKey(effort: effort.bitPattern, width: width.bitPattern)
            if let slot = slotOfEffort[key] {
                slots[position] = slot
                continue
            }
            let slot = Int32(efforts.count)
            slotOfEffort[key] = slot
            let number = formatNumber(effort)
            let label = labels ? "label=\"effort \(number)\", " : ""
            efforts.append(Effort(
                number: number,
                head: "\(label)penwidth=\(formatNumber(width)), weight=\(DOTStyle.transitionWeight(effort: effort)), \(transitionColours), ",
                tail: " (effort \(number))",
                data: ", effort=\"\(number)\""))
            slots[position] = slot
        }
        effortSlots = slots
        self.efforts = efforts

        mirrors = Self.mirrors(in: graph, kindOf: kindOf, isDrawn: &isDrawn, pathSteps: document.pathSteps)

        var order: [Int] = []
        var runEnds: [Int] = []
        for kind in kinds.indices {
            for position in relations.indices where isDrawn[position] && kindOf[position] == kind {
                order.append(position)
            }
            runEnds.append(order.count)
        }
        self.order = order
        self.runEnds = runEnds
    }

    /// An effort and a line width: what one ``Effort`` entry is written for.
    struct EffortKey: Hashable {
        var effort: UInt64
        var width: UInt64
    }

    /// Role `index`'s id, quoted.
    @inline(__always)
    func id(_ index: Int32) -> Range<Int> { ends[2 * Int(index)] ..< ends[2 * Int(index) + 1] }

    /// Role `index`'s name, escaped for the inside of a quoted string.
    @inline(__always)
    func name(_ index: Int32) -> Range<Int> { ends[2 * Int(index) + 1] ..< ends[2 * Int(index) + 2] }

    /// The transition drawn together with the one at `position`, if any.
    @inline(__always)
    func mirror(of position: Int) -> Int? {
        guard !mirrors.isEmpty, mirrors[position] >= 0 else { return nil }
        return mirrors[position]
    }

    /// Pairs each drawn transition with the later transition that runs the other way with the
    /// same effort, note and section (their counts may differ: the arrow carries both), so the two are drawn as one two-headed arrow; the later one
    /// is then no longer drawn on its own. Transitions on a highlighted path are drawn as path
    /// steps and never paired. (A graph holds at most one transition per ordered pair; the
    /// validator rejects duplicates.)
    ///
    /// The transitions are bucketed by their smaller endpoint and each bucket sorted by the
    /// larger, so a transition and its mirror end up side by side.
    ///
    /// - Returns: as ``mirrors``.
    /// - Complexity: O(*R* + *E* + *d* log *d*), for *d* the most transitions at one role.
    private static func mirrors(
        in graph: RoleGraph, kindOf: [UInt8], isDrawn: inout [Bool],
        pathSteps: [Int: (step: Int, from: Int32, to: Int32)]
    ) -> [Int] {
        let relations = graph.relations
        let transition = UInt8(RelationKind.allCases.firstIndex(of: .transition) ?? 0)
        func isCandidate(_ position: Int) -> Bool {
            kindOf[position] == transition && isDrawn[position] && (pathSteps.isEmpty || pathSteps[position] == nil)
        }
        var bucketStart = [Int](repeating: 0, count: graph.roles.count + 1)
        var candidates = 0
        for position in relations.indices where isCandidate(position) {
            let (from, to) = graph.endpoints(ofRelationAt: position)
            bucketStart[Int(min(from, to)) + 1] += 1
            candidates += 1
        }
        guard candidates > 1 else { return [] }
        for role in graph.roles.indices { bucketStart[role + 1] += bucketStart[role] }
        var next = bucketStart
        var entries = [(larger: Int32, position: Int)](repeating: (0, 0), count: candidates)
        for position in relations.indices where isCandidate(position) {
            let (from, to) = graph.endpoints(ofRelationAt: position)
            let smaller = Int(min(from, to))
            entries[next[smaller]] = (max(from, to), position)
            next[smaller] += 1
        }

        var mirrors: [Int] = []
        for role in graph.roles.indices where bucketStart[role + 1] - bucketStart[role] > 1 {
            entries[bucketStart[role] ..< bucketStart[role + 1]].sort { $0.larger < $1.larger }
            for index in bucketStart[role] ..< bucketStart[role + 1] - 1 where entries[index].larger == entries[index + 1].larger {
                let first = min(entries[index].position, entries[index + 1].position)
                let second = max(entries[index].position, entries[index + 1].position)
                let a = relations[first], b = relations[second]
                guard a.effort == b.effort, a.note == b.note, a.section == b.section else { continue }
                if mirrors.isEmpty { mirrors = [Int](repeating: -1, count: relations.count) }
                mirrors[first] = second
                isDrawn[second] = false
            }
        }
        return mirrors
    }
}
