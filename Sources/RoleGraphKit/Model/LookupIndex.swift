import Synchronization

/// Lower-cased id, name and title → the roles that carry it: what case-insensitive role lookup
/// (``RoleGraph/resolveRole(_:)``) reads once an exact id has not matched.
///
/// It is built on first use, not with the graph: a query by exact id, the common case and the
/// only one of a script over a large network, never reads it, and on a hundred thousand roles it
/// is a dictionary of a hundred thousand strings.
final class LookupIndex: Sendable {
    /// The roles a lower-cased text names.
    struct Entry: Sendable, Equatable {
        /// The first role whose id it is.
        var byID: Int32?
        /// Whether a later role's id is it too (ids that differ only in case: `ML` and `ml`).
        var idShared = false
        /// The first role whose name it is.
        var byName: Int32?
        /// Whether a later role's name is it too.
        var nameShared = false
        /// Every role with it as a title, in file order.
        var byTitle: [Int32] = []
    }

    private let store: RoleStore
    /// Whether every role is named by its id and has no titles (an edge list's roles), so one
    /// entry per role suffices.
    private let idsOnly: Bool
    private let built = Mutex<[String: Entry]?>(nil)

    init(_ store: RoleStore, idsOnly: Bool) {
        self.store = store
        self.idsOnly = idsOnly
    }

    /// The entry for a lower-cased text, or `nil`.
    ///
    /// - Complexity: O(1) expected after the first call; the first builds the index, O(*R*).
    subscript(key: String) -> Entry? {
        built.withLock { index in
            if index == nil { index = idsOnly ? Self.buildFromIDs(store) : Self.build(store) }
            return index![key]
        }
    }

    /// The whole index, built if it was not yet (for tests that compare two graphs' indexes).
    var all: [String: Entry] {
        built.withLock { index in
            if index == nil { index = idsOnly ? Self.buildFromIDs(store) : Self.build(store) }
            return index!
        }
    }

    /// The index of roles with names and titles.
    private static func build(_ store: RoleStore) -> [String: Entry] {
        var lookup: [String: Entry] = [:]
        for i in 0 ..< store.count {
            let role = store.role(at: i)
            let index = Int32(i)
            let id = role.id.rawValue.lowercased()
            if lookup[id]?.byID == nil { lookup[id, default: Entry()].byID = index } else { lookup[id]!.idShared = true }
            let name = role.name.lowercased()
            if lookup[name]?.byName == nil { lookup[name, default: Entry()].byName = index } else { lookup[name]!.nameShared = true }
            for title in role.titles {
                let key = title.lowercased()
                if !(lookup[key]?.byTitle.contains(index) ?? false) {
                    lookup[key, default: Entry()].byTitle.append(index)
                }
            }
        }
        return lookup
    }

    /// The same index for roles named by their ids with no titles: one entry per role, and an id
    /// with no upper-case ASCII letter and no non-ASCII byte is its own lower-case key, with no
    /// `lowercased()` copy. `EdgeListTests.fastInitialiserMatchesTheGeneralOne` holds it equal to
    /// ``build(_:)``.
    private static func buildFromIDs(_ store: RoleStore) -> [String: Entry] {
        var lookup: [String: Entry] = [:]
        lookup.reserveCapacity(store.count)
        for i in 0 ..< store.count {
            let index = Int32(i)
            var id = store.id(at: i).rawValue  // var: withUTF8 may make it contiguous
            let key = id.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 && !($0 >= 0x41 && $0 <= 0x5A) } }
                ? id : id.lowercased()
            // As in `build`: the first role keeps `byID` and `byName`, a later one marks them
            // shared.
            if var entry = lookup[key] {
                entry.idShared = true
                entry.nameShared = true
                lookup[key] = entry
            } else {
                lookup[key] = Entry(byID: index, byName: index)
            }
        }
        return lookup
    }
}
