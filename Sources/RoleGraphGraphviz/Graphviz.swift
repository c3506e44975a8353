// The one file of the library that talks to Graphviz's C libraries (libgvc, libcgraph).
//
// Graphviz keeps process-wide state (the plugin registry, the DOT lexer and parser, the error log,
// layout scratch data) and is not thread-safe, not even with one context per thread. Every call
// into it therefore happens while `graphvizLock` is held, parsing and `agclose` included.
//
// Graphviz 2.42 (Debian 12) quirks this file works around, each found on this installation:
//
// * Its user error callback (`agseterrf`) formats messages into a 1 KiB static buffer and, for
//   longer messages, reuses a consumed `va_list` and forgets the `realloc`ed pointer: a syntax
//   error near a long token crashes the process. Messages are instead kept in Graphviz's own log
//   (`agseterr(AGMAX)`, written with `vfprintf`) and read back with `aglasterr()`. Nothing reaches
//   standard error.
// * `agmemread` gives named objects IDs that are the addresses of their names, and keeps subgraphs
//   ordered by ID: the order of clusters, and so the rendered bytes, changed from one render of the
//   same text to the next. Graphs are read with `CreationOrderIDs` instead.
// * The DOT lexer keeps whatever followed the graph it returned and reads it at the start of the
//   next, unrelated parse (a trailing newline shifts the next error's line number; a second graph
//   makes the next parse fail). `discardUnreadInput()` drains it; it cannot drain what a failed
//   read of that leftover text left buffered, nor leave a string or comment the text ends inside,
//   so each parse then also resets the lexer (`rg_reset_dot_lexer()`).
// * Its lexer does not count line breaks inside quoted strings, so error lines after a multi-line
//   label are too small; `DOTSyntaxError` maps them back to the text's lines.
// * `agerrors()` keeps the highest level ever reported until `agreseterrors()`; each job resets it.

import CGraphviz
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Renders DOT text with Graphviz, in-process, and reads DOT files through Graphviz's own parser.
///
/// Graphviz is a C library with process-wide state and no thread safety, so every entry point
/// here takes one process-wide lock: calls from many threads or tasks are safe and run one at a
/// time. The calls are synchronous and block the calling thread, waiting included; render large
/// graphs away from threads that must stay responsive. Layout is the expensive step and its cost
/// depends on the engine (see ``GraphvizLayout``); a small graph is cheap to render.
///
/// Graphviz's own messages never reach standard error; failures come back as
/// ``GraphvizError`` values carrying Graphviz's explanation.
///
/// ```swift
/// let svg = try Graphviz.render(dot: "digraph { a -> b }", layout: .dot, format: .svg)
/// ```
public enum Graphviz {
    /// Lays out a DOT graph and renders it, returning the bytes of the image or document.
    ///
    /// The whole job (parse, layout, render and every free) runs in this process under the
    /// Graphviz lock, so concurrent callers queue behind one another.
    ///
    /// - Parameters:
    ///   - dot: The graph in the DOT language. Only the first graph in the text is rendered.
    ///   - layout: The layout engine.
    ///   - format: The output format; `svg`, `dot` and `json` are UTF-8 text.
    /// - Returns: The rendered bytes.
    /// - Throws: ``GraphvizError/syntax(file:line:message:)`` when `dot` is not valid DOT,
    ///   ``GraphvizError/layoutUnavailable(_:available:)`` or
    ///   ``GraphvizError/formatUnavailable(_:available:)`` when this installation lacks the
    ///   plugin, ``GraphvizError/noPlugins`` when Graphviz has no plugins registered at all, and
    ///   ``GraphvizError/layoutFailed(_:)`` or ``GraphvizError/renderFailed(_:)`` when Graphviz
    ///   reports an error.
    /// - Complexity: The layout engine's cost, which for `dot` grows much faster than linearly in
    ///   the number of nodes and edges; parsing and rendering are linear in the size of the graph.
    public static func render(
        dot: String, layout: GraphvizLayout, format: GraphvizFormat
    ) throws(GraphvizError) -> [UInt8] {
        try withSession { session throws(GraphvizError) in
            try session.render(dot, layout: layout, format: format)
        }
    }

