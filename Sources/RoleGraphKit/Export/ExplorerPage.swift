import Foundation

/// `rolegraph explore`: one self-contained HTML page holding the rendered diagram inline, the
/// graph's data as JSON and the page's own script and styles, so that it works offline, from a
/// file, an e-mail or any static host, and makes no network request.
///
/// The page answers path queries with its own port of the command line's searches (the same
/// costs, tie-breaks and k best paths); under the path-dependent `skills` cost it shows answers
/// computed here, on graphs of at most ``skillsRoleLimit`` roles (see Guides/Explorer.md).
public struct ExplorerPage: Sendable {
    /// The page's title; by default the graph's name.
    public var title: String?
    /// How many alternative paths the page lists at most.
    public var maxRoutes: Int = 3

    /// Graphs with more roles than this get no `skills` answers: the R² exact searches would
    /// make the page slow to write and large.
    public static let skillsRoleLimit = 60

    /// A page titled `title` (the graph's name when `nil`).
    public init(title: String? = nil) { self.title = title }

    /// The HTML page for `graph`, with `svg` (the diagram Graphviz rendered, as ``Exporter``
    /// writes it) inline.
    ///
    /// - Complexity: O(*R* + *E* + *S* + the SVG's length), plus R² exact `skills` searches
    ///   on graphs of at most ``skillsRoleLimit`` roles.
    public func html(for graph: RoleGraph, svg: [UInt8]) -> String {
        let data = ExplorerData(graph: graph, maxRoutes: maxRoutes,
                                precomputeSkills: graph.roles.count <= Self.skillsRoleLimit)
        let encoder = JSONEncoder()
        // Keys sorted, so that the same graph makes the same page, byte for byte.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(data)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        let pageTitle = title ?? graph.name
        var page = ""
        page.reserveCapacity(svg.count + json.utf8.count + 64_000)
        page += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        // Nothing may be fetched: no scripts, styles, fonts, images or connections from elsewhere.
        page += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'; "
            + "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n"
        page += "<title>" + ExplorerEscaping.htmlText(pageTitle) + "</title>\n<style>\n"
        page += String(decoding: PackageResources.explorer_css, as: UTF8.self)
        page += "</style>\n</head>\n<body>\n"
        page += ExplorerLayout.body(title: ExplorerEscaping.htmlText(pageTitle), svg: ExplorerEscaping.inlineSVG(svg))
        page += "<script type=\"application/json\" id=\"graph-data\">"
        page += ExplorerEscaping.scriptSafeJSON(json)
        page += "</script>\n<script>\n"
        page += String(decoding: PackageResources.explorer_js, as: UTF8.self)
        page += "</script>\n</body>\n</html>\n"
        return page
    }
}
