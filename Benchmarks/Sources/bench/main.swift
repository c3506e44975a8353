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
    default:
        FileHandleStderr.write("usage: bench --file F --op OP [--repeat N] [--pairs PAIRS.csv] [--membership OUT]\n")
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

@MainActor func notYet() -> Never {
    emit([("tool", jsonString("rolegraph")), ("op", jsonString(options.op)), ("status", jsonString("not yet available"))])
    exit(0)
}

@MainActor func load() -> RoleGraph {
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
case "path", "sssp", "yen", "louvain", "leiden", "lpa", "betweenness", "dot", "svg":
    // Filled in when the algorithm, clustering and export branches are merged.
    notYet()
default:
    FileHandleStderr.write("bench: unknown operation '\(options.op)'\n")
    exit(2)
}
