import Foundation

/// Transition networks shaped like real job-to-job files, written as CSV edge lists for the
/// end-to-end diagram tests: long title-like ids, about `perRole` transitions per role, most
/// inside a family of 25 related roles. The same arguments always give the same file (a fixed
/// linear congruential sequence; Benchmarks/transition_network.py writes the benchmark's).
enum TransitionNetworks {
    static func write(roles: Int, perRole: Int = 5, seed: UInt64 = 18, in directory: URL) throws -> String {
        var state = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let crafts = ["data", "analytics", "ml", "platform", "reporting", "decision-science", "forecasting", "mlops"]
        let jobs = ["engineer", "analyst", "scientist", "manager", "architect", "consultant", "researcher"]
        let names = (0 ..< roles).map { i in "senior-\(crafts[next(crafts.count)])-\(jobs[next(jobs.count)])-\(i)" }
        var seen = Set<Int>()
        var text = "from,to,kind,effort\n"
        for source in 0 ..< roles {
            for _ in 0 ..< perRole {
                let family = next(5) == 0 ? next(max(1, roles / 25)) : source / 25
                let target = min(roles - 1, family * 25 + next(25))
                guard target != source, seen.insert(source * roles + target).inserted else { continue }
                text += "\(names[source]),\(names[target]),transition,\(1 + next(5))\n"
            }
        }
        let url = directory.appendingPathComponent("network-\(roles).csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// The role ids of a written network, in order of first appearance.
    static func roles(in path: String) throws -> [String] {
        var seen = Set<String>(), order: [String] = []
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst() {
            for id in line.split(separator: ",").prefix(2).map(String.init) where seen.insert(id).inserted { order.append(id) }
        }
        return order
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rolegraph-diagrams-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
