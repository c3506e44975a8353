/// A division of the vertices `0 ..< vertexCount` into disjoint, non-empty communities.
///
/// Every clustering algorithm in RoleGraph returns a `Partition`, and every measure that
/// compares or scores clusterings (``CSRGraph/modularity(of:resolution:)``,
/// ``normalizedMutualInformation(with:)``, ``adjustedRandIndex(with:)``) takes one.
///
/// A partition is stored *canonically*: communities are numbered `0 ..< count` in the order of
/// their smallest vertex, so vertex 0 is always in community 0, the first vertex outside
/// community 0 is in community 1, and so on. Two partitions that group the vertices the same way
/// are therefore equal (`==`) whatever labels produced them, which is what makes "same seed,
/// same partition" checkable and lets callers compare results without matching labels up.
///
///     let p = Partition(labels: ["b", "a", "b", "c"])
///     p.communityOfVertex   // [0, 1, 0, 2]
///     p.members(of: 0)      // [0, 2]
///
/// The member lists are built once, on creation, as a CSR-like layout (one flat array of
/// vertices grouped by community), so ``members(of:)`` is a slice copy and never a scan.
public struct Partition: Hashable, Sendable {
    /// The community of each vertex, in `0 ..< count`, numbered in order of first vertex.
    public let communityOfVertex: [Int32]
    /// The number of communities.
    public let count: Int
    /// `memberOffsets[c] ..< memberOffsets[c + 1]` indexes the members of `c` in `memberList`.
    @usableFromInline let memberOffsets: [Int]
    /// Every vertex, grouped by community, ascending within each community.
    @usableFromInline let memberList: [Int32]

    /// Creates a partition from any labelling: vertices with equal labels share a community.
    ///
    /// Labels need not be dense or ordered (for example, area identifiers from the model, or a
    /// community number from another tool); they are renumbered canonically.
    ///
    /// - Parameter labels: the label of each vertex, in vertex order.
    /// - Complexity: O(*n*) expected, for *n* labels (one hash lookup per vertex).
    public init<Label: Hashable>(labels: some Sequence<Label>) {
        var numbering: [Label: Int32] = [:]
        var communities: [Int32] = []
        communities.reserveCapacity(labels.underestimatedCount)
        for label in labels {
            if let c = numbering[label] {
                communities.append(c)
            } else {
                let c = Int32(numbering.count)
                numbering[label] = c
                communities.append(c)
            }
        }
        self.init(canonical: communities, count: numbering.count)
    }

    /// Creates a partition from dense integer labels in `0 ..< labelBound`, without hashing.
    ///
    /// Used by the algorithms, whose working labels are already small integers; the result is
    /// renumbered canonically like ``init(labels:)``.
    ///
    /// - Precondition: every label is in `0 ..< labelBound`.
    /// - Complexity: O(*n* + `labelBound`).
    init(denseLabels: [Int32], labelBound: Int) {
        let (communities, count) = Partition.relabelled(denseLabels, labelBound: labelBound)
        self.init(canonical: communities, count: count)
    }

    /// Renumbers dense integer labels in order of first vertex.
    ///
    /// - Precondition: every label is in `0 ..< labelBound`.
    /// - Returns: the canonical labels and how many distinct labels there are.
    /// - Complexity: O(*n* + `labelBound`).
    static func relabelled(_ denseLabels: [Int32], labelBound: Int) -> (labels: [Int32], count: Int) {
        var renumber = [Int32](repeating: -1, count: labelBound)
        var communities = [Int32](repeating: 0, count: denseLabels.count)
        var next: Int32 = 0
        for (v, label) in denseLabels.enumerated() {
            precondition(label >= 0 && Int(label) < labelBound, "label out of range")
            var c = renumber[Int(label)]
            if c < 0 {
                c = next
                renumber[Int(label)] = c
                next += 1
            }
            communities[v] = c
        }
        return (communities, Int(next))
    }

    /// The partition that puts every vertex in a community of its own.
    ///
    /// - Complexity: O(*n*).
    public static func singletons(vertexCount: Int) -> Partition {
        let ids = (0 ..< vertexCount).map { Int32($0) }
        return Partition(canonical: ids, count: vertexCount)
    }

    /// The partition that puts every vertex in one community (none when `vertexCount` is 0).
    ///
    /// - Complexity: O(*n*).
    public static func whole(vertexCount: Int) -> Partition {
        Partition(canonical: [Int32](repeating: 0, count: vertexCount), count: vertexCount > 0 ? 1 : 0)
    }

    /// Builds the member lists of already canonical communities (a stable counting sort).
    ///
    /// - Complexity: O(*n* + `count`).
    private init(canonical communities: [Int32], count: Int) {
        var offsets = [Int](repeating: 0, count: count + 1)
        for c in communities { offsets[Int(c) + 1] += 1 }
        for c in 0 ..< count { offsets[c + 1] += offsets[c] }
        var next = offsets
        var list = [Int32](repeating: 0, count: communities.count)
        for (v, c) in communities.enumerated() {
            list[next[Int(c)]] = Int32(v)
            next[Int(c)] += 1
        }
        self.communityOfVertex = communities
        self.count = count
        self.memberOffsets = offsets
        self.memberList = list
    }

    /// The number of vertices partitioned.
    ///
    /// - Complexity: O(1).
    @inlinable
    public var vertexCount: Int { communityOfVertex.count }

    /// The community of `vertex`.
    ///
    /// - Complexity: O(1).
    @inlinable
    public func community(of vertex: Int32) -> Int32 {
        communityOfVertex[Int(vertex)]
    }

    /// The vertices of `community`, ascending.
    ///
    /// - Complexity: O(*k*), where *k* is the size of the community.
    @inlinable
    public func members(of community: Int32) -> [Int32] {
        Array(memberList[memberOffsets[Int(community)] ..< memberOffsets[Int(community) + 1]])
    }

    /// The number of vertices in `community`.
    ///
    /// - Complexity: O(1).
    @inlinable
    public func size(of community: Int32) -> Int {
        memberOffsets[Int(community) + 1] - memberOffsets[Int(community)]
    }

    /// Every community's members, in community order; each list ascending.
    ///
    /// - Complexity: O(*n*).
    public var communities: [[Int32]] {
        (0 ..< count).map { members(of: Int32($0)) }
    }

    /// Whether the two partitions group the vertices the same way (their canonical labels are
    /// equal; the member lists follow from them).
    ///
    /// - Complexity: O(*n*).
    public static func == (lhs: Partition, rhs: Partition) -> Bool {
        lhs.communityOfVertex == rhs.communityOfVertex
    }

    /// Hashes the canonical labels.
    ///
    /// - Complexity: O(*n*).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(communityOfVertex)
    }
}
