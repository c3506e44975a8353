// Times RoleGraph's operations in-process, on one file, the way Benchmarks/peers/peer.py times a
// peer library: load once untimed (except for `load` itself), then run the operation REPEAT times
// and print one JSON line with every time in seconds.
//
//   bench --file F --op OP [--repeat N] [--pairs PAIRS.csv] [--membership OUT]
//
// Operations: load, path, sssp, yen, louvain, leiden, lpa, betweenness, dot, svg.
// An operation the library does not have yet prints {"status": "not yet available"} and no times:
// the driver shows it as such, never as a number.
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import BenchSupport
import RoleGraph

struct Options {
    var file = ""
    var op = "load"
    var repeats = 5
    var pairs: String?
    var membership: String?
    var layout: String?
    var dotOut: String?
}

var options = Options()
var args = CommandLine.arguments.dropFirst().makeIterator()
while let arg = args.next() {
    switch arg {
    case "--file": options.file = args.next()!
    case "--op": options.op = args.next()!
    case "--repeat": options.repeats = Int(args.next()!)!
    case "--pairs": options.pairs = args.next()!
    case "--membership": options.membership = args.next()!
    case "--layout": options.layout = args.next()!
    case "--dot-out": options.dotOut = args.next()!
    default:
        FileHandleStderr.write("usage: bench --file F --op OP [--repeat N] [--pairs PAIRS.csv] [--membership OUT] [--layout L] [--dot-out F]\n")
        exit(2)
    }
}

enum FileHandleStderr {
    static func write(_ s: String) {
        var s = s
        s.withUTF8 { _ = Glibc.write(2, $0.baseAddress, $0.count) }
    }
}

func jsonString(_ s: String) -> String {
    var out = "\""
    for c in s.unicodeScalars {
        switch c {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        default: out.unicodeScalars.append(c)
        }
    }
    return out + "\""
}

func emit(_ fields: [(String, String)]) {
    print("{" + fields.map { "\(jsonString($0.0)): \($0.1)" }.joined(separator: ", ") + "}")
}

@MainActor func emitTimes(_ times: [Double], extra: [(String, String)] = []) {
    emit([("tool", jsonString("rolegraph")), ("op", jsonString(options.op)), ("status", jsonString("ok")),
          ("times", "[" + times.map { String($0) }.joined(separator: ", ") + "]"),
          ("peak_rss", String(peakRSS()))] + extra)
}

@MainActor func readPairs() -> [(String, String)] {
    guard let path = options.pairs, let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        FileHandleStderr.write("bench: --pairs is needed for \(options.op)\n")
        exit(2)
    }
    return text.split(separator: "\n").dropFirst().map { line in
        let parts = line.split(separator: ",")
        return (String(parts[0]), String(parts[1]))
    }
}

@MainActor func indices(_ graph: RoleGraph, _ pairs: [(String, String)]) -> [(Int32, Int32)] {
    pairs.map { (graph.index(of: RoleID($0.0))!, graph.index(of: RoleID($0.1))!) }
}

/// Times `body` REPEAT times; returns the times and the last result.
@MainActor func timed<T>(_ body: () throws -> T) rethrows -> (times: [Double], result: T) {
    var times: [Double] = []
    var result: T?
    for _ in 0..<options.repeats {
        let start = now()
        result = try body()
        times.append(now() - start)
    }
    return (times, result!)
}

@MainActor func writeMembership(_ partition: Partition) {
    guard let path = options.membership else { return }
    let text = partition.communityOfVertex.map { String($0) }.joined(separator: "\n") + "\n"
    try? text.write(toFile: path, atomically: true, encoding: .utf8)
}

/// The finder for the timed queries, prepared before timing as the peers prepare theirs: one
/// untimed pair query builds its reverse adjacency (networkit keeps in-edges from the start).
@MainActor func finder(_ graph: RoleGraph) -> PathFinder {
    do {
        var finder = try PathFinder(graph.network(kinds: [.transition]) { $0.effort ?? 1 })
        if graph.roles.count > 1 { _ = try finder.shortestPath(from: 0, to: 1) }
        return finder
    } catch {
        FileHandleStderr.write("bench: \(error)\n")
        exit(1)
    }
}

@MainActor func fail(_ error: any Error) -> Never {
    FileHandleStderr.write("bench: \(error)\n")
    exit(1)
}

@MainActor func load() -> RoleGraph {
    if options.file == "builtin" { return RoleGraph.builtIn }
    do {
        return try RoleGraph.load(contentsOf: options.file)
    } catch {
        FileHandleStderr.write("bench: \(error)\n")
        exit(1)
    }
}

