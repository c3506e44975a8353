import Foundation
import RoleGraphKit

extension Export {
    /// The output format: `--to`, else the one the `-o` file's extension names, else DOT on
    /// standard output. An extension that names another format than `--to`, or (without `--to`)
    /// no format at all, is a usage error: a `.svg` file must hold SVG, and `-o b.txt` must not
    /// silently hold DOT.
    static func format(given: ExportFormat?, output: String?) throws -> ExportFormat {
        guard let output, output != "-" else { return given ?? .dot }
        let implied = ExportFormat(path: output)
        let name = output.split(separator: "/").last.map(String.init) ?? output
        let hasExtension = name.dropFirst().contains(".")
        switch (given, implied) {
        case (let given?, let implied?):
            guard given == implied || Self.extensionFits(given, implied) else {
                throw CLIError.usage("-o \(output) names a .\(Self.fileExtension(of: name)) file, which is \(implied.rawValue), "
                                     + "but --to says \(given.rawValue); rename the file or change --to", command: "export")
            }
            return given
        case (let given?, nil):
            // An extension that names no format (`roles.out`) cannot disagree: --to decides.
            return given
        case (nil, let implied?):
            return implied
        case (nil, nil):
            // A device or pipe (`/dev/null`, `/dev/stdout`) has no extension to disagree with.
            var info = stat()
            if !hasExtension && stat(output, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG { return .dot }
            let known = ExportFormat.knownExtensions.map { "." + $0 }.joined(separator: ", ")
            let what = hasExtension ? "the extension .\(Self.fileExtension(of: name)) names no format" : "the file name has no extension"
            throw CLIError.usage("-o \(output): \(what); use one of \(known), or say the format with --to", command: "export")
        }
    }

    /// Formats written to files of another format's extension: Graphviz's positioned DOT is DOT,
    /// and its JSON is JSON.
    private static func extensionFits(_ given: ExportFormat, _ implied: ExportFormat) -> Bool {
        (given == .positionedDot && implied == .dot) || (given == .graphvizJSON && implied == .json)
    }

    private static func fileExtension(of name: String) -> String {
        name.split(separator: ".").last.map(String.init) ?? ""
    }
}
