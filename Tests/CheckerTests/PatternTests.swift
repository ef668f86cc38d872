import Catalog
@testable import Checker
@testable import Constraints
import Foundation
import Testing

/// The pattern matcher: every model pattern compiles, and it agrees with
/// Python's `regex` module (`re.search` semantics) on generated strings.
@Suite struct PatternTests {
    static let modelPatterns: [String] = {
        var all: Set<String> = []
        for service in Catalog.shared.services { for shape in service.shapes { if let p = shape.pattern { all.insert(p) } } }
        return all.sorted()
    }()

    @Test func everyModelPatternCompiles() throws {
        #expect(Self.modelPatterns.count >= 20)
        for source in Self.modelPatterns { _ = try Pattern(source) }
    }

    @Test func examples() throws {
        let arnPattern = try Pattern("^arn:aws(-cn|-us-gov)?:[a-z0-9-]*:[a-z0-9-]*:([0-9]{12})?:.+$")
        #expect(arnPattern.matches(arn))
        #expect(!arnPattern.matches("arn:aws:ssm-incidents::1111:x"))
        #expect(arnPattern.matches("arn:aws:ssm-incidents::111122223333:x\n"))   // $ before a final newline
        let tag = try Pattern("^(?!aws:)[A-Za-z0-9 _=@:.+-/]+$")
        #expect(tag.matches("team") && tag.matches("a,b") && !tag.matches("aws:x") && tag.matches("aws-x"))
        let letters = try Pattern("^[\\p{L}\\p{Z}\\p{N}_.\\-]*$")
        #expect(letters.matches("Équipe nuit 2") && !letters.matches("a/b"))
        let nonBlank = try Pattern(".*\\S.*")
        #expect(nonBlank.matches("  x ") && !nonBlank.matches("  \t"))
        // Nested repeats stay fast.
        let nested = try Pattern("^(a+)+$")
        #expect(!nested.matches(String(repeating: "a", count: 40) + "!"))
    }

    /// Found by `fuzz-pattern`: an empty repetition inside a lookahead looped
    /// for ever, because states were not remembered there. Small cases, with
    /// the answers of Python's `regex`, each within a bound on the steps.
    @Test(arguments: [
        ("(?=(a|)*)x", "ab", false),
        ("(?=(a|)*)b", "ab", true),
        ("^(?=(?:|a)*$)", "aaa", true),
        ("(?!(a|)*b)a", "aab", false),
        ("^(?=(?=(a|)*)(a|b|)*c)", "abababc", true),
        ("^(?=(?=(a|)*)(a|b|)*c)", "ababab", false),
    ])
    func emptyRepetitionsInLookaheadsEnd(source: String, text: String, python: Bool) throws {
        let search = try Pattern(source).search(text, stepLimit: Self.stepBound)
        #expect(!search.exhausted, "\(search.steps) steps")
        #expect(search.matched == python)
    }

    /// Far more than any of these needs (a few thousand), far less than a loop.
    static let stepBound = 1_000_000

    /// The fuzzer's own input (its invalid UTF-8 read as U+FFFD, as the
    /// target reads it): nested lookaheads around `$*` and empty alternatives.
    @Test func theFuzzersLookaheadInputEnds() throws {
        let input = try #require(Data(base64Encoded: "Xig/PV4oPz0uKih7KShcdykuJCr/U3R8fHx8fP///////z8heHs1YSRHeykoJCr//////3xcfHcpPyOYLiooeykoXHcpLiQq/1N0fHx8fHz///////8/IXh7NWEkR3spKCQq//////98XHx3KT8jmHxk"))
        let search = try Pattern(String(decoding: input, as: UTF8.self)).search("", stepLimit: Self.stepBound)
        #expect(!search.exhausted, "\(search.steps) steps")
        #expect(!search.matched)
    }

    /// Strings from each pattern's own alphabet, mutated, compared with Python.
    @Test func agreesWithPython() throws {
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("aZ09-_.:/ =+@,!#\\\né€ \u{3000}arn:aws:ssm-contacts:111122223333:contact/x") + ["\u{1F600}"]
        var cases: [(String, String)] = []
        for source in Self.modelPatterns {
            let examples = ["", "team", "arn:aws:ssm-incidents::111122223333:incident-record/db/6cc4",
                            "arn:aws:ssm-contacts:us-east-1:111122223333:contact/alice", "arn:aws:iam::111122223333:role/x",
                            "related-item/METRIC/0123456789ABCDEF0123456789ABCDEF", "5ab3f1b2-87f6-4c1e-9f4e-2d3c4b5a6f70",
                            "aws:team", "Équipe nuit", "a\nb", " "]
            for example in examples {
                cases.append((source, example))
                for _ in 0..<12 {
                    var chars = Array(example)
                    switch Int.random(in: 0..<3, using: &rng) {
                    case 0 where !chars.isEmpty: chars.remove(at: Int.random(in: 0..<chars.count, using: &rng))
                    case 1: chars.insert(alphabet.randomElement(using: &rng)!, at: Int.random(in: 0...chars.count, using: &rng))
                    default: if !chars.isEmpty { chars[Int.random(in: 0..<chars.count, using: &rng)] = alphabet.randomElement(using: &rng)! }
                    }
                    cases.append((source, String(chars)))
                }
            }
        }
        let payload = try JSONSerialization.data(withJSONObject: cases.map { [$0.0, $0.1] })
        let script = "import json,sys,regex\nprint(json.dumps([regex.search(p, s) is not None for p, s in json.load(sys.stdin)]))"
        guard let output = Support.python(script, input: String(decoding: payload, as: UTF8.self)),
              let expected = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [Bool] else {
            print("notice: python3 with the regex module is not available; skipped")
            return
        }
        var disagreements: [String] = []
        for (i, (source, text)) in cases.enumerated() where try Pattern(source).matches(text) != expected[i] {
            disagreements.append("\(source) on \(text.debugDescription): python \(expected[i])")
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
        #expect(cases.count > 2000)
    }
}
