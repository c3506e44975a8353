/// The article's graph, built into the binary.
///
/// The graph itself is compiled in (`BuiltinGraph+Generated.swift`, written from
/// `Graphs/data-careers.yaml` by the tests), so a command on it starts without parsing YAML,
/// which would otherwise be a large share of a short command's work. The YAML text is embedded
/// too, for anyone who wants the file the graph came from.
enum BuiltinGraph {
    /// The YAML text of `Graphs/data-careers.yaml` as it was when the library was built.
    static var yaml: String { String(decoding: PackageResources.data_careers_yaml, as: UTF8.self) }
}
