import Foundation
import Testing

/// The validator itself: each rule catches what it should, so a passing schema test means
/// something.
@Suite struct JSONSchemaValidatorTests {
    static let schema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "properties": {
            "name": {"type": "string"},
            "count": {"type": "integer", "minimum": 0},
            "kind": {"enum": ["a", "b"]},
            "items": {"type": "array", "items": {"$ref": "#/$defs/item"}},
            "maybe": {"anyOf": [{"$ref": "#/$defs/item"}, {"type": "null"}]},
            "map": {"type": "object", "additionalProperties": {"type": "number"}}
          },
          "required": ["name", "count"],
          "additionalProperties": false,
          "$defs": {"item": {"type": "object", "properties": {"x": {"type": "number"}}, "required": ["x"], "additionalProperties": false}}
        }
        """

    func errors(_ instance: String) throws -> [String] {
        try JSONSchemaValidator(schema: try JSONValue.parse(Self.schema)).errors(in: try JSONValue.parse(instance))
    }

    @Test func aValidInstancePasses() throws {
        #expect(try errors(#"{"name": "n", "count": 2, "kind": "a", "items": [{"x": 1.5}], "maybe": null, "map": {"k": 1}}"#).isEmpty)
        #expect(try errors(#"{"name": "n", "count": 2.0, "maybe": {"x": 0}}"#).isEmpty)
    }

    @Test(arguments: [
        (#"{"count": 1}"#, "$: missing required property 'name'"),
        (#"{"name": "n", "count": 1, "extra": true}"#, "$: property 'extra' is not in the schema"),
        (#"{"name": 1, "count": 1}"#, "$.name: expected string, found number"),
        (#"{"name": "n", "count": 1.5}"#, "$.count: expected integer, found number"),
        (#"{"name": "n", "count": "1"}"#, "$.count: expected integer, found string"),
        (#"{"name": "n", "count": true}"#, "$.count: expected integer, found boolean"),
        (#"{"name": "n", "count": -1}"#, "$.count: -1.0 is below the minimum 0.0"),
        (#"{"name": "n", "count": 1, "kind": "c"}"#, "$.kind: string(\"c\") is not one of the allowed values"),
        (#"{"name": "n", "count": 1, "items": [{"x": 1}, {"y": 1}]}"#, "$.items[1]: missing required property 'x'"),
        (#"{"name": "n", "count": 1, "maybe": 3}"#, "$.maybe: matches none of the anyOf alternatives"),
        (#"{"name": "n", "count": 1, "map": {"k": "v"}}"#, "$.map.k: expected number, found string"),
        (#"[]"#, "$: expected object, found array"),
    ])
    func eachRuleCatchesItsProblem(instance: String, error: String) throws {
        let found = try errors(instance)
        #expect(found.contains(error), "\(found)")
    }

    @Test func anUnsupportedKeywordIsASchemaError() throws {
        let validator = JSONSchemaValidator(schema: try JSONValue.parse(#"{"type": "string", "pattern": "^a"}"#))
        #expect(throws: JSONSchemaValidator.SchemaError.self) { try validator.errors(in: .string("b")) }
        let dangling = JSONSchemaValidator(schema: try JSONValue.parse(##"{"$ref": "#/$defs/none"}"##))
        #expect(throws: JSONSchemaValidator.SchemaError.self) { try dangling.errors(in: .null) }
    }
}
