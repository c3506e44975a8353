import ArgumentParser

/// `--top N` (`-n N`): how many results, the one name every command uses for it.
///
/// `path` and `plan` called it `--k`. That name still works there, hidden from the help and with
/// a warning, so existing scripts keep running while they move to `--top`; it is the same option
/// (`--k 2 --top 3` is an option given twice, see ``CommandLineConventions``).
enum TopOption {
    /// The count to use: `--top`'s, or the old name's when that was given; at least 1.
    static func resolve(_ top: Int, oldName: Int?) throws -> Int {
        let count = oldName ?? top
        guard count >= 1 else { throw ValidationError("--top must be at least 1, found \(count)") }
        return count
    }

    /// Warns on standard error when the old name was used.
    static func warnIfOldName(_ oldName: Int?) {
        if oldName != nil { ErrorReporter.printWarning("--k is an old name; use --top (or -n)") }
    }
}
