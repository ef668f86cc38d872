import Testing
@testable import JMESPath
import TestSupport

@Suite struct ParserTests {
    func compileError(_ text: String) -> JMESPathError? {
        #expect(throws: JMESPathError.self) { try JMESPath.Expression(compiling: text) }
    }

    @Test("syntax errors point at the offending token", arguments: [
        ("", 1), ("   ", 4), ("foo.", 5), ("foo.]", 5), ("foo[", 5), ("foo[1", 6), ("foo[1:2:3:4]", 10),
        ("foo]", 4), ("(foo", 5), ("foo bar", 5), ("[a, b", 6), ("{a: b", 6), ("{a b}", 4), ("{1: a}", 2),
        ("foo.1", 5), ("a ||", 5), ("length(a,)", 10), ("abs(a b)", 7), ("\"abs\"(1)", 6), ("@(1)", 1),
        ("*.[0]", 4), ("foo[?]", 6), ("!", 2), ("a.{}", 4), ("[1 2]", 4), ("[1:2 3]", 6),
        ("a | | b", 5), ("é", 1), ("'é' x", 5),
    ])
    func columns(_ text: String, _ column: Int) {
        let error = compileError(text)
        #expect(error?.kind == .syntax)
        #expect(error?.column == column, "\(text): \(String(describing: error))")
    }

    @Test func unknownFunctionsAndArityAreCompileErrors() {
        #expect(compileError("nope(@)")?.kind == .unknownFunction)
        #expect(compileError("nope(@)")?.column == 1)
        #expect(compileError("a.length()")?.kind == .invalidArity)
        #expect(compileError("a.length()")?.column == 3)
        #expect(compileError("merge()")?.kind == .invalidArity)
        #expect(compileError("not_null()")?.kind == .invalidArity)
        // A syntax error anywhere wins over a function error.
        #expect(compileError("nope(@) ||")?.kind == .syntax)
    }

    @Test func errorDescriptions() {
        #expect(compileError("foo.")?.description == "syntax error at column 5: unexpected end of expression, expecting an identifier, '*', '[' or '{'")
        #expect(compileError("a = b")?.description.hasPrefix("syntax error at column 3:") == true)
        #expect(compileError("nope()")?.description == "unknown-function error at column 1: unknown function: nope()")
    }

    @Test func chainsAreFlat() throws {
        let expression = try JMESPath.Expression(compiling: "a.b[0].c | d")
        guard case .chain(let steps) = expression.root else { Issue.record("not a chain"); return }
        #expect(steps.count == 5)
    }

    @Test func longFlatChainsCompile() throws {
        let fields = Array(repeating: "a", count: 20_000).joined(separator: ".")
        let document: JSONValue = ["a": ["a": "x"]]
        #expect(try JMESPath.Expression(compiling: fields).evaluate(on: document) == nil)
        let pipes = Array(repeating: "@", count: 20_000).joined(separator: " | ")
        #expect(try JMESPath.Expression(compiling: pipes).evaluate(on: document) == document)
    }

    /// Each pattern is repeated 10,000 times: opening, then the middle once, then closing.
    @Test("deep nesting is a syntax error, not a crash", arguments: [
        ("(", "a", ")"), ("[", "a", "]"), ("{a:", "a", "}"), ("!", "a", ""), ("&", "a", ""),
        ("abs(", "a", ")"), ("a || ", "a", ""), ("a && ", "a", ""), ("a == ", "a", ""),
        ("", "a", "[]"), ("", "a", "[*]"), ("", "a", "[?b]"), ("", "a", ".*"), ("", "a", "[1:]"),
        ("[", "", ""), ("(", "", ""), ("a.[", "", ""), ("`[", "", "]`"), ("a | [", "a", "]"),
    ])
    func deepNesting(_ open: String, _ middle: String, _ close: String) {
        let count = 10_000
        var text = String(repeating: open, count: count) + middle + String(repeating: close, count: count)
        if open.hasPrefix("`") {
            text = "`" + String(repeating: "[", count: count) + String(repeating: "]", count: count) + "`"
        }
        let error = compileError(text)
        #expect(error?.kind == .syntax)
        #expect(error?.column != nil)
    }

    @Test func nestingUpToTheLimitWorks() throws {
        let depth = JMESPath.maximumNestingDepth - 2
        let text = String(repeating: "[", count: depth) + "@" + String(repeating: "]", count: depth)
        var expected: JSONValue = 1
        for _ in 0..<depth { expected = [expected] }
        #expect(try JMESPath.search(text, in: 1) == expected)
        let ors = Array(repeating: "a", count: 400).joined(separator: " || ") + " || b"
        #expect(try JMESPath.search(ors, in: ["b": 2]) == 2)
        let calls = String(repeating: "abs(", count: depth) + "`-1`" + String(repeating: ")", count: depth)
        #expect(try JMESPath.search(calls, in: nil) == 1)
        let hashes = String(repeating: "{a: ", count: depth) + "@" + String(repeating: "}", count: depth)
        #expect(try JMESPath.search(hashes, in: 1).serialized().count == depth * 7 + 1)
        let projections = "a" + String(repeating: "[*]", count: depth / 2)
        #expect(try JMESPath.search(projections, in: ["a": [[[1]]]]) == [[[]]])
    }

    @Test func randomBytesNeverCrash() {
        var random = SeededRandom(seed: 42)
        let alphabet = Array("abc@&|!=<>[]{}()*.,:?'`\"\\ -019é".unicodeScalars)
        for _ in 0..<20_000 {
            let length = random.next(below: 24)
            var text = ""
            for _ in 0..<length { text.unicodeScalars.append(alphabet[random.next(below: alphabet.count)]) }
            do {
                _ = try JMESPath.Expression(compiling: text).evaluate(on: ["a": [1, "x", ["b": true]], "b": "c"])
            } catch {
                if error.kind == .syntax { #expect(error.column != nil) }
            }
        }
        for _ in 0..<5_000 {
            let bytes = (0..<random.next(below: 32)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            let text = String(decoding: bytes, as: UTF8.self)
            do {
                _ = try JMESPath.Expression(compiling: text).evaluate(on: nil)
            } catch {
                if error.kind == .syntax { #expect(error.column != nil) }
            }
        }
    }
}
