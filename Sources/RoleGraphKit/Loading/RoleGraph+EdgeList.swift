import RoleGraphAlgorithms

extension RoleGraph {
    /// Creates a graph read from an edge list or a snapshot image, whose parts the reader has
    /// already checked and indexed: every role is in `area`, is named by its id and has no titles
    /// or skills, and the relations are columns over the roles' dense indices.
    ///
    /// It answers exactly as ``init(unchecked:source:description:areas:skills:roles:relations:)``
    /// would on the same roles and relations (`EdgeListTests.fastInitialiserMatchesTheGeneralOne`
    /// holds it to that), but keeps the roles as ids (``roles`` makes their values on first use)
    /// and takes the endpoints as given instead of looking each relation's ids up twice.
    ///
    /// - Parameter stays: each role's stayers, NaN for none; may be empty.
    /// - Parameter idSlots: the id table a snapshot image stored (``RoleIDIndex/init(slots:store:)``).
    /// - Parameter idHashes: each id's hash, when the reader's interner made them
    ///   (``RoleIDIndex/init(_:distinctIDHashes:)``).
    /// - Parameter network: the default costing's network, when a snapshot image holds it.
    /// - Complexity: O(*R*) expected, hashing each id once; O(1) with `idSlots`, or with `idHashes`
    ///   (whose table is laid out on the first lookup).
    init(edgeList name: String, source: String, area: Area, ids: RoleIDs, stays: [Double], relations: RelationColumns,
         idSlots: Column<Int32>? = nil, idHashes: Column<UInt64>? = nil, network: ReadyNetwork? = nil) {
        self.name = name
        self.source = source
        self.description = ""
        self.areas = [area]
        self.skills = []
        let store = RoleStore(ids: ids, area: area.id, stays: stays)
        self.roleStore = store
        self.relationStore = RelationStore(relations)
        self.areaIndex = [area.id: 0]
        self.skillIndex = [:]
        self.roleIndex = if let idSlots {
            RoleIDIndex(slots: idSlots, store: store)
        } else if let idHashes {
            RoleIDIndex(store, distinctIDHashes: idHashes)
        } else {
            RoleIDIndex(store)
        }
        self.lookup = LookupIndex(store, idsOnly: true)
        self.endpoints = relations.endpoints
        self.defaultNetwork = network
    }
}
