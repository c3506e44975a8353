import Foundation
import Testing
@testable import RoleGraphKit
import RoleGraphTestSupport

/// `RoleGraph.load(contentsOf:format:maximumSize:)`: a file over the limit is refused from its
/// size, a stream as soon as it passes the limit, and any limit (the largest `Int` included) works.
@Suite struct InputSizeLimitTests {
    static let file = Fixtures.path("dot/roles.gv")

    @Test func aFileOverTheLimitIsRefused() throws {
        let size = try #require(try FileManager.default.attributesOfItem(atPath: Self.file)[.size] as? Int)
        #expect(throws: GraphLoadError.tooLarge(path: Self.file, limit: size - 1)) {
            try RoleGraph.load(contentsOf: Self.file, maximumSize: size - 1)
        }
        #expect(try RoleGraph.load(contentsOf: Self.file, maximumSize: size).roles.count > 0)
        #expect(try RoleGraph.load(contentsOf: Self.file, maximumSize: .max).roles.count > 0)
        #expect(throws: GraphLoadError.tooLarge(path: Self.file, limit: -1)) {
            try RoleGraph.load(contentsOf: Self.file, maximumSize: -1)
        }
    }

    @Test func aStreamIsRefusedWhenItPassesTheLimit() {
        #expect(throws: GraphLoadError.tooLarge(path: "/dev/zero", limit: 200_000)) {
            try RoleGraph.load(contentsOf: "/dev/zero", format: .yaml, maximumSize: 200_000)
        }
    }

    @Test(arguments: [(1, "1 byte"), (100, "100 bytes"), (1024, "1 KiB"), (1536, "1536 bytes"), (1 << 20, "1 MiB"), (3 << 30, "3 GiB")])
    func limitsAreNamedAsPeopleWriteThem(limit: Int, text: String) {
        #expect(GraphLoadError.tooLarge(path: "f", limit: limit).description == "f: larger than the input size limit of \(text)")
    }
}
