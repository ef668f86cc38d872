import Foundation
import JMESPath
import JSON

/// A typical response: a full page (100) of `list-timeline-events` summaries, as the service sends it.
let timelinePage: [UInt8] = {
    let arn = "arn:aws:ssm-incidents::111122223333:incident-record/db-failover/6cc4f0b2-1111-2222-3333-444455556666"
    let summaries: [JSON] = (0..<100).map { i in
        let time = 1_795_514_400.0 + Double(i) * 37.125
        return .object([
            ("eventId", .string("a1b2c3d4-5678-90ab-cdef-\(String(format: "%012d", i))")),
            ("eventTime", .double(time)),
            ("eventType", .string(i % 3 == 0 ? "Custom Event" : "Note")),
            ("eventUpdatedTime", .double(time + 0.5)),
            ("incidentRecordArn", .string(arn)),
            ("eventReferences", .array(i % 4 == 0 ? [.object([("resource", .string(arn + "/related/\(i)"))])] : [])),
        ])
    }
    return JSONWriter.encode(.object([("eventSummaries", .array(summaries)), ("nextToken", .string("eyJvZmZzZXQiOjEwMH0="))]))
}()

/// Reading a typical response, in bytes per second: the one reader building `JSON`
/// (as the wire does) and building JMESPath's values (as `--query` needs them),
/// beside Python's `json.loads` on the same bytes.
func jsonFigures() throws -> [Figure] {
    let bytes = Double(timelinePage.count)
    let wire = try secondsPerOperation(budget: 1.0) { consume(try JSON(reading: timelinePage)) }
    let jmespath = try secondsPerOperation(budget: 1.0) { consume(try JSONValue(parsing: timelinePage)) }
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("list-timeline-events-page.json")
    try Data(timelinePage).write(to: file)
    let script = packageRoot.appendingPathComponent("Benchmarks/python/json_loads_bench.py").path
    let anchor = (try? JSON(reading: [UInt8](runPython([script, file.path]))))?["bytes_per_second"]?.number
    return [
        Figure(name: "json read: list-timeline-events page (\(timelinePage.count) B) → JSON", ours: bytes / wire,
               anchor: anchor, anchorName: "python json.loads", unit: "B/s"),
        Figure(name: "json read: list-timeline-events page → JMESPath value", ours: bytes / jmespath,
               anchor: anchor, anchorName: "python json.loads", unit: "B/s"),
    ]
}
