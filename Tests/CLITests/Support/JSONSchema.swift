import Foundation

/// A JSON value with its exact type: `true` is not the number 1, and `2.5` is not an integer.
enum JSONValue: Decodable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    static func parse(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    /// The JSON Schema type names this value has (an integer is also a number).
    var typeNames: Set<String> {
        switch self {
        case .null: return ["null"]
        case .bool: return ["boolean"]
        case .number(let value): return value.rounded() == value && value.isFinite ? ["number", "integer"] : ["number"]
        case .string: return ["string"]
        case .array: return ["array"]
        case .object: return ["object"]
        }
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }
}

/// A validator for the subset of JSON Schema (draft 2020-12) that `Schemas/*.schema.json` use:
/// `type` (a name or a list), `properties`, `required`, `additionalProperties` (a boolean or a
/// schema), `items`, `enum`, `minimum`, `anyOf`, and `$ref` to the schema's own `$defs`.
/// Annotations (`$schema`, `$id`, `title`, `description`) are ignored. Any other keyword is an
/// error in the schema, so a schema cannot rely on a rule this validator would silently skip.
struct JSONSchemaValidator {
    struct SchemaError: Error, CustomStringConvertible {
        var description: String
    }

    static let annotations: Set<String> = ["$schema", "$id", "title", "description", "$defs"]
    static let keywords: Set<String> = ["type", "properties", "required", "additionalProperties", "items", "enum", "minimum", "anyOf", "$ref"]

    let root: JSONValue

    init(schema: JSONValue) { root = schema }

    /// Every way `instance` breaks the schema, each as "path: problem"; empty when it is valid.
    func errors(in instance: JSONValue) throws -> [String] {
        var found: [String] = []
        try check(instance, against: root, at: "$", into: &found)
        return found
    }

    private func check(_ instance: JSONValue, against schema: JSONValue, at path: String, into found: inout [String]) throws {
        guard case .object(let rules) = schema else {
            if case .bool(let allowed) = schema {
                if !allowed { found.append("\(path): not allowed here") }
                return
            }
            throw SchemaError(description: "\(path): a schema must be an object or a boolean")
        }
        for key in rules.keys where !Self.keywords.contains(key) && !Self.annotations.contains(key) {
            throw SchemaError(description: "unsupported keyword '\(key)' in the schema for \(path)")
        }
        if case .string(let reference)? = rules["$ref"] {
            try check(instance, against: try resolve(reference), at: path, into: &found)
        }
        if let type = rules["type"] {
            let allowed: [String]
            switch type {
            case .string(let name): allowed = [name]
            case .array(let names): allowed = names.compactMap { if case .string(let n) = $0 { n } else { nil } }
            default: throw SchemaError(description: "\(path): 'type' must be a name or a list of names")
            }
            if instance.typeNames.isDisjoint(with: allowed) {
                found.append("\(path): expected \(allowed.joined(separator: " or ")), found \(instance.typeNames.sorted().last!)")
                return
            }
        }
        if case .array(let choices)? = rules["enum"], !choices.contains(instance) {
            found.append("\(path): \(instance) is not one of the allowed values")
        }
        if case .number(let minimum)? = rules["minimum"], case .number(let value) = instance, value < minimum {
            found.append("\(path): \(value) is below the minimum \(minimum)")
        }
        if case .array(let alternatives)? = rules["anyOf"] {
            var matched = false
            for alternative in alternatives {
                var ignored: [String] = []
                try check(instance, against: alternative, at: path, into: &ignored)
                if ignored.isEmpty { matched = true; break }
            }
            if !matched { found.append("\(path): matches none of the anyOf alternatives") }
        }
        if case .object(let members) = instance {
            let properties: [String: JSONValue]
            if case .object(let declared)? = rules["properties"] { properties = declared } else { properties = [:] }
            if case .array(let required)? = rules["required"] {
                for case .string(let name) in required where members[name] == nil {
                    found.append("\(path): missing required property '\(name)'")
                }
            }
            for (name, value) in members.sorted(by: { $0.key < $1.key }) {
                if let property = properties[name] {
                    try check(value, against: property, at: "\(path).\(name)", into: &found)
                } else if let additional = rules["additionalProperties"] {
                    if case .bool(false) = additional {
                        found.append("\(path): property '\(name)' is not in the schema")
                    } else {
                        try check(value, against: additional, at: "\(path).\(name)", into: &found)
                    }
                }
            }
        }
        if case .array(let elements) = instance, let items = rules["items"] {
            for (i, element) in elements.enumerated() {
                try check(element, against: items, at: "\(path)[\(i)]", into: &found)
            }
        }
    }

    /// `#/$defs/name` in this schema.
    private func resolve(_ reference: String) throws -> JSONValue {
        let prefix = "#/$defs/"
        guard reference.hasPrefix(prefix), let definition = root["$defs"]?[String(reference.dropFirst(prefix.count))] else {
            throw SchemaError(description: "cannot resolve $ref '\(reference)' (only #/$defs/NAME is supported)")
        }
        return definition
    }
}