    /// The layout engines this Graphviz installation provides, in ``GraphvizLayout`` order.
    ///
    /// Ask before offering choices to a user: a trimmed installation may lack some engines.
    ///
    /// - Throws: ``GraphvizError/noPlugins`` when Graphviz has no layout plugins registered,
    ///   which means its plugin registry needs rebuilding (`dot -c`).
    /// - Complexity: O(*n*) in the number of engines; the plugin list is read once per process.
    public static func availableLayouts() throws(GraphvizError) -> [GraphvizLayout] {
        try withSession { session throws(GraphvizError) in
            guard !session.layouts.isEmpty else { throw .noPlugins }
            return GraphvizLayout.allCases.filter { session.layouts.contains($0.rawValue) }
        }
    }

    /// The output formats this Graphviz installation provides, in ``GraphvizFormat`` order.
    ///
    /// `png` and `pdf` need the cairo plugin; ask before offering them.
    ///
    /// - Throws: ``GraphvizError/noPlugins`` when Graphviz has no output plugins registered,
    ///   which means its plugin registry needs rebuilding (`dot -c`).
    /// - Complexity: O(*n*) in the number of formats; the plugin list is read once per process.
    public static func availableFormats() throws(GraphvizError) -> [GraphvizFormat] {
        try withSession { session throws(GraphvizError) in
            guard !session.devices.isEmpty else { throw .noPlugins }
            return GraphvizFormat.allCases.filter { session.devices.contains($0.rawValue) }
        }
    }

    /// Reads DOT text with Graphviz's own parser (libcgraph), so that anything Graphviz accepts
    /// is read exactly as Graphviz reads it: escapes, `strict`, attribute defaults, subgraphs.
    ///
    /// Only the first graph in the text is read. Parsing needs no layout plugins.
    ///
    /// - Parameters:
    ///   - dot: The DOT text.
    ///   - file: A name for the text, used only in error messages (`roles.gv:3: …`).
    /// - Returns: The graph's names, attributes and structure, in file order.
    /// - Throws: ``GraphvizError/syntax(file:line:message:)`` with the line of the offending token.
    /// - Complexity: O(*n* + *e* log *e* + *a*), for *n* nodes, *e* edges and *a* attribute values.
    public static func parse(dot: String, file: String? = nil) throws(GraphvizError) -> DOTDocument {
        try withSession { session throws(GraphvizError) in
            try session.withGraph(dot, file: file) { graph in DOTReader(graph: graph).document() }
        }
    }
}

// MARK: - The lock and the session

/// The process-wide Graphviz state, created on first use and never released: `GVC_t` holds the
/// loaded plugins, which are costly to load and safe to keep for the life of the process.
private let graphvizLock = Mutex<GraphvizSession?>(nil)

extension Graphviz {
    /// Runs `body` with exclusive access to Graphviz, creating the context on first use.
    static func withSession<Result: Sendable>(
        _ body: (GraphvizSession) throws(GraphvizError) -> Result
    ) throws(GraphvizError) -> Result {
        try graphvizLock.withLock { (state: inout sending GraphvizSession?) throws(GraphvizError) -> Result in
            if state == nil { state = try GraphvizSession.open() }
            return try body(state!)
        }
    }
}

/// Access to Graphviz. A value exists only inside `Graphviz.withSession`, that is, while the
/// Graphviz lock is held; every C call of this file is a method of it.
struct GraphvizSession {
    /// The `GVC_t *` context.
    let context: OpaquePointer
    /// Names of the layout plugins Graphviz registered (`dot`, `neato`, …).
    let layouts: Set<String>
    /// Names of the output devices Graphviz registered (`svg`, `png`, …).
    let devices: Set<String>
    /// The ID discipline graphs are read with; allocated once, never freed.
    let ids: UnsafeMutablePointer<Agiddisc_t>

    /// Creates the context and reads the plugin lists.
    static func open() throws(GraphvizError) -> GraphvizSession {
        // Keep every message in Graphviz's log instead of printing it or passing it through the
        // user callback, which corrupts memory on long messages in 2.42 (see the file header).
        agseterr(AGMAX)
        guard let context = gvContext() else {
            throw .renderFailed("Graphviz could not create its context")
        }
        return GraphvizSession(
            context: context,
            layouts: pluginNames(context, kind: "layout"),
            devices: pluginNames(context, kind: "device"),
            ids: CreationOrderIDs.makeDiscipline())
    }

