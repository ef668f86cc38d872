import Foundation
import JMESPath

/// The compliance suite's benchmark cases (benchmarks.json): `parse` cases compile,
/// `interpret` cases evaluate a compiled expression, `full` cases do both. The anchor is
/// the Python `jmespath` package doing the same, with its compile cache bypassed.
func jmespathFigures() throws -> [Figure] {
    let fixture = packageRoot.appendingPathComponent("Tests/JMESPathTests/Fixtures/compliance/benchmarks.json")
    var cases = try loadBenchmarkCases(fixture)
    // BENCH_ONLY=text keeps the cases whose comment contains it, and skips Python (for profiling).
    let only = ProcessInfo.processInfo.environment["BENCH_ONLY"]
    if let only { cases = cases.filter { $0.comment.contains(only) } }

    var ours: [Double] = []
    for c in cases {
        let compiled = try JMESPath.Expression(compiling: c.expression)
        let seconds: Double
        switch c.kind {
        case "parse":
            seconds = try secondsPerOperation { consume(try JMESPath.Expression(compiling: c.expression)) }
        case "interpret":
            seconds = try secondsPerOperation { consume(try compiled.evaluate(on: c.given)) }
        default:
            seconds = try secondsPerOperation {
                consume(try JMESPath.Expression(compiling: c.expression).evaluate(on: c.given))
            }
        }
        ours.append(seconds)
    }

    var python: [Double]? = nil
    var anchorName = "python jmespath"
    if only == nil { do {
        let script = packageRoot.appendingPathComponent("Benchmarks/python/jmespath_bench.py")
        let report = try JSONValue(parsing: [UInt8](try runPython([script.path, fixture.path])))
        python = report["cases"]?.array?.compactMap { $0["seconds_per_op"]?.number }
        if let version = report["version"]?.string { anchorName += " \(version)" }
        if python?.count != cases.count { python = nil }
    } catch {
        print("notice: the Python jmespath package could not be measured: \(error)")
    } }

    var figures: [Figure] = []
    for (i, c) in cases.enumerated() {
        figures.append(Figure(name: "jmespath \(c.kind): \(c.comment)", ours: 1 / ours[i],
                              anchor: python.map { 1 / $0[i] }, anchorName: anchorName))
    }
    // One pass over every case, as one operation.
    figures.append(Figure(name: "jmespath: all \(cases.count) benchmark cases", ours: 1 / ours.reduce(0, +),
                          anchor: python.map { 1 / $0.reduce(0, +) }, anchorName: anchorName))
    return figures
}

private struct BenchmarkCase {
    let comment: String
    let expression: String
    let given: JSONValue
    let kind: String
}

private func loadBenchmarkCases(_ url: URL) throws -> [BenchmarkCase] {
    let suites = try JSONValue(parsing: [UInt8](try Data(contentsOf: url))).array ?? []
    var cases: [BenchmarkCase] = []
    for suite in suites {
        for c in suite["cases"]?.array ?? [] {
            guard let kind = c["bench"]?.string, let expression = c["expression"]?.string else { continue }
            cases.append(BenchmarkCase(comment: c["comment"]?.string ?? expression, expression: expression,
                                       given: suite["given"] ?? .null, kind: kind))
        }
    }
    return cases
}
