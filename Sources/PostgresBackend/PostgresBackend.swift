import Backend
import Catalog
import Foundation
import Logging
import PostgresNIO

/// An Incident Manager kept in PostgreSQL (through PostgresNIO), which several
/// processes (a fleet of `serve`) may share: a pool of connections, versioned
/// migrations run when the backend opens, and every command in a
/// `SERIALIZABLE` transaction, so that what two servers do at once is what
/// one would have done in some order. A serialization failure or a deadlock
/// is retried a bounded number of times inside the backend.
///
///     let backend = try PostgresBackend(url: "postgres://ops@db.internal:5432/incidents")
///     let output = try await backend.send(request, context: CallContext(user: "alice"))
///
/// The store protocols of the engine are synchronous; their calls run on the
/// pool's own threads (see ``PostgresPool``), never on an event loop, and
/// the caller's task waits without holding a thread.
///
/// A batch (a runbook) is one serializable transaction with a savepoint per
/// command, as on SQLite: a failed command changes nothing, a failed batch
/// nothing at all. A batch cannot be retried (its commands have answered),
/// so one that conflicts with another server's commands fails at its commit.
public final class PostgresBackend: EngineBackend, StoreDigest, ChannelDataStore, StoreEvents, @unchecked Sendable {
    public let settings: PostgresSettings
    public let engine: ServiceEngine
    let pool: PostgresPool
    /// The fleet's notifications (LISTEN/NOTIFY), heard once someone follows them.
    let listener: PostgresListener
    /// The schema versions that opening this backend applied (empty: it was up to date).
    public let migrated: [Int]
    /// How many times a transaction runs when it keeps meeting concurrent ones.
    public static let attempts = 10

    /// The schema version this build writes.
    public static var schemaVersion: Int { PostgresSchema.version }

    /// The URL as messages show it (never a password).
    public var redactedURL: String { settings.redacted }

    /// Opens the store, creating its tables or migrating older ones; a store
    /// written by a newer build is refused untouched. A server that does not
    /// answer is an error that names the URL (without a password).
    public convenience init(url: String, clock: any WallClock = SystemWallClock(),
                            ids: any IDGenerator = RandomIDGenerator()) throws(ServiceError) {
        let settings: PostgresSettings
        do {
            settings = try PostgresSettings(url: url)
        } catch {
            throw ServiceError.store(error.description)
        }
        try self.init(settings: settings, clock: clock, ids: ids)
    }

    public init(settings: PostgresSettings, clock: any WallClock = SystemWallClock(),
                ids: any IDGenerator = RandomIDGenerator()) throws(ServiceError) {
        self.settings = settings
        engine = ServiceEngine(clock: clock, ids: ids)
        let pool = PostgresPool(settings: settings)
        self.pool = pool
        listener = PostgresListener(settings: settings, logger: Logger(label: "incident-chat.postgres"),
                                    connectionID: { pool.nextConnectionID() })
        do {
            migrated = try pool.withStartupSession { session in
                try PostgresSchema.migrate(session, schema: settings.schema, redactedURL: settings.redacted)
            }
        } catch {
            pool.shutdown()
            throw PostgresErrors.map(error, url: settings.redacted, phase: .opening)
        }
    }

    deinit {
        listener.stop()
        pool.shutdown()
    }

    /// What the other servers on this database write, as it commits (see ``StoreEvents``).
    public func storeEvents() -> AsyncStream<StoreEvent> { listener.follow() }

    /// The schema version the store has now.
    public func storedSchemaVersion() async throws(ServiceError) -> Int {
        do {
            return try await pool.withSession { session in try PostgresSchema.storedVersion(session) }
        } catch {
            throw PostgresErrors.map(error, url: settings.redacted, phase: .command)
        }
    }

    public func send(_ request: Request, context: CallContext) async throws(ServiceError) -> Value {
        let channel = ServiceEngine.ringsDoorbell(request.operation) ? listener.channel : nil
        return try await transaction { store in
            let value = try engine.execute(request, context: context, store: store)
            // The fleet's schedulers and relays wake when it commits.
            if let channel { try (store as! PostgresStore).notify(channel, .doorbell) }
            return value
        }
    }

