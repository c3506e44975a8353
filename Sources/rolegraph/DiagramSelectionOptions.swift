import ArgumentParser
import RoleGraphKit

extension DiagramSelection.Ranking: ExpressibleByArgument {}

/// `export`'s options that pick the part of the graph to draw: a role's neighbourhood, the most
/// connected or central roles, and on graphs with observed moves the frequent ones. (`path` and
/// `clusters` pick their own part: the path's surroundings, or one node per cluster.)
struct DiagramSelectionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Draw only this role and the roles within --depth relations of it.", valueName: "role"))
    var around: String?

    @Option(help: ArgumentHelp("With --around: how many relations away to go (default: 1).", valueName: "n"))
    var depth: Int?

    @Option(name: [.customLong("top"), .customShort("n", allowingJoined: true)],
            help: ArgumentHelp("Draw only the n roles ranked highest by --rank-by, and the relations among them.", valueName: "n"))
    var top: Int?

    @Option(name: .customLong("rank-by"), help: ArgumentHelp("With --top: degree (relations) or betweenness (default: degree).", valueName: "measure"))
    var rankBy: DiagramSelection.Ranking?

    @Option(name: .customLong("min-count"), help: ArgumentHelp("Draw only transitions observed at least this many times (graphs with counts).", valueName: "count"))
    var minCount: Double?

    @Option(name: .customLong("min-share"), help: ArgumentHelp("Draw only transitions carrying at least this share (0-1) of their role's observed moves (graphs with counts).", valueName: "share"))
    var minShare: Double?

    /// The options given, by name, for the formats that draw no diagram.
    var givenOptions: [String] {
        var names: [String] = []
        if around != nil { names.append("--around") }
        if depth != nil { names.append("--depth") }
        if top != nil { names.append("--top") }
        if rankBy != nil { names.append("--rank-by") }
        if minCount != nil { names.append("--min-count") }
        if minShare != nil { names.append("--min-share") }
        return names
    }

    func validate() throws {
        if around != nil && top != nil { throw ValidationError("--around and --top pick different parts of the graph; give one") }
        if depth != nil && around == nil { throw ValidationError("--depth goes with --around ROLE") }
        if rankBy != nil && top == nil { throw ValidationError("--rank-by goes with --top N") }
        if let depth, depth < 0 { throw ValidationError("--depth must be 0 or more, not \(depth)") }
        if let top, top < 1 { throw ValidationError("--top must be at least 1, not \(top)") }
        if let minCount, !(minCount >= 0) { throw ValidationError("--min-count must be 0 or more") }
        if let minShare, !(minShare >= 0 && minShare <= 1) { throw ValidationError("--min-share must be between 0 and 1") }
    }

    /// The part of `graph` to draw with relation kinds `kinds`, and a note of what was left out
    /// (nil when nothing was).
    func select(in graph: RoleGraph, kinds: Set<RelationKind>) throws -> (graph: RoleGraph, note: String?) {
        var selection = DiagramSelection(kinds: kinds, minCount: minCount, minShare: minShare)
        var why: [String] = []
        if let around {
            let id = try graph.roleID(around)
            let depth = depth ?? 1
            selection.focus = .around(id, depth: depth)
            why.append("those within \(depth) relation\(depth == 1 ? "" : "s") of \(graph.displayName(id))")
        } else if let top {
            let ranking = rankBy ?? .degree
            selection.focus = .top(top, rankBy: ranking)
            why.append("the \(top) with the highest \(ranking.rawValue)")
        }
        if let minCount { why.append("transitions seen at least \(Output.number(minCount)) times") }
        if let minShare { why.append("transitions with at least \(Output.number(minShare * 100))% of their role's moves") }
        guard selection.focus != .whole || minCount != nil || minShare != nil else { return (graph, nil) }
        let selected: SelectedGraph
        do { selected = try graph.selecting(selection) } catch {
            switch error {
            case .noCounts(let option):
                throw CLIError.invalidValue("\(option) needs observed moves, and this graph's transitions have no count")
            case .unknownRole(let id): throw CLIError.invalidValue("no role \(id.rawValue)")
            case .invalidValue(let message): throw CLIError.invalidValue(message)
            }
        }
        if selected.graph.roles.isEmpty { throw CLIError.invalidValue("nothing left to draw: no role passes \(why.joined(separator: " and "))") }
        guard !why.isEmpty else { return (selected.graph, nil) }
        return (selected.graph, DiagramNote.drew(selected, why: why.joined(separator: "; ")))
    }
}

/// The note on standard error when a diagram leaves part of the graph out.
enum DiagramNote {
    /// "drew 37 of 5,000 roles and 52 of 28,540 relations (those within 1 relation of X)".
    static func drew(_ selected: SelectedGraph, why: String) -> String {
        "drew \(grouped(selected.graph.roles.count)) of \(grouped(selected.totalRoles)) roles and "
            + "\(grouped(selected.graph.relations.count)) of \(grouped(selected.totalRelations)) relations (\(why))"
    }

    /// `n` with thousands separated by commas: 5,000.
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return n < 0 ? "-" + result : result
    }
}
