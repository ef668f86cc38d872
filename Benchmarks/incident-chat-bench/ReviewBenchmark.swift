import Backend
import Catalog
import Foundation
import SQLiteBackend

/// `incident-chat review` (release binary) of an incident with 100,000
/// timeline events on SQLite, to an HTML file: its time and peak memory (the
/// issue's bounds: 2 s, 200 MB); and the HTML's size for 5,000 events (3 MB).
func reviewFigures() throws -> [Figure] {
    let folder = try temporaryFolder("review")
    defer { try? FileManager.default.removeItem(at: folder) }
    var figures: [Figure] = []
    for count in [5_000, 100_000] {
        let store = folder.appendingPathComponent("store-\(count).sqlite").path
        let arn = try reviewStore(at: store, events: count)
        let out = folder.appendingPathComponent("review-\(count).html").path
        let run = try measureProcess(incidentChat, ["review", "--store", store, arn, "--output-file", out])
        let size = (try? FileManager.default.attributesOfItem(atPath: out)[.size] as? Int) ?? 0
        print(String(format: "review: %d events: %.2f s, peak resident memory %.1f MB, HTML %.2f MB", count, run.seconds,
                     Double(run.peakBytes) / 1_048_576, Double(size) / 1_048_576))
        figures.append(Figure(name: "review of \(count) timeline events to HTML (SQLite)", seconds: run.seconds, anchorSeconds: nil, anchorName: "—"))
    }
    return figures
}

/// A SQLite store with one incident whose `count` events span three days; returns its ARN.
private func reviewStore(at path: String, events count: Int) throws -> String {
    let backend = try SQLiteBackend(path: path, clock: FixedWallClock(Date(timeIntervalSince1970: 1_795_514_400)), ids: RandomIDGenerator())
    let context = CallContext(user: "bench")
    return try blocking {
        try await backend.withBatch { batch in
            _ = try await batch.send(Request(.incidents(.createReplicationSet),
                                             input: ["regions": .map(["us-east-1": .structure([:])])]), context: context)
            let plan = try await batch.send(Request(.incidents(.createResponsePlan), input: [
                "name": .string("review"), "incidentTemplate": .structure(["title": .string("Review bench"), "impact": .integer(2)]),
            ]), context: context)
            let started = try await batch.send(Request(.incidents(.startIncident),
                                                       input: ["responsePlanArn": plan["arn"] ?? .string("")]), context: context)
            let arn = started["incidentRecordArn"]?.string ?? ""
            let step = 3.0 * 86400 / Double(count)
            for i in 0..<count {
                _ = try await batch.send(Request(.incidents(.createTimelineEvent), input: [
                    "incidentRecordArn": .string(arn), "eventTime": .timestamp(Date(timeIntervalSince1970: 1_795_514_400 + Double(i) * step)),
                    "eventType": .string(i % 7 == 0 ? "Note" : "Custom Event"), "eventData": .string("\"step \(i): <b>done</b> & checked\""),
                ]), context: context)
            }
            return arn
        }
    }
}