    /// The names of the plugins of one kind (`"layout"`, `"device"`, …), without their
    /// `:package` suffixes.
    private static func pluginNames(_ context: OpaquePointer, kind: String) -> Set<String> {
        var count: Int32 = 0
        guard let list = gvPluginList(context, kind, &count, nil) else { return [] }
        defer { free(list) }
        var names: Set<String> = []
        for index in 0..<Int(count) {
            guard let item = list[index] else { continue }
            defer { free(item) }
            names.insert(String(cString: item))
        }
        return names
    }

    // MARK: Rendering

    func render(_ dot: String, layout: GraphvizLayout, format: GraphvizFormat) throws(GraphvizError) -> [UInt8] {
        guard !layouts.isEmpty, !devices.isEmpty else { throw .noPlugins }
        guard layouts.contains(layout.rawValue) else {
            throw .layoutUnavailable(
                layout.rawValue,
                available: GraphvizLayout.allCases.map(\.rawValue).filter(layouts.contains))
        }
        guard devices.contains(format.rawValue) else {
            throw .formatUnavailable(
                format.rawValue,
                available: GraphvizFormat.allCases.map(\.rawValue).filter(devices.contains))
        }
        return try withGraph(dot, file: nil) { graph throws(GraphvizError) in
            try renderParsed(graph, layout: layout, format: format)
        }
    }

    private func renderParsed(
        _ graph: UnsafeMutablePointer<Agraph_t>, layout: GraphvizLayout, format: GraphvizFormat
    ) throws(GraphvizError) -> [UInt8] {
        agreseterrors()
        // Safe whatever state a failed layout left: it frees only what the layout attached.
        defer { gvFreeLayout(context, graph) }
        let laidOut = gvLayout(context, graph, layout.rawValue)
        if laidOut != 0 || agerrors() > 0 {
            throw .layoutFailed(Self.shortened(Self.loggedError() ?? "the \(layout.rawValue) engine failed"))
        }

        agreseterrors()
        var data: UnsafeMutablePointer<CChar>? = nil
        var length: UInt32 = 0
        let rendered = gvRenderData(context, graph, format.rawValue, &data, &length)
        // gvRenderData can leave its buffer in `data` when it fails, so free whatever is there.
        defer { if let data { gvFreeRenderData(data) } }
        guard rendered == 0, agerrors() == 0, let data else {
            throw .renderFailed(Self.shortened(Self.loggedError() ?? "Graphviz could not render \(format.rawValue)"))
        }
        return Array(UnsafeRawBufferPointer(start: data, count: Int(length)))
    }

    // MARK: Parsing

    /// Parses `dot` into a libcgraph graph, runs `body` on it and closes the graph.
    ///
    /// The graph is valid only inside `body`.
    func withGraph<Result>(
        _ dot: String, file: String?,
        _ body: (UnsafeMutablePointer<Agraph_t>) throws(GraphvizError) -> Result
    ) throws(GraphvizError) -> Result {
        if let nul = dot.utf8.firstIndex(of: 0) {
            // A C string would silently end there.
            let line = dot.utf8[..<nul].reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            throw .syntax(file: file, line: line, message: "NUL character in the text")
        }
        agreseterrors()
        agreadline(1)
        let graph = dot.withCString { rg_read_dot($0, ids) }
        defer { if let graph { agclose(graph) } }
        let message = Self.loggedError()
        discardUnreadInput()
        rg_reset_dot_lexer()
        agreseterrors()

        guard let graph, message == nil else {
            throw DOTSyntaxError.syntaxError(message: message, source: dot, file: file)
        }
        return try body(graph)
    }

    /// Reads and discards whatever the lexer kept after the last graph it returned, so that the
    /// next parse starts on its own text (libcgraph keeps it to read several graphs from one file).
    private func discardUnreadInput() {
        while let leftover = rg_read_dot("", ids) {
            agclose(leftover)
        }
    }

    /// The last message Graphviz logged, on one line, if it logged an error since the last
    /// `agreseterrors()`; warnings alone give `nil`.
    private static func loggedError() -> String? {
        guard agerrors() > 0, let text = aglasterr() else { return nil }
        defer { free(text) }
        let lines = String(cString: text).split(whereSeparator: \.isNewline)
        let joined = lines.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }.joined(separator: " ")
        return joined.isEmpty ? nil : joined
    }

    /// Longest Graphviz message kept in a layout or render error; messages can quote whole labels.
    static let maximumMessageLength = 400

    private static func shortened(_ message: String) -> String {
        message.count > maximumMessageLength ? message.prefix(maximumMessageLength) + "…" : message
    }
}

