// Times RoleGraph's operations in-process, on one file, the way Benchmarks/peers/peer.py times a
// peer library: one process loads the file once and runs the operations in the order given,
// printing one JSON line of times (seconds) per operation as it finishes.
//
//   bench --file F --ops OP[:N],OP[:N],... [--repeat N] [--pairs PAIRS.csv] [--membership PREFIX]
//         [--slow S] [--timeout S] [--layout L] [--dot-out F] [--seed S]
//
// Operations: load, network, path, path-uni, sssp, yen, louvain, leiden, lpa, betweenness,
// betweenness-sampled, dot; and, on their own, dot-file and svg. `OP:N` runs OP N times (default
// --repeat); an operation stops repeating once its calls add up to more than --slow seconds, and a
// call over --timeout seconds makes it a "timeout" (no times). `--op OP` is `--ops OP`. If `load`
// is in the list it comes first and is timed, and the last graph it builds is the one the others
// use; otherwise the file is loaded once, untimed. Each operation builds what it needs (finder,
// projection, CSR) untimed, in a function of its own, so it is freed before the next one starts.
// An operation the library does not have yet prints {"status": "not yet available"} and no times:
// the driver shows it as such, never as a number. `--seed S` seeds the clustering and sampled
// betweenness (1 by default, which is what run.py uses; other seeds are for studies of the
// spread over seeds, as in Benchmarks/README.md).
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import BenchSupport
import RoleGraphAlgorithms
import RoleGraphKit

struct Options {
    var file = ""
    var ops: [(name: String, repeats: Int?)] = [("load", nil)]
    var repeats = 5
    var pairs: String?
    var membership: String?
    var layout: String?
    var dotOut: String?
    var slow = 20.0
    var timeout = 300.0
    var seed: UInt64 = 1
}

var options = Options()
var args = CommandLine.arguments.dropFirst().makeIterator()
while let arg = args.next() {
    switch arg {
    case "--file": options.file = args.next()!
    case "--op", "--ops":
        options.ops = args.next()!.split(separator: ",").map { item in
            let parts = item.split(separator: ":", maxSplits: 1)
            return (String(parts[0]), parts.count > 1 ? Int(parts[1])! : nil)
        }
    case "--repeat": options.repeats = Int(args.next()!)!
    case "--pairs": options.pairs = args.next()!
    case "--membership": options.membership = args.next()!
    case "--layout": options.layout = args.next()!
    case "--dot-out": options.dotOut = args.next()!
    case "--slow": options.slow = Double(args.next()!)!
    case "--timeout": options.timeout = Double(args.next()!)!
    case "--seed": options.seed = UInt64(args.next()!)!
    default:
        FileHandleStderr.write("usage: bench --file F --ops OP[:N],... [--repeat N] [--pairs PAIRS.csv] [--membership PREFIX] [--slow S] [--timeout S] [--layout L] [--dot-out F] [--seed S]\n")
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
    fflush(nil)  // one line per operation as it finishes: the driver watches for it
}

/// This process's peak resident set size in bytes. On Linux, VmHWM of /proc/self/status: the
/// high-water mark of this program's own memory, which getrusage's ru_maxrss (BenchSupport's
/// `peakRSS()`) also folds in with whatever the parent process had resident when it started this
/// one (the driver holds a parsed copy of the file, hundreds of MiB at 100k). Elsewhere ru_maxrss.
func ownPeakRSS() -> Int {
    if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) {
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            if let kB = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first.flatMap({ Int($0) }) { return kB * 1024 }
        }
    }
    return peakRSS()
}

func jsonTimes(_ times: [Double]) -> String { "[" + times.map { String($0) }.joined(separator: ", ") + "]" }

/// The times of one operation (or "timeout" and no times), plus extra JSON fields.
struct Report {
    var status = "ok"
    var times: [Double] = []
    var extra: [(String, String)] = []
}

func emitReport(_ op: String, _ report: Report) {
    emit([("tool", jsonString("rolegraph")), ("op", jsonString(op)), ("status", jsonString(report.status)),
          ("times", jsonTimes(report.status == "ok" ? report.times : [])),
          ("peak_rss", String(ownPeakRSS()))] + (report.status == "ok" ? report.extra : []))
}

