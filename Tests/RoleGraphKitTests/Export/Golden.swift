import Foundation
import Testing
import RoleGraphTestSupport

/// Golden files: the exact bytes an exporter is expected to write, kept under `Fixtures/golden`.
///
/// After an intended change to an exporter, regenerate them and review the diff in git:
///
///     ROLEGRAPH_UPDATE_GOLDENS=1 swift test --filter RoleGraphKitTests
///
/// With the variable unset (as in CI), a golden that differs from the output, or is missing,
/// fails the test; with it set, the golden is rewritten and the comparison is skipped.
enum Golden {
    static let variable = "ROLEGRAPH_UPDATE_GOLDENS"

    static var isUpdating: Bool { ProcessInfo.processInfo.environment[variable] == "1" }

    /// Compares `actual` with the golden file `name`, or rewrites it when updating.
    static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let path = Fixtures.path("golden/\(name)")
        if isUpdating {
            try FileManager.default.createDirectory(
                atPath: Fixtures.path("golden"), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: URL(fileURLWithPath: path))
            return
        }
        guard let expected = FileManager.default.contents(atPath: path) else {
            Issue.record("golden file \(name) is missing; run with \(variable)=1 to write it",
                         sourceLocation: sourceLocation)
            return
        }
        if expected != Data(actual.utf8) {
            Issue.record("output differs from golden \(name) \(firstDifference(String(decoding: expected, as: UTF8.self), actual)); if the change is intended, run with \(variable)=1 and review the diff",
                         sourceLocation: sourceLocation)
        }
    }

    /// "at line N: expected … got …", to make a failure readable without a diff tool.
    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(e.count, a.count) {
            let el = i < e.count ? String(e[i]) : "<end of file>"
            let al = i < a.count ? String(a[i]) : "<end of file>"
            if el != al { return "at line \(i + 1): expected «\(el)», got «\(al)»" }
        }
        return "(only in the bytes, such as a final newline)"
    }
}
