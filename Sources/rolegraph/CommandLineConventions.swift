import ArgumentParser
import RoleGraphKit

/// The command-line conventions ArgumentParser does not enforce, checked in one place before it
/// parses (``RoleGraphCommand/main()``):
///
/// - **An unknown command** is a usage error that suggests the nearest one
///   (`rolegraph patj` → `unknown command 'patj' (did you mean 'path'?)`), and so is
///   `rolegraph help bogus` (ArgumentParser prints the root help and succeeds).
/// - **An option given twice** is refused unless it repeats (`--avoid`, `--have`, `--area`, `--graph`
///   collect every value). ArgumentParser keeps the last value of a single-valued option, so
///   `--via a --via b` would silently mean `--via b`. Another name of the same option counts
///   (`-n 2 --top 3`, `--k 2 --top 3`).
/// - **A command's option before the command name** (`rolegraph --format json roles`) gets a
///   message that says where it goes; only the global options (``GraphOptions``) may stand there.
///
/// Global options before or after the command name need nothing here: ArgumentParser parses the
/// root's ``GraphOptions`` over the whole line (see ``GraphOptions``).
///
/// The check reads only the shape of the line: it need not know which options take values,
/// because a value that looks like an option name is refused by ArgumentParser anyway, and the
/// dashed values it accepts are numbers (`--top -5`), which are not names. What it needs to know about the options — which repeat,
/// which short names and old names stand for which long ones, which global options take a
/// value — is in the tables below, and `CommandLineConventionTests` checks the tables against
/// the options the commands really declare (ArgumentParser's `--experimental-dump-help`).
struct CommandLineConventions {
    /// The options that may be given more than once, each time adding values.
    static let repeatable: Set<String> = ["--avoid", "--have", "--area", "--graph"]

    /// Other names of options, by the long name they stand for: short names, and old names
    /// that still work (`--k`, see ``TopOption``).
    static let aliases: [String: String] = ["-n": "--top", "--k": "--top", "-o": "--output", "-T": "--to", "-h": "--help"]

    /// Built-in flags that may appear anywhere and are never "given twice".
    static let builtIn: Set<String> = ["--help", "--version", "--experimental-dump-help", "--generate-completion-script"]

    let arguments: [String]
    /// The position of the command name (`path`, `help`, …), if the line has one.
    let commandIndex: Int?

    init(_ arguments: [String]) {
        self.arguments = arguments
        commandIndex = Self.findCommand(in: arguments)
    }

    /// The command the line runs (`path`), if it names a known one.
    var command: String? {
        guard let commandIndex, Self.commandNames.contains(arguments[commandIndex]) else { return nil }
        return arguments[commandIndex]
    }

    /// The subcommands' names.
    static let commandNames: [String] = RoleGraphCommand.configuration.subcommands.map { $0._commandName }

    /// Throws ``CLIError/usage(_:command:)`` for the first convention the line breaks.
    func check() throws {
        // ArgumentParser's own protocols: completion requests and generated scripts.
        if arguments.first == "---completion" { return }
        if options.contains(where: { Self.builtIn.contains($0.name) && $0.name != "--help" && $0.name != "--version" }) { return }
        if let commandIndex {
            let word = arguments[commandIndex]
            if word == "help" {
                try checkHelpTopic(after: commandIndex)
                return
            }
            guard Self.commandNames.contains(word) else { throw Self.unknownCommand(word) }
            if let misplaced = options.first(where: { $0.position < commandIndex && !Self.isGlobal($0.name) }) {
                // A near miss of a global option is a typo, not an option in the wrong place.
                if let nearest = Self.nearest(to: misplaced.name, in: Array(GraphOptions.namesTakingValues)) {
                    throw CLIError.usage("unknown option '\(misplaced.name)' (did you mean '\(nearest)'?)", command: word)
                }
                throw CLIError.usage("\(misplaced.spelling) is an option of the command and goes after its name: "
                                     + "'rolegraph \(word) \(misplaced.spelling) …'; only the global options (\((GraphOptions.namesTakingValues + GraphOptions.flagNames).joined(separator: ", "))) may come before it",
                                     command: word)
            }
        }
        try checkRepeats()
    }

