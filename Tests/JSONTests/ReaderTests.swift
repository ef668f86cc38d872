import JSON
import Testing

/// Records what the reader hands a builder, with spans, to check the positions it reports.
private struct SpanBuilder: JSONBuilder {
    var events: [String] = []
    mutating func null(at span: Range<Int>) -> Int { events.append("null@\(span)"); return 0 }
    mutating func bool(_ value: Bool, at span: Range<Int>) -> Int { events.append("\(value)@\(span)"); return 0 }
    mutating func number(_ value: JSONNumber, at span: Range<Int>) -> Int { events.append("\(value)@\(span)"); return 0 }
    mutating func string(_ value: String, at span: Range<Int>) -> Int { events.append("\(value.debugDescription)@\(span)"); return 0 }
    mutating func makeArray() -> Int { 0 }
    mutating func append(_ element: Int, to array: inout Int) { array += 1 }
    mutating func finish(_ array: Int, at span: Range<Int>) -> Int { events.append("array(\(array))@\(span)"); return 0 }
    mutating func makeObject() -> [String] { [] }
    mutating func add(_ key: String, at keySpan: Range<Int>, _ value: Int, to object: inout [String]) { object.append("\(key)@\(keySpan)") }
    mutating func finish(_ object: [String], at span: Range<Int>) -> Int { events.append("object\(object)@\(span)"); return 0 }
}