switch options.op {
case "load":
    var times: [Double] = []
    var roles = 0
    var relations = 0
    for _ in 0..<options.repeats {
        let start = now()
        let graph = load()
        times.append(now() - start)
        roles = graph.roles.count
        relations = graph.relations.count
    }
    emitTimes(times, extra: [("roles", String(roles)), ("relations", String(relations))])
case "network":
    // Building the CSR view of the transitions, which every query starts from.
    let graph = load()
    var times: [Double] = []
    for _ in 0..<options.repeats {
        let start = now()
        let csr = graph.network(kinds: [.transition], weight: { $0.effort ?? 1 })
        times.append(now() - start)
        precondition(csr.edgeCount == graph.relations.count)
    }
    emitTimes(times)
case "path", "path-uni":
    // Effort-weighted shortest path for each of the 20 pairs; one time = all 20. The finder (and
    // its CSR) is built once, untimed, as the peers build their graph once.
    let graph = load()
    let queries = indices(graph, readPairs())
    var finder = finder(graph)
    if options.op == "path-uni" { finder.strategy = .unidirectional }
    let (times, found) = try timed { () throws -> Int in
        var found = 0
        for (s, t) in queries where try finder.shortestPath(from: s, to: t) != nil { found += 1 }
        return found
    }
    emitTimes(times, extra: [("found", String(found))])
case "sssp":
    let graph = load()
    let source = indices(graph, readPairs())[0].0
    var finder = finder(graph)
    let (times, distances) = try timed { try finder.distances(from: source) }
    emitTimes(times, extra: [("reached", String(distances.filter { $0.isFinite }.count))])
case "yen":
    // The 5 shortest loopless paths for the first 3 pairs; one time = all 3.
    let graph = load()
    let queries = indices(graph, readPairs()).prefix(3)
    var finder = finder(graph)
    let (times, paths) = try timed { () throws -> Int in
        var count = 0
        for (s, t) in queries { count += try finder.shortestPaths(from: s, to: t, count: 5).count }
        return count
    }
    emitTimes(times, extra: [("paths", String(paths))])
case "louvain", "leiden", "lpa":
    // On the undirected, unweighted projection (built once, untimed); seed 1 every run.
    let graph = load()
    let u = graph.undirectedNetwork(relations: [.transition])
    let (times, partition) = timed { () -> Partition in
        var rng = SplitMix64(seed: 1)
        switch options.op {
        case "louvain": return u.louvainCommunities(using: &rng)
        case "leiden": return u.leidenCommunities(using: &rng)
        default: return u.labelPropagationCommunities(using: &rng)
        }
    }
    writeMembership(partition)
    emitTimes(times, extra: [("communities", String(partition.count)),
                             ("modularity_own", String(u.modularity(of: partition)))])
case "betweenness", "betweenness-sampled":
    // Exact (or sampled from 100 pivots), unweighted, directed, unnormalised.
    let graph = load()
    let csr = graph.network(kinds: [.transition])
    let opts = BetweennessOptions(directed: true, weighted: false, normalized: false)
    let (times, scores) = timed { () -> [Double] in
        if options.op == "betweenness" { return csr.betweennessCentrality(opts) }
        var rng = SplitMix64(seed: 1)
        return csr.sampledBetweennessCentrality(pivots: 100, opts, using: &rng)
    }
    emitTimes(times, extra: [("max", String(scores.max() ?? 0))])
case "dot":
    // DOT export of the whole graph (the layout attribute Exporter would write).
    let graph = load()
    let layout = options.layout ?? Exporter.defaultLayout(roleCount: graph.roles.count).rawValue
    let writer = DOTWriter(options: DOTOptions(layout: layout))
    let (times, text) = timed { writer.write(graph) }
    emitTimes(times, extra: [("bytes", String(text.utf8.count))])
case "dot-file":
    // Only writes the DOT that `svg` renders to --dot-out (for Graphviz's own tools), untimed.
    let graph = load()
    let layout = options.layout.flatMap { GraphvizLayout(rawValue: $0) }
        ?? Exporter.defaultLayout(roleCount: graph.roles.count)
    let dot = DOTWriter(options: DOTOptions(layout: layout.rawValue)).write(graph)
    try! dot.write(toFile: options.dotOut!, atomically: true, encoding: .utf8)
    emit([("tool", jsonString("rolegraph")), ("op", jsonString(options.op)), ("status", jsonString("ok"))])
case "svg":
    // In-process SVG render of the DOT that `rolegraph export` writes: Graphviz.render on that
    // text (the same text is saved to --dot-out so the driver can time `dot -Tsvg` on it), and
    // the whole Exporter.export (DOT writing + render) as a second series.
    let graph = load()
    let layout = options.layout.flatMap { GraphvizLayout(rawValue: $0) }
        ?? Exporter.defaultLayout(roleCount: graph.roles.count)
    let dot = DOTWriter(options: DOTOptions(layout: layout.rawValue)).write(graph)
    if let path = options.dotOut { try! dot.write(toFile: path, atomically: true, encoding: .utf8) }
    do {
        let (times, svg) = try timed { () throws -> [UInt8] in try Graphviz.render(dot: dot, layout: layout, format: .svg) }
        let (exportTimes, _) = try timed { () throws -> [UInt8] in try Exporter.export(graph, format: .svg, layout: layout) }
        emitTimes(times, extra: [("bytes", String(svg.count)), ("layout", jsonString(layout.rawValue)),
                                 ("export_times", "[" + exportTimes.map { String($0) }.joined(separator: ", ") + "]")])
    } catch {
        fail(error)
    }
default:
    FileHandleStderr.write("bench: unknown operation '\(options.op)'\n")
    exit(2)
}
