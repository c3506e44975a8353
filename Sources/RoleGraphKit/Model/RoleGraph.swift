import RoleGraphAlgorithms

/// An immutable, validated, indexed graph of roles and the relations between them.
///
/// Build one from a graph file (``RoleGraph/load(contentsOf:format:)``), from text
/// (``RoleGraph/parse(_:format:file:)``), or in code (``init(name:source:description:areas:skills:roles:relations:)``);
/// ``RoleGraph/builtIn`` is the article's graph. Every way in validates the whole graph and reports
/// every problem at once, so a value of this type always satisfies its invariants: ids are unique,
/// every reference resolves, no relation joins a role to itself, transition efforts are finite and
/// positive, and no role lists a skill as both primary and secondary.
///
/// Roles are numbered `0 ..< roles.count` in file order; algorithms run on those dense indices
/// (see `CSRGraph` in RoleGraphAlgorithms), and the model maps ids, names and titles to indices
/// once, here.
public struct RoleGraph: Sendable {
    /// The graph's name.
    public let name: String
    /// Where the graph's facts come from: the file's `source` (a publication, a URL), or for an
    /// edge list the file itself; may be empty.
    public let source: String
    /// What the graph shows; may be empty.
    public let description: String
    /// The areas, in file order.
    public let areas: [Area]
    /// The skill vocabulary, in file order.
    public let skills: [Skill]
    /// The roles, in file order; a role's position is its dense index.
    ///
    /// - Complexity: O(1), except the first call on a graph read from an edge list or a snapshot
    ///   image: O(*R*), to make the role values its loader left as ids.
    public var roles: [Role] { roleStore.all }
    /// The relations, in file order; a relation's position names it in steps and highlights.
    ///
    /// - Complexity: O(1), except the first call on a graph read from an edge list: O(*E*), to
    ///   make the relation values its loader left as columns.
    public var relations: [Relation] { relationStore.all }
    /// The roles as values or as an edge list's ids.
    let roleStore: RoleStore
    /// The relations as values or as an edge list's columns.
    let relationStore: RelationStore

    let roleIndex: RoleIDIndex
    let areaIndex: [AreaID: Int]
    let skillIndex: [SkillID: Int32]
    /// Lower-cased id, name and title → the roles that carry it, for case-insensitive lookup;
    /// built on first use, since an exact id (the common query) never needs it.
    let lookup: LookupIndex
    /// For each relation, the dense indices of its endpoints.
    let endpoints: Column<(from: Int32, to: Int32)>
    /// The network of the default costing (transitions weighted by effort) when the graph was
    /// read from a snapshot image, which holds it ready-made; `nil` otherwise.
    let defaultNetwork: ReadyNetwork?

    /// A network laid out and prepared for path queries ahead of time.
    struct ReadyNetwork: Sendable {
        /// The network, as `RoutePlanner` lays it out.
        var graph: CSRGraph
        /// What a `PathFinder` derives from its weights.
        var weights: PathFinder.PreparedWeights
        /// The reversed adjacency a bidirectional search walks.
        var reversed: PathFinder.ReversedAdjacency?
    }

    /// Creates a graph from its parts, validating all of them.
    ///
    /// - Throws: ``GraphLoadError/invalid(_:)`` listing every problem found.
    /// - Complexity: O(*R* + *E* + *S*) expected, for *R* roles, *E* relations and *S* skill mentions.
    public init(
        name: String, source: String = "", description: String = "",
        areas: [Area], skills: [Skill], roles: [Role], relations: [Relation]
    ) throws(GraphLoadError) {
        let diagnostics = GraphValidator.validate(
            areas: areas, skills: skills, roles: roles, relations: relations, locations: .none)
        if !diagnostics.isEmpty { throw .invalid(diagnostics) }
        self.init(unchecked: name, source: source, description: description,
                  areas: areas, skills: skills, roles: roles, relations: relations)
    }

    /// Creates a graph whose parts have already been validated.
    init(
        unchecked name: String, source: String, description: String,
        areas: [Area], skills: [Skill], roles: [Role], relations: [Relation]
    ) {
        self.name = name
        self.source = source
        self.description = description
        self.areas = areas
        self.skills = skills
        let store = RoleStore(roles)
        self.roleStore = store
        self.relationStore = RelationStore(relations)
        let roleIndex = RoleIDIndex(store)
        self.roleIndex = roleIndex
        self.areaIndex = Dictionary(uniqueKeysWithValues: areas.enumerated().map { ($1.id, $0) })
        self.skillIndex = Dictionary(uniqueKeysWithValues: skills.enumerated().map { ($1.id, Int32($0)) })
        self.lookup = LookupIndex(store, idsOnly: false)
        self.endpoints = Column(relations.map { (roleIndex[$0.from]!, roleIndex[$0.to]!) })
        self.defaultNetwork = nil
    }

    /// The number of roles, without making their values (see ``roles``).
    ///
    /// - Complexity: O(1).
    public var roleCount: Int { roleStore.count }

    // MARK: Lookup

    /// The dense index of the role with this id, or `nil`.
    ///
    /// - Complexity: O(1) expected.
    public func index(of id: RoleID) -> Int32? { roleIndex[id] }

    /// The role with this id, or `nil`.
    ///
    /// - Complexity: O(1) expected.
    public func role(_ id: RoleID) -> Role? { roleIndex[id].map { roleStore.role(at: Int($0)) } }

    /// The role at a dense index.
    ///
    /// - Precondition: `index` is in `0 ..< roles.count`.
    /// - Complexity: O(1).
    public func role(at index: Int32) -> Role { roleStore.role(at: Int(index)) }