@Suite("JSON: the reader")
struct ReaderTests {
    @Test func readsDocuments() throws {
        let json = try JSON(reading: Array(#" {"a": [1, -2.5, 1e3, true, false, null, "x\n\u00e9\ud83d\ude00"], "b": {}} "#.utf8))
        #expect(json["a"] == .array([.integer(1), .double(-2.5), .double(1000), .bool(true), .bool(false), .null, .string("x\né😀")]))
        #expect(json["b"] == .object([]))
        #expect(json["c"] == nil)
    }

    @Test func integersAtTheEdgesOfInt64() throws {
        #expect(try JSON(reading: "9223372036854775807") == .integer(.max))
        #expect(try JSON(reading: "-9223372036854775808") == .integer(.min))
        #expect(try JSON(reading: "9223372036854775808") == .double(9223372036854775808))
        #expect(try JSON(reading: "-9223372036854775809") == .double(-9223372036854775809))
        #expect(try JSON(reading: "18446744073709551616") == .double(18446744073709551616))
        #expect(try JSON(reading: "-0") == .integer(0))
        #expect(try JSON(reading: "1.0") == .double(1))
        #expect(try JSON(reading: "1E2") == .double(100))
        #expect(try JSON(reading: "1e400") == .double(.infinity))
        var builder = SpanBuilder()
        _ = try JSONReader.read("[9223372036854775808, 12345678901234567890123]", dialect: .python, into: &builder)
        #expect(builder.events.prefix(2) == [#"bigInteger("9223372036854775808")@1..<20"#, #"bigInteger("12345678901234567890123")@22..<45"#])
    }

    @Test(arguments: [
        "0.1", "-0.0", "1795514400.125", "123456.789e-3", "9007199254740993.0", "9007199254740993e0", "1e22", "1e23",
        "5e-324", "4.9e-324", "1.7976931348623157e308", "2.2250738585072014e-308", "0.30000000000000004", "1E+2",
        "12345678901234567890.5", "0.000001", "3.14159265358979323846264338327950288", "1e-22", "8.5e-23", "1e99999",
    ])
    func doublesReadAsSwiftReadsThem(_ text: String) throws {
        let expected = try #require(Double(text))
        let read = try #require(try JSON(reading: text).number)
        #expect(read.bitPattern == expected.bitPattern)
    }

    @Test func doublesRoundTripThroughTheirShortestDigits() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<20_000 {
            // splitmix64
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            let value = Double(bitPattern: z)
            guard value.isFinite else { continue }
            for candidate in [value, Double(Int64(bitPattern: z) % 1_000_000_000) / 1000] {
                let text = "\(candidate)"
                let read = try #require(try JSON(reading: text).number)
                #expect(read.bitPattern == candidate.bitPattern, "\(text)")
            }
        }
    }

    @Test func longStringsFindEveryQuoteEscapeAndControlCharacter() throws {
        for length in 0..<40 {
            for at in 0..<length {
                var plain = Array(repeating: UInt8(ascii: "a"), count: length)
                #expect(try JSON(reading: [0x22] + plain + [0x22]) == .string(String(repeating: "a", count: length)))
                plain[at] = 0x5C
                let escaped = [0x22] + plain[..<(at + 1)] + [UInt8(ascii: "n")] + plain[(at + 1)...] + [0x22]
                #expect(try JSON(reading: escaped).string?.utf8.count == length, "escape at \(at) of \(length)")
                plain[at] = 0x01
                #expect(throws: JSONError.self) { try JSON(reading: [0x22] + plain + [0x22]) }
                plain[at] = 0xFF
                #expect(throws: JSONError.self) { try JSON(reading: [0x22] + plain + [0x22]) }
                #expect(try JSON(reading: [0x22] + plain + [0x22], dialect: .jmespath).string?.unicodeScalars.filter { $0 == "\u{FFFD}" }.count == 1)
                plain.replaceSubrange(at..<(at + 1), with: Array("é".utf8))
                #expect(try JSON(reading: [0x22] + plain + [0x22]).string?.unicodeScalars.count == length)
                #expect(throws: JSONError.self, "the quote ends the string") { try JSON(reading: [0x22] + plain + [0x22, 0x20, 0x31]) }
            }
        }
    }

    @Test func reportsSpans() throws {
        var builder = SpanBuilder()
        _ = try JSONReader.read(#"{"k": [true, "é"], "n": null}"#, dialect: .wire, into: &builder)
        #expect(builder.events == ["true@7..<11", "\"é\"@13..<17", "array(2)@6..<18", "null@25..<29", "object[\"k@1..<4\", \"n@20..<23\"]@0..<30"])
    }

    @Test func keepsDuplicateMembersInOrder() throws {
        #expect(try JSON(reading: #"{"a":1,"b":2,"a":3}"#) == .object([("a", .integer(1)), ("b", .integer(2)), ("a", .integer(3))]))
    }

    @Test func surrogatePairs() throws {
        #expect(try JSON(reading: #""\ud83d\ude00\u00e9\u20ac""#) == .string("😀é€"))
        #expect(try JSON(reading: #""\uD83D\uDE00""#) == .string("😀"))
        // Lenient dialects put U+FFFD for a lone surrogate; the wire refuses it.
        #expect(try JSON(reading: #""\ud800x""#, dialect: .jmespath) == .string("\u{FFFD}x"))
        #expect(try JSON(reading: #""\ud800\u0041""#, dialect: .python) == .string("\u{FFFD}A"))
        #expect(try JSON(reading: #""\udc00""#, dialect: .jmespath) == .string("\u{FFFD}"))
        for text in [#""\ud800""#, #""\udc00x""#, #""\ud800\u0041""#] {
            #expect(throws: JSONError.self) { try JSON(reading: text) }
            #expect((try? JSON(reading: text)) == nil)
        }
        do { _ = try JSON(reading: #"["a\ud800"]"#); Issue.record("read a lone surrogate") } catch {
            #expect(error.kind == .unicode)
            #expect(error.offset == 3)
        }
    }

    @Test func invalidUTF8() throws {
        for bytes: [UInt8] in [[0x22, 0xC3, 0x28, 0x22], [0x22, 0x5C, 0x6E, 0xFF, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xC0, 0xAF, 0x22]] {
            do { _ = try JSON(reading: bytes); Issue.record("read invalid UTF-8 \(bytes)") } catch {
                #expect(error.kind == .unicode)
                #expect(error.message == "invalid UTF-8 in a string")
            }
            #expect(try JSON(reading: bytes, dialect: .jmespath).string?.contains("\u{FFFD}") == true)
        }
    }

    @Test(arguments: [
        "", " ", "{", "[1,]", #"{"a":1,}"#, "{'a':1}", "01", "1.", "1e", "-", "tru", "nul", #""\x""#,
        "[1] 2", "\"a\u{01}b\"", "{\"a\" 1}", "NaN", "Infinity", "-Infinity", "[1 2]", #"{"a":1 "b":2}"#, "\"abc", #""\u12""#,
        "/* */ 1", "[1,2,]", "+1", ".5",
    ])
    func refusesMalformedWireJSON(_ text: String) {
        #expect(throws: JSONError.self) { try JSON(reading: text) }
    }

    @Test func errorsSayWhatAndWhere() {
        func failure(_ text: String, _ dialect: JSONDialect = .wire) -> String {
            do { _ = try JSON(reading: text, dialect: dialect); return "read" } catch { return error.description }
        }
        #expect(failure("") == "expected a value, found the end at byte 0")
        #expect(failure("[1 2]") == "expected ',' or ']' at byte 3")
        #expect(failure(#"{"a":1"#) == "expected ',' or '}', found the end at byte 6")
        #expect(failure("{1:2}") == "expected a property name in double quotes at byte 1")
        #expect(failure(#"{"a" 1}"#) == "expected ':' after the property name at byte 5")
        #expect(failure(#"  "abc"#) == "unterminated string at byte 2")
        #expect(failure(#""a\qb""#) == #"invalid escape '\q' at byte 2"#)
        #expect(failure("\"a\nb\"") == "a control character must be escaped inside a string at byte 2")
        #expect(failure("1 2") == "extra data after the JSON value at byte 2")
        #expect(failure("-x") == "expected a value at byte 0")
        #expect(failure(#""\u12G4""#) == #"invalid \u escape at byte 5"#)
    }

    @Test func pythonDialectReadsNonFiniteNumbers() throws {
        #expect(try JSON(reading: "[NaN, Infinity, -Infinity]", dialect: .python).array?.map { $0.number?.isFinite } == [false, false, false])
        #expect(try JSON(reading: "-Infinity", dialect: .python) == .double(-.infinity))
        #expect(throws: JSONError.self) { try JSON(reading: "NaN", dialect: .jmespath) }
        #expect(throws: JSONError.self) { try JSON(reading: "-Infinity", dialect: .wire) }
    }

    @Test(arguments: [JSONDialect.wire, .python, .jmespath])
    func depthLimit(_ dialect: JSONDialect) throws {
        let limit = dialect.maxDepth
        let deepest = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        _ = try JSON(reading: deepest, dialect: dialect)
        let objects = String(repeating: #"{"a":"#, count: limit) + "1" + String(repeating: "}", count: limit)
        _ = try JSON(reading: objects, dialect: dialect)
        let tooDeep = "[" + deepest + "]"
        do { _ = try JSON(reading: tooDeep, dialect: dialect); Issue.record("read \(limit + 1) levels") } catch {
            #expect(error.kind == .tooDeep)
            #expect(error.offset == limit)
            #expect(error.message == "the value nests deeper than \(limit) levels")
        }
        // Far deeper input is refused as soon as the limit is passed, without exhausting the stack.
        #expect(throws: JSONError.self) { try JSON(reading: String(repeating: "[", count: 1_000_000), dialect: dialect) }
    }

    @Test func wireDepthIsBoundedWellBelowAHundred() {
        #expect(JSONDialect.wire.maxDepth <= 100)
        #expect(throws: JSONError.self) { try JSON(reading: String(repeating: "[", count: 101) + String(repeating: "]", count: 101)) }
    }

    @Test func accessors() throws {
        let json = try JSON(reading: #"{"i": 3, "d": 2.5, "s": "x", "b": true, "z": null, "a": [1]}"#)
        #expect(json["i"]?.number == 3)
        #expect(json["d"]?.number == 2.5)
        #expect(json["s"]?.string == "x")
        #expect(json["b"]?.bool == true)
        #expect(json["z"]?.isNull == true)
        #expect(json["a"]?.array == [.integer(1)])
        #expect(json.members?.map(\.key) == ["i", "d", "s", "b", "z", "a"])
        #expect(json["i"]?.typeName == "number")
        #expect(json.typeName == "object")
    }

    @Test func equalityComparesStringsByScalars() {
        // "é" precomposed and decomposed are canonically equivalent, yet different JSON strings.
        #expect(JSON.string("\u{E9}") != JSON.string("e\u{301}"))
        #expect(JSON.integer(1) != JSON.double(1))
        #expect(JSON.object([("a", 1), ("b", 2)]) != JSON.object([("b", 2), ("a", 1)]))
    }
}
