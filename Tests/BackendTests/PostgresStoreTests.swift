import Backend
import Catalog
import Foundation
@testable import PostgresBackend
import SQLiteBackend
import Testing

/// How a PostgreSQL store is named and signed in to: the URL, the PG*
/// variables, the password file. No server needed.
@Suite("PostgreSQL settings")
struct PostgresSettingsTests {
    @Test func urlThenEnvironmentThenDefaults() throws {
        let full = try PostgresSettings(url: "postgres://ops@db.internal:6543/incidents?sslmode=require&schema=team_a&pool=8",
                                        environment: ["PGHOST": "elsewhere", "PGPORT": "1", "PGUSER": "x", "PGDATABASE": "y"],
                                        home: "/nonexistent")
        #expect(full.host == "db.internal" && full.port == 6543 && full.user == "ops" && full.database == "incidents")
        #expect(full.tls == .require && full.schema == "team_a" && full.poolSize == 8 && full.password == nil)
        #expect(full.redacted == "postgres://ops@db.internal:6543/incidents?schema=team_a")

        let fromEnvironment = try PostgresSettings(url: "postgres://", environment: [
            "PGHOST": "/run/pg", "PGPORT": "5433", "PGUSER": "alice", "PGDATABASE": "ic", "PGSSLMODE": "disable",
        ], home: "/nonexistent")
        #expect(fromEnvironment.socketDirectory == "/run/pg" && fromEnvironment.port == 5433)
        #expect(fromEnvironment.user == "alice" && fromEnvironment.database == "ic" && fromEnvironment.tls == .disable)

        let defaults = try PostgresSettings(url: "postgresql://bob@localhost", environment: [:], home: "/nonexistent")
        #expect(defaults.port == 5432 && defaults.database == "bob" && defaults.tls == .prefer && defaults.schema == "public")
    }

    @Test func tlsModesAndTheCertificatesTrusted() throws {
        let ca = try PostgresSettings(url: "postgres://ops@db/incidents?sslmode=verify-ca&sslrootcert=/dev/null",
                                      environment: [:], home: "/nonexistent")
        #expect(ca.tls == .verifyCA && ca.rootCertificates == "/dev/null")
        let full = try PostgresSettings(url: "postgres://ops@db/incidents?sslmode=verify-full",
                                        environment: ["PGSSLROOTCERT": "/dev/null"], home: "/nonexistent")
        #expect(full.tls == .verifyFull && full.rootCertificates == "/dev/null", "PGSSLROOTCERT when the URL says nothing")
        #expect(try PostgresSettings(url: "postgres://ops@db/incidents", environment: [:], home: "/nonexistent").rootCertificates == nil)
        do {
            _ = try PostgresSettings(url: "postgres://ops@db/incidents?sslmode=verify-full&sslrootcert=/nonexistent/root.crt",
                                     environment: [:], home: "/nonexistent")
            Issue.record("a certificate file that cannot be read must be refused")
        } catch {
            #expect(error.description.contains("sslrootcert /nonexistent/root.crt cannot be read"), "\(error)")
        }
    }

    @Test func passwordOnTheCommandLineIsRefused() {
        do {
            _ = try PostgresSettings(url: "postgres://ops:s3cret@db:5432/incidents", environment: [:], home: "/nonexistent")
            Issue.record("a password in the URL must be refused")
        } catch {
            #expect(error.description.contains(".pgpass"))
            #expect(!error.description.contains("s3cret"))
            #expect(error.description.contains("postgres://ops:***@db:5432/incidents"))
        }
    }

