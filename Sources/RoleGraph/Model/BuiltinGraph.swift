/// The article's graph, embedded in the binary.
public enum BuiltinGraph {
    /// The YAML text of `Graphs/data-careers.yaml` as it was when the library was built.
    public static var yaml: String { String(decoding: PackageResources.data_careers_yaml, as: UTF8.self) }
}
