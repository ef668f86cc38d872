import Backend
import Catalog
import Foundation
import SQLiteBackend
import Testing

/// What only a store on disk has: persistence, schema versions, store failures,
/// several writers.
@Suite("SQLite store")
struct SQLiteStoreTests {
    @Test func persistsAcrossReopen() async throws {
        let h = try BackendKind.sqlite.make()
        let (_, arn) = try await h.incident()
        try await h.createEvent(arn, at: 1)
        let digest = try await h.digest()
        let reopen = try #require(h.reopen)
        let reopened = try reopen()
        #expect(try await (reopened as! SQLiteBackend).digest() == digest)
        let record = try await reopened.send(Request(.incidents(.getIncidentRecord), input: ["arn": .string(arn)]),
                                             context: h.alice)
        #expect(record["incidentRecord"]!["arn"] == .string(arn))
    }

    @Test func migratesFromEmpty() async throws {
        let path = TemporaryStore.path()
        _ = FileManager.default.createFile(atPath: path, contents: Data())
        let backend = try SQLiteBackend(path: path)
        _ = try await backend.send(Request(.incidents(.listResponsePlans)), context: CallContext(user: "a"))
        #expect(try sqlite(path, "PRAGMA user_version") == "\(SQLiteBackend.schemaVersion)")
        #expect(try sqlite(path, "PRAGMA journal_mode") == "wal")
    }

    @Test func refusesNewerSchema() throws {
        let path = TemporaryStore.path()
        _ = try SQLiteBackend(path: path)
        _ = try sqlite(path, "PRAGMA user_version = 99")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        do throws(ServiceError) {
            _ = try SQLiteBackend(path: path)
            Issue.record("a store from a newer schema must be refused")
        } catch {
            #expect(error.code == .internalServer)
            #expect(error.message.contains("newer"))
            #expect(error.message.contains(path))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func refusesNewerMigration() throws {
        let path = TemporaryStore.path()
        _ = try SQLiteBackend(path: path)
        _ = try sqlite(path, "INSERT INTO grdb_migrations VALUES ('v2')")
        #expect(throws: ServiceError.self) { try SQLiteBackend(path: path) }
    }

    @Test func damagedStoreIsAnError() async throws {
        let path = TemporaryStore.path()
        try Data(repeating: 0x42, count: 8192).write(to: URL(fileURLWithPath: path))
        do throws(ServiceError) {
            _ = try SQLiteBackend(path: path)
            Issue.record("a damaged store must be refused")
        } catch {
            #expect(error.code == .internalServer)
            #expect(error.message.contains(path))
        }
    }

    @Test func readOnlyStoreIsAnError() async throws {
        let h = try BackendKind.sqlite.make()
        _ = try await h.createReplicationSet()
        let path = try #require(h.path)
        let before = try await h.digest()
        let backend = try SQLiteBackend(path: path, readOnly: true)
        do throws(ServiceError) {
            _ = try await backend.send(Request(.incidents(.createResponsePlan), input: [
                "incidentTemplate": .structure(["impact": .integer(3), "title": .string("x")]), "name": .string("p"),
            ]), context: h.alice)
            Issue.record("writing a read-only store must fail")
        } catch {
            #expect(error.code == .internalServer)
            #expect(error.message.contains("read-only"))
            #expect(error.message.contains(path))
        }
        // Reading still works, and nothing changed.
        _ = try await backend.send(Request(.incidents(.listResponsePlans)), context: h.alice)
        #expect(try await backend.digest() == before)
        // A read-only open of a store without the schema is refused, not migrated.
        let fresh = TemporaryStore.path()
        _ = FileManager.default.createFile(atPath: fresh, contents: Data())
        #expect(throws: ServiceError.self) { try SQLiteBackend(path: fresh, readOnly: true) }
    }

    @Test func lockedStoreIsAnError() async throws {
        let h = try BackendKind.sqlite.make()
        _ = try await h.createReplicationSet()
        let path = try #require(h.path)
        // Another process holds the store for a long write: ours gives up after its timeout.
        let blocker = try SQLiteBackend(path: path, busyTimeout: 0.05)
        let context = h.alice
        try await blocker.withBatch { batch in
            _ = try await batch.send(Request(.incidents(.createResponsePlan), input: [
                "incidentTemplate": .structure(["impact": .integer(3), "title": .string("x")]), "name": .string("p"),
            ]), context: context)
            let other = try SQLiteBackend(path: path, busyTimeout: 0.05)
            do throws(ServiceError) {
                _ = try await other.send(Request(.incidents(.createResponsePlan), input: [
                    "incidentTemplate": .structure(["impact": .integer(3), "title": .string("x")]), "name": .string("q"),
                ]), context: context)
                Issue.record("a locked store must make the write fail")
            } catch {
                #expect(error.code == .internalServer)
                #expect(error.message.contains("locked"))
            }
        }
    }

    /// Two writers on one file (two connections, as two processes have) lose nothing.
    @Test func twoWritersLoseNothing() async throws {
        let h = try BackendKind.sqlite.make()
        let (_, arn) = try await h.incident()
        let path = try #require(h.path)
        let perWriter = 500
        let context = h.alice
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<2 {
                group.addTask {
                    let backend = try SQLiteBackend(path: path)
                    for i in 0..<perWriter {
                        _ = try await backend.send(Request(.incidents(.createTimelineEvent), input: [
                            "eventData": .string("\(i)"), "eventTime": time(Double(i)), "eventType": .string("Custom Event"),
                            "incidentRecordArn": .string(arn),
                        ]), context: context)
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try sqlite(path, "SELECT count(*) FROM timeline_event WHERE event_type = 'Custom Event'") == "\(2 * perWriter)")
    }

    @Test func timelineListingUsesTheIndex() async throws {
        let h = try BackendKind.sqlite.make()
        _ = try await h.incident()
        let path = try #require(h.path)
        let plan = try sqlite(path, "EXPLAIN QUERY PLAN SELECT seq FROM timeline_event WHERE incident = 1 AND (event_time, seq) < (5, 5) ORDER BY event_time DESC, seq DESC")
        #expect(plan.contains("timeline_event_by_time"))
        #expect(!plan.contains("TEMP B-TREE"))
    }
}

/// Runs one statement with the sqlite3 shell and returns what it prints.
func sqlite(_ path: String, _ sql: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    process.arguments = [path, sql]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    process.waitUntilExit()
    return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        .trimmingCharacters(in: .whitespacesAndNewlines)
}
