// Writes deterministic synthetic occupation-transition networks for the benchmarks.
//
//   generate [--sizes 1k,10k,100k] [--out DIR] [--seed N] [--check]
//
// For each size S it writes, into DIR (default Benchmarks/data):
//   transitions-S.csv              from,to,effort — ≈10 transitions per role
//   transitions-S.communities.csv  role,community — the planted communities (ground truth)
//   transitions-S.pairs.csv        from,to — 20 seeded query pairs (both roles have transitions)
//   transitions-S.dot              the same network in DOT, for sizes ≤ 1,000 roles (len = effort)
//
// The model: roles fall into ⌈√R / 1.5⌉ planted communities; each role has a Pareto(α = 2.5)
// "attractiveness"; its number of outgoing transitions is proportional to it (mean 10), and each
// target is drawn in proportion to attractiveness, from the role's own community with
// probability 0.85, else from all roles. So out- and in-degrees are heavy-tailed, communities are
// real but not perfect, and no role points at itself or at the same target twice. Efforts are
// 1.0–2.9 inside a community and 2.0–4.9 across. Same seed, same bytes, on every platform.
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import BenchSupport
import RoleGraphAlgorithms
import RoleGraphKit

struct Network {
    var name: String
    var ids: [String]
    var community: [Int]
    var from: [Int32] = []
    var to: [Int32] = []
    var effortTenths: [Int32] = []
}

func parseSize(_ s: String) -> Int {
    let lower = s.lowercased()
    if lower.hasSuffix("m") { return Int(lower.dropLast())! * 1_000_000 }
    if lower.hasSuffix("k") { return Int(lower.dropLast())! * 1_000 }
    return Int(lower)!
}

func makeNetwork(roles n: Int, name: String, seed: UInt64) -> Network {
    var random = SplitMix64(seed: seed ^ UInt64(n))
    let communityCount = max(4, Int((Double(n).squareRoot() / 1.5).rounded(.up)))
    // Ids: a random permutation, so the order of first appearance says nothing about communities.
    var labels = Array(0..<n)
    for i in stride(from: n - 1, to: 0, by: -1) { labels.swapAt(i, random.below(i + 1)) }
    let width = String(n - 1).count
    let ids = labels.map { label -> String in
        let digits = String(label)
        return "role-" + String(repeating: "0", count: width - digits.count) + digits
    }
    let community = (0..<n).map { _ in random.below(communityCount) }
    let cap = Double(max(10, n / 20))
    let weight = (0..<n).map { _ in min(cap, pow15(1 - random.unit())) }
    let meanWeight = weight.reduce(0, +) / Double(n)

    // Cumulative weights, overall and per community (members listed by community).
    var members = [[Int32]](repeating: [], count: communityCount)
    for i in 0..<n { members[community[i]].append(Int32(i)) }
    let memberCumulative = members.map { list -> [Double] in
        var sum = 0.0
        return list.map { sum += weight[Int($0)]; return sum }
    }
    var allCumulative = [Double](repeating: 0, count: n)
    var sum = 0.0
    for i in 0..<n { sum += weight[i]; allCumulative[i] = sum }

    func pick(_ cumulative: [Double], _ u: Double) -> Int {
        let x = u * cumulative[cumulative.count - 1]
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] <= x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    var network = Network(name: name, ids: ids, community: community)
    network.from.reserveCapacity(n * 11)
    network.to.reserveCapacity(n * 11)
    network.effortTenths.reserveCapacity(n * 11)
    var stamp = [Int32](repeating: -1, count: n)
    let maxDegree = min(n - 1, max(100, n / 50))
    for i in 0..<n {
        let c = community[i]
        let ownSize = members[c].count
        let degree = min(maxDegree, max(1, Int((10 * weight[i] / meanWeight).rounded())))
        stamp[i] = Int32(i)
        var made = 0
        var attempts = 0
        while made < degree && attempts < degree * 20 {
            attempts += 1
            let inside = ownSize > 1 && random.unit() < 0.85
            let target = inside
                ? Int(members[c][pick(memberCumulative[c], random.unit())])
                : pick(allCumulative, random.unit())
            if stamp[target] == Int32(i) { continue }
            stamp[target] = Int32(i)
            network.from.append(Int32(i))
            network.to.append(Int32(target))
            let tenths = community[target] == c ? 10 + random.below(20) : 20 + random.below(30)
            network.effortTenths.append(Int32(tenths))
            made += 1
        }
    }
    return network
}

/// (1 − u)^(−1/1.5): Pareto with α = 2.5 and minimum 1.
func pow15(_ x: Double) -> Double { 1 / cbrtSquared(x) }
func cbrtSquared(_ x: Double) -> Double {
    // x^(2/3), by Newton on the cube root (no Foundation needed).
    var r = x
    if x <= 0 { return 1e-12 }
    r = x > 1 ? x / 3 : 1
    for _ in 0..<60 { r = (2 * r + x / (r * r)) / 3 }
    return r * r
}

