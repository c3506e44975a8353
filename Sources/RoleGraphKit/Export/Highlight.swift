/// Something to draw over the whole role graph in a DOT diagram: a path, or a clustering.
///
/// The full graph stays visible either way, because the point of both is context: a path is
/// read against the moves it did not take, a clustering against the areas the file declares.
///
/// Both cases name roles by ``RoleID`` and relations by their position in
/// ``RoleGraph/relations``, which is what the algorithms produce (a `CSRGraph` edge id is such a
/// position), so a command such as `rolegraph path A B --render out.svg` can pass its result on
/// unchanged.
public enum Highlight: Hashable, Sendable {
    /// A path through the graph, drawn in an accent colour with numbered steps while everything
    /// else is dimmed.
    ///
    /// - Parameters:
    ///   - roles: the roles in the order the path visits them.
    ///   - relations: the position in ``RoleGraph/relations`` of the relation used for each
    ///     step, in order (`roles.count - 1` of them for a whole path). A collaboration used as a
    ///     lateral move is drawn in the path's direction.
    ///
    /// Ids that are not in the graph and positions out of range are ignored. Path roles and
    /// relations are drawn even when ``DOTOptions/areas`` or ``DOTOptions/relations`` would leave
    /// them out, so that a path is never drawn with a gap.
    case path(roles: [RoleID], relations: [Int])

    /// A grouping of roles, such as the communities a clustering algorithm found.
    ///
    /// - Parameters:
    ///   - communities: each role's community number. Roles without one are drawn in neutral
    ///     grey.
    ///   - names: `names[c]` names community `c` in the legend; a community without a name is
    ///     called "Cluster c".
    ///   - style: how the communities are shown; see ``ClusterStyle``.
    case clustering(communities: [RoleID: Int], names: [String] = [], style: ClusterStyle = .fill)

    /// How a ``Highlight/clustering(communities:names:style:)`` is drawn.
    public enum ClusterStyle: String, CaseIterable, Hashable, Sendable {
        /// Roles are filled with their community's colour; the declared areas stay as boxes, so
        /// the picture compares the two groupings.
        case fill
        /// Communities become the boxes, in place of the areas; roles keep their area's colour,
        /// so the picture again compares the two groupings, the other way round.
        case boxes
    }
}

extension Highlight {
    /// The path through `roles` along the graph's own relations: for each consecutive pair, the
    /// first relation in file order of one of `kinds` that leads from one to the next
    /// (a collaboration counts either way round).
    ///
    /// - Returns: `nil` if some step has no such relation or the list names an unknown role.
    /// - Complexity: O(*k* · *E*) for *k* roles and *E* relations; paths are short.
    static func path(
        along roles: [RoleID], in graph: RoleGraph, kinds: Set<RelationKind> = [.transition]
    ) -> Highlight? {
        guard roles.allSatisfy({ graph.index(of: $0) != nil }) else { return nil }
        var positions: [Int] = []
        for (from, to) in zip(roles, roles.dropFirst()) {
            guard let position = graph.relations.firstIndex(where: { kinds.contains($0.kind) && $0.connects(from, to) })
            else { return nil }
            positions.append(position)
        }
        return .path(roles: roles, relations: positions)
    }

    /// A clustering given as one community number per role, indexed like ``RoleGraph/roles``
    /// (the form clustering algorithms work in).
    ///
    /// - Precondition: `communities.count == graph.roles.count`.
    /// - Complexity: O(*R*) expected.
    public static func clustering(
        byRoleIndex communities: [Int], in graph: RoleGraph,
        names: [String] = [], style: ClusterStyle = .fill
    ) -> Highlight {
        precondition(communities.count == graph.roles.count,
                     "one community per role: \(communities.count) for \(graph.roles.count) roles")
        var byID: [RoleID: Int] = [:]
        for (role, community) in zip(graph.roles, communities) { byID[role.id] = community }
        return .clustering(communities: byID, names: names, style: style)
    }
}
