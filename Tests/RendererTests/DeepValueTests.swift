import Foundation
import JMESPath
import Renderer
import Testing
import TestSupport

/// Any value a `--query` can make is printed, however deep: a literal or a
/// multi-select hash nests at most `JMESPath.maximumNestingDepth` levels, and
/// each writer gets through that depth on a thread with a quarter of the usual
/// stack (2 MiB of Linux's 8), so a writer that came to spend much more stack a
/// level would fail here first.
@Suite struct DeepValueTests {
    /// Lists and objects, alternately, `depth` levels deep, a string at the bottom.
    static func deep(_ depth: Int) -> JSONValue {
        var value: JSONValue = "bottom"
        for level in 0..<depth {
            value = level % 2 == 0 ? [value, 1] : ["k\(level)": value, "n": .null]
        }
        return value
    }

    @Test(arguments: [OutputFormat.json, .yaml, .text, .table])
    func everyFormatPrintsTheDeepestValueAQueryMakes(format: OutputFormat) throws {
        let depth = JMESPath.maximumNestingDepth
        let value = Self.deep(depth)
        let text = onSmallStack { Renderer(format: format).render(value, title: "ListIncidentRecords") }
        #expect(text.contains("bottom"))
        if format == .json {
            // The JSON output reads back as the same value.
            #expect(try JSONValue(parsing: text) == value)
        }
    }

    @Test func aQueryThatBuildsTheDeepestValueIsPrinted() throws {
        let depth = JMESPath.maximumNestingDepth - 2
        let literal = "`" + String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth) + "`"
        let value = try JMESPath.search(literal, in: nil)
        for format in [OutputFormat.json, .yaml, .text, .table] {
            let text = onSmallStack { Renderer(format: format).render(value, title: "X") }
            #expect(text.contains("1"), "\(format)")
        }
    }
}
