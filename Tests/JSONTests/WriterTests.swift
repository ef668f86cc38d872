import JSON
import Testing

@Suite("JSON: the writer")
struct WriterTests {
    private func text(_ value: JSON, _ format: JSONWriter.Format = .wire) -> String {
        String(decoding: JSONWriter.encode(value, format: format), as: UTF8.self)
    }

    @Test func wireIsCompact() {
        let value: JSON = ["s": .string("q\"\\\u{01}\u{1F}\t\n\r\u{08}\u{0C}/é😀"), "n": [.integer(-3), .double(0.1), .double(1e300)],
                           "b": false, "z": nil, "e": [:], "a": []]
        #expect(text(value) == #"{"s":"q\"\\\u0001\u001f\t\n\r\b\f/é😀","n":[-3,0.1,1e+300],"b":false,"z":null,"e":{},"a":[]}"#)
    }

    @Test func wireDoubles() {
        #expect(text(.double(1795514400)) == "1795514400")
        #expect(text(.double(-2)) == "-2")
        #expect(text(.double(1e15)) == "1000000000000000.0")
        #expect(text(.double(2.5)) == "2.5")
        #expect(text(.double(.infinity)) == "\"Infinity\"")
        #expect(text(.double(-.infinity)) == "\"-Infinity\"")
        #expect(text(.double(.nan)) == "\"NaN\"")
        #expect(text(.integer(.min)) == "-9223372036854775808")
        #expect(text(.integer(.max)) == "9223372036854775807")
    }

    @Test func pythonDoubles() {
        #expect(JSON.double(1).compact == "1.0")
        #expect(JSON.double(-0.0).compact == "-0.0")
        #expect(JSON.double(-5).compact == "-5.0")
        #expect(JSON.double(1e15).compact == "1000000000000000.0")
        #expect(JSON.double(1e16).compact == "1e+16")
        #expect(JSON.double(0.5).compact == "0.5")
        #expect(JSON.double(.nan).compact == "NaN")
        #expect(JSON.double(.infinity).compact == "Infinity")
        #expect(JSON.double(-.infinity).compact == "-Infinity")
    }

    @Test func indentedAsPythonDumpsIndent4() {
        let value: JSON = ["name": "x", "list": [1, ["a": true]], "empty": [], "obj": [:], "n": .double(2)]
        #expect(value.indented() == """
            {
                "name": "x",
                "list": [
                    1,
                    {
                        "a": true
                    }
                ],
                "empty": [],
                "obj": {},
                "n": 2.0
            }
            """)
        #expect(JSON.array([1, 2]).indented(by: 2) == "[\n  1,\n  2\n]")
        #expect(value.compact == #"{"name":"x","list":[1,{"a":true}],"empty":[],"obj":{},"n":2.0}"#)
    }

    @Test func ensureASCIIEscapesEveryNonASCIIScalar() {
        let python = JSONWriter.Format(itemSeparator: ", ", keySeparator: ": ", escapeNonASCII: true)
        #expect(text(["é": ["€", "😀", "\u{7F}", "a"]], python) == #"{"\u00e9": ["\u20ac", "\ud83d\ude00", "\u007f", "a"]}"#)
        // Without ensure_ascii, non-ASCII and DEL pass as they are.
        #expect(text(["\u{7F}é"]) == "[\"\u{7F}é\"]")
    }

    @Test func writesAPieceAtATimeAtALevel() {
        var writer = JSONWriter(format: .indented(4))
        writer.raw("[")
        writer.newline(2)
        writer.json(["a": 1], level: 2)
        writer.separator()
        writer.newline(2)
        writer.string("b")
        writer.colon()
        writer.bool(true)
        writer.raw("]")
        #expect(String(decoding: writer.bytes, as: UTF8.self) == "[\n        {\n            \"a\": 1\n        },\n        \"b\": true]")
    }

    @Test(arguments: [
        #"{"a":[1,-2.5,true,false,null,"x\n\u00e9"],"b":{"c":{}},"d":[]}"#,
        #"["\ud83d\ude00",9223372036854775807,-9223372036854775808,1e-7]"#,
        #"{"a":1,"a":2}"#,
    ])
    func readsBackWhatItWrites(_ source: String) throws {
        let value = try JSON(reading: source)
        #expect(try JSON(reading: JSONWriter.encode(value)) == value)
        #expect(try JSON(reading: value.indented()) == value)
    }
}
