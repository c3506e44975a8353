import Foundation

/// Test fixtures live in `Tests/Fixtures` in the source tree; they are found from this file's
/// path, so the tests need no bundle resources and read exactly what is committed.
package enum Fixtures {
    package static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The repository's root (for `Graphs/`).
    package static let repositoryRoot = directory
        .deletingLastPathComponent().deletingLastPathComponent()

    package static func path(_ relative: String) -> String { directory.appendingPathComponent(relative).path }

    /// The file names in a fixture folder, sorted.
    package static func files(in folder: String, extensions: Set<String>) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path(folder))) ?? []
        return names.filter { extensions.contains(URL(fileURLWithPath: $0).pathExtension) }.sorted()
    }

    package static func text(_ relative: String) throws -> String {
        try String(contentsOfFile: path(relative), encoding: .utf8)
    }
}
