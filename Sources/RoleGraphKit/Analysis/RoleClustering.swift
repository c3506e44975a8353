import RoleGraphAlgorithms

/// How roles are grouped: `rolegraph clusters --method`.
public enum ClusteringMethod: String, CaseIterable, Hashable, Sendable {
    /// Louvain with Leiden's refinement (Traag, Waltman & van Eck 2019): connected communities.
    case leiden
    /// Plain Louvain (Blondel et al. 2008).
    case louvain
    /// Label propagation (Raghavan, Albert & Kumara 2007): fast, a baseline.
    case labels
    /// Leiden on the skill-similarity graph: each role joined to its most similar roles.
    case skills
}

/// What clustering runs on and how.
public struct ClusteringOptions: Hashable, Sendable {
    /// The algorithm.
    public var method: ClusteringMethod
    /// The relation kinds whose undirected projection is clustered (not used by `skills`).
    public var relations: Set<RelationKind>
    /// The weight each relation of a kind adds between its two roles. Weights add up: a two-way
    /// transition counts twice, a pair that also collaborates more. Default 1 for every kind.
    public var weights: [RelationKind: Double]
    /// Modularity's resolution γ: above 1 favours smaller clusters, below 1 larger ones.
    public var resolution: Double
    /// For `skills`: how many most-similar roles each role is joined to.
    public var neighbours: Int

    /// Options; by default Leiden on every relation kind, each weighing 1, at resolution 1.
    public init(method: ClusteringMethod = .leiden, relations: Set<RelationKind> = Set(RelationKind.allCases),
                weights: [RelationKind: Double] = [:], resolution: Double = 1, neighbours: Int = 3) {
        self.method = method
        self.relations = relations
        self.weights = weights
        self.resolution = resolution
        self.neighbours = neighbours
    }

    func weight(of kind: RelationKind) -> Double { weights[kind] ?? 1 }
}

/// One cluster of roles, named by what its members share.
public struct RoleCluster: Hashable, Sendable {
    /// The members, in file order.
    public var roles: [RoleID]
    /// The area most members belong to (ties: file order of the areas).
    public var dominantArea: AreaID
    /// How many members are in ``dominantArea``.
    public var dominantAreaCount: Int
    /// The skills listed by the most members (at least two), most shared first.
    public var sharedSkills: [SkillID]
}

/// The result of clustering the roles, with its quality and its agreement with the areas.
public struct RoleClustering: Hashable, Sendable {
    /// The method that found the clusters.
    public var method: ClusteringMethod
    /// Clusters, largest first (ties: by their first role's file order).
    public var clusters: [RoleCluster]
    /// For each role (by index), its cluster's position in ``clusters``.
    public var assignment: [Int]
    /// Modularity of the clusters on the graph that was clustered (the relation network, or the
    /// skill-similarity graph for `skills`), at the chosen resolution.
    public var modularity: Double
    /// Modularity of the declared areas on the same graph, for comparison.
    public var areaModularity: Double
    /// Normalised mutual information with the areas (arithmetic-mean normalisation), in [0, 1].
    public var normalizedMutualInformation: Double
    /// Adjusted Rand index with the areas: 1 for the same grouping, about 0 for chance.
    public var adjustedRandIndex: Double
}

extension RoleGraph {
    /// The undirected, weighted projection of the chosen relation kinds, over role indices.
    ///
    /// - Complexity: O(*R* + *E* log *d*).
    func undirectedNetwork(relations kinds: Set<RelationKind>, weights: [RelationKind: Double] = [:]) -> CSRGraph {
        var edges: [WeightedEdge] = []
        for (position, relation) in relations.enumerated() where kinds.contains(relation.kind) {
            let (a, b) = endpoints[position]
            edges.append(WeightedEdge(a, b, weight: weights[relation.kind] ?? 1))
        }
        return CSRGraph(vertexCount: roles.count, edges: edges).symmetrized()
    }

    /// The declared areas as a partition of role indices.
    var areaPartition: Partition { Partition(labels: roles.map(\.area)) }

    /// Groups the roles, then measures the grouping: modularity, and agreement with the areas.
    ///
    /// - Parameter options: the method, the relations it clusters and its settings.
    /// - Parameter generator: the random source (see ``SplitMix64``); the same seed gives the same
    ///   clusters.
    /// - Complexity: near-linear in *R* + *E* for `leiden`, `louvain` and `labels`: O(*E*) per
    ///   pass, a handful of passes in practice, plus O(*R* log *R*) for the measures. `skills`
    ///   first builds the similarity graph: O(*P* log *P*) for *P* pairs of roles with a skill in
    ///   common.
    public func clusters(_ options: ClusteringOptions = ClusteringOptions(), using generator: inout some RandomNumberGenerator) -> RoleClustering {
        let network: CSRGraph
        if options.method == .skills {
            let similarity = WeightedJaccardSimilarity(features: skillFeatures())
            network = similarity.graph(.nearest(max(options.neighbours, 1)))
        } else {
            network = undirectedNetwork(relations: options.relations, weights: options.weights)
        }
        let partition: Partition
        switch options.method {
        case .leiden, .skills:
            partition = network.leidenCommunities(resolution: options.resolution, using: &generator)
        case .louvain:
            partition = network.louvainCommunities(resolution: options.resolution, using: &generator)
        case .labels:
            partition = network.labelPropagationCommunities(using: &generator)
        }
        let areas = areaPartition

        // Clusters largest first, then by first member; members in file order.
        let order = (0 ..< partition.count).sorted { a, b in
            let sa = partition.size(of: Int32(a)), sb = partition.size(of: Int32(b))
            return sa != sb ? sa > sb : partition.members(of: Int32(a))[0] < partition.members(of: Int32(b))[0]
        }
        var rank = [Int](repeating: 0, count: partition.count)
        for (position, community) in order.enumerated() { rank[community] = position }
        let clusters = order.map { describeCluster(partition.members(of: Int32($0))) }
        return RoleClustering(
            method: options.method, clusters: clusters,
            assignment: (0 ..< roles.count).map { rank[Int(partition.community(of: Int32($0)))] },
            modularity: network.modularity(of: partition, resolution: options.resolution),
            areaModularity: network.modularity(of: areas, resolution: options.resolution),
            normalizedMutualInformation: partition.normalizedMutualInformation(with: areas),
            adjustedRandIndex: partition.adjustedRandIndex(with: areas))
    }

    private func describeCluster(_ members: [Int32]) -> RoleCluster {
        var areaCounts = [Int](repeating: 0, count: areas.count)
        var skillCounts: [SkillID: Int] = [:]
        for member in members {
            let role = roles[Int(member)]
            if let area = areaIndex[role.area] { areaCounts[area] += 1 }
            for skill in Set(role.allSkills) { skillCounts[skill, default: 0] += 1 }
        }
        let best = areaCounts.indices.max { a, b in areaCounts[a] < areaCounts[b] || (areaCounts[a] == areaCounts[b] && a > b) } ?? 0
        let vocabulary = skills.map(\.id)
        let shared = vocabulary.enumerated()
            .filter { (skillCounts[$0.element] ?? 0) >= 2 }
            .sorted { (skillCounts[$0.element]!, -$0.offset) > (skillCounts[$1.element]!, -$1.offset) }
            .map(\.element)
        return RoleCluster(roles: members.map { roles[Int($0)].id },
                           dominantArea: areas.isEmpty ? AreaID("") : areas[best].id,
                           dominantAreaCount: areas.isEmpty ? 0 : areaCounts[best],
                           sharedSkills: shared)
    }
}
