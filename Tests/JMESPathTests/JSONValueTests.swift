import JSON
import Testing
@testable import JMESPath

@Suite struct JSONValueTests {
    @Test func parsesAndKeepsKeyOrder() throws {
        let value = try JSONValue(parsing: #" {"z": 1, "a": [true, false, null], "m": {"k": "v\n\u00e9\ud83d\ude00"}} "#)
        #expect(value.object?.keys == ["z", "a", "m"])
        #expect(value["m"]?["k"] == "v\né😀")
        #expect(value.serialized() == #"{"z": 1, "a": [true, false, null], "m": {"k": "v\n\u00e9\ud83d\ude00"}}"#)
    }

    @Test func duplicateKeysKeepTheFirstPositionAndTheLastValue() throws {
        let value = try JSONValue(parsing: #"{"a": 1, "b": 2, "a": 3}"#)
        #expect(value.serialized() == #"{"a": 3, "b": 2}"#)
    }

    @Test("numbers print as Python prints them", arguments: [
        ("1", "1"), ("-0", "0"), ("1.0", "1"), ("1.5", "1.5"), ("0.1", "0.1"), ("1e2", "100"),
        ("1e-5", "1e-05"), ("0.0001", "0.0001"), ("1.25e-7", "1.25e-07"), ("123456789.125", "123456789.125"),
        ("1e300", "1e+300"), ("12345678901234567890", "1.2345678901234567e+19"), ("4611686018427387904", "4611686018427387904"), ("-2.5", "-2.5"), ("1e19", "1e+19"),
    ])
    func numbers(_ text: String, _ printed: String) throws {
        #expect(try JSONValue(parsing: text).serialized() == printed)
    }

    @Test func formats() throws {
        let value: JSONValue = ["a": [1, "é"], "b": [:], "c": []]
        #expect(value.serialized(.compact) == #"{"a":[1,"\u00e9"],"b":{},"c":[]}"#)
        #expect(value.serialized(.indented(2)) == "{\n  \"a\": [\n    1,\n    \"é\"\n  ],\n  \"b\": {},\n  \"c\": []\n}")
        #expect(JSONValue.string("\u{1}\"\\\t\u{7f}").serialized() == #""\u0001\"\\\t\u007f""#)
    }

    @Test("invalid JSON is rejected", arguments: [
        "", "[1,]", "{\"a\" 1}", "01", "1.", ".5", "[1", "\"open", "\"\\x\"", "tru", "nul", "[] []", "{1: 2}",
        "\"a\u{1}\"", "-", "1e", "NaN",
    ])
    func invalid(_ text: String) {
        #expect(throws: JSONError.self) { try JSONValue(parsing: text) }
    }

    @Test func deepDocumentsAreRejectedNotCrashed() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONError.self) { try JSONValue(parsing: deep) }
    }

    @Test func equalityIsByValueAndCodePoints() {
        #expect(JSONValue.number(1) == 1.0)
        #expect(JSONValue(dictionaryLiteral: ("a", 1), ("b", 2)) == ["b": 2, "a": 1])
        #expect(JSONValue.string("\u{e9}") != .string("e\u{301}"))
        #expect(JSONValue.bool(true) != 1)
        #expect(Set<JSONValue>([["a": 1, "b": 2], ["b": 2, "a": 1]]).count == 1)
    }

    @Test func largeObjectsUseTheIndex() {
        var object = JSONObject()
        for i in 0..<100 { object["k\(i)"] = .number(Double(i)) }
        object["k5"] = "five"
        object.remove("k0")
        #expect(object.count == 99)
        #expect(object["k5"] == "five")
        #expect(object["k99"] == 99)
        #expect(object.keys.first == "k1")
        #expect(object["k0"] == nil)
    }

    /// An object made from distinct keys at once is the object made key by key,
    /// below and above the size where the index starts.
    @Test(arguments: [0, 3, 12, 13, 40])
    func objectsFromDistinctKeys(count: Int) {
        let keys = (0..<count).map { "k\($0)" }
        let values = (0..<count).map { JSONValue.number(Double($0)) }
        var made = JSONObject(distinctKeys: keys, values: values)
        var expected = JSONObject()
        for (key, value) in zip(keys, values) { expected[key] = value }
        #expect(made == expected && made.keys == expected.keys)
        for (key, value) in zip(keys, values) { #expect(made[key] == value) }
        // Setting an existing key replaces it in place; a new key goes last.
        made["k1"] = "one"
        made["new"] = true
        #expect(made.count == count + (count > 1 ? 1 : 2))
        #expect(made["k1"] == "one" && made.keys.last == "new" && made["missing"] == nil)
    }
}