    @Test(arguments: ["postgres://h/db?sslmode=sometimes", "postgres://h:0/db", "postgres://h/db?color=red",
                      "postgres://h/db?schema=Bad-Name", "postgres://h/db?pool=0", "sqlite.db"])
    func badURLsSayWhatIsWrong(url: String) {
        #expect(throws: PostgresSettings.Invalid.self) {
            try PostgresSettings(url: url, environment: [:], home: "/nonexistent")
        }
    }

    @Test func passwordFileAsLibpqReadsIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let file = folder + "/.pgpass"
        try """
            # comment
            other:5432:incidents:ops:wrong
            db:5432:incidents:ops:pa\\:ss\\\\word
            *:*:*:*:fallback
            """.write(toFile: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        let url = "postgres://ops@db:5432/incidents"
        #expect(try PostgresSettings(url: url, environment: [:], home: folder).password == "pa:ss\\word")
        #expect(try PostgresSettings(url: "postgres://ops@db:5432/other", environment: [:], home: folder).password == "fallback")
        // PGPASSFILE names another file; PGPASSWORD comes first.
        #expect(try PostgresSettings(url: url, environment: ["PGPASSFILE": folder + "/none"], home: folder).password == nil)
        #expect(try PostgresSettings(url: url, environment: ["PGPASSWORD": "env"], home: folder).password == "env")
        // A file others may read is ignored, as libpq ignores it.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
        #expect(try PostgresSettings(url: url, environment: [:], home: folder).password == nil)
        #expect(!(try PostgresSettings(url: url, environment: [:], home: folder)).redacted.contains("pa:ss"))
    }

    @Test func everySchemaHasANotificationChannelOfItsOwn() {
        #expect(PostgresListener.channel(schema: "public") == "incident_chat_public")
        let long = String(repeating: "a", count: 49)
        #expect(PostgresListener.channel(schema: long) == "incident_chat_" + long, "63 bytes: kept whole")
        let one = String(repeating: "b", count: 60) + "one", two = String(repeating: "b", count: 60) + "two"
        let channels = [PostgresListener.channel(schema: one), PostgresListener.channel(schema: two)]
        #expect(channels[0] != channels[1], "long schemas that begin alike")
        #expect(channels.allSatisfy { $0.utf8.count == 63 && $0.hasPrefix("incident_chat_" + String(repeating: "b", count: 32) + "_") })
        #expect(PostgresListener.channel(schema: one) == channels[0], "the same in every process")
    }
}

/// What only a shared network store has: schema versions, a server that is
/// down or lost, and several processes (a fleet) on one database. Runs when
/// the tests were given a server (`make test` starts one).
@Suite("PostgreSQL store", .enabled(if: TestPostgres.url != nil, "INCIDENT_CHAT_TEST_POSTGRES is not set"), .timeLimit(.minutes(2)))
struct PostgresStoreTests {
    /// A second connection to the test's schema, for what another process would do.
    func admin(_ url: String) throws -> PostgresPool {
        PostgresPool(settings: try PostgresSettings(url: url))
    }

    func make() throws -> (Harness, String) {
        let url = try TestPostgres.freshSchema()
        let clock = FixedWallClock(Harness.start)
        let backend = try PostgresBackend(url: url, clock: clock, ids: SeededIDGenerator(seed: 7))
        return (Harness(backend: backend, clock: clock) {
            try PostgresBackend(url: url, clock: clock, ids: SeededIDGenerator(seed: 99))
        }, url)
    }

    @Test func persistsAcrossReopenAndMigratesOnce() async throws {
        let (h, _) = try make()
        let (_, arn) = try await h.incident()
        try await h.createEvent(arn, at: 1)
        let digest = try await h.digest()
        let reopened = try #require(try h.reopen?() as? PostgresBackend)
        #expect(try await reopened.digest() == digest)
        #expect(try await reopened.storedSchemaVersion() == PostgresBackend.schemaVersion)
        let record = try await reopened.send(Request(.incidents(.getIncidentRecord), input: ["arn": .string(arn)]),
                                             context: h.alice)
        #expect(record["incidentRecord"]!["arn"] == .string(arn))
    }

    @Test func refusesNewerSchemaUntouched() async throws {
        let (h, url) = try make()
        _ = try await h.incident()
        let before = try await h.digest()
        let admin = try admin(url)
        defer { admin.shutdown() }
        _ = try await admin.withSession { try $0.query("INSERT INTO incident_chat_schema (version, description) VALUES (99, 'future')") }
        do throws(ServiceError) {
            _ = try PostgresBackend(url: url)
            Issue.record("a store from a newer schema must be refused")
        } catch {
            #expect(error.code == .internalServer)
            #expect(error.message.contains("newer"))
            #expect(error.message.contains("schema version 99"))
            #expect(error.message.contains(try PostgresSettings(url: url).redacted))
        }
        #expect(try await h.digest() == before)
    }

