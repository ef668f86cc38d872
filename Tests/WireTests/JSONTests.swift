import Foundation
import Testing
@testable import Wire

@Suite("Wire: JSON")
struct JSONTests {
    @Test func parsesDocuments() throws {
        let json = try JSONParser.parse(Array(#" {"a": [1, -2.5, 1e3, true, false, null, "x\n\u00e9\ud83d\ude00"], "b": {}} "#.utf8))
        #expect(json["a"] == .array([.integer(1), .double(-2.5), .double(1000), .bool(true), .bool(false), .null, .string("x\né😀")]))
        #expect(json["b"] == .object([]))
        #expect(try JSONParser.parse(Array("9223372036854775807".utf8)) == .integer(Int64.max))
        #expect(try JSONParser.parse(Array("9223372036854775808".utf8)) == .double(9223372036854775808))
    }

    @Test(arguments: [
        "", "{", "[1,]", #"{"a":1,}"#, "{'a':1}", "01", "1.", "-", "tru", #""\x""#, #""\ud800""#, #""\udc00x""#,
        "[1] 2", "\"a\u{01}b\"", "{\"a\" 1}", "NaN", "[" + String(repeating: "[", count: 70) + String(repeating: "]", count: 71),
    ])
    func refusesMalformed(_ text: String) {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(Array(text.utf8)) }
    }

    @Test func refusesInvalidUTF8() {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse([0x22, 0xC3, 0x28, 0x22]) }
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse([0x22, 0x5C, 0x6E, 0xFF, 0x22]) }
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse([0x22, 0xED, 0xA0, 0x80, 0x22]) }
    }

    @Test func writesAndReadsBack() throws {
        let value = JSON.object([("s", .string("q\"\\\u{01}\t/é")), ("n", .array([.integer(-3), .double(0.1), .double(1e300)])),
                                 ("b", .bool(false)), ("z", .null)])
        let bytes = JSONWriter.encode(value)
        #expect(try JSONParser.parse(bytes) == value)
        #expect(String(decoding: JSONWriter.encode(.double(1795514400)), as: UTF8.self) == "1795514400")
        #expect(String(decoding: JSONWriter.encode(.double(.infinity)), as: UTF8.self) == "\"Infinity\"")
    }
}
