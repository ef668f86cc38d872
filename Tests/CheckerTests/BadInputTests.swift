@testable import Checker
import Foundation
import Syntax
import Testing

/// Malformed and oversized input gets diagnostics, never a crash.
@Suite struct BadInputTests {
    @Test func oneMebibyteOfJSON() {
        let keys = (0..<40_000).map { "\"key\($0)\": \"value-\($0)-xxxxxx\"" }.joined(separator: ", ")
        let json = "{" + keys + "}"
        #expect(json.utf8.count > 1 << 20)
        let started = Date()
        let (result, _) = Support.check("@aws ssm-incidents tag-resource --resource-arn x --tags '\(json)'")
        // The model allows 50 tags at most: one diagnostic, quickly.
        #expect(result.diagnostics.map(\.code).contains("length-out-of-range"))
        #expect(Date().timeIntervalSince(started) < 5)
        let list = "[" + (0..<60_000).map { "\"k\($0)xxxx\"" }.joined(separator: ",") + "]"
        #expect(Support.codes("@aws ssm-incidents untag-resource --resource-arn x --tag-keys '\(list)'") == ["length-out-of-range"])
    }

    @Test(arguments: [257, 1000, 100_000])
    func deepNesting(depth: Int) {
        let json = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(!Support.codes("@aws ssm-incidents untag-resource --resource-arn x --tag-keys '\(json)'").isEmpty)
        let shorthand = "a=" + String(repeating: "{b=", count: depth) + "c" + String(repeating: "}", count: depth)
        #expect(!Support.codes("@aws ssm-incidents tag-resource --resource-arn x --tags '\(shorthand)'").isEmpty)
    }

    @Test(arguments: ["5", "\"text\"", "true", "null", "[1]", "{\"a\": [null]}", "1e999", "-Infinity", "{\"a\": {\"b\": 1}}", "99999999999999999999999"])
    func validJSONOfTheWrongType(json: String) {
        for option in ["--tags", "--resource-arn"] {
            let message = "@aws ssm-incidents tag-resource --resource-arn x \(option == "--tags" ? "" : "--tags a=b ")\(option) '\(json)'"
            _ = Support.check(message)
        }
        #expect(!Support.codes("@aws ssm-incidents tag-resource --resource-arn x --tags '\(json)'").isEmpty)
        #expect(!Support.codes("@aws ssm-incidents list-incident-records --filters '\(json)'").isEmpty)
    }

    @Test func randomBytesNeverCrash() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["{", "}", "[", "]", "\"", "'", ",", "=", ":", "\\", " ", "a", "1", "@=", "file://", "é", "\u{1F600}", "--", "key", "null"]
        for _ in 0..<2000 {
            let value = (0..<Int.random(in: 0..<24, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            for option in ["--tags", "--filters", "--max-results", "--event-time"] {
                _ = Support.check("@aws ssm-incidents list-incident-records \(option) \(value.isEmpty ? "x" : value)")
                _ = Support.check("@aws ssm-incidents tag-resource --resource-arn x \(option) '\(value.replacingOccurrences(of: "'", with: ""))'")
            }
        }
    }
}