    @Test func serverDownAtStartUpNamesTheURL() throws {
        // A loopback port nobody listens on: bound, then released.
        let socket = try LoopbackPort.freePort()
        let url = "postgres://ops@127.0.0.1:\(socket)/incidents?connect_timeout=5"
        do throws(ServiceError) {
            _ = try PostgresBackend(url: url)
            Issue.record("a server that does not answer must be an error")
        } catch {
            #expect(error.code == .internalServer)
            #expect(error.message.contains("postgres://ops@127.0.0.1:\(socket)/incidents"))
            #expect(error.message.contains("cannot be reached"))
        }
    }

    /// The same commands on SQLite and on PostgreSQL leave the same rows, cell for cell.
    @Test func sameDigestAsSQLiteForTheSameCommands() async throws {
        let (pg, _) = try make()
        let sqlite = try BackendKind.sqlite.make()
        for h in [pg, sqlite] {
            let (_, arn) = try await h.incident()
            for i in 1...5 { try await h.createEvent(arn, at: Double(i)) }
            try await h.call(.tagResource, ["resourceArn": .string(arn), "tags": .map(["team": .string("db")])])
            try await h.call(.updateIncidentRecord, ["arn": .string(arn), "status": .string("RESOLVED")])
            let (alice, _) = try await h.person("alice", stages: [("sms", 0), ("mail", 5)])
            _ = try await h.startEngagement(alice)
            try await h.advance(minutes: 6)
        }
        let digest = try await pg.digest()
        #expect(digest == (try await sqlite.digest()))
        #expect(!digest.isEmpty)
    }

    /// store export and store import: SQLite → PostgreSQL → SQLite keeps every
    /// row (the same digest, the same export line for line), and an import
    /// into a store that holds something is refused, changing nothing.
    @Test func exportImportRoundTripsSQLitePostgresSQLite() async throws {
        let sqlite = try BackendKind.sqlite.make()
        let (_, arn) = try await sqlite.incident()
        try await sqlite.createEvent(arn, at: 1, extra: ["clientToken": .string("event-token")])
        try await sqlite.call(.tagResource, ["resourceArn": .string(arn), "tags": .map(["team": .string("db\n\"quoted\"")])])
        let (alice, _) = try await sqlite.person("alice", stages: [("sms", 0), ("mail", 5)])
        _ = try await sqlite.startEngagement(alice)
        try await sqlite.advance(minutes: 6)
        func export(_ backend: any IncidentBackend) async throws -> [String] {
            var lines: [String] = []
            try await (backend as! any StoreExporting).exportRows { lines.append(StoreExport.line($0)) }
            return lines
        }
        func rows(_ lines: [String]) throws -> [StoreExport.Row] {
            try lines.enumerated().compactMap { try StoreExport.parse($1, number: $0 + 1) }
        }
        let fromSQLite = try await export(sqlite.backend)
        #expect(fromSQLite.count >= 15)
        let (pg, _) = try make()
        try await (pg.backend as! any StoreExporting).importRows(try rows(fromSQLite))
        #expect(try await pg.digest() == (try await sqlite.digest()))
        let fromPostgres = try await export(pg.backend)
        #expect(fromPostgres == fromSQLite)
        let back = try BackendKind.sqlite.make()
        try await (back.backend as! any StoreExporting).importRows(try rows(fromPostgres))
        #expect(try await back.digest() == (try await sqlite.digest()))
        // The imported store goes on: new rows take new seqs.
        try await pg.createEvent(arn, at: 2)
        // A store that holds something takes no import.
        let before = try await pg.digest()
        await #expect(throws: ServiceError.self) { try await (pg.backend as! any StoreExporting).importRows(try rows(fromSQLite)) }
        #expect(try await pg.digest() == before)
    }

