import RoleGraphAlgorithms

/// Which part of a role graph a diagram draws: the picture of five thousand roles that anyone
/// can read is the picture of the part they care about.
///
/// A selection keeps relations first (by kind, and on graphs with observed moves by count or by
/// share of a role's moves), then roles: all of them, the neighbourhood of one role, or the most
/// connected or most central roles. The relations drawn are those among the roles kept.
public struct DiagramSelection: Hashable, Sendable {
    /// Which roles to keep.
    public enum Focus: Hashable, Sendable {
        /// Every role (those left with no relation by a count filter are dropped).
        case whole
        /// The role and every role within `depth` relations of it, either direction.
        case around(RoleID, depth: Int)
        /// The `count` roles ranked highest.
        case top(Int, rankBy: Ranking)
    }

    /// How ``Focus/top(_:rankBy:)`` ranks roles.
    public enum Ranking: String, CaseIterable, Hashable, Sendable {
        /// By relations kept, in and out.
        case degree
        /// By betweenness on transitions (sampled on large graphs; see ``RoleGraph/centrality(samples:seed:weighted:)``).
        case betweenness
    }

    /// Which roles to keep.
    public var focus: Focus
    /// The relation kinds kept.
    public var kinds: Set<RelationKind>
    /// Keep only transitions observed at least this many times.
    public var minCount: Double?
    /// Keep only transitions that carry at least this share (0–1) of their source role's
    /// observed moves.
    public var minShare: Double?

    /// A selection; by default the whole graph.
    public init(focus: Focus = .whole, kinds: Set<RelationKind> = Set(RelationKind.allCases),
                minCount: Double? = nil, minShare: Double? = nil) {
        self.focus = focus
        self.kinds = kinds
        self.minCount = minCount
        self.minShare = minShare
    }

    /// Whether the selection keeps every role and relation of any graph.
    public var keepsEverything: Bool {
        focus == .whole && kinds == Set(RelationKind.allCases) && minCount == nil && minShare == nil
    }
}

/// Why a ``DiagramSelection`` cannot be applied to a graph.
public enum DiagramSelectionError: Error, Hashable, Sendable {
    /// A count or share filter on a graph whose transitions state no observed moves.
    case noCounts(option: String)
    /// The role to draw around is not in the graph.
    case unknownRole(RoleID)
    /// A depth, count or share out of range.
    case invalidValue(String)
}

/// The part of a graph a diagram draws, and what was left out.
public struct SelectedGraph: Sendable {
    /// The roles and relations kept, as a graph of its own.
    public let graph: RoleGraph
    /// For each relation of ``graph``, its position in the original graph.
    public let originalPositions: [Int]
    /// The original graph's size.
    public let totalRoles: Int
    /// The original graph's relations.
    public let totalRelations: Int

    /// Whether anything was left out.
    public var isWhole: Bool { graph.roles.count == totalRoles && graph.relations.count == totalRelations }

    /// A highlight of the original graph, with its relation positions moved to ``graph``'s;
    /// relations left out are dropped.
    ///
    /// - Complexity: O(*E*) expected for a path, O(1) otherwise.
    public func translating(_ highlight: Highlight) -> Highlight {
        guard case .path(let roles, let relations) = highlight else { return highlight }
        var positionOf: [Int: Int] = [:]
        for (position, original) in originalPositions.enumerated() { positionOf[original] = position }
        return .path(roles: roles, relations: relations.compactMap { positionOf[$0] })
    }
}

