import Testing
@testable import JMESPath

/// Every case of every file of the official compliance suite.
@Suite struct ComplianceTests {
    @Test("compliance suite file", arguments: ComplianceSuite.files)
    func file(_ name: String) throws {
        let cases = try ComplianceSuite.cases(in: name)
        #expect(!cases.isEmpty)
        for c in cases {
            if let failure = Self.check(c) { Issue.record(Comment(rawValue: failure)) }
        }
    }

    @Test func everyFileIsThere() {
        #expect(ComplianceSuite.files.count == 16)
        let total = ComplianceSuite.files.reduce(0) { $0 + ((try? ComplianceSuite.cases(in: $1).count) ?? 0) }
        #expect(total == 908)
    }

    @Test func checkerReportsMismatches() {
        let wrong = ComplianceSuite.Case(file: "self-test", given: ["a": 1], expression: "a",
                                         result: 2, error: nil, bench: nil)
        #expect(Self.check(wrong)?.contains("expected: 2") == true)
        let wrongKind = ComplianceSuite.Case(file: "self-test", given: nil, expression: "a[",
                                             result: nil, error: "invalid-type", bench: nil)
        #expect(Self.check(wrongKind)?.contains("syntax") == true)
        let right = ComplianceSuite.Case(file: "self-test", given: ["a": [1, 2]], expression: "a[-1]",
                                         result: 2, error: nil, bench: nil)
        #expect(Self.check(right) == nil)
    }

    /// Why the case fails, or `nil` when it passes.
    static func check(_ c: ComplianceSuite.Case) -> String? {
        let outcome: Result<JSONValue, JMESPathError>
        do {
            let expression = try JMESPath.Expression(compiling: c.expression)
            outcome = .success(try expression.evaluate(on: c.given))
        } catch {
            outcome = .failure(error)
        }
        let header = "\(c.file): \(c.expression)"
        switch (outcome, c.result, c.error) {
        case (.success(let actual), let expected?, _):
            return actual == expected ? nil : "\(header)\n  expected: \(expected)\n  actual:   \(actual)"
        case (.failure(let error), let expected?, _):
            return "\(header)\n  expected: \(expected)\n  actual:   \(error)"
        case (.failure(let error), nil, let kind?):
            return error.kind.rawValue == kind ? nil : "\(header)\n  expected: \(kind) error\n  actual:   \(error)"
        case (.success(let actual), nil, let kind?):
            return "\(header)\n  expected: \(kind) error\n  actual:   \(actual)"
        case (.success, nil, nil):
            return nil  // a benchmark case: it only has to evaluate
        case (.failure(let error), nil, nil):
            return "\(header)\n  expected: a result\n  actual:   \(error)"
        }
    }
}
