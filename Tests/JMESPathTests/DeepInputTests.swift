import Foundation
import JMESPath
import Testing
import TestSupport

/// Issue 14: 100,000-long expressions and the deepest documents. Nesting past
/// the limit is a syntax error with a column; a chain of fields is a flat list
/// of steps, compiled and evaluated without recursion; the interpreter's
/// walks over the deepest document (equality, serialization, flattening)
/// finish on a thread with a quarter of the usual stack (2 MiB of Linux's 8).
@Suite struct DeepInputTests {
    @Test(arguments: ["(", "[", "!", "{a:", "& ", "a | ("])
    func aHundredThousandOpeningsAreASyntaxError(open: String) {
        let text = String(repeating: open, count: 100_000) + "a"
        // A debug build's parser spends over 4 MiB on 512 levels of `a | (`: the thread has Linux's default 8 MiB.
        let error = onSmallStack(8 << 20) { () -> JMESPathError? in
            do throws(JMESPathError) { _ = try JMESPath.Expression(compiling: text); return nil } catch { return error }
        }
        #expect(error?.kind == .syntax)
        #expect(error?.message.contains("nested too deeply") == true)
        #expect(error?.column != nil)
    }

    @Test func aHundredThousandFieldsAreAFlatChain() throws {
        let text = Array(repeating: "a", count: 100_000).joined(separator: ".")
        var document: JSONValue = "end"
        for _ in 0..<JSONValue.maximumNestingDepth { document = ["a": document] }
        let doc = document
        let result = onSmallStack { () -> Result<JSONValue, JMESPathError> in
            do throws(JMESPathError) { return .success(try JMESPath.Expression(compiling: text).evaluate(on: doc)) } catch { return .failure(error) }
        }
        // Deeper than the document: null, as the specification says of a missing field.
        #expect(try result.get() == .null)
        let exact = Array(repeating: "a", count: JSONValue.maximumNestingDepth).joined(separator: ".")
        #expect(try JMESPath.search(exact, in: document) == "end")
    }

    @Test func theInterpreterWalksTheDeepestDocument() throws {
        let depth = JSONValue.maximumNestingDepth
        let text = String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth)
        let document = try JSONValue(parsing: text)
        let results = onSmallStack { () -> [String] in
            ["to_string(@)", "@ == @", "length(to_string(@))", "@[]", "contains([@], @)", "type(@)", "length(sort_by([@, @], &to_string(@)))"]
                .map { expression in
                    do { return try JMESPath.search(expression, in: document).serialized(.compact) } catch { return "error: \(error)" }
                }
        }
        #expect(results[0] == "\"" + text + "\"")
        #expect(results[1] == "true")
        #expect(results[2] == "\(2 * depth + 1)")
        #expect(results[3] == String(repeating: "[", count: depth - 1) + "1" + String(repeating: "]", count: depth - 1))
        #expect(results[4] == "true")
        #expect(results[5] == "\"array\"")
        #expect(results[6] == "2")
    }
}
