extension RoleGraph {
    /// Creates a graph read from an edge list, whose parts the reader has already checked and
    /// indexed: every role is in `area`, is named by its id and has no titles or skills, and the
    /// relations are columns over the roles' dense indices (``relations`` makes their values on
    /// first use).
    ///
    /// It builds exactly what ``init(unchecked:source:description:areas:skills:roles:relations:)``
    /// builds (`EdgeListTests.fastInitialiserMatchesTheGeneralOne` holds it to that), minus the work
    /// an edge list makes redundant: the endpoints are taken as given instead of being looked up
    /// through `roleIndex` twice per relation (two `String` hashes each), the lookup index gets one
    /// entry per role (id and name are the same text), and an id with no upper-case ASCII letter
    /// and no non-ASCII byte is its own lower-case key, with no `lowercased()` copy.
    init(edgeList name: String, source: String, area: Area, roles: [Role], relations: RelationColumns) {
        self.name = name
        self.source = source
        self.description = ""
        self.areas = [area]
        self.skills = []
        self.roles = roles
        self.relationStore = RelationStore(relations)
        self.areaIndex = [area.id: 0]
        self.skillIndex = [:]
        var roleIndex: [RoleID: Int32] = [:]
        roleIndex.reserveCapacity(roles.count)
        var lookup: [String: LookupEntry] = [:]
        lookup.reserveCapacity(roles.count)
        for (i, role) in roles.enumerated() {
            let index = Int32(i)
            roleIndex[role.id] = index
            var id = role.id.rawValue  // var: withUTF8 may make it contiguous
            let key = id.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 && !($0 >= 0x41 && $0 <= 0x5A) } }
                ? id : id.lowercased()
            // As in the general initialiser: a later id wins `byID`; the first name keeps `byName`.
            if var entry = lookup[key] {
                entry.byID = index
                if entry.byName == nil { entry.byName = index }
                lookup[key] = entry
            } else {
                lookup[key] = LookupEntry(byID: index, byName: index)
            }
        }
        self.roleIndex = roleIndex
        self.lookupIndex = lookup
        self.endpoints = relations.endpoints
    }
}
