import Backend
import Catalog
import Foundation
import SQLiteBackend
import Testing

/// ssm-contacts on disk: the version-2 migration of an older store, and
/// escalations that survive a restart.
@Suite("SQLite store: ssm-contacts")
struct SQLiteContactsStoreTests {
    @Test func migratesVersion1Store() async throws {
        let h = try BackendKind.sqlite.make()
        let path = try #require(h.path)
        let (_, incident) = try await h.incident()
        // Turn the store back into what a version-1 build left behind.
        let tables = ["contact", "contact_channel", "engagement", "page", "page_receipt", "rotation", "rotation_override", "outbox"]
        _ = try sqlite(path, tables.map { "DROP TABLE \($0);" }.joined() +
                       "DELETE FROM grdb_migrations WHERE identifier = 'v2-contacts'; PRAGMA user_version = 1;")
        #expect(try sqlite(path, "PRAGMA user_version") == "1")

        let reopen = try #require(h.reopen)
        let backend = try reopen()
        #expect(try sqlite(path, "PRAGMA user_version") == "2")
        let record = try await backend.send(Request(.incidents(.getIncidentRecord),
                                                    input: ["arn": .string(incident)]), context: h.alice)
        #expect(record["incidentRecord"]!["arn"] == .string(incident))
        let created = try await backend.send(Request(.contacts(.createContact), input: [
            "Alias": .string("alice"), "Type": .string("PERSONAL"), "Plan": .structure(["Stages": .list([])]),
        ]), context: h.alice)
        #expect(created["ContactArn"] == .string(h.contactArn("alice")))
    }

    @Test func escalationSurvivesRestart() async throws {
        let h = try BackendKind.sqlite.make()
        let s = try await EngagementConformance.setUp(h)
        let engagement = try await h.startEngagement(s.team)
        let reopen = try #require(h.reopen)
        let backend = try #require(try reopen() as? SQLiteBackend)
        h.clock.advance(by: 600)
        let sent = try await backend.tick()
        #expect(sent.map(\.contactChannelArn) == [s.aliceChannels[1], s.bobChannels[0]])
        let pages = try await backend.send(Request(.contacts(.listPagesByEngagement),
                                                   input: ["EngagementId": .string(engagement)]), context: h.alice)
        #expect(pages["Pages"]!.list!.count == 2)
    }
}