// MARK: - Object IDs

/// A libcgraph ID discipline that numbers objects in the order they are created.
///
/// cgraph keeps a graph's subgraphs ordered by ID, and layouts and renderers visit clusters in that
/// order. The default discipline uses the address of an object's interned name as its ID, so the
/// order, and the rendered bytes, depended on the state of the heap. (A discipline that leaves
/// names to cgraph's internal map is no way out: closing any subgraph, as the neato family does,
/// wipes that map and every node loses its name.) Here every name gets the next odd number the
/// first time it is seen, like cgraph's own anonymous IDs, and the discipline keeps the names.
enum CreationOrderIDs {
    /// Per-graph state: names to IDs and back. Lives from `open` to `close`.
    final class Table {
        /// The root graph. Names are interned in its string dictionary, because cgraph reads
        /// flags (HTML-ness) stored in front of every name it gets back from `print`.
        let graph: UnsafeMutablePointer<Agraph_t>
        var next: UInt64 = 1
        var ids: [[CChar]: UInt64] = [:]
        var names: [UInt64: UnsafeMutablePointer<CChar>] = [:]

        init(graph: UnsafeMutablePointer<Agraph_t>) {
            self.graph = graph
        }

        func newID() -> UInt64 {
            defer { next += 2 }
            return next
        }
    }

    static func makeDiscipline() -> UnsafeMutablePointer<Agiddisc_t> {
        let discipline = UnsafeMutablePointer<Agiddisc_t>.allocate(capacity: 1)
        discipline.initialize(to: Agiddisc_t(
            open: { graph, _ in
                guard let graph else { return nil }
                return Unmanaged.passRetained(Table(graph: graph)).toOpaque()
            },
            map: { state, _, name, id, create in
                guard let state, let id else { return 0 }
                let table = Unmanaged<Table>.fromOpaque(state).takeUnretainedValue()
                guard let name else {
                    id.pointee = table.newID()
                    return 1
                }
                let key = Array(UnsafeBufferPointer(start: name, count: strlen(name)))
                if let known = table.ids[key] {
                    id.pointee = known
                    return 1
                }
                guard create != 0, let interned = agstrdup(table.graph, name) else { return 0 }
                let new = table.newID()
                table.ids[key] = new
                table.names[new] = interned
                id.pointee = new
                return 1
            },
            alloc: { _, _, _ in 0 },  // like the default: callers cannot choose IDs
            free: { _, _, _ in },  // names stay until `close`; a recreated name keeps its ID
            print: { state, _, id in
                guard let state else { return nil }
                return Unmanaged<Table>.fromOpaque(state).takeUnretainedValue().names[id]
            },
            close: { state in
                // cgraph calls this from `agclose` while the string dictionary is still open.
                guard let state else { return }
                let table = Unmanaged<Table>.fromOpaque(state).takeRetainedValue()
                for name in table.names.values { agstrfree(table.graph, name) }
            },
            idregister: { _, _, _ in }))
        return discipline
    }
}

// MARK: - Reading a parsed graph

/// Turns a libcgraph graph into a ``DOTDocument``. Used only inside `GraphvizSession.withGraph`.
private struct DOTReader {
    let graph: UnsafeMutablePointer<Agraph_t>

    /// An attribute symbol with the value Graphviz gives objects when a file says nothing.
    struct Symbol {
        let symbol: UnsafeMutablePointer<Agsym_t>
        let name: String
        let builtInDefault: String
    }

    func document() -> DOTDocument {
        let nodeSymbols = symbols(of: graph, kind: AGNODE)
        let edgeSymbols = symbols(of: graph, kind: AGEDGE)
        var nodes: [DOTNode] = []
        var edges: [(sequence: UInt32, edge: DOTEdge)] = []
        var node = agfstnode(graph)
        while let current = node {
            nodes.append(DOTNode(name: name(of: current), attributes: values(of: current, nodeSymbols)))
            var edge = agfstout(graph, current)
            while let out = edge {
                let value = DOTEdge(
                    tail: name(of: rg_agtail(out)), head: name(of: rg_aghead(out)),
                    attributes: values(of: out, edgeSymbols))
                edges.append((rg_agseq(out), value))
                edge = agnxtout(graph, out)
            }
            node = agnxtnode(graph, current)
        }
        edges.sort { $0.sequence < $1.sequence }

        var graphAttributes: [String: String] = [:]
        for symbol in symbols(of: graph, kind: AGRAPH) {
            let value = String(cString: agxget(graph, symbol.symbol))
            if value != symbol.builtInDefault { graphAttributes[symbol.name] = value }
        }
        return DOTDocument(
            name: anonymousToNil(name(of: graph)),
            isDirected: agisdirected(graph) != 0,
            isStrict: agisstrict(graph) != 0,
            graphAttributes: graphAttributes,
            nodes: nodes,
            edges: edges.map(\.edge),
            subgraphs: subgraphs(of: graph))
    }