extension RoleGraph {
    /// The part of the graph `selection` keeps.
    ///
    /// - Throws: ``DiagramSelectionError``.
    /// - Complexity: O(*R* + *E*) expected, plus the ranking for ``DiagramSelection/Focus/top(_:rankBy:)``
    ///   (O(*R* log *R*), and for betweenness that of ``centrality(samples:seed:weighted:)``).
    public func selecting(_ selection: DiagramSelection) throws(DiagramSelectionError) -> SelectedGraph {
        if let minCount = selection.minCount, !(minCount >= 0) { throw .invalidValue("--min-count must be 0 or more, not \(minCount)") }
        if let minShare = selection.minShare, !(minShare >= 0 && minShare <= 1) {
            throw .invalidValue("--min-share must be between 0 and 1, not \(minShare)")
        }
        let filtersCounts = selection.minCount != nil || selection.minShare != nil
        if filtersCounts && !relations.contains(where: { $0.count != nil }) {
            throw .noCounts(option: selection.minCount != nil ? "--min-count" : "--min-share")
        }
        // Relations first.
        var outTotal = [Double](repeating: 0, count: roles.count)
        if selection.minShare != nil {
            for (position, relation) in relations.enumerated() where relation.kind == .transition {
                outTotal[Int(endpoints[position].from)] += relation.count ?? 0
            }
        }
        var keepRelation = [Bool](repeating: false, count: relations.count)
        for (position, relation) in relations.enumerated() where selection.kinds.contains(relation.kind) {
            if relation.kind == .transition && filtersCounts {
                let count = relation.count ?? 0
                if let minCount = selection.minCount, count < minCount { continue }
                if let minShare = selection.minShare {
                    let total = outTotal[Int(endpoints[position].from)]
                    if total <= 0 || count / total < minShare { continue }
                }
            }
            keepRelation[position] = true
        }
        // Then roles.
        var keepRole: [Bool]
        switch selection.focus {
        case .whole:
            if filtersCounts {
                keepRole = [Bool](repeating: false, count: roles.count)
                for position in relations.indices where keepRelation[position] {
                    keepRole[Int(endpoints[position].from)] = true
                    keepRole[Int(endpoints[position].to)] = true
                }
            } else {
                keepRole = [Bool](repeating: true, count: roles.count)
            }
        case .around(let id, let depth):
            guard depth >= 0 else { throw .invalidValue("--depth must be 0 or more, not \(depth)") }
            guard let start = index(of: id) else { throw .unknownRole(id) }
            keepRole = neighbourhood(of: [start], depth: depth, relations: keepRelation)
        case .top(let count, let ranking):
            guard count >= 1 else { throw .invalidValue("--top must be at least 1, not \(count)") }
            let scores: [Double]
            switch ranking {
            case .degree:
                var degree = [Double](repeating: 0, count: roles.count)
                for position in relations.indices where keepRelation[position] {
                    degree[Int(endpoints[position].from)] += 1
                    degree[Int(endpoints[position].to)] += 1
                }
                scores = degree
            case .betweenness:
                let ranking = centrality(samples: .automatic, seed: 1)
                var values = [Double](repeating: 0, count: roles.count)
                for entry in ranking.roles { values[Int(index(of: entry.role)!)] = entry.betweenness }
                scores = values
            }
            let order = roles.indices.sorted { (scores[$0], -$0) > (scores[$1], -$1) }
            keepRole = [Bool](repeating: false, count: roles.count)
            for index in order.prefix(count) { keepRole[index] = true }
        }
        return subgraph(keepingRoles: keepRole, relations: keepRelation)
    }

    /// The roles within `depth` kept relations of `starts`, read both ways.
    ///
    /// - Complexity: O(*R* + *E*).
    func neighbourhood(of starts: [Int32], depth: Int, relations keep: [Bool]) -> [Bool] {
        var adjacency = [[Int32]](repeating: [], count: roles.count)
        for position in relations.indices where keep[position] {
            let (a, b) = endpoints[position]
            adjacency[Int(a)].append(b)
            adjacency[Int(b)].append(a)
        }
        var seen = [Bool](repeating: false, count: roles.count)
        var frontier = starts
        for start in starts { seen[Int(start)] = true }
        var level = 0
        while level < depth && !frontier.isEmpty {
            var next: [Int32] = []
            for role in frontier {
                for other in adjacency[Int(role)] where !seen[Int(other)] {
                    seen[Int(other)] = true
                    next.append(other)
                }
            }
            frontier = next
            level += 1
        }
        return seen
    }

    /// The surroundings of a path (or of any roles that must be drawn) on a large graph: the
    /// roles themselves, as many of their neighbours, most connected first, as fit in `limit`
    /// roles, and the relations that touch the given roles.
    ///
    /// - Parameters:
    ///   - roles: the roles that must be drawn.
    ///   - mustDraw: positions of relations that must be drawn (a path's steps).
    ///   - kinds: the kinds of the other relations drawn.
    ///   - limit: the most roles to draw (never fewer than `roles`).
    /// - Complexity: O(*R* + *E* + *n* log *n*) for *n* neighbours.
    public func surroundings(of roles: [RoleID], relations mustDraw: [Int] = [], kinds: Set<RelationKind> = Set(RelationKind.allCases),
                             limit: Int) -> SelectedGraph {
        let starts = roles.compactMap { index(of: $0) }
        var keepRelation = relations.map { kinds.contains($0.kind) }
        for position in mustDraw where keepRelation.indices.contains(position) { keepRelation[position] = true }
        var keepRole = [Bool](repeating: false, count: self.roles.count)
        for start in starts { keepRole[Int(start)] = true }
        var degree = [Int](repeating: 0, count: self.roles.count)
        for position in relations.indices where keepRelation[position] {
            degree[Int(endpoints[position].from)] += 1
            degree[Int(endpoints[position].to)] += 1
        }
        let near = neighbourhood(of: starts, depth: 1, relations: keepRelation)
        let neighbours = self.roles.indices.filter { near[$0] && !keepRole[$0] }
            .sorted { (degree[$0], -$0) > (degree[$1], -$1) }
        for index in neighbours.prefix(max(0, limit - starts.count)) { keepRole[index] = true }
        // Only the relations that touch the given roles: among the neighbours themselves they
        // are a mesh that hides the path.
        var isStart = [Bool](repeating: false, count: self.roles.count)
        for start in starts { isStart[Int(start)] = true }
        for position in relations.indices where keepRelation[position] {
            let (a, b) = endpoints[position]
            if !isStart[Int(a)] && !isStart[Int(b)] { keepRelation[position] = false }
        }
        return subgraph(keepingRoles: keepRole, relations: keepRelation)
    }

