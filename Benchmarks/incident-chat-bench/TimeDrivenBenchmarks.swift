import Backend
import Catalog
import Foundation
import MemoryBackend
import SQLiteBackend

private let context = CallContext(user: "bench")

/// `count` engagements of a three-stage escalation (stages 10 minutes
/// apart, each paging a person with no stages of her own), started at the
/// clock's time: each leaves two steps due later.
private func startEngagements(_ backend: some IncidentBackend, count: Int, creatingContacts: Bool = true) throws {
    try blocking {
        let contact = "arn:aws:ssm-contacts:us-east-1:\(CallContext.defaultAccountId):contact/"
        if creatingContacts {
            _ = try await backend.send(Request(.contacts(.createContact), input: [
                "Alias": .string("p"), "Type": .string("PERSONAL"), "Plan": .structure(["Stages": .list([])]),
            ]), context: context)
            let stage: Value = .structure(["DurationInMinutes": .integer(10), "Targets": .list([
                .structure(["ContactTargetInfo": .structure(["ContactId": .string(contact + "p"), "IsEssential": .boolean(false)])]),
            ])])
            _ = try await backend.send(Request(.contacts(.createContact), input: [
                "Alias": .string("team"), "Type": .string("ESCALATION"), "Plan": .structure(["Stages": .list([stage, stage, stage])]),
            ]), context: context)
        }
        try await backend.withBatch { batch in
            for i in 0..<count {
                _ = try await batch.send(Request(.contacts(.startEngagement), input: [
                    "ContactId": .string(contact + "team"), "Sender": .string("bench"), "Subject": .string("s\(i)"),
                    "Content": .string("c"),
                ]), context: context)
            }
        }
    }
}

/// The catch-up before every command when nothing is due (10,000 engagements
/// waiting), and catching up 100,000 due steps when SQLite reopens.
func timeDrivenFigures() throws -> [Figure] {
    var figures: [Figure] = []
    let start = Date(timeIntervalSince1970: 1_795_000_000)
    let folder = try temporaryFolder("time")
    let path = folder.appendingPathComponent("store.sqlite").path
    let memoryClock = FixedWallClock(start)
    let memory = MemoryBackend(clock: memoryClock, ids: SeededIDGenerator(seed: 1))
    let sqliteClock = FixedWallClock(start)
    let sqlite = try SQLiteBackend(path: path, clock: sqliteClock, ids: SeededIDGenerator(seed: 1))
    for (name, backend) in [("memory", memory as any EngineBackend), ("SQLite", sqlite)] {
        try startEngagements(backend, count: 10_000)
        let now = start.millis
        let seconds = try blocking {
            try await backend.transaction { store in
                try secondsPerOperation { consume(try backend.engine.catchUp(until: now, store: store)) }
            }
        }
        figures.append(Figure(name: "catch-up before a command, nothing due (\(name))", ours: 1 / seconds, anchor: nil,
                              anchorName: "\(String(format: "%.2f", seconds * 1e6)) µs a command; at most 2 µs"))
    }
    // 50,000 more engagements, two steps each due: 100,000 steps once the store reopens an hour later.
    try startEngagements(sqlite, count: 40_000, creatingContacts: false)
    let later = FixedWallClock(start + 3600)
    let reopened = try SQLiteBackend(path: path, clock: later, ids: SeededIDGenerator(seed: 2))
    let clock = ContinuousClock()
    let began = clock.now
    let sent = try blocking { try await reopened.transaction { store in try reopened.engine.catchUp(until: later.now().millis, store: store) } }
    let elapsed = began.duration(to: clock.now)
    let total = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    figures.append(Figure(name: "catching up \(sent) due steps on reopening (SQLite)", ours: Double(sent) / total, anchor: nil,
                          anchorName: "\(String(format: "%.2f", total)) s in all; at most 5 s", unit: "steps/s"))
    return figures
}