    /// The attribute symbols declared for `kind` in `graph`'s dictionary (which, for a subgraph,
    /// includes the root's).
    private func symbols(of graph: UnsafeMutablePointer<Agraph_t>, kind: Int32) -> [Symbol] {
        var result: [Symbol] = []
        var symbol = agnxtattr(graph, kind, nil)
        while let current = symbol {
            // The prototype graph holds Graphviz's built-in defaults (gvContext sets node `label`
            // to `\N`); an attribute it does not know defaults to the empty string.
            let builtIn = agattr(nil, kind, current.pointee.name, nil)
            result.append(Symbol(
                symbol: current,
                name: String(cString: current.pointee.name),
                builtInDefault: builtIn.map { String(cString: $0.pointee.defval) } ?? ""))
            symbol = agnxtattr(graph, kind, current)
        }
        return result
    }

    /// The values of `object`'s attributes that differ from Graphviz's built-in defaults.
    private func values<Object>(of object: UnsafeMutablePointer<Object>, _ symbols: [Symbol]) -> [String: String] {
        var result: [String: String] = [:]
        for symbol in symbols {
            guard let raw = agxget(object, symbol.symbol) else { continue }
            let value = String(cString: raw)
            if value != symbol.builtInDefault { result[symbol.name] = value }
        }
        return result
    }

    /// `parent`'s subgraphs in file order, each with the attributes it sets differently from
    /// `parent`.
    private func subgraphs(of parent: UnsafeMutablePointer<Agraph_t>) -> [DOTSubgraph] {
        var found: [(sequence: UInt32, subgraph: DOTSubgraph)] = []
        var child = agfstsubg(parent)
        while let sub = child {
            var attributes: [String: String] = [:]
            for symbol in symbols(of: sub, kind: AGRAPH) {
                let value = String(cString: agxget(sub, symbol.symbol))
                let inherited = String(cString: agxget(parent, symbol.symbol))
                if value != inherited { attributes[symbol.name] = value }
            }
            var members: [String] = []
            var node = agfstnode(sub)
            while let current = node {
                members.append(name(of: current))
                node = agnxtnode(sub, current)
            }
            let value = DOTSubgraph(
                name: anonymousToNil(name(of: sub)), attributes: attributes, nodes: members,
                subgraphs: subgraphs(of: sub))
            found.append((rg_agseq(sub), value))
            child = agnxtsubg(sub)
        }
        // libcgraph orders subgraphs by internal id, not by appearance.
        return found.sorted { $0.sequence < $1.sequence }.map(\.subgraph)
    }

    private func name<Object>(of object: UnsafeMutablePointer<Object>) -> String {
        agnameof(object).map { String(cString: $0) } ?? ""
    }

    /// libcgraph names anonymous graphs `%` followed by their internal number.
    private func anonymousToNil(_ name: String) -> String? {
        guard let first = name.first else { return nil }
        if first == "%", name.dropFirst().allSatisfy(\.isNumber) { return nil }
        return name
    }
}

// MARK: - Syntax errors

/// Turns Graphviz's syntax-error text into a ``GraphvizError/syntax(file:line:message:)`` with the
/// line counted the way an editor counts it.
enum DOTSyntaxError {
    /// Longest offending token quoted in a message before it is shortened.
    static let maximumTokenLength = 60