@MainActor func readPairs(_ op: String) -> [(String, String)] {
    guard let path = options.pairs, let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        FileHandleStderr.write("bench: --pairs is needed for \(op)\n")
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

/// Times `body` up to `repeats` times, fewer once the calls add up to more than --slow seconds
/// (but at least `minimum`); a call over --timeout seconds makes the status "timeout".
@MainActor func timed<T>(_ repeats: Int, minimum: Int = 1, _ body: () throws -> T) rethrows -> (report: Report, result: T) {
    var report = Report()
    var result: T?
    for i in 0..<repeats {
        let start = now()
        result = try body()
        report.times.append(now() - start)
        if report.times[i] > options.timeout { report.status = "timeout"; break }
        if i + 1 >= minimum && report.times.reduce(0, +) > options.slow { break }
    }
    return (report, result!)
}

@MainActor func writeMembership(_ op: String, _ partition: Partition) {
    guard let prefix = options.membership else { return }
    let text = partition.communityOfVertex.map { String($0) }.joined(separator: "\n") + "\n"
    try? text.write(toFile: prefix + op + ".txt", atomically: true, encoding: .utf8)
}

/// The finder for the timed queries, prepared before timing as the peers prepare theirs: one
/// untimed pair query builds its reverse adjacency (networkit keeps in-edges from the start).
@MainActor func finder(_ graph: RoleGraph) -> PathFinder {
    do {
        var finder = try PathFinder(graph.network(kinds: [.transition]) { $0.effort ?? 1 })
        // Bidirectional for this query, which the automatic strategy would answer without one.
        finder.strategy = .bidirectional
        if graph.roleCount > 1 { _ = try finder.shortestPath(from: 0, to: 1) }
        finder.strategy = .automatic
        return finder
    } catch {
        fail(error)
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
        fail(error)
    }
}

/// `load`: the file to a RoleGraph, timed; returns the report and the last graph built. The graph
/// of the previous call is released before the next call starts, as in a loop over `load()`.
@MainActor func runLoad(_ repeats: Int) -> (Report, RoleGraph) {
    var report = Report()
    var kept: RoleGraph?
    for i in 0..<repeats {
        kept = nil
        let start = now()
        let graph = load()
        report.times.append(now() - start)
        kept = graph
        if report.times[i] > options.timeout { report.status = "timeout"; break }
        if report.times.reduce(0, +) > options.slow { break }
    }
    let graph = kept!
    // The roles only: `relations` of a graph read from an edge list makes its relation values on
    // first use, which a load that is only measured should not pay for, nor count in its peak.
    report.extra = [("roles", String(graph.roleCount))]
    return (report, graph)
}

/// One operation on the loaded graph; everything it builds is freed when it returns.
@MainActor func run(_ op: String, _ repeats: Int, on graph: RoleGraph) throws -> Report {
    switch op {
    case "network":
        // Building the CSR view of the transitions, which every query starts from.
        let (report, csr) = timed(repeats) { graph.network(kinds: [.transition], weight: { $0.effort ?? 1 }) }
        precondition(csr.edgeCount == graph.relations.count)
        return report
    case "path", "path-uni":
        // Effort-weighted shortest path for each of the 20 pairs; one time = all 20. The finder (and
        // its CSR) is built once, untimed, as the peers build their graph once.
        let queries = indices(graph, readPairs(op))
        var finder = finder(graph)
        if op == "path-uni" { finder.strategy = .unidirectional }
        var (report, found) = try timed(repeats) { () throws -> Int in
            var found = 0
            for (s, t) in queries where try finder.shortestPath(from: s, to: t) != nil { found += 1 }
            return found
        }
        report.extra = [("found", String(found))]
        return report
    case "sssp":
        let source = indices(graph, readPairs(op))[0].0
        var finder = finder(graph)
        var (report, distances) = try timed(repeats) { try finder.distances(from: source) }
        report.extra = [("reached", String(distances.filter { $0.isFinite }.count))]
        return report
    case "yen":
        // The 5 shortest loopless paths for the first 3 pairs; one time = all 3.
        let queries = indices(graph, readPairs(op)).prefix(3)
        var finder = finder(graph)
        var (report, paths) = try timed(repeats) { () throws -> Int in
            var count = 0
            for (s, t) in queries { count += try finder.shortestPaths(from: s, to: t, count: 5).count }
            return count
        }
        report.extra = [("paths", String(paths))]
        return report
    case "louvain", "leiden", "lpa":
        // On the undirected, unweighted projection (built once, untimed); the same seed every run.
        // Simple, as every peer's is (igraph `simplify`, networkit `removeMultiEdges`, networkx
        // `to_undirected`): a pair of roles with transitions both ways is one edge of weight 1.
        // (`undirectedNetwork` would weigh it 2, a different objective from the peers'.)
        let u = simpleUndirected(graph)
        var (report, partition) = timed(repeats) { () -> Partition in
            var rng = SplitMix64(seed: options.seed)
            switch op {
            case "louvain": return u.louvainCommunities(using: &rng)
            case "leiden": return u.leidenCommunities(using: &rng)
            default: return u.labelPropagationCommunities(using: &rng)
            }
        }
        if report.status == "ok" { writeMembership(op, partition) }
        report.extra = [("communities", String(partition.count)),
                        ("modularity_own", String(u.modularity(of: partition)))]
        return report
    case "betweenness", "betweenness-sampled":
        // Exact (or sampled from 100 pivots), unweighted, directed, unnormalised.
        let csr = graph.network(kinds: [.transition])
        let opts = BetweennessOptions(directed: true, weighted: false, normalized: false)
        var (report, scores) = timed(repeats) { () -> [Double] in
            if op == "betweenness" { return csr.betweennessCentrality(opts) }
            var rng = SplitMix64(seed: options.seed)
            return csr.sampledBetweennessCentrality(pivots: 100, opts, using: &rng)
        }
        report.extra = [("max", String(scores.max() ?? 0))]
        return report
    case "dot":
        // DOT export of the whole graph (the layout attribute Exporter would write).
        let layout = options.layout ?? Exporter.defaultLayout(roleCount: graph.roleCount).rawValue
        let writer = DOTWriter(options: DOTOptions(layout: layout))
        var (report, text) = timed(repeats) { writer.write(graph) }
        report.extra = [("bytes", String(text.utf8.count))]
        return report
    case "dot-file":
        // Only writes the DOT that `svg` renders to --dot-out (for Graphviz's own tools), untimed.
        let layout = options.layout.flatMap { GraphvizLayout(rawValue: $0) }
            ?? Exporter.defaultLayout(roleCount: graph.roleCount)
        let dot = DOTWriter(options: DOTOptions(layout: layout.rawValue)).write(graph)
        try dot.write(toFile: options.dotOut!, atomically: true, encoding: .utf8)
        return Report()
    case "svg":
        // In-process SVG render of the DOT that `rolegraph export` writes: Exporter.render on that
        // text (the same text is saved to --dot-out so the driver can time `dot -Tsvg` on it), and
        // the whole Exporter.export (DOT writing + render) as a second series. Each series makes at
        // least two calls (the driver reports the first render call apart, and drops the first
        // export), then stops once its calls add up to more than --slow seconds.
        let layout = options.layout.flatMap { GraphvizLayout(rawValue: $0) }
            ?? Exporter.defaultLayout(roleCount: graph.roleCount)
        let dot = DOTWriter(options: DOTOptions(layout: layout.rawValue)).write(graph)
        if let path = options.dotOut { try dot.write(toFile: path, atomically: true, encoding: .utf8) }
        var (report, svg) = try timed(repeats, minimum: 2) { () throws -> [UInt8] in
            try Exporter.render(dot: dot, layout: layout, format: .svg)
        }
        let (exports, _) = try timed(repeats, minimum: 2) { () throws -> [UInt8] in
            try Exporter.export(graph, format: .svg, layout: layout)
        }
        if exports.status != "ok" { report.status = exports.status }
        report.extra = [("bytes", String(svg.count)), ("layout", jsonString(layout.rawValue)),
                        ("export_times", jsonTimes(exports.times))]
        return report
    default:
        FileHandleStderr.write("bench: unknown operation '\(op)'\n")
        exit(2)
    }
}

var ops = options.ops
var graph: RoleGraph
if let first = ops.first, first.name == "load" {
    let (report, loaded) = runLoad(first.repeats ?? options.repeats)
    emitReport("load", report)
    if report.status != "ok" { exit(0) }
    graph = loaded
    ops.removeFirst()
} else {
    graph = load()
}
for (op, repeats) in ops {
    do {
        emitReport(op, try run(op, repeats ?? options.repeats, on: graph))
    } catch {
        fail(error)
    }
}

/// The simple undirected projection of the transitions: one edge of weight 1 per unordered pair
/// of distinct roles joined by a transition either way.
func simpleUndirected(_ graph: RoleGraph) -> CSRGraph {
    let directed = graph.network(kinds: [.transition])
    var edges: [WeightedEdge] = []
    edges.reserveCapacity(directed.edgeCount)
    for edge in directed.edges where edge.source != edge.target {
        edges.append(WeightedEdge(edge.source, edge.target))
    }
    // symmetrized() sums parallel edges; every pair becomes weight 1 again.
    return CSRGraph(vertexCount: directed.vertexCount, edges: edges).symmetrized().unweighted()
}
