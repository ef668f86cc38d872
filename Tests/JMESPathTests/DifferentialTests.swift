import Foundation
import Testing
@testable import JMESPath

/// Random expressions over random documents, evaluated here and by the Python `jmespath`
/// package (the reference the AWS CLI uses): same result or same kind of error.
///
/// Known differences, accepted and counted (the compliance suite passes either way):
/// - Function names and argument counts are checked when compiling; Python checks them
///   only when a call is reached, so it may return a result (or fail otherwise) first.
/// - Python raises its own `TypeError` (not a JMESPath error) for an ordering comparison of
///   a number with a string (the specification says null, as here), for `contains` of a
///   non-string in a string (false here), and for `min_by`/`max_by` keys of mixed types
///   (invalid-type here).
/// - A slice right after an index (`a[0][1:]`) starts a projection, as the specification's
///   grammar says; Python appends it to the index expression without projecting.
/// - `merge` checks the type of every argument; Python checks only the first, so a later
///   string fails with its `ValueError` and a later array of pairs is merged.
/// - Numbers are doubles here: `to_string` prints an integral float as `2`, Python as `2.0`.
/// - Python compares `1 == true` (and `0 == false`) inside arrays and objects; the
///   generator avoids 0 and 1 in documents so that this quirk does not show.
@Suite struct DifferentialTests {
    /// `JMESPATH_DIFFERENTIAL_CASES` and `JMESPATH_DIFFERENTIAL_SEED` widen a local search.
    static let caseCount = Int(ProcessInfo.processInfo.environment["JMESPATH_DIFFERENTIAL_CASES"] ?? "") ?? 3_000
    static let seed = UInt64(ProcessInfo.processInfo.environment["JMESPATH_DIFFERENTIAL_SEED"] ?? "") ?? 20_261_125

    @Test(.enabled(if: PythonReference.isAvailable, "needs python3 with the jmespath package"))
    func agreesWithThePythonReference() throws {
        var generator = ExpressionGenerator(seed: Self.seed)
        var cases: [(expression: String, given: JSONValue)] = []
        for _ in 0..<Self.caseCount {
            cases.append((generator.testExpression(), generator.document()))
        }
        let answers = try PythonReference.evaluate(cases)
        try #require(answers.count == cases.count)

        var tally: [String: Int] = [:]
        for (c, answer) in zip(cases, answers) {
            let ours: Result<JSONValue, JMESPathError>
            do {
                ours = .success(try JMESPath.Expression(compiling: c.expression).evaluate(on: c.given))
            } catch {
                ours = .failure(error)
            }
            let verdict = Self.compare(ours, answer, expression: c.expression)
            tally[verdict, default: 0] += 1
            if verdict == "same result", case .success(let value) = ours, !value.isNull { tally["non-null results", default: 0] += 1 }
            if verdict == "same error", case .failure(let error) = ours { tally["error: " + error.kind.rawValue, default: 0] += 1 }
            if verdict == "different" {
                Issue.record("""
                    \(c.expression)
                      given:  \(c.given)
                      ours:   \(Self.describe(ours))
                      python: \(answer)
                    """)
            }
        }
        print("differential: \(cases.count) cases:", tally.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        #expect((tally["same result"] ?? 0) >= cases.count / 3)
        #expect((tally["non-null results"] ?? 0) >= cases.count / 5)
        #expect((tally["same error"] ?? 0) >= 50)
    }

    static func describe(_ outcome: Result<JSONValue, JMESPathError>) -> String {
        switch outcome {
        case .success(let value): value.serialized()
        case .failure(let error): "\(error)"
        }
    }

    /// "same result", "same error", "known: ..." or "different".
    static func compare(_ ours: Result<JSONValue, JMESPathError>, _ python: JSONValue, expression: String) -> String {
        let pythonError = python["error"]?.string
        if case .failure(let error) = ours, error.kind == .invalidType, error.message.hasPrefix("merge()"),
           pythonError != "invalid-type" {
            return "known: merge() argument types"
        }
        switch (ours, pythonError) {
        case (.success(let value), nil):
            let theirs = python["result"] ?? .null
            if value == theirs { return "same result" }
            if sameUpToNumberFormatting(value, theirs) { return "known: to_string of a float" }
            if sliceAfterIndex(expression) { return "known: slice after an index" }
            return "different"
        case (.failure(let error), let kind?):
            if error.kind.rawValue == kind { return "same error" }
            if kind == "python-TypeError" { return "known: Python TypeError" }
            if error.kind == .unknownFunction || error.kind == .invalidArity { return "known: function checked when compiling" }
            return "different"
        case (.failure(let error), nil):
            if error.kind == .unknownFunction || error.kind == .invalidArity { return "known: function checked when compiling" }
            return "different"
        case (.success, let kind?):
            if kind == "python-TypeError" { return "known: Python TypeError" }
            if kind != "syntax" && sliceAfterIndex(expression) { return "known: slice after an index" }
            return "different"
        }
    }

    /// Equal once strings that hold JSON are compared as JSON (`"2"` and `"2.0"`).
    static func sameUpToNumberFormatting(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)):
            if x == y { return true }
            guard let px = try? JSONValue(parsing: x), let py = try? JSONValue(parsing: y) else { return false }
            return px == py
        case (.array(let x), .array(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { sameUpToNumberFormatting($0, $1) }
        case (.object(let x), .object(let y)):
            return x.count == y.count && x.entries.allSatisfy { key, value in
                y[key].map { sameUpToNumberFormatting(value, $0) } ?? false
            }
        default:
            return a == b
        }
    }

    static func sliceAfterIndex(_ expression: String) -> Bool {
        expression.range(of: #"\[-?[0-9]+\]\[-?[0-9]*:"#, options: .regularExpression) != nil
    }
}

/// The Python `jmespath` package, run once for a whole batch of cases.
enum PythonReference {
    static var script: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scripts/jmespath-reference.py")
    }

    static let isAvailable: Bool = {
        let available = (try? run(["-c", "import jmespath"]).status) == 0
        if !available { print("notice: python3 or its jmespath package is missing; the differential test is skipped") }
        return available
    }()

    static func run(_ arguments: [String]) throws -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    /// One answer per case: `{"result": ...}` or `{"error": kind, "class": name}`.
    static func evaluate(_ cases: [(expression: String, given: JSONValue)]) throws -> [JSONValue] {
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("jmespath-differential-\(UInt64.random(in: 0...UInt64.max)).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        var lines = ""
        for c in cases {
            let line: JSONValue = ["expression": .string(c.expression), "given": c.given]
            lines += line.serialized(.compact) + "\n"
        }
        try lines.write(to: file, atomically: true, encoding: .utf8)
        let (status, output) = try run([script.path, file.path])
        guard status == 0 else { throw JMESPathError(.syntax, "python exited with status \(status)") }
        return try String(decoding: output, as: UTF8.self).split(separator: "\n").map { try JSONValue(parsing: String($0)) }
    }
}