func writeEffort(_ w: ByteWriter, _ tenths: Int32) {
    w.write(Int(tenths / 10))
    w.byte(UInt8(ascii: "."))
    w.write(Int(tenths % 10))
}

func write(_ net: Network, to dir: String, dot: Bool, pairs pairCount: Int, seed: UInt64) {
    let base = dir + "/" + net.name
    do {
        let w = ByteWriter(path: base + ".csv")
        w.write("from,to,effort\n")
        for e in 0..<net.from.count {
            w.write(net.ids[Int(net.from[e])]); w.byte(UInt8(ascii: ","))
            w.write(net.ids[Int(net.to[e])]); w.byte(UInt8(ascii: ","))
            writeEffort(w, net.effortTenths[e]); w.byte(0x0A)
        }
    }
    do {
        let w = ByteWriter(path: base + ".communities.csv")
        w.write("role,community\n")
        for i in 0..<net.ids.count {
            w.write(net.ids[i]); w.byte(UInt8(ascii: ",")); w.write(net.community[i]); w.byte(0x0A)
        }
    }
    do {
        var hasOut = [Bool](repeating: false, count: net.ids.count)
        var hasIn = hasOut
        for e in 0..<net.from.count { hasOut[Int(net.from[e])] = true; hasIn[Int(net.to[e])] = true }
        var random = SplitMix64(seed: seed &+ 0xA5A5)
        let w = ByteWriter(path: base + ".pairs.csv")
        w.write("from,to\n")
        var made = 0
        while made < pairCount {
            let a = random.below(net.ids.count), b = random.below(net.ids.count)
            guard a != b, hasOut[a], hasIn[b] else { continue }
            w.write(net.ids[a]); w.byte(UInt8(ascii: ",")); w.write(net.ids[b]); w.byte(0x0A)
            made += 1
        }
    }
    if dot {
        let w = ByteWriter(path: base + ".dot")
        w.write("digraph \"\(net.name)\" {\n")
        for i in 0..<net.ids.count {
            w.write("  \"\(net.ids[i])\" [community=\(net.community[i])];\n")
        }
        for e in 0..<net.from.count {
            w.write("  \"\(net.ids[Int(net.from[e])])\" -> \"\(net.ids[Int(net.to[e])])\" [len=")
            writeEffort(w, net.effortTenths[e])
            w.write("];\n")
        }
        w.write("}\n")
    }
}

/// Loads the written CSV back through RoleGraph and checks it holds exactly the generated edges.
func check(_ net: Network, in dir: String) -> Bool {
    let path = dir + "/" + net.name + ".csv"
    do {
        let graph = try RoleGraph.load(contentsOf: path)
        guard graph.relations.count == net.from.count else {
            print("check: \(path): \(graph.relations.count) relations, expected \(net.from.count)")
            return false
        }
        for (e, r) in graph.relations.enumerated() {
            let ok = r.kind == .transition && r.from.rawValue == net.ids[Int(net.from[e])]
                && r.to.rawValue == net.ids[Int(net.to[e])] && r.effort == Double(net.effortTenths[e]) / 10
            if !ok {
                print("check: \(path): relation \(e) is \(r), expected \(net.ids[Int(net.from[e])]) → \(net.ids[Int(net.to[e])])")
                return false
            }
        }
        return true
    } catch {
        print("check: \(error)")
        return false
    }
}

var sizes = ["1k", "10k", "100k"]
var out = "data"
var seed: UInt64 = 20240601
var doCheck = false
var args = CommandLine.arguments.dropFirst().makeIterator()
while let arg = args.next() {
    switch arg {
    case "--sizes": sizes = args.next()!.split(separator: ",").map(String.init)
    case "--out": out = args.next()!
    case "--seed": seed = UInt64(args.next()!)!
    case "--check": doCheck = true
    default:
        print("usage: generate [--sizes 1k,10k,100k,1m] [--out DIR] [--seed N] [--check]")
        exit(2)
    }
}
mkdir(out, 0o755)
var failed = false
for size in sizes {
    let n = parseSize(size)
    let start = now()
    let net = makeNetwork(roles: n, name: "transitions-\(size.lowercased())", seed: seed)
    write(net, to: out, dot: n <= 1_000, pairs: 20, seed: seed)
    print("generate: \(out)/\(net.name).csv: \(n) roles, \(net.from.count) transitions (\(String(Int((now() - start) * 1000))) ms)")
    if doCheck {
        if check(net, in: out) { print("generate: \(net.name).csv round-trips through RoleGraph.load") } else { failed = true }
    }
}
exit(failed ? 1 : 0)