    public func withBatch<T>(
        isolation: isolated (any Actor)?,
        _ body: (any IncidentBatch) async throws -> T
    ) async throws -> T {
        let slot = await pool.acquire()
        defer { pool.release(slot) }
        do {
            try await pool.run(slot) { session in try session.execute("BEGIN ISOLATION LEVEL SERIALIZABLE") }
        } catch {
            throw PostgresErrors.map(error, url: settings.redacted, phase: .command)
        }
        let result: T
        do {
            result = try await body(PostgresBatch(backend: self, slot: slot, memo: BatchMemo()))
        } catch {
            try? await pool.run(slot) { session in if !session.broken { try session.execute("ROLLBACK") } }
            throw error
        }
        do {
            try await pool.run(slot) { session in try session.execute("COMMIT") }
        } catch {
            try? await pool.run(slot) { session in if !session.broken { try session.execute("ROLLBACK") } }
            throw PostgresErrors.map(error, url: settings.redacted, phase: .command)
        }
        return result
    }

    /// Runs one command of a batch under a savepoint of its own, on the
    /// batch's connection. The savepoint is sent without waiting (it goes
    /// with the command's first statement); a command that succeeds keeps it,
    /// and every ``BatchMemo/Savepoints/depth`` commands one release lets go
    /// of them all, so a command costs one statement beside its own. What the
    /// batch's commands read stays in its memo until they change it.
    fileprivate func executeInBatch(_ request: Request, context: CallContext, slot: PostgresPool.Slot,
                                    memo: BatchMemo) async throws(ServiceError) -> Value {
        let engine = self.engine
        do {
            return try await pool.run(slot) { session in
                let savepoint = memo.savepoints.open()
                session.send("SAVEPOINT \(savepoint)")
                do {
                    let store = PostgresStore(session: session, memo: memo)
                    let result = try engine.execute(request, context: context, store: store)
                    if ServiceEngine.ringsDoorbell(request.operation) { try store.notify(listener.channel, .doorbell) }
                    if let outermost = memo.savepoints.kept() { session.send("RELEASE SAVEPOINT \(outermost)") }
                    return result
                } catch {
                    memo.forget()
                    if !session.broken {
                        try session.execute("ROLLBACK TO SAVEPOINT \(savepoint)")
                        try session.execute("RELEASE SAVEPOINT \(savepoint)")
                        memo.savepoints.undone()
                    }
                    throw error
                }
            }
        } catch {
            throw PostgresErrors.map(error, url: settings.redacted, phase: .command)
        }
    }

    /// Runs `body` in a serializable transaction, again (a bounded number of
    /// times) when PostgreSQL could not serialize it with concurrent ones.
    public func transaction<T>(_ body: (any ContactsStore) throws -> T) async throws(ServiceError) -> T {
        let slot = await pool.acquire()
        defer { pool.release(slot) }
        return try await transaction(on: slot, body)
    }

    fileprivate func transaction<T>(on slot: PostgresPool.Slot, _ body: (any ContactsStore) throws -> T) async throws(ServiceError) -> T {
        do {
            return try await pool.run(slot) { session in
                try Self.serializable(session) { try body(PostgresStore(session: session)) }
            }
        } catch {
            throw PostgresErrors.map(error, url: settings.redacted, phase: .command)
        }
    }

    /// BEGIN … COMMIT around `body`, retried on serialization failures and deadlocks.
    static func serializable<T>(_ session: PostgresSession, _ body: () throws -> T) throws -> T {
        var attempt = 0
        while true {
            attempt += 1
            // Sent with the transaction's first statement.
            session.send("BEGIN ISOLATION LEVEL SERIALIZABLE")
            do {
                let result = try body()
                do {
                    try session.execute("COMMIT")
                } catch where session.broken {
                    // The server may have committed before the connection went.
                    throw PostgresErrors.OutcomeUnknown(underlying: error)
                }
                return result
            } catch {
                if !session.broken { try? session.execute("ROLLBACK") }
                guard !session.broken, attempt < attempts, PostgresErrors.isConflict(error) else {
                    if PostgresErrors.isConflict(error) { throw PostgresErrors.Conflicted(attempts: attempt, underlying: error) }
                    throw error
                }
                // A short, growing, jittered pause lets the other transaction finish.
                usleep(UInt32.random(in: 0...UInt32(min(200_000, 1_000 << attempt))))
            }
        }
    }

