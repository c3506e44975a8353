import Yams

/// Reads the graph file format (version 1) from YAML or JSON text.
///
/// The text is composed into a YAML node tree first (JSON by ``JSONNodeParser``, into the same
/// kind of tree with the same line and column marks), then walked against the schema documented in
/// Guides/CommandLine.md. Every structural problem is collected rather than thrown at the first
/// one: a misspelt `relatons:` is reported as an unknown key instead of silently dropping every
/// relation, and a file with five problems gets five diagnostics. Semantic checks follow in
/// ``GraphValidator`` with the same locations.
struct GraphFileReader {
    static let formatVersion = 1

    static let topKeys = ["format", "name", "source", "description", "areas", "skills", "roles", "relations"]
    static let areaKeys = ["id", "name", "summary"]
    static let skillKeys = ["id", "name", "summary", "aliases"]
    static let roleKeys = ["id", "name", "area", "summary", "responsibilities", "problems", "titles",
                           "skills", "entry_level", "prevalence", "stays"]
    static let roleSkillKeys = ["primary", "secondary"]
    static let relationKeys = ["kind", "from", "to", "between", "effort", "count", "note", "section"]
    /// The keys only an overlay has (see ``OverlayDocument``).
    static let overlayKeys = ["extends", "override", "remove"]

    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    var map = SourceMap()

    init(file: String) { self.file = file }

    /// Parses and validates a graph file's text.
    ///
    /// - Throws: ``GraphLoadError/invalid(_:)`` with every problem, in file order.
    /// - Parameter json: whether `text` is JSON, read by ``JSONNodeParser`` (which accepts all
    ///   of JSON and only JSON) instead of the YAML parser.
    static func read(_ text: String, file: String, json: Bool = false) throws(GraphLoadError) -> RoleGraph {
        try readChecked(text, file: file, json: json).uncheckedGraph()
    }

    /// Parses and validates a graph file's text, keeping where each part is.
    ///
    /// - Throws: ``GraphLoadError/invalid(_:)`` with every problem, in file order.
    static func readChecked(_ text: String, file: String, json: Bool = false) throws(GraphLoadError) -> GraphDocument {
        var reader = GraphFileReader(file: file)
        return try reader.readChecked(try reader.compose(text, json: json))
    }

    /// Validates a composed file as a whole graph, keeping where each part is.
    mutating func readChecked(_ root: Node) throws(GraphLoadError) -> GraphDocument {
        guard var document = readDocument(root, overlay: false)?.document else {
            throw .invalid(GraphValidator.limited(sorted(diagnostics)))
        }
        document.map = map
        document.stamp(file)
        document.warnings = document.removeRepeatedRelations()
        let semantic = GraphValidator.validate(
            areas: document.areas, skills: document.skills, roles: document.roles,
            relations: document.relations, locations: document.map)
        let all = sorted(diagnostics + semantic)
        if !all.isEmpty { throw .invalid(GraphValidator.limited(all)) }
        return document
    }

    /// The text as a node tree, YAML or JSON, each node marked with its line and column.
    ///
    /// - Throws: ``GraphLoadError/invalid(_:)`` with the syntax error (a tab in indentation named
    ///   as such), or for an empty file.
    mutating func compose(_ text: String, json: Bool) throws(GraphLoadError) -> Node {
        let root: Node?
        if json {
            do {
                root = try JSONNodeParser.parse(text)
            } catch {
                throw .invalid([Diagnostic(.syntax(error.message),
                                           at: SourceLocation(file: file, line: error.line, column: error.column))])
            }
        } else {
            do {
                // The basic resolver: scalars are typed by `Node.Scalar.value` below, without the
                // default resolver's regular expressions, which run on every scalar.
                root = try Yams.compose(yaml: text, .basic)
            } catch {
                throw .invalid([tabDiagnostic(in: text, before: error) ?? syntaxDiagnostic(for: error, in: text)])
            }
        }
        guard let root else { throw .invalid([Diagnostic(.empty, at: SourceLocation(file: file, line: 1, column: 1))]) }
        return root
    }

