import JSON
import Catalog
import Checker
import Constraints
import Foundation
import Syntax

/// Checking the seed commands (lex, parse, decode, validate with the models'
/// patterns), in commands per second on one core, beside botocore validating
/// and serializing the same requests (what the AWS CLI does after parsing its
/// arguments). A second figure: one model pattern (the incident-record ARN)
/// with our matcher, beside Swift's `Regex`. Between them, the scaling rows
/// (`CheckerScaling.swift`).
func checkerFigures() throws -> [Figure] {
    let files = seedCommands.map { SourceFile(name: SourceFile.chatName, text: $0) }
    let checker = Checker()
    // Every seed command must check, or the figure would measure error paths.
    var requests: [JSON] = []
    for file in files {
        guard let command = Parser.parseMessage(file).command,
              let checked = checker.check(command, in: file, context: .chat).command else {
            throw BenchmarkError("a seed command does not check: \(String(decoding: file.bytes, as: UTF8.self))")
        }
        requests.append(.object([("service", .string(checked.service.name.rawValue)),
                                 ("operation", .string(checked.operation.name)),
                                 ("input", RequestJSON.json(checked.request))]))
    }
    // CHECKER_PROFILE=N: only N rounds of checking, for a profiler.
    if let rounds = ProcessInfo.processInfo.environment["CHECKER_PROFILE"].flatMap(Int.init) {
        for _ in 0..<rounds {
            for file in files {
                if let command = Parser.parseMessage(file).command { consume(checker.check(command, in: file, context: .chat)) }
            }
        }
        return []
    }
    let seconds = secondsPerOperation(budget: 1.0) {
        for file in files {
            if let command = Parser.parseMessage(file).command {
                consume(checker.check(command, in: file, context: .chat))
            }
        }
    }
    let ours = Double(files.count) / seconds

    var anchor: Double? = nil
    var anchorName = "python botocore validate+serialize"
    do {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("seed-requests.json")
        try Data(JSON.array(requests).compact.utf8).write(to: input)
        let script = packageRoot.appendingPathComponent("Benchmarks/python/botocore_validate_bench.py").path
        let report = try JSONSerialization.jsonObject(with: runPython([script, input.path])) as? [String: Any]
        anchor = report?["requests_per_second"] as? Double
        if let version = report?["version"] as? String { anchorName += " \(version)" }
    } catch {
        print("notice: botocore could not be measured: \(error)")
    }

    // One pattern: our matcher and Swift Regex on the same ARN.
    let source = "^arn:aws(-cn|-us-gov)?:[a-z0-9-]*:[a-z0-9-]*:([0-9]{12})?:.+$"
    let arn = "arn:aws:ssm-incidents::111122223333:incident-record/db-failover/6cc4f0b2-1111-2222-3333-444455556666"
    let pattern = try Pattern(source)
    let regex = try Regex(source)
    let oursPattern = secondsPerOperation { consume(pattern.matches(arn)) }
    let swiftRegex = secondsPerOperation { consume(arn.firstMatch(of: regex) != nil) }

    // Issue 9.3: the same work over long streams of distinct commands, to show it stays flat.
    let scaling = try checkerScalingFigures(anchor: anchor, anchorName: anchorName + " (seed mix)")

    return [
        Figure(name: "check seed commands (lex+parse+validate)", ours: ours, anchor: anchor, anchorName: anchorName,
               unit: "cmd/s"),
    ] + scaling + [
        Figure(name: "model pattern (incident-record ARN)", ours: 1 / oursPattern, anchor: 1 / swiftRegex,
               anchorName: "Swift Regex", unit: "match/s"),
    ]
}