    public func outbox(contactChannelArn: String?, afterSeq: Int64) async throws(ServiceError) -> [OutboxMessage] {
        try await transaction { store in try store.outbox(contactChannelArn: contactChannelArn, afterSeq: afterSeq, limit: nil) }
    }

    public func channelData(kind: String, account: String) async throws(ServiceError) -> [String: String] {
        try await transaction { store in
            let rows = try (store as! PostgresStore).all("SELECT key, value FROM channel_data WHERE account = $1 AND kind = $2",
                                                         [account, kind])
            var out: [String: String] = [:]
            for row in rows { out[try row[0]] = try row[1] as String }
            return out
        }
    }

    public func setChannelData(kind: String, account: String, key: String, value: String?) async throws(ServiceError) {
        try await transaction { store in
            let store = store as! PostgresStore
            if let value {
                try store.run("""
                    INSERT INTO channel_data (account, kind, key, value) VALUES ($1, $2, $3, $4)
                    ON CONFLICT (account, kind, key) DO UPDATE SET value = EXCLUDED.value
                    """, [account, kind, key, value])
            } else {
                try store.run("DELETE FROM channel_data WHERE account = $1 AND kind = $2 AND key = $3", [account, kind, key])
            }
        }
    }

    /// Numbers the record under a lock of its kind, in a READ COMMITTED
    /// transaction so that the last number read is the last one committed;
    /// the notification goes out when it commits, in number order.
    public func appendChannelData(kind: String, account: String,
                                  value: @Sendable (Int) -> String) async throws(ServiceError) -> Int {
        let channel = listener.channel
        do {
            return try await pool.withSession { session in
                try session.execute("BEGIN ISOLATION LEVEL READ COMMITTED")
                do {
                    let store = PostgresStore(session: session)
                    try store.run("SELECT pg_advisory_xact_lock(hashtext('incident_chat.channel_data'), hashtext($1 || ' ' || $2))",
                                  [account, kind])
                    let last: String? = try store.one("SELECT max(key) FROM channel_data WHERE account = $1 AND kind = $2",
                                                      [account, kind]).flatMap { try $0[0] }
                    let number = nextSequence(after: last.map { [$0] } ?? [])
                    let text = value(number)
                    try store.run("INSERT INTO channel_data (account, kind, key, value) VALUES ($1, $2, $3, $4)",
                                  [account, kind, sequenceKey(number), text])
                    try store.notify(channel, .appended(kind: kind, account: account, key: sequenceKey(number), value: text))
                    try session.execute("COMMIT")
                    return number
                } catch {
                    if !session.broken { try? session.execute("ROLLBACK") }
                    throw error
                }
            }
        } catch {
            throw PostgresErrors.map(error, url: settings.redacted, phase: .command)
        }
    }

    public func channelData(kind: String, account: String, after key: String) async throws(ServiceError) -> [String: String] {
        try await transaction { store in
            let rows = try (store as! PostgresStore).all(
                "SELECT key, value FROM channel_data WHERE account = $1 AND kind = $2 AND key > $3", [account, kind, key])
            var out: [String: String] = [:]
            for row in rows { out[try row[0]] = try row[1] as String }
            return out
        }
    }

    /// A digest of everything stored (see ``StoreDigest``): the same as the
    /// SQLite store's digest of the same rows.
    public func digest() async throws -> String {
        do {
            return try await pool.withSession { session in
                try session.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                defer { if !session.broken { try? session.execute("COMMIT") } }
                return try PostgresDigest.digest(session)
            }
        } catch {
            throw PostgresErrors.map(error, url: settings.redacted, phase: .command)
        }
    }
}

/// The commands of a PostgreSQL batch: one transaction on one connection, a savepoint each.
private struct PostgresBatch: IncidentBatch {
    let backend: PostgresBackend
    let slot: PostgresPool.Slot
    let memo: BatchMemo

    func send(_ request: Request, context: CallContext) async throws(ServiceError) -> Value {
        try await backend.executeInBatch(request, context: context, slot: slot, memo: memo)
    }
}

extension PostgresBackend: CustomStringConvertible {
    /// What `.store` shows: the URL without a password.
    public var description: String { "PostgreSQL store \(settings.redacted)" }
}