    /// The connection dies while a command waits on the server: the command
    /// fails with a retryable error, nothing changed, and the next command
    /// runs on a new connection.
    @Test func connectionLostMidCommandChangesNothing() async throws {
        let (h, url) = try make()
        let (_, arn) = try await h.incident()
        let before = try await h.digest()
        let admin = try admin(url)
        defer { admin.shutdown() }
        let holder = await admin.acquire()
        try await admin.run(holder) { session in
            try session.execute("BEGIN")
            try session.execute("LOCK TABLE timeline_event IN ACCESS EXCLUSIVE MODE")
        }
        let command = Task { () async -> ServiceError? in
            do throws(ServiceError) {
                try await h.call(.createTimelineEvent, [
                    "eventData": .string("\"lost\""), "eventTime": time(9), "eventType": .string("Custom Event"),
                    "incidentRecordArn": .string(arn),
                ])
                return nil
            } catch {
                return error
            }
        }
        // Wait (bounded) until the command is blocked on the lock, then end its connection.
        var terminated = false
        for _ in 0..<1000 where !terminated {
            terminated = try await admin.withSession { session in
                // Only the connection waiting for this test's own table (other tests run beside it).
                let rows = try session.query("""
                    SELECT pg_terminate_backend(pid) FROM pg_locks
                    WHERE relation = 'timeline_event'::regclass AND NOT granted AND pid <> pg_backend_pid()
                    """)
                return !rows.isEmpty
            }
            if !terminated { try await Task.sleep(for: .milliseconds(10)) }
        }
        if !terminated { try await admin.run(holder) { try $0.execute("ROLLBACK") } }
        #expect(terminated)
        let error = try #require(await command.value)
        #expect(error.code == .internalServer && error.httpStatus == 500)
        #expect(error.message.contains("lost"))
        #expect(error.message.contains(try PostgresSettings(url: url).redacted))
        if terminated { try await admin.run(holder) { try $0.execute("ROLLBACK") } }
        admin.release(holder)
        #expect(try await h.digest() == before)
        // The pool opens a new connection for the next command.
        try await h.createEvent(arn, at: 10)
        let events = try await h.call(.listTimelineEvents, ["incidentRecordArn": .string(arn)])["eventSummaries"]!.list!
        #expect(events.filter { $0["eventType"] == .string("Custom Event") }.count == 1)
    }

    /// A statement sent without waiting that fails is reported by the next one
    /// waited for, and a COMMIT after it fails instead of quietly rolling back.
    @Test func aFailedStatementSentWithoutWaitingIsReported() async throws {
        let (_, url) = try make()
        let pool = try admin(url)
        defer { pool.shutdown() }
        try await pool.withSession { session in
            session.send("SELEC 1")
            #expect(throws: (any Error).self, "the next statement reports it") { try session.query("SELECT 1") }
            #expect(try session.query("SELECT 1").count == 1, "once")
            try session.execute("BEGIN")
            session.send("INSERT INTO no_such_table VALUES (1)")
            #expect(throws: (any Error).self, "a COMMIT of an aborted transaction is a failure") { try session.execute("COMMIT") }
            try session.execute("ROLLBACK")
        }
    }

    /// Two servers on one database: a clientToken sent to both at once creates one incident.
    @Test func clientTokenRetriedAgainstTwoServersCreatesOneIncident() async throws {
        let (h, _) = try make()
        let other = try #require(try h.reopen?())
        _ = try await h.createReplicationSet()
        let plan = try await h.createPlan()
        let rounds = 6
        for round in 0..<rounds {
            let input: OrderedInput = ["clientToken": .string("token-\(round)"), "responsePlanArn": .string(plan)]
            async let first = h.backend.send(Request(.incidents(.startIncident), input: input), context: h.alice)
            async let second = other.send(Request(.incidents(.startIncident), input: input), context: h.alice)
            let (a, b) = try await (first, second)
            #expect(a["incidentRecordArn"] == b["incidentRecordArn"])
        }
        #expect(try await h.call(.listIncidentRecords)["incidentRecordSummaries"]!.list!.count == rounds)
    }

    /// A page fetched from one server continues on the other, in order, nothing twice.
    @Test func pageOfAListingContinuesOnAnotherServer() async throws {
        let (h, _) = try make()
        let other = try #require(try h.reopen?())
        let (_, arn) = try await h.incident()
        var created: [String] = []
        for i in 1...25 { created.append(try await h.createEvent(arn, at: Double(i))) }
        var seen: [String] = []
        var token: Value?
        var servers = [h.backend, other]
        repeat {
            var input: OrderedInput = ["incidentRecordArn": .string(arn), "maxResults": .integer(10)]
            input["nextToken"] = token
            let page = try await servers[0].send(Request(.incidents(.listTimelineEvents), input: input),
                                                 context: h.alice)
            seen += page["eventSummaries"]!.list!.compactMap { $0["eventId"]?.string }
            token = page["nextToken"]
            servers.reverse()
        } while token != nil
        #expect(seen.filter(created.contains) == created.reversed())  // newest first
        #expect(seen.count > 25)
        #expect(Set(seen).count == seen.count)
    }

