import ArgumentParser
import Foundation
import RoleGraphKit

/// Shell completion of the values that come from a graph: role ids, skill ids, area ids, and
/// relation kinds.
///
/// The completion scripts (`rolegraph --generate-completion-script bash|zsh|fish`) call back
/// into the binary (`rolegraph ---completion path -- positional@0 …`, ArgumentParser's
/// protocol) with every word of the command line, and these functions answer. The graph is the
/// one the line names with `--graph FILE` (before or after the command name), else the built-in
/// graph; with `--graph -` (standard input, which a completion cannot read) or a file that does
/// not load, nothing is offered rather than the built-in graph's ids.
///
/// Comma-separated lists (`--have sql,py`) complete their last item, keeping the ones before it.
enum Completions {
    @Sendable static func roles(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        guard let graph = graph(named: words) else { return [] }
        return matching(graph.roles.map(\.id.rawValue), prefix)
    }

    @Sendable static func skills(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        guard let graph = graph(named: words) else { return [] }
        return matchingLast(graph.skills.map(\.id.rawValue), prefix)
    }

    @Sendable static func areas(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        guard let graph = graph(named: words) else { return [] }
        return matching(graph.areas.map(\.id.rawValue), prefix)
    }

    @Sendable static func relationKinds(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        matchingLast(RelationKind.allCases.map(\.rawValue), prefix)
    }

    /// The candidates that start with `prefix`.
    static func matching(_ candidates: [String], _ prefix: String) -> [String] {
        candidates.filter { $0.hasPrefix(prefix) }
    }

    /// For a comma-separated list: the items before the last comma, followed by each candidate
    /// that completes the last item and is not already in the list.
    static func matchingLast(_ candidates: [String], _ prefix: String) -> [String] {
        guard let comma = prefix.lastIndex(of: ",") else { return matching(candidates, prefix) }
        let head = prefix[...comma]
        let given = Set(head.split(separator: ",").map(String.init))
        return matching(candidates, String(prefix[prefix.index(after: comma)...]))
            .filter { !given.contains($0) }
            .map { head + $0 }
    }

    /// The graph named on the completed command line (every `--graph`, as layers), or the
    /// built-in one; `nil` when the named one cannot be read.
    static func graph(named words: [String]) -> RoleGraph? {
        var files: [String] = [], format: GraphFileFormat?
        var index = 0
        while index < words.count {
            let word = words[index]
            if word == "--" { break }
            for name in ["--graph", "--graph-format"] {
                var value: String?
                if word == name, index + 1 < words.count {
                    value = words[index + 1]
                } else if word.hasPrefix(name + "=") {
                    value = String(word.dropFirst(name.count + 1))
                }
                guard let value else { continue }
                if name == "--graph" { files.append(shellWord(value)) } else { format = GraphFileFormat(rawValue: shellWord(value)) }
            }
            index += 1
        }
        files.removeAll { $0.isEmpty }
        if files.isEmpty { return RoleGraph.builtIn }
        if files.contains("-") { return nil }
        return try? RoleGraph.load(layers: files, format: format).graph
    }

    /// A shell word as the command will see it, for the simple cases: quotes removed,
    /// backslash escapes resolved, a leading `~/` expanded. (The shells pass words verbatim.)
    static func shellWord(_ word: String) -> String {
        var result = ""
        var quote: Character?
        var escaped = false
        for character in word {
            if escaped {
                result.append(character)
                escaped = false
            } else if character == "\\" && quote != "'" {
                escaped = true
            } else if let open = quote {
                if character == open { quote = nil } else { result.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
            } else {
                result.append(character)
            }
        }
        if result.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] {
            result = home + result.dropFirst()
        }
        return result
    }
}
