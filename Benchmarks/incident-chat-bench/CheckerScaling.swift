import Checker
import Foundation
import Syntax

/// A runbook-like stream of distinct commands: the seed mix, round robin, with
/// the identifiers, times, texts and numbers varied from one command to the
/// next, so that nothing the checker does can be answered from a previous
/// command. Every command it makes is valid.
struct CommandStream {
    private var counter = 0

    mutating func next() -> String {
        let i = counter
        counter += 1
        let hex = String(i, radix: 16)
        let id8 = String(repeating: "0", count: max(0, 8 - hex.count)) + hex
        let id12 = String(repeating: "0", count: max(0, 12 - hex.count)) + hex
        let arn = "arn:aws:ssm-incidents::111122223333:incident-record/plan-\(i % 97)/\(id8)-1111-2222-3333-444455556666"
        let event = "a1b2c3d4-5678-90ab-cdef-\(id12)"
        let minute = i % 60, second = (i / 60) % 60
        let time = "2026-11-24T10:\(minute < 10 ? "0" : "")\(minute):\(second < 10 ? "0" : "")\(second)Z"
        switch i % 8 {
        case 0:
            return "@aws ssm-incidents create-timeline-event --incident-record-arn \(arn) --event-time \(time) --event-type \"Custom Event\" --event-data '\"Step \(i) started\"'"
        case 1:
            return "@aws ssm-incidents delete-timeline-event --incident-record-arn \(arn) --event-id \(event)"
        case 2:
            return "@aws ssm-incidents get-incident-record --arn \(arn)"
        case 3:
            return "@aws ssm-incidents get-timeline-event --incident-record-arn \(arn) --event-id \(event)"
        case 4:
            let status = i % 16 == 4 ? "OPEN" : "RESOLVED"
            return "@aws ssm-incidents list-incident-records --filters key=status,condition={equals={stringValues=[\(status)]}} --max-results \(1 + i % 100)"
        case 5:
            return "@aws ssm-incidents list-timeline-events --incident-record-arn \(arn) --sort-by EVENT_TIME --sort-order \(i % 16 == 5 ? "ASCENDING" : "DESCENDING")"
        case 6:
            return "@aws ssm-incidents update-incident-record --arn \(arn) --impact \(1 + i % 5) --status \(i % 16 == 6 ? "OPEN" : "RESOLVED") --summary \"Replica \(i) promoted; writes restored\""
        default:
            return "@aws ssm-incidents update-timeline-event --incident-record-arn \(arn) --event-id \(event) --event-data '\"Step \(i) complete\"'"
        }
    }
}

/// Checking throughput over streams of 10^3 … 10^6 distinct commands, each
/// lexed, parsed and checked once. The stream is made in chunks outside the
/// timed part and checked chunk by chunk, so memory stays bounded (one chunk
/// of text, no syntax trees kept) whatever the length.
func checkerScalingFigures(anchor: Double?, anchorName: String) throws -> [Figure] {
    let checker = Checker()
    let chunk = 1_000
    var figures: [Figure] = []
    for exponent in 3...6 {
        let total = Int(pow(10, Double(exponent)))
        var stream = CommandStream()
        var files: [SourceFile] = []
        files.reserveCapacity(chunk)
        let clock = ContinuousClock()
        var elapsed = Duration.zero
        var checked = 0
        var failed = 0
        while checked < total {
            files.removeAll(keepingCapacity: true)
            for _ in 0..<min(chunk, total - checked) {
                files.append(SourceFile(name: SourceFile.chatName, text: stream.next()))
            }
            let start = clock.now
            for file in files {
                if let command = Parser.parseMessage(file).command {
                    let result = checker.check(command, in: file, context: .chat)
                    if result.command == nil { failed += 1 }
                    consume(result)
                } else {
                    failed += 1
                }
            }
            elapsed += start.duration(to: clock.now)
            checked += files.count
        }
        guard failed == 0 else { throw BenchmarkError("\(failed) commands of the generated stream do not check") }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        figures.append(Figure(name: "check a stream of 10^\(exponent) distinct commands", ours: Double(total) / seconds,
                              anchor: anchor, anchorName: anchorName, unit: "cmd/s"))
    }
    return figures
}
