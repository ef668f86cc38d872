import Foundation
import Syntax

/// The eight chat commands of the seed document, as responders type them.
let seedCommands: [String] = {
    let arn = "arn:aws:ssm-incidents::111122223333:incident-record/db-failover/6cc4f0b2-1111-2222-3333-444455556666"
    let event = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
    return [
        "@aws ssm-incidents create-timeline-event --incident-record-arn \(arn) --event-time 2026-11-24T10:00:00Z --event-type \"Custom Event\" --event-data '\"Failover started\"'",
        "@aws ssm-incidents delete-timeline-event --incident-record-arn \(arn) --event-id \(event)",
        "@aws ssm-incidents get-incident-record --arn \(arn)",
        "@aws ssm-incidents get-timeline-event --incident-record-arn \(arn) --event-id \(event)",
        "@aws ssm-incidents list-incident-records --filters key=status,condition={equals={stringValues=[OPEN]}} --max-results 10",
        "@aws ssm-incidents list-timeline-events --incident-record-arn \(arn) --sort-by EVENT_TIME --sort-order DESCENDING",
        "@aws ssm-incidents update-incident-record --arn \(arn) --impact 2 --status RESOLVED --summary \"Replica promoted; writes restored\"",
        "@aws ssm-incidents update-timeline-event --incident-record-arn \(arn) --event-id \(event) --event-data '\"Failover complete\"'",
    ]
}()

/// Lexing and parsing the seed commands, in bytes per second, beside Python's
/// `shlex.split` (a POSIX shell word splitter, with no syntax tree) on the same text.
func syntaxFigures() throws -> [Figure] {
    let files = seedCommands.map { SourceFile(name: SourceFile.chatName, text: $0) }
    let bytes = Double(files.reduce(0) { $0 + $1.bytes.count })
    let seconds = secondsPerOperation(budget: 1.0) {
        for file in files { consume(Parser.parseMessage(file)) }
    }
    let script = packageRoot.appendingPathComponent("Benchmarks/python/shlex_bench.py").path
    let input = try JSONSerialization.data(withJSONObject: seedCommands)
    let inputFile = FileManager.default.temporaryDirectory.appendingPathComponent("seed-commands.json")
    try input.write(to: inputFile)
    let anchor = try JSONSerialization.jsonObject(with: runPython([script, inputFile.path])) as? [String: Double]
    return [Figure(name: "lex+parse seed commands", ours: bytes / seconds,
                   anchor: anchor?["bytes_per_second"], anchorName: "python shlex.split", unit: "B/s")]
}
