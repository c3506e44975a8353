import ArgumentParser

/// A size limit as given on the command line: bytes, or a number with a binary suffix (`64K`,
/// `10M`, `2G`; `KiB`, `MB` and the like are read the same way, all as powers of 1024).
struct InputSize: ExpressibleByArgument, Equatable {
    /// The limit in bytes, at least 1.
    var bytes: Int

    init?(argument: String) {
        var text = Substring(argument.lowercased())
        if text.hasSuffix("ib") { text = text.dropLast(2) } else if text.hasSuffix("b") { text = text.dropLast() }
        var multiplier = 1
        if let unit = text.last, let power = ["k": 10, "m": 20, "g": 30, "t": 40][unit] {
            multiplier = 1 << power
            text = text.dropLast()
        }
        guard !text.isEmpty, text.allSatisfy(\.isASCII), let number = Int(text), number > 0 else { return nil }
        let (bytes, overflow) = number.multipliedReportingOverflow(by: multiplier)
        guard !overflow else { return nil }
        self.bytes = bytes
    }

    static var defaultValueDescription: String { "1G" }
}