    /// The graph of the roles and relations flagged, in file order, with only the areas used.
    ///
    /// - Complexity: O(*R* + *E*) expected.
    func subgraph(keepingRoles keepRole: [Bool], relations keepRelation: [Bool]) -> SelectedGraph {
        var keptRoles: [Role] = []
        var usedAreas = Set<AreaID>()
        for (index, role) in roles.enumerated() where keepRole[index] {
            keptRoles.append(role)
            usedAreas.insert(role.area)
        }
        var keptRelations: [Relation] = []
        var positions: [Int] = []
        for (position, relation) in relations.enumerated() where keepRelation[position] {
            let (a, b) = endpoints[position]
            guard keepRole[Int(a)] && keepRole[Int(b)] else { continue }
            keptRelations.append(relation)
            positions.append(position)
        }
        let graph = RoleGraph(unchecked: name, source: source, description: description,
                              areas: areas.filter { usedAreas.contains($0.id) }, skills: skills,
                              roles: keptRoles, relations: keptRelations)
        return SelectedGraph(graph: graph, originalPositions: positions, totalRoles: roles.count, totalRelations: relations.count)
    }

    /// One role per community, named after it and its most connected member, weighted by its
    /// members, with the strongest links between communities: a picture of a clustered graph too
    /// large to draw role by role.
    ///
    /// A link from community *a* to *b* is a transition whose ``Relation/count`` is the number of
    /// relations from *a*'s roles to *b*'s; each community keeps its `linksPerCluster` strongest
    /// outgoing links, since all of them (hundreds among a few dozen communities) draw as a mesh.
    ///
    /// - Parameters:
    ///   - communities: each role's community (indexed like ``roles``); `nil` for none.
    ///   - names: the community names (community *c* is `names[c]`, else "Cluster c").
    ///   - kinds: the relations counted.
    ///   - linksPerCluster: the outgoing links kept per community.
    /// - Complexity: O(*R* + *E* + *L* log *L*) expected, for *L* links between communities.
    public func clusterOverview(communities: [Int?], names: [String], kinds: Set<RelationKind> = Set(RelationKind.allCases),
                                linksPerCluster: Int = 3) -> (graph: RoleGraph, weights: NodeWeights) {
        precondition(communities.count == roles.count, "one community per role")
        var members: [Int: Int] = [:]
        for community in communities.compactMap({ $0 }) { members[community, default: 0] += 1 }
        let numbers = members.keys.sorted()
        var degree = [Int](repeating: 0, count: roles.count)
        var links: [Pair: Double] = [:]
        for (position, relation) in relations.enumerated() where kinds.contains(relation.kind) {
            let (a, b) = endpoints[position]
            degree[Int(a)] += 1
            degree[Int(b)] += 1
            guard let x = communities[Int(a)], let y = communities[Int(b)], x != y else { continue }
            links[Pair(from: x, to: y), default: 0] += 1
        }
        var hub: [Int: Int] = [:]
        for (index, community) in communities.enumerated() {
            guard let community else { continue }
            if let best = hub[community], degree[best] >= degree[index] { continue }
            hub[community] = index
        }
        let area = Area(id: "clusters", name: "Clusters", summary: "")
        func id(_ number: Int) -> RoleID { RoleID("cluster-\(number)") }
        let clusterRoles = numbers.map { number in
            let base = names.indices.contains(number) ? names[number] : "Cluster \(number)"
            let around = hub[number].map { " · " + roles[$0].name } ?? ""
            return Role(id: id(number), name: "\(base)\(around) (\(members[number]!) roles)", area: area.id)
        }
        var outgoing: [Int: [(to: Int, count: Double)]] = [:]
        for (pair, count) in links { outgoing[pair.from, default: []].append((pair.to, count)) }
        var overviewRelations: [Relation] = []
        for from in numbers {
            let strongest = (outgoing[from] ?? []).sorted { ($0.count, -$0.to) > ($1.count, -$1.to) }.prefix(linksPerCluster)
            for link in strongest.sorted(by: { $0.to < $1.to }) {
                overviewRelations.append(Relation(kind: .transition, from: id(from), to: id(link.to), effort: 1, count: link.count,
                                                  note: "\(Int(link.count)) relations"))
            }
        }
        var weights: [RoleID: Double] = [:]
        for number in numbers { weights[id(number)] = Double(members[number]!) }
        let graph = RoleGraph(unchecked: name, source: source, description: description, areas: [area], skills: [],
                              roles: clusterRoles, relations: overviewRelations)
        return (graph, NodeWeights(values: weights, meaning: "members"))
    }

    private struct Pair: Hashable {
        var from: Int
        var to: Int
    }
}