    /// Two servers tick at once: each escalation step runs once.
    @Test func eachEscalationStepRunsOnceAcrossTwoServers() async throws {
        let (h, _) = try make()
        let other = try #require(try h.reopen?() as? any TimeDriven)
        let (alice, _) = try await h.person("alice", stages: [("sms", 0), ("mail", 5), ("call", 10)])
        _ = try await h.startEngagement(alice)
        let sentAtStart = try await h.driver.outbox().filter { $0.kind == .page }.count
        h.clock.advance(by: 30 * 60)
        async let first = h.driver.tick()
        async let second = other.tick()
        let (a, b) = try await (first, second)
        let pages = (a + b).filter { $0.kind == .page }
        #expect(pages.count == 3 - sentAtStart, "\(pages.map(\.contactChannelArn))")
        #expect(!pages.isEmpty)
        #expect(Set(pages.map(\.seq)).count == pages.count)
        #expect(try await h.driver.outbox().filter { $0.kind == .page }.count == 3)
    }
}

/// A fleet on one database hears what each of its servers writes (LISTEN/NOTIFY).
@Suite("PostgreSQL fleet events", .enabled(if: TestPostgres.url != nil, "INCIDENT_CHAT_TEST_POSTGRES is not set"), .timeLimit(.minutes(2)))
struct PostgresEventsTests {
    /// The next event that is not `resumed` (a stream may say it more than once while it connects).
    func next(_ events: inout AsyncStream<StoreEvent>.Iterator, skipping skipped: Set<String> = ["resumed"]) async -> StoreEvent? {
        while let event = await events.next() {
            if !skipped.contains(event.payload.components(separatedBy: "\n")[0]) { return event }
        }
        return nil
    }

    @Test func anotherServerHearsAppendsAndTheDoorbell() async throws {
        let (h, _) = try PostgresStoreTests().make()
        let writer = try #require(h.backend as? PostgresBackend)
        let other = try #require(try h.reopen?() as? PostgresBackend)
        var events = other.storeEvents().makeAsyncIterator()
        #expect(await events.next() == .resumed, "the first event says it listens")
        let number = try await writer.appendChannelData(kind: "web-messages:ops", account: "111122223333") { "m\($0)" }
        #expect(await next(&events) == .appended(kind: "web-messages:ops", account: "111122223333", key: sequenceKey(number), value: "m1"))
        // A value too long for a notification (8,000 bytes) is told without it.
        let long = String(repeating: "x", count: 9000)
        _ = try await writer.appendChannelData(kind: "web-messages:ops", account: "111122223333") { _ in long }
        #expect(await next(&events) == .appended(kind: "web-messages:ops", account: "111122223333", key: sequenceKey(2), value: nil))
        // A contact channel (an activation code in the outbox) rings the fleet's doorbell; a timeline event does not.
        _ = try await h.person("alice", stages: [("sms", 0)])
        #expect(await next(&events) == .doorbell)
    }

    @Test func aLostListeningConnectionListensAgain() async throws {
        let (h, url) = try PostgresStoreTests().make()
        let writer = try #require(h.backend as? PostgresBackend)
        let other = try #require(try h.reopen?() as? PostgresBackend)
        var events = other.storeEvents().makeAsyncIterator()
        #expect(await events.next() == .resumed)
        // The server ends the listening connection (as a restart or a network cut would).
        let admin = try PostgresStoreTests().admin(url)
        defer { admin.shutdown() }
        let ended = try await admin.withSession { session in
            try session.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = $1",
                              [#"LISTEN "\#(other.listener.channel)";"#]).count
        }
        #expect(ended == 1)
        #expect(await events.next() == .resumed, "it listens again, and says so: followers read what they missed")
        _ = try await writer.appendChannelData(kind: "web-messages:ops", account: "111122223333") { "m\($0)" }
        #expect(await next(&events) == .appended(kind: "web-messages:ops", account: "111122223333", key: sequenceKey(1), value: "m1"))
    }
}

/// A free loopback port (bound and released).
enum LoopbackPort {
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
