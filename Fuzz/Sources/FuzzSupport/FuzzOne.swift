import RoleGraphKit

/// One fuzzing input: the bytes as a graph file of `format`. A file that does not load must be
/// refused with diagnostics (any crash, hang or sanitizer report is a finding); a file that
/// loads goes through the rest of the library, each step's result checked for what must hold.
///
/// - Complexity: O(*n*) for the load; the later steps are bounded by the graph's size, and the
///   render runs only for graphs of at most 40 roles.
public func fuzzOne(_ bytes: UnsafeRawBufferPointer, format: GraphFileFormat) {
    let text = String(decoding: bytes, as: UTF8.self)
    let graph: RoleGraph
    do {
        graph = try RoleGraph.parse(text, format: format, file: "fuzz")
    } catch {
        // Every refusal carries at least one problem, or names the file.
        precondition(!error.description.isEmpty, "an empty error")
        return
    }
    exercise(graph)
}

/// Paths, clustering, the writers and (for small graphs) a render, on a graph that loaded.
func exercise(_ graph: RoleGraph) {
    let roles = graph.roles.prefix(4).map(\.id)
    if roles.count >= 2, var planner = try? RoutePlanner(graph: graph) {
        if let paths = try? planner.paths(from: roles[0], to: roles[roles.count - 1], count: 2) {
            for path in paths {
                precondition(path.roles.first == roles[0] && path.roles.last == roles[roles.count - 1], "a path with wrong ends")
            }
        }
    }
    var generator = FuzzRNG(seed: 1)
    let clustering = graph.clusters(using: &generator)
    _ = clustering
    _ = graph.centrality()
    // The DOT export must read back as the same roles; the other writers must not fail.
    let formats: [ExportFormat] = [.json, .graphml, .mermaid]
    for format in formats { _ = try? Exporter.export(graph, format: format) }
    if let dot = try? Exporter.export(graph, format: .dot, layout: .dot) {
        guard let back = try? RoleGraph.parse(String(decoding: dot, as: UTF8.self), format: .dot, file: "fuzz.gv") else {
            preconditionFailure("DOT export does not read back")
        }
        precondition(Set(back.roles.map(\.id)) == Set(graph.roles.map(\.id)), "DOT export reads back with other roles")
    }
    if graph.roles.count <= 40 && graph.relations.count <= 120 {
        _ = try? Exporter.export(graph, format: .svg, layout: .dot)
    }
}

/// SplitMix64, so the harness does not depend on the engine's test helpers.
struct FuzzRNG: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
