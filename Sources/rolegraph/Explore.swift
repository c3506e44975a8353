import ArgumentParser
import Foundation
import RoleGraphKit

/// `rolegraph explore`: the interactive explorer, one self-contained HTML page.
struct Explore: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "Write an interactive explorer: one self-contained HTML page (works offline, no network).",
        discussion: """
            The page holds the diagram Graphviz rendered (the same options pick what to draw as \
            for export), the graph's data and its own script: click a role for its card, search \
            with /, light up the cheapest path between two roles (the same answers as rolegraph \
            path), tick the skills you have to see the closest roles (the ranking of rolegraph \
            plan). Without -o the page goes to standard output.
            """)

    @OptionGroup var graphOptions: GraphOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the page to this file (e.g. roles.html) instead of standard output.",
                                                    valueName: "file"), completion: .file(extensions: ["html"]))
    var output: String?

    @Option(help: ArgumentHelp("The page's title (default: the graph's name).", valueName: "text"))
    var title: String?

    @OptionGroup var diagram: DiagramOptions

    @OptionGroup(title: "What to draw") var selection: DiagramSelectionOptions

    func run() throws {
        // The page is HTML: a file named for another format (`roles.svg`) must not hold it.
        if let output, output != "-" {
            let name = output.split(separator: "/").last.map(String.init) ?? output
            if let dot = name.dropFirst().lastIndex(of: "."),
               !["html", "htm"].contains(name[name.index(after: dot)...].lowercased()) {
                throw CLIError.usage("-o \(output): explore writes an HTML page; name it .html", command: "explore")
            }
        }
        let graph = try graphOptions.load()
        let options = try diagram.dotOptions(for: graph)
        let (drawn, note) = try selection.select(in: graph, kinds: options.relations)
        if let note { ErrorReporter.printNote(note) }
        let svg = try diagram.renderBytes(drawn, format: .svg, options: options)
        let page = ExplorerPage(title: title).html(for: graph, svg: svg)
        try OutputFile.write(Array(page.utf8), to: output, binary: false, formatName: "html")
    }
}
