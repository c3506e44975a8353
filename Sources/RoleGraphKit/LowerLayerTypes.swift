import RoleGraphAlgorithms
import RoleGraphGraphviz

// The few types of the lower layers that appear in this module's public API, named here so that a
// client needs `import RoleGraphKit` alone. Everything else in those layers stays behind this one.

/// A Graphviz layout engine: `dot`, `neato`, `fdp`, `sfdp`, `circo`, `twopi` or `osage`.
public typealias GraphvizLayout = RoleGraphGraphviz.GraphvizLayout

/// An output format Graphviz renders to (`svg`, `png`, `pdf`, …).
public typealias GraphvizFormat = RoleGraphGraphviz.GraphvizFormat

/// Why Graphviz could not parse, lay out or render a graph.
public typealias GraphvizError = RoleGraphGraphviz.GraphvizError

/// The seedable random number generator that every randomised algorithm can be given, so that the
/// same seed gives the same result on every run and machine.
public typealias SplitMix64 = RoleGraphAlgorithms.SplitMix64
