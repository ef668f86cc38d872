import Backend
import Catalog
import Foundation
import SQLiteBackend

/// The scheduler on the wall clock: 10,000 engagements of a three-stage
/// escalation (one minute a stage, each paging a person whose one SMS channel
/// gets the page) started at once on SQLite; the scheduler must run every
/// step within one second of its due time. A step's lateness is read when its
/// page reaches the scheduler's `deliver`, against the instant the page was
/// due. Takes a little over two minutes: the stages are a minute each.
func schedulerFigures() throws -> [Figure] {
    let folder = try temporaryFolder("scheduler")
    let clock = FixedWallClock.following()
    let backend = try SQLiteBackend(path: folder.appendingPathComponent("store.sqlite").path, clock: clock,
                                    ids: SeededIDGenerator(seed: 3))
    let context = CallContext(user: "bench")
    let count = 10_000
    try blocking {
        func send(_ operation: ContactsOperation, _ input: [String: Value]) async throws -> Value {
            var request = Request(.contacts(operation))
            for (name, value) in input.sorted(by: { $0.key < $1.key }) { request.input[name] = value }
            return try await backend.send(request, context: context)
        }
        let person = try await send(.createContact, ["Alias": .string("p"), "Type": .string("PERSONAL"),
                                                      "Plan": .structure(["Stages": .list([])])])["ContactArn"]!.string!
        let channel = try await send(.createContactChannel, [
            "ContactId": .string(person), "Name": .string("sms"), "Type": .string("SMS"),
            "DeliveryAddress": .structure(["SimpleAddress": .string("+15555550100")]),
        ])["ContactChannelArn"]!.string!
        let code = try await backend.outbox(contactChannelArn: channel).last!.code
        _ = try await send(.activateContactChannel, ["ContactChannelId": .string(channel), "ActivationCode": .string(code)])
        _ = try await send(.updateContact, ["ContactId": .string(person), "Plan": .structure(["Stages": .list([
            .structure(["DurationInMinutes": .integer(0), "Targets": .list([
                .structure(["ChannelTargetInfo": .structure(["ContactChannelId": .string(channel)])]),
            ])]),
        ])])])
        let stage: Value = .structure(["DurationInMinutes": .integer(1), "Targets": .list([
            .structure(["ContactTargetInfo": .structure(["ContactId": .string(person), "IsEssential": .boolean(false)])]),
        ])])
        let team = try await send(.createContact, ["Alias": .string("team"), "Type": .string("ESCALATION"),
                                                    "Plan": .structure(["Stages": .list([stage, stage, stage])])])["ContactArn"]!.string!
        try await backend.withBatch { batch in
            for i in 0..<count {
                var request = Request(.contacts(.startEngagement))
                request.input["ContactId"] = .string(team)
                request.input["Sender"] = .string("bench")
                request.input["Subject"] = .string("s\(i)")
                request.input["Content"] = .string("c")
                _ = try await batch.send(request, context: context)
            }
        }
    }
    // Stages two and three: a page each, 20,000 in all, due one and two minutes after each start.
    let expected = 2 * count
    final class Lateness: @unchecked Sendable {
        let lock = NSLock()
        var seen = 0, onTime = 0, worst = 0.0, total = 0.0
    }
    let lateness = Lateness()
    let began = Date()
    let scheduler = Scheduler(backend: backend)
    let running = Task.detached {
        await scheduler.run { sent in
            let now = Date()
            lateness.lock.withLock {
                for message in sent where message.kind == .page {
                    let late = now.timeIntervalSince(Date(millis: message.time))
                    lateness.seen += 1
                    if late <= 1 { lateness.onTime += 1 }
                    lateness.total += late
                    lateness.worst = max(lateness.worst, late)
                }
            }
        }
    }
    while lateness.lock.withLock({ lateness.seen }) < expected, Date().timeIntervalSince(began) < 240 {
        Thread.sleep(forTimeInterval: 0.2)
    }
    running.cancel()
    let (seen, onTime, worst, mean) = lateness.lock.withLock {
        (lateness.seen, lateness.onTime, lateness.worst, lateness.total / Double(max(lateness.seen, 1)))
    }
    return [Figure(name: "scheduler: \(count) engagements of 3 stages, \(seen) of \(expected) later steps run (SQLite)",
                   ours: Double(onTime), anchor: nil,
                   anchorName: "latest \(String(format: "%.3f", worst)) s after its due time (mean \(String(format: "%.3f", mean)) s); at most 1 s",
                   unit: "steps ≤ 1 s late")]
}
