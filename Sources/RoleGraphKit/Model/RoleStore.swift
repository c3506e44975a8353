import Synchronization

/// A graph's roles, held either as `Role` values or, for a graph read from an edge list or a
/// snapshot image, as the ids and stayer counts alone, from which a `Role` is made only when one
/// is asked for.
///
/// A role read from an edge list says nothing but its id (its name is the id, its area the edge
/// list's one area, and it has no titles or skills), so a value per role on a network of a
/// hundred thousand roles would be a hundred thousand copies of the same empty facts that a path
/// query never reads: it prints the few roles of its path. The full array is made once, on first
/// use of ``RoleGraph/roles``, and kept.
final class RoleStore: Sendable {
    /// The number of roles.
    let count: Int
    /// Whether the roles are values (`eager`) rather than ids.
    private let isEager: Bool
    private let eager: [Role]
    /// The role ids, by dense index (the lean form's only per-role text).
    private let ids: RoleIDs
    /// The area of every role of the lean form.
    private let area: AreaID
    /// Each role's stayers, NaN for none; empty when no role has any.
    private let stays: [Double]
    private let materialised = Mutex<[Role]?>(nil)

    /// A store of role values, as a graph file or code states them.
    init(_ roles: [Role]) {
        count = roles.count
        isEager = true
        eager = roles
        ids = RoleIDs()
        area = AreaID("")
        stays = []
    }

    /// A store of ids, every role in `area`, named by its id, with `stays[i]` stayers (NaN for
    /// none; `stays` may be empty).
    init(ids: RoleIDs, area: AreaID, stays: [Double]) {
        precondition(stays.isEmpty || stays.count == ids.count)
        count = ids.count
        isEager = false
        eager = []
        self.ids = ids
        self.area = area
        self.stays = stays.contains(where: { !$0.isNaN }) ? stays : []
    }

    /// Every role, in file order; made from the ids once, on first use.
    ///
    /// - Complexity: O(1) after the first call, O(*R*) for it.
    var all: [Role] {
        if isEager { return eager }
        return materialised.withLock { cache in
            if let cache { return cache }
            let made = (0 ..< count).map(makeRole)
            cache = made
            return made
        }
    }

    /// The role at `index`.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    func role(at index: Int) -> Role {
        isEager ? eager[index] : makeRole(index)
    }

    /// The id of the role at `index`, without making its value.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    func id(at index: Int) -> RoleID {
        isEager ? eager[index].id : ids[index]
    }

    /// Calls `body` with the UTF-8 bytes of the id of the role at `index`, without making a
    /// string where the id is read in place.
    ///
    /// - Complexity: O(1) beyond `body`.
    @inline(__always)
    func withIDBytes<R>(at index: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        guard isEager else { return ids.withUTF8(at: index, body) }
        var text = eager[index].id.rawValue  // var: withUTF8 may make it contiguous
        return text.withUTF8 { body(UnsafeRawBufferPointer($0)) }
    }

    /// The stayers of the role at `index`, if it states any.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    func stays(at index: Int) -> Double? {
        if isEager { return eager[index].stays }
        guard !stays.isEmpty else { return nil }
        let value = stays[index]
        return value.isNaN ? nil : value
    }

    private func makeRole(_ index: Int) -> Role {
        let id = ids[index]
        return Role(id: id, name: id.rawValue, area: area, stays: stays(at: index))
    }
}
