import Completion
import Backend
import Catalog
import Foundation
import Interpreter
import REPL
import SQLiteBackend

private let context = CallContext(user: "bench")

/// A SQLite store with a replication set and a response plan; returns the plan's ARN.
private func preparedStore(at path: String) throws -> (SQLiteBackend, String) {
    let backend = try SQLiteBackend(path: path, clock: SystemWallClock(), ids: RandomIDGenerator())
    let plan = try blocking {
        _ = try await backend.send(Request(.incidents(.createReplicationSet),
                                           input: ["regions": .map(["us-east-1": .structure([:])])]), context: context)
        let plan = try await backend.send(Request(.incidents(.createResponsePlan), input: [
            "name": .string("bench"), "incidentTemplate": .structure(["title": .string("Bench"), "impact": .integer(3)]),
        ]), context: context)
        return plan["arn"]?.string ?? ""
    }
    return (backend, plan)
}

/// TAB after `--arn ` with 10,000 incidents in the store: the completer asks the
/// backend for the incidents, as in the REPL.
func completionFigures() throws -> [Figure] {
    let folder = try temporaryFolder("completion")
    let (backend, plan) = try preparedStore(at: folder.appendingPathComponent("store.sqlite").path)
    try blocking {
        try await backend.withBatch { batch in
            for i in 0..<10_000 {
                _ = try await batch.send(Request(.incidents(.startIncident), input: [
                    "responsePlanArn": .string(plan), "title": .string("incident \(i)"),
                ]), context: context)
            }
        }
    }
    let source = LiveValueSource(backend: backend, context: context)
    let completer = Completer(live: BlockingLiveValues { kind, given in await source.values(kind, given: given) })
    let line = "@aws ssm-incidents get-incident-record --arn "
    let operation = "@aws ssm-incidents create-timeline-event --incident-record-arn x --ev"
    let live = secondsPerOperation(budget: 1) { consume(completer.complete(line, cursor: line.utf8.count)) }
    let options = secondsPerOperation(budget: 0.5) { consume(completer.complete(operation, cursor: operation.utf8.count)) }
    try? FileManager.default.removeItem(at: folder)
    return [
        Figure(name: "completion: an incident ARN, 10,000 incidents", seconds: live, anchorSeconds: nil, anchorName: "—"),
        Figure(name: "completion: an option", seconds: options, anchorSeconds: nil, anchorName: "—"),
    ]
}

/// `list-timeline-events --max-results 20` on an incident with 10^3 … 10^6 events (SQLite).
func listFigures() throws -> [Figure] {
    var figures: [Figure] = []
    for count in [1_000, 10_000, 100_000, 1_000_000] {
        let folder = try temporaryFolder("list-\(count)")
        let (backend, plan) = try preparedStore(at: folder.appendingPathComponent("store.sqlite").path)
        let incident = try blocking {
            let started = try await backend.send(Request(.incidents(.startIncident),
                                                         input: ["responsePlanArn": .string(plan)]), context: context)
            let arn = started["incidentRecordArn"]?.string ?? ""
            try await backend.withBatch { batch in
                for i in 0..<count {
                    _ = try await batch.send(Request(.incidents(.createTimelineEvent), input: [
                        "incidentRecordArn": .string(arn), "eventTime": .timestamp(Date(timeIntervalSince1970: 1_795_000_000 + Double(i))),
                        "eventType": .string("Custom Event"), "eventData": .string("\"\(i)\""),
                    ]), context: context)
                }
            }
            return arn
        }
        let list = Request(.incidents(.listTimelineEvents),
                           input: ["incidentRecordArn": .string(incident), "maxResults": .integer(20)])
        let seconds = try secondsPerOperation(budget: 0.5) {
            consume(try blocking { try await backend.send(list, context: context) })
        }
        figures.append(Figure(name: "list 20 timeline events of \(count)", seconds: seconds, anchorSeconds: nil, anchorName: "—"))
        try? FileManager.default.removeItem(at: folder)
    }
    return figures
}