    /// The id of the role at a dense index, without making the role's value.
    ///
    /// - Precondition: `index` is in `0 ..< roleCount`.
    /// - Complexity: O(1).
    package func id(ofRoleAt index: Int32) -> RoleID { roleStore.id(at: Int(index)) }

    /// The area with this id, or `nil`.
    ///
    /// - Complexity: O(1) expected.
    public func area(_ id: AreaID) -> Area? { areaIndex[id].map { areas[$0] } }

    /// The skill with this id, or `nil`.
    ///
    /// - Complexity: O(1) expected.
    public func skill(_ id: SkillID) -> Skill? { skillIndex[id].map { skills[Int($0)] } }

    /// The dense index of a skill, or `nil`.
    func index(ofSkill id: SkillID) -> Int32? { skillIndex[id] }

    /// The roles of an area, in file order.
    ///
    /// - Complexity: O(*R*).
    public func roles(in area: AreaID) -> [Role] { roles.filter { $0.area == area } }

    /// The dense endpoints of the relation at `position` in ``relations``.
    package func endpoints(ofRelationAt position: Int) -> (from: Int32, to: Int32) { endpoints[position] }

    /// The number of relations, without making their values (see ``relations``).
    ///
    /// - Complexity: O(1).
    package var relationCount: Int { relationStore.count }

    /// The kind of the relation at `position` in ``relations``, without making its value.
    ///
    /// - Complexity: O(1).
    package func kind(ofRelationAt position: Int) -> RelationKind { relationStore.kind(at: position) }

    // MARK: Relations

    /// The relations that involve a role, in file order, as seen from that role.
    ///
    /// The relations are found by their dense endpoints, and only those found are made as
    /// values: on a network of a million relations read from an edge list or an image, a role's
    /// card costs one pass over two integers per relation, not a million `Relation` values.
    ///
    /// - Complexity: O(*E*) integer comparisons, plus the relations found.
    public func relations(of id: RoleID) -> RoleRelations {
        var outgoing: [Relation] = []
        var incoming: [Relation] = []
        var mutual: [Relation] = []
        // Every relation's endpoints are roles of the graph, so a role it does not have has none.
        if let index = self.index(of: id) {
            for position in relationPositions(involving: index) {
                let relation = relationStore.relation(at: position)
                if relation.kind.isSymmetric {
                    mutual.append(relation)
                } else if endpoints[position].from == index {
                    outgoing.append(relation)
                } else {
                    incoming.append(relation)
                }
            }
        }
        return RoleRelations(role: id, outgoing: outgoing, incoming: incoming, mutual: mutual)
    }

    /// The positions in ``relations`` of the relations with the role at `index` at either end,
    /// in file order, found by their dense endpoints.
    ///
    /// - Complexity: O(*E*) integer comparisons.
    package func relationPositions(involving index: Int32) -> [Int] {
        endpoints.withUnsafeBufferPointer { ends in
            ends.indices.filter { ends[$0].from == index || ends[$0].to == index }
        }
    }

    /// The relation at `position` in ``relations``, made alone (``relations`` makes every one).
    ///
    /// - Complexity: O(1).
    package func relation(at position: Int) -> Relation { relationStore.relation(at: position) }

    /// The relations of the given kinds as a `CSRGraph` over role indices; symmetric kinds
    /// contribute an edge each way. Edge ids are positions in ``relations``.
    ///
    /// - Parameter kinds: the relation kinds to include.
    /// - Parameter weight: the weight of each relation; by default 1.
    /// - Complexity: O(*R* + *E*).
    public func network(
        kinds: Set<RelationKind>, weight: (Relation) -> Double = { _ in 1 }
    ) -> CSRGraph {
        var edges: [WeightedEdge] = []
        var ids: [Int32] = []
        edges.reserveCapacity(relationStore.count)
        for position in 0 ..< relationStore.count where kinds.contains(relationStore.kind(at: position)) {
            let relation = relationStore.relation(at: position)
            let (a, b) = endpoints[position]
            let w = weight(relation)
            edges.append(WeightedEdge(a, b, weight: w))
            ids.append(Int32(position))
            if relation.kind.isSymmetric {
                edges.append(WeightedEdge(b, a, weight: w))
                ids.append(Int32(position))
            }
        }
        let csr = CSRGraph(vertexCount: roleCount, edges: edges)
        let edgeIDs = csr.edgeIDs.map { ids[Int($0)] }
        return CSRGraph(vertexCount: csr.vertexCount, offsets: csr.offsets, targets: csr.targets,
                        weights: csr.weights, edgeIDs: Column(edgeIDs))
    }
}

/// The relations of one role, split by direction.
public struct RoleRelations: Hashable, Sendable {
    /// The role the relations are seen from.
    public var role: RoleID
    /// Directed relations from this role (it is the stakeholder, or the one who moves).
    public var outgoing: [Relation]
    /// Directed relations into this role.
    public var incoming: [Relation]
    /// Symmetric relations (collaborations) that involve this role.
    public var mutual: [Relation]
}

// The JSON form: the graph file's key names; facts the graph does not state are omitted.
extension RoleRelations: Encodable {
    private enum CodingKeys: String, CodingKey { case role, outgoing, incoming, mutual }
    /// Encodes the relations under the graph file's key names, grouped by direction.
    ///
    /// - Throws: The encoder's errors.
    /// - Complexity: Linear in the size of the encoded value.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(role.rawValue, forKey: .role)
        try c.encode(outgoing, forKey: .outgoing)
        try c.encode(incoming, forKey: .incoming)
        try c.encode(mutual, forKey: .mutual)
    }
}