    /// Builds the error from Graphviz's message, such as `syntax error in line 3 near '}'`.
    /// `message` is `nil` when Graphviz found no graph and said nothing (empty text, or only
    /// comments).
    static func syntaxError(message: String?, source: String, file: String?) -> GraphvizError {
        guard var text = message else {
            return .syntax(file: file, line: nil, message: "no graph found (expected `graph` or `digraph`)")
        }
        // Graphviz adds a second line quoting the start of an unterminated string; the first says
        // what is wrong.
        if let quote = text.firstRange(of: " String starting:") { text = String(text[..<quote.lowerBound]) }
        var graphvizLine: Int?
        if let marker = text.firstRange(of: " in line ") {
            let digits = text[marker.upperBound...].prefix(while: \.isASCIIDigit)
            graphvizLine = Int(digits)
            text.replaceSubrange(marker.lowerBound..<digits.endIndex, with: "")
        }
        let token = nearToken(in: text)
        if let token, token.count > maximumTokenLength,
           let start = text.firstRange(of: " near '")?.upperBound {
            text = String(text[..<start]) + token.prefix(maximumTokenLength) + "…'"
        }
        let line = graphvizLine.map {
            trueLine(graphvizLine: $0, near: token,
                     unterminatedString: text.contains("scanning a quoted string"), in: source)
        }
        return .syntax(file: file, line: line, message: text)
    }

    /// The token Graphviz quotes in `… near 'TOKEN'`.
    static func nearToken(in message: String) -> String? {
        guard let start = message.firstRange(of: " near '")?.upperBound,
              message.hasSuffix("'"), message.endIndex > start else { return nil }
        return String(message[start..<message.index(before: message.endIndex)])
    }

    /// Maps a line number as Graphviz 2.42 counts it (line breaks inside quoted strings are not
    /// counted) to the line an editor shows.
    ///
    /// Graphviz's line `graphvizLine` can span several real lines when it contains a multi-line
    /// string; the offending token is then the first occurrence of `token` on it. An unterminated
    /// string is reported on the line where it opens.
    ///
    /// - Complexity: O(*n*) in the length of `source`.
    static func trueLine(graphvizLine: Int, near token: String?, unterminatedString: Bool, in source: String) -> Int {
        let bytes = Array(source.utf8)
        let tokenBytes = token.map { Array($0.utf8) } ?? []
        let newline = UInt8(ascii: "\n"), quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
        var counted = 1, actual = 1
        var firstOnLine: Int?, lastOnLine: Int?, match: Int?
        var openString: Int?
        var i = 0

        func note(_ position: Int) {
            guard counted == graphvizLine else { return }
            if firstOnLine == nil { firstOnLine = actual }
            lastOnLine = actual
            if match == nil, !tokenBytes.isEmpty, bytes[position...].starts(with: tokenBytes) { match = actual }
        }

        while i < bytes.count {
            let byte = bytes[i]
            let next: UInt8? = i + 1 < bytes.count ? bytes[i + 1] : nil
            if byte == newline {
                counted += 1; actual += 1; i += 1
            } else if byte == quote {
                note(i)
                openString = actual
                i += 1
                while i < bytes.count {
                    let c = bytes[i]
                    if c == backslash, i + 1 < bytes.count, bytes[i + 1] == quote { i += 2; continue }
                    if c == backslash, i + 1 < bytes.count, bytes[i + 1] == newline {
                        counted += 1; actual += 1; i += 2; continue
                    }
                    i += 1
                    if c == quote { openString = nil; break }
                    if c == newline { actual += 1 }  // the line break Graphviz does not count
                }
            } else if byte == UInt8(ascii: "/"), next == UInt8(ascii: "/") {
                while i < bytes.count, bytes[i] != newline { i += 1 }
            } else if byte == UInt8(ascii: "#"), i == 0 || bytes[i - 1] == newline {
                while i < bytes.count, bytes[i] != newline { i += 1 }
            } else if byte == UInt8(ascii: "/"), next == UInt8(ascii: "*") {
                i += 2
                while i < bytes.count, !(bytes[i] == UInt8(ascii: "*") && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "/")) {
                    if bytes[i] == newline { counted += 1; actual += 1 }
                    i += 1
                }
                i += 2
            } else if byte == UInt8(ascii: "<") {
                // An HTML string: nested angle brackets, line breaks counted by Graphviz too.
                note(i)
                var depth = 0
                repeat {
                    if bytes[i] == UInt8(ascii: "<") { depth += 1 }
                    if bytes[i] == UInt8(ascii: ">") { depth -= 1 }
                    if bytes[i] == newline { counted += 1; actual += 1 }
                    i += 1
                } while i < bytes.count && depth > 0
            } else {
                if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "\r") { note(i) }
                i += 1
            }
        }
        if unterminatedString, let openString { return openString }
        return match ?? lastOnLine ?? firstOnLine ?? graphvizLine
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> Substring {
        var text = self
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return text
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
