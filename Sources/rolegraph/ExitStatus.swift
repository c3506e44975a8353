import ArgumentParser
import Foundation
import RoleGraphKit

/// The documented exit statuses. Each kind of failure has its own, so scripts can tell them apart.
enum ExitStatus: Int32, CaseIterable {
    case success = 0
    /// An unexpected failure (a bug): please report it.
    case failure = 1
    /// Bad usage: an unknown option, a missing argument, an invalid value.
    case usage = 64
    /// The graph file is not valid (syntax, schema or references), or a snapshot image is
    /// truncated, corrupt, from a newer version, or stale.
    case invalidGraph = 65
    /// An input file is missing, cannot be read, or is larger than `--max-input-size`.
    case inputMissing = 66
    /// A role or skill named on the command line does not exist, or is ambiguous.
    case notFound = 67
    /// There is no path between the two roles under the given constraints.
    case noPath = 68
    /// Graphviz could not lay out or render the diagram.
    case renderFailed = 69
    /// An output file could not be written.
    case cannotWrite = 73
    /// Interrupted by Ctrl-C (SIGINT; SIGTERM gives 143) while writing: no output file was left
    /// (see `Interrupt.swift`).
    case interrupted = 130

    var summary: String {
        switch self {
        case .success: return "success"
        case .failure: return "unexpected failure (a bug: please report it)"
        case .usage: return "bad usage: unknown option, missing argument, invalid value"
        case .invalidGraph: return "the graph file is invalid (each problem printed as file:line:column), or a snapshot image is corrupt or stale"
        case .inputMissing: return "an input file is missing, unreadable or over --max-input-size"
        case .notFound: return "a role or skill is unknown or ambiguous"
        case .noPath: return "no path between the roles under the given constraints"
        case .renderFailed: return "Graphviz could not lay out or render the diagram"
        case .cannotWrite: return "an output file could not be written"
        case .interrupted: return "interrupted by Ctrl-C (143: SIGTERM); no output file left behind"
        }
    }

    /// The table in the root command's help. Built on every start (ArgumentParser reads the
    /// configuration before parsing), so it uses plain string operations: Foundation's `padding`
    /// and interpolating an `Int32` go through runtime type lookups that every start would pay.
    static var documentation: String {
        var text = "Exit status:"
        for status in allCases {
            let code = String(status.rawValue)
            text += "\n  " + code + String(repeating: " ", count: max(1, 4 - code.count)) + status.summary
        }
        return text
    }
}

/// Errors the command-line layer itself raises.
enum CLIError: Error, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)
    case refusesTerminal(format: String)
    case invalidGraphs(count: Int)
    case missingInputs(count: Int)
    /// A value that parsed but makes no sense (`--relations friendship`).
    case invalidValue(String)
    /// A command line that breaks a convention ArgumentParser does not check (an unknown
    /// command, an option given twice); printed with the help to read, as ArgumentParser's own
    /// usage errors are.
    case usage(String, command: String?)

    var description: String {
        switch self {
        case .cannotWrite(let path, let reason): return "\(path): cannot write: \(reason)"
        case .refusesTerminal(let format):
            return "refusing to write \(format) to a terminal; use -o FILE or redirect the output"
        case .invalidGraphs(let count): return "\(count) graph file\(count == 1 ? " is" : "s are") invalid"
        case .missingInputs(let count): return "\(count) input file\(count == 1 ? " is" : "s are") missing or unreadable"
        case .invalidValue(let message): return message
        case .usage(let message, let command):
            return "\(message) (see 'rolegraph \(command.map { "\($0) " } ?? "")--help')"
        }
    }
}

