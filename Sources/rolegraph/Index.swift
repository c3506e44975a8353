import ArgumentParser
import RoleGraphKit

struct Index: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Write a snapshot image (.rgx) of an edge list, which --graph then maps without parsing.",
        discussion: """
            Reads FILE (a CSV/TSV edge list, with --columns and --strict as for --graph) and writes \
            a binary, versioned, checksummed image of the loaded graph to -o, atomically. \
            'rolegraph path A B --graph FILE.rgx' then answers as from FILE, without reading its \
            text. The image records FILE's size and modification time: when FILE has changed \
            since, loading the image is an error (exit 65) until it is indexed again; when FILE \
            is gone, the image is used as it is. A truncated or corrupt image, or one from a newer \
            rolegraph, is an error (exit 65). A load reads every byte of an image to check it; \
            on a local disk (ext4, XFS, Btrfs...), once the image has been left unchanged for a \
            minute, a load that checked it records the file (device, inode, size and times) under \
            $XDG_CACHE_HOME/rolegraph/verified (~/.cache when unset), and later loads of the \
            file, unchanged since, skip that pass. A file changed in any way is checked again; \
            'rolegraph validate FILE.rgx' always reads every byte. Only edge-list-shaped graphs (roles named by their \
            ids, no skills or role facts) are indexed: a graph file of format 1 loads quickly \
            from its text. See Guides/Snapshot.md.
            """)

    @Argument(help: "The graph file to index (a CSV/TSV edge list).", completion: .file(extensions: GraphFileFormat.fileExtensions))
    var file: String

    @Option(name: .shortAndLong, help: ArgumentHelp("The image to write (by convention FILE.rgx); - for standard output.", valueName: "file"),
            completion: .file(extensions: ["rgx"]))
    var output: String

    /// `--graph-format`, `--columns`, `--strict` and `--max-input-size` say how FILE is read;
    /// `--graph` is refused (the file to index is the argument).
    @OptionGroup var graphOptions: GraphOptions

    func validate() throws {
        if let graph = graphOptions.graph.first {
            throw ValidationError("index reads the file named as its argument, not --graph: 'rolegraph index \(graph) -o \(graph).rgx'")
        }
    }

    func run() throws {
        Interrupt.install()
        try OutputFile.refuseInputs([file], as: output)
        let image = try RoleGraph.indexSnapshot(of: file, format: graphOptions.graphFormat, options: try graphOptions.loadOptions())
        if let summary = image.load.edgeListSummary, !summary.isEmpty { ErrorReporter.printWarning(summary.message) }
        try OutputFile.write(image.bytes, to: output, binary: true, formatName: "a snapshot image")
    }
}