    /// `help` takes at most one command name, which must exist.
    private func checkHelpTopic(after index: Int) throws {
        let topics = arguments[(index + 1)...].prefix { $0 != "--" }.filter { !$0.hasPrefix("-") }
        guard let topic = topics.first else { return }
        guard Self.commandNames.contains(topic) else { throw Self.unknownCommand(topic) }
        if topics.count > 1 {
            throw CLIError.usage("help takes one command name, found \(topics.map { "'\($0)'" }.joined(separator: ", "))", command: nil)
        }
    }

    private static func unknownCommand(_ word: String) -> CLIError {
        if let nearest = nearest(to: word, in: commandNames) {
            return .usage("unknown command '\(word)' (did you mean '\(nearest)'?)", command: nil)
        }
        return .usage("unknown command '\(word)'; the commands are \(commandNames.joined(separator: ", "))", command: nil)
    }

    private func checkRepeats() throws {
        var seen: [String: [String]] = [:]
        var order: [String] = []
        for option in options where !Self.builtIn.contains(option.name) && !Self.repeatable.contains(option.name) {
            if seen[option.name] == nil { order.append(option.name) }
            seen[option.name, default: []].append(option.spelling)
        }
        for name in order {
            guard let spellings = seen[name], spellings.count > 1 else { continue }
            let how = Set(spellings).count > 1 ? " (as \(spellings.joined(separator: ", ")))" : ""
            let why = name == "--via"
                ? "; a path can pass through one --via role only, so give it once"
                : "; give it once"
            throw CLIError.usage("\(name) is given \(spellings.count) times\(how)\(why)", command: command)
        }
    }

    // MARK: Reading the line

    /// An option as written: its canonical long name, how it was spelt, and where.
    struct Occurrence: Equatable {
        var name: String
        var spelling: String
        var position: Int
    }

    /// Every option name on the line before `--`, with short names and old names mapped to
    /// their long names (`-n` → `--top`); a short-flag cluster (`-hn`) counts each letter.
    /// Negative numbers (`-5`) and `-` (standard input) are values, not options.
    var options: [Occurrence] {
        var result: [Occurrence] = []
        for (position, token) in arguments.enumerated() {
            if token == "--" { break }
            if position == 0 && token == "---completion" { break }
            guard token.count > 1, token.hasPrefix("-") else { continue }
            if token.hasPrefix("--") {
                let name = String(token.prefix { $0 != "=" })
                result.append(Occurrence(name: Self.aliases[name] ?? name, spelling: name, position: position))
                continue
            }
            // A short name, or several flags in one word (`-hn 3`); after a short option that
            // takes a value the rest of the word is that value (`-n3`, `-Tsvg`).
            for letter in token.dropFirst() {
                let spelling = "-\(letter)"
                guard let name = Self.aliases[spelling] else { break }
                result.append(Occurrence(name: name, spelling: spelling, position: position))
                if name != "--help" { break }
            }
        }
        return result
    }

    private static func isGlobal(_ name: String) -> Bool {
        GraphOptions.namesTakingValues.contains(name) || GraphOptions.flagNames.contains(name) || builtIn.contains(name)
    }

    /// The position of the first word that is not an option or the value of a global option:
    /// the command name, or `nil` when there is none (or an option of unknown shape comes first,
    /// whose value could be mistaken for it; ArgumentParser then reports that option).
    private static func findCommand(in arguments: [String]) -> Int? {
        var index = 0
        while index < arguments.count {
            let token = arguments[index]
            if token == "--" { return nil }
            if token.hasPrefix("-") && token.count > 1 {
                let name = String(token.prefix { $0 != "=" })
                if GraphOptions.namesTakingValues.contains(name) {
                    index += token.contains("=") ? 1 : 2
                } else if builtIn.contains(aliases[name] ?? name) {
                    index += 1
                } else {
                    // A command's option before the command name: the command is the first
                    // later word that names one, if any.
                    return arguments[(index + 1)...].firstIndex { commandNames.contains($0) || $0 == "help" }
                }
                continue
            }
            return index
        }
        return nil
    }

    // MARK: Suggestions

    /// The command or option nearest to a mistyped word, by the library's one "did you mean"
    /// rule (`Suggestions`): at most 2 edits away, or a third of its length for longer words;
    /// ties go to the earlier candidate.
    static func nearest(to word: String, in candidates: [String]) -> String? {
        Suggestions.nearest(to: word, in: candidates)
    }
}