/// Turns any error into `rolegraph: error: …` lines on standard error and an exit status. The
/// only place errors are formatted.
enum ErrorReporter {
    /// - Parameter subcommand: the command the line names, for the help an error points to when
    ///   ArgumentParser reports it from the root (a bad `--graph-format` after `roles` is parsed by
    ///   the root, which takes the global options from anywhere on the line).
    static func report(_ error: any Error, command: any ParsableCommand.Type, subcommand: String? = nil) -> ExitStatus {
        switch error {
        case let error as GraphLoadError:
            switch error {
            case .invalid(let diagnostics):
                for diagnostic in diagnostics { printError(diagnostic.description) }
                return .invalidGraph
            case .fileNotFound, .unreadable:
                printError(error.description)
                return .inputMissing
            case .tooLarge:
                printError(error.description + " (raise it with --max-input-size)")
                return .inputMissing
            }
        case let error as LookupError:
            printError(error.description)
            return .notFound
        case let error as RouteError:
            printError(error.description)
            switch error {
            case .noPath, .noRoute, .viaSearchLimitReached: return .noPath
            case .endpointAvoided, .invalidArgument: return .usage
            }
        case let error as CLIError:
            printError(error.description)
            switch error {
            case .cannotWrite: return .cannotWrite
            case .refusesTerminal, .invalidValue, .usage: return .usage
            case .invalidGraphs: return .invalidGraph
            case .missingInputs: return .inputMissing
            }
        case let error as GraphvizError:
            printError(error.description)
            return .renderFailed
        case let error as ReportedError:
            return error.status
        default:
            return reportArgumentParserError(error, command: command, subcommand: subcommand)
        }
    }

    /// ArgumentParser's own errors: help and version go to standard output with status 0; usage
    /// errors become one error line plus the usage line.
    private static func reportArgumentParserError(
        _ error: any Error, command: any ParsableCommand.Type, subcommand: String?
    ) -> ExitStatus {
        let code = command.exitCode(for: error)
        let message = command.fullMessage(for: error)
        if code == .success {
            if !message.isEmpty { try? emit(message) }
            return .success
        }
        let lines = message.split(separator: "\n", omittingEmptySubsequences: true)
            .map { String($0.drop { $0 == " " }) }
        var first = lines.first ?? "\(error)"
        // "Please provide one of the following:" is followed by "- value" lines: fold them in.
        let choices = lines.dropFirst().prefix { $0.hasPrefix("- ") }.map { String($0.dropFirst(2)) }
        if !choices.isEmpty {
            if first.hasSuffix(" the following:") { first.removeLast(" the following:".count) }
            first += ": " + choices.joined(separator: ", ")
        }
        if first.hasPrefix("Error: ") { first.removeFirst("Error: ".count) }
        if let firstCharacter = first.first, firstCharacter.isUppercase, !first.hasPrefix("'") {
            first = firstCharacter.lowercased() + first.dropFirst()
        }
        // One line: the problem, and which help to read ("Usage: rolegraph path <from> …" names
        // the command).
        let command = lines.first { $0.hasPrefix("Usage: ") }
            .map { $0.dropFirst("Usage: ".count).split(separator: " ").prefix { !$0.hasPrefix("<") && !$0.hasPrefix("[") } }
            .map { $0.joined(separator: " ") }
            .map { $0 == "rolegraph" && subcommand != nil ? "rolegraph \(subcommand!)" : $0 } ?? "rolegraph"
        printError("\(first) (see '\(command) --help')")
        return code == .validationFailure ? .usage : (code.rawValue == 64 ? .usage : .failure)
    }

    static func printNote(_ message: String) {
        StandardStreams.writeError("rolegraph: \(oneLine(message))\n")
    }

    static func printWarning(_ message: String) {
        StandardStreams.writeError("rolegraph: warning: \(oneLine(message))\n")
    }

    static func printError(_ message: String) {
        StandardStreams.writeError("rolegraph: error: \(oneLine(message))\n")
    }

    /// The message on one line, control characters (line breaks included) made visible, so a
    /// name holding a line break or an escape sequence can neither split the line nor drive the
    /// terminal.
    static func oneLine(_ message: String) -> String {
        Output.visibleControlCharacters(message, keepingLineBreaks: false)
    }
}

/// An error whose lines were already printed; carries only the exit status.
struct ReportedError: Error {
    var status: ExitStatus
}