    /// A syntax error caused by a tab in a line's indentation, named as such: YAML indents with
    /// spaces only, and the parser's own words ("found character that cannot start any token")
    /// do not say so. `nil` when no line up to the error's line is indented with a tab.
    ///
    /// - Complexity: O(*n*) for *n* bytes of text.
    func tabDiagnostic(in text: String, before error: any Error) -> Diagnostic? {
        let errorLine = syntaxDiagnostic(for: error, in: text).location?.line ?? Int.max
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if lineNumber > errorLine { break }
            var column = 1
            for character in line.unicodeScalars {
                if character == "\t" {
                    return Diagnostic(.syntax("a tab in the indentation; YAML indents with spaces only"),
                                      at: SourceLocation(file: file, line: lineNumber, column: column))
                }
                if character != " " { break }
                column += 1
            }
        }
        return nil
    }

    // MARK: The document

    /// Walks the top level. Returns `nil` only when the root is not a mapping at all.
    ///
    /// - Parameter overlay: whether the file is an overlay: it may then say `extends`, `override`
    ///   and `remove`, and need not name the graph, its areas or its roles.
    mutating func readDocument(_ root: Node, overlay: Bool) -> (document: GraphDocument, top: [String: (key: Node, node: Node)])? {
        guard let top = mapping(root, context: "the graph file", keys: overlay ? Self.topKeys + Self.overlayKeys : Self.topKeys) else {
            diagnostics = [Diagnostic(.notAMapping(found: describe(root)), at: location(of: root))]
            return nil
        }
        var document = GraphDocument()
        if let format = top["format"] {
            if case .scalar(let scalar) = format.node, !scalar.isNull {
                if scalar.string != String(Self.formatVersion) {
                    report(.unsupportedFormatVersion(scalar.string, supported: Self.formatVersion), format.node)
                }
            } else {
                report(.wrongType(key: "format", expected: "the number \(Self.formatVersion)", found: describe(format.node)),
                       format.node)
            }
        } else {
            report(.missingKey("format", context: "the graph file"), root)
        }
        document.name = (overlay ? optionalString(top, "name") : requiredString(top, "name", in: root, context: "the graph file")) ?? ""
        document.source = optionalString(top, "source") ?? ""
        document.description = optionalString(top, "description") ?? ""

        for node in list(top, "areas", required: !overlay, in: root, context: "the graph file") {
            guard let fields = mapping(node, context: "an area", keys: Self.areaKeys) else { continue }
            let readID = requiredString(fields, "id", in: node, context: "an area")
            let id = readID ?? ""
            let name = requiredString(fields, "name", in: node, context: "area '\(id)'") ?? id
            map[.area(document.areas.count)] = location(of: fields["id"]?.node ?? node)
            if readID == nil { map.reported.insert(.area(document.areas.count)) }
            document.areas.append(Area(id: AreaID(id), name: name, summary: optionalString(fields, "summary") ?? ""))
        }
        for node in list(top, "skills", required: false, in: root, context: "the graph file") {
            guard let fields = mapping(node, context: "a skill", keys: Self.skillKeys) else { continue }
            let readID = requiredString(fields, "id", in: node, context: "a skill")
            let id = readID ?? ""
            map[.skill(document.skills.count)] = location(of: fields["id"]?.node ?? node)
            if readID == nil { map.reported.insert(.skill(document.skills.count)) }
            document.skills.append(Skill(id: SkillID(id), name: optionalString(fields, "name") ?? id,
                                         summary: optionalString(fields, "summary") ?? "",
                                         aliases: stringList(fields, "aliases")))
        }
        for node in list(top, "roles", required: !overlay, in: root, context: "the graph file") {
            if let role = readRole(node, position: document.roles.count) { document.roles.append(role) }
        }
        for node in list(top, "relations", required: false, in: root, context: "the graph file") {
            readRelations(node, into: &document.relations)
        }
        return (document, top)
    }

    mutating func readRole(_ node: Node, position: Int) -> Role? {
        guard let fields = mapping(node, context: "a role", keys: Self.roleKeys) else { return nil }
        let readID = requiredString(fields, "id", in: node, context: "a role")
        let id = readID ?? ""
        let context = "role '\(id)'"
        map[.role(position)] = location(of: fields["id"]?.node ?? node)
        if readID == nil { map.reported.insert(.role(position)) }
        let name = requiredString(fields, "name", in: node, context: context) ?? id
        // A missing area is reported by the validator (as for a role built in code), located here.
        let area = optionalString(fields, "area") ?? ""
        map[.roleArea(position)] = location(of: fields["area"]?.node ?? node)
        var role = Role(id: RoleID(id), name: name, area: AreaID(area))
        role.summary = optionalString(fields, "summary") ?? ""
        role.responsibilities = stringList(fields, "responsibilities")
        role.problems = stringList(fields, "problems")
        role.titles = stringList(fields, "titles")
        if let skillsNode = fields["skills"]?.node,
           let skills = mapping(skillsNode, context: "the skills of \(context)", keys: Self.roleSkillKeys) {
            for (primary, key) in [(true, "primary"), (false, "secondary")] {
                var ids: [SkillID] = []
                for item in list(skills, key, required: false, in: skillsNode, context: context) {
                    guard let skill = scalarString(item, key: key) else { continue }
                    map[.roleSkill(role: position, primary: primary, index: ids.count)] = location(of: item)
                    ids.append(SkillID(skill))
                }
                if primary { role.primarySkills = ids } else { role.secondarySkills = ids }
            }
        }
        if let entry = fields["entry_level"]?.node {
            if case .scalar(let scalar) = entry, case .bool(let value) = scalar.value {
                role.entryLevel = value
            } else {
                report(.wrongType(key: "entry_level", expected: "true or false", found: describe(entry)), entry)
            }
        }
        if let prevalenceNode = fields["prevalence"]?.node, let value = scalarString(prevalenceNode, key: "prevalence") {
            if let prevalence = Prevalence(rawValue: value) {
                role.prevalence = prevalence
            } else {
                report(.invalidEnumValue(key: "prevalence", value: value, valid: Prevalence.allCases.map(\.rawValue)),
                       prevalenceNode)
            }
        }
        if let staysNode = fields["stays"]?.node { role.stays = stayers(staysNode, role: RoleID(id)) }
        return role
    }

    /// A role's `stays` (how many people were observed staying in it): a number from 0 to
    /// ``GraphValidator/maximumCount``, reported at the value otherwise; `nil` for null.
    mutating func stayers(_ node: Node, role: RoleID) -> Double? {
        if case .scalar(let scalar) = node, scalar.isNull { return nil }
        if case .scalar(let scalar) = node, case .number(let value) = scalar.value,
           value.isFinite && value >= 0 && value <= GraphValidator.maximumCount {
            return value
        }
        report(.other("invalid stayers '\(scalarText(node))' for role '\(role)': a number of people, from 0 to 1e15"), node)
        return nil
    }

    /// A transition's `count` (how many moves along it were observed): a number from 0 to
    /// ``GraphValidator/maximumCount``, as in an edge list's count column; reported at the value
    /// otherwise, and on a relation of another kind; `nil` for null.
    mutating func observedCount(_ node: Node, kind: RelationKind) -> Double? {
        if case .scalar(let scalar) = node, scalar.isNull { return nil }
        guard kind == .transition else {
            report(.other("a \(kind.rawValue) relation has no count; only a transition counts observed moves"), node)
            return nil
        }
        if case .scalar(let scalar) = node, case .number(let value) = scalar.value,
           value.isFinite && value >= 0 && value <= GraphValidator.maximumCount {
            return value
        }
        report(.other("invalid count '\(scalarText(node))': a count is a number of observed moves, from 0 to 1e15"), node)
        return nil
    }

    /// Reads one relation entry; a two-way transition (`between`) becomes two relations.
    mutating func readRelations(_ node: Node, into relations: inout [Relation]) {
        guard let fields = mapping(node, context: "a relation", keys: Self.relationKeys) else { return }
        guard let kindNode = fields["kind"]?.node else {
            report(.missingKey("kind", context: "a relation"), node)
            return
        }
        guard let kindText = scalarString(kindNode, key: "kind") else { return }
        guard let kind = RelationKind(rawValue: kindText) else {
            report(.unknownRelationKind(kindText, suggestion: Suggestions.nearest(
                to: kindText, in: RelationKind.allCases.map(\.rawValue))), kindNode)
            return
        }
        let note = optionalString(fields, "note")
        let section = optionalString(fields, "section")
        var effort: Double?
        var effortNode: Node?
        var effortReported = false
        if let node = fields["effort"]?.node {
            effortNode = node
            if case .scalar(let scalar) = node, case .number(let value) = scalar.value {
                effort = value
                if kind == .transition && !(value.isFinite && value > 0 && value <= GraphValidator.maximumEffort) {
                    // Reported here with the text as written (`1e-400`, not the `0` it parses to).
                    report(.invalidEffort(scalar.string), node)
                    effortReported = true
                }
            } else {
                report(.invalidEffort(scalarText(node)), node)
            }
        }

        // Endpoints: `from` and `to`, or `between: [a, b]` (symmetric kinds, and two-way transitions).
        let from = fields["from"], to = fields["to"], between = fields["between"]
        var pairs: [(from: String, fromNode: Node, to: String, toNode: Node)] = []
        if let between {
            if from != nil || to != nil {
                report(.endpoints("a relation takes either 'from' and 'to' or 'between', not both"), between.key)
                return
            }
            if kind == .stakeholder {
                report(.endpoints("a stakeholder relation is directed: use 'from' (who relies) and 'to' (whose work), not 'between'"), between.key)
                return
            }
            guard case .sequence(let items) = between.node, items.count == 2 else {
                report(.wrongType(key: "between", expected: "a list of two role ids", found: describe(between.node)), between.node)
                return
            }
            let nodes = Array(items)
            guard let a = scalarString(nodes[0], key: "between"), let b = scalarString(nodes[1], key: "between") else { return }
            pairs.append((a, nodes[0], b, nodes[1]))
            if kind == .transition { pairs.append((b, nodes[1], a, nodes[0])) }
        } else if let from, let to {
            guard let a = scalarString(from.node, key: "from"), let b = scalarString(to.node, key: "to") else { return }
            pairs.append((a, from.node, b, to.node))
        } else {
            report(.missingKey(from == nil ? "from" : "to", context: "a \(kind.rawValue) relation"), node)
            return
        }
        if kind != .transition, let effortNode, effort != nil {
            report(.effortOnNonTransition(kind), effortNode)
            effort = nil
        }
        var count: Double?
        if let countNode = fields["count"]?.node {
            count = observedCount(countNode, kind: kind)
            if count != nil, between != nil {
                // Observations run one way; a two-way entry would claim the same count for both.
                report(.other("a count is observed one way; write the transition each way with 'from' and 'to', each with its count"),
                       countNode)
                count = nil
            }
        }
        for pair in pairs {
            let i = relations.count
            map[.relation(i)] = location(of: node)
            map[.relationFrom(i)] = location(of: pair.fromNode)
            map[.relationTo(i)] = location(of: pair.toNode)
            if let effortNode { map[.relationEffort(i)] = location(of: effortNode) }
            if effortNode == nil && kind == .transition { map[.relationEffortDefaulted(i)] = location(of: node) }
            if effortReported { map.reported.insert(.relationEffort(i)) }
            relations.append(Relation(kind: kind, from: RoleID(pair.from), to: RoleID(pair.to),
                                      effort: kind == .transition ? (effort ?? (effortNode == nil ? 1 : nil)) : nil,
                                      count: count, note: note, section: section))
        }
    }

    // MARK: Typed access with diagnostics

    /// A mapping's entries by key, reporting unknown and repeated keys. `nil` (and a diagnostic)
    /// when the node is not a mapping.
    mutating func mapping(_ node: Node, context: String, keys: [String]) -> [String: (key: Node, node: Node)]? {
        guard case .mapping(let mapping) = node else {
            report(.wrongType(key: context, expected: "a mapping", found: describe(node)), node)
            return nil
        }
        var result: [String: (key: Node, node: Node)] = [:]
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                report(.wrongType(key: "key", expected: "a string", found: describe(keyNode)), keyNode)
                continue
            }
            let key = scalar.string
            guard keys.contains(key) else {
                report(.unknownKey(key, context: context, suggestion: Suggestions.nearest(to: key, in: keys)), keyNode)
                continue
            }
            if result[key] != nil {
                report(.other("key '\(key)' appears twice in \(context)"), keyNode)
                continue
            }
            result[key] = (keyNode, value)
        }
        return result
    }

    mutating func requiredString(
        _ fields: [String: (key: Node, node: Node)], _ key: String, in parent: Node, context: String
    ) -> String? {
        guard let entry = fields[key] else {
            report(.missingKey(key, context: context), parent)
            return nil
        }
        guard let value = scalarString(entry.node, key: key) else { return nil }
        if value.trimmingWhitespace().isEmpty {
            report(.emptyValue(key: key), entry.node)
            return nil
        }
        return value
    }

    mutating func optionalString(_ fields: [String: (key: Node, node: Node)], _ key: String) -> String? {
        guard let entry = fields[key] else { return nil }
        if case .scalar(let scalar) = entry.node, scalar.isNull { return nil }
        return scalarString(entry.node, key: key)
    }

    /// A scalar's text. Numbers and booleans are accepted where a string is expected (a title
    /// such as `2024` is still text); lists, mappings and nulls are not.
    mutating func scalarString(_ node: Node, key: String) -> String? {
        guard case .scalar(let scalar) = node, !scalar.isNull else {
            report(.wrongType(key: key, expected: "a string", found: describe(node)), node)
            return nil
        }
        return scalar.string
    }

    mutating func list(
        _ fields: [String: (key: Node, node: Node)], _ key: String, required: Bool, in parent: Node, context: String
    ) -> [Node] {
        guard let entry = fields[key] else {
            if required { report(.missingKey(key, context: context), parent) }
            return []
        }
        switch entry.node {
        case .sequence(let items): return Array(items)
        case .scalar(let scalar) where scalar.isNull: return []
        default:
            report(.wrongType(key: key, expected: "a list", found: describe(entry.node)), entry.node)
            return []
        }
    }

    mutating func stringList(_ fields: [String: (key: Node, node: Node)], _ key: String) -> [String] {
        guard let entry = fields[key] else { return [] }
        switch entry.node {
        case .sequence(let items): return items.compactMap { scalarString($0, key: key) }
        case .scalar(let scalar) where scalar.isNull: return []
        default:
            report(.wrongType(key: key, expected: "a list of strings", found: describe(entry.node)), entry.node)
            return []
        }
    }

    // MARK: Locations and messages

    mutating func report(_ problem: GraphProblem, _ node: Node) {
        diagnostics.append(Diagnostic(problem, at: location(of: node)))
    }

    func location(of node: Node) -> SourceLocation? {
        node.mark.map { SourceLocation(file: file, line: $0.line, column: $0.column) }
    }

    func scalarText(_ node: Node) -> String {
        if case .scalar(let scalar) = node { return scalar.string }
        return describe(node)
    }

    /// "a string", "a list", … — what a node is, for "expected X, found Y" messages.
    func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence(let items): return "a list of \(items.count) item\(items.count == 1 ? "" : "s")"
        case .alias: return "an alias"
        case .scalar(let scalar):
            switch scalar.value {
            case .null: return "nothing (null)"
            case .bool: return "a boolean (\(scalar.string))"
            case .number: return "a number (\(scalar.string))"
            case .string: break
            }
            // Only the head is counted: describing a 300 KB string must not walk all of it.
            let head = scalar.string.prefix(41)
            let text = head.count > 40 ? String(head.prefix(40)) + "…" : String(head)
            return "a string ('\(text)')"
        }
    }

    func syntaxDiagnostic(for error: any Error, in text: String) -> Diagnostic {
        guard let yamlError = error as? YamlError else {
            return Diagnostic(.syntax("\(error)"), at: SourceLocation(file: file, line: 1, column: 1))
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let message = context.map { "\(problem) (\($0.text) at line \($0.mark.line))" } ?? problem
            return Diagnostic(.syntax(message), at: SourceLocation(file: file, line: mark.line, column: mark.column))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return Diagnostic(.other("key \(keys) appears twice in the same mapping"),
                              at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column))
        case .reader(let problem, let offset, _, _):
            var line = 1, column = 1
            if let offset {
                for byte in text.utf8.prefix(offset) {
                    if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
                }
            }
            return Diagnostic(.syntax(problem), at: SourceLocation(file: file, line: line, column: column))
        default:
            return Diagnostic(.syntax("\(yamlError)"), at: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    /// File order, each problem once (a two-way transition is checked as two relations but its
    /// problems sit at one place). Diagnostics without a location keep their order at the end.
    func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen: Set<Diagnostic> = []
        return diagnostics.filter { seen.insert($0).inserted }.enumerated().sorted { a, b in
            let la = a.element.location, lb = b.element.location
            switch (la, lb) {
            case let (x?, y?):
                if x.line != y.line { return x.line < y.line }
                if (x.column ?? 0) != (y.column ?? 0) { return (x.column ?? 0) < (y.column ?? 0) }
                return a.offset < b.offset
            case (.some, .none): return true
            case (.none, .some): return false
            case (.none, .none): return a.offset < b.offset
            }
        }.map(\.element)
    }
}

extension String {
    func trimmingWhitespace() -> Substring {
        var s = self[...]
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return s
    }
}

/// What a scalar means under the YAML 1.2 core schema: quoted scalars are strings; a plain one
/// is null (`~`, `null`, empty), a boolean (`true`, `false` in three casings), a number (decimal
/// integers and floats, `.inf`, `.nan`), or else a string. (YAML 1.1's `yes`/`no` are strings, as
/// in YAML 1.2 and JSON.)
enum ScalarValue: Equatable {
    case null, bool(Bool), number(Double), string
}

extension Node.Scalar {
    var value: ScalarValue {
        guard style == .plain || style == .any else { return .string }
        let text = string
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .number(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .number(-.infinity)
        case ".nan", ".NaN", ".NAN": return .number(.nan)
        default: return DecimalNumber.parse(text).map(ScalarValue.number) ?? .string
        }
    }

    var isNull: Bool { value == .null }
}
