import Backend
import Catalog
import Foundation
import GRDB

/// An Incident Manager kept in an SQLite file (through GRDB): WAL journal,
/// schema migrations, one transaction per command, a savepoint per command
/// inside a batch. Several processes may share one file: writers wait for
/// each other (busy timeout) instead of failing.
///
///     let backend = try SQLiteBackend(path: "store.sqlite")
///     let output = try await backend.send(request, context: CallContext(user: "alice"))
///
/// Failures of the store (read-only, locked, full, damaged, from a newer
/// schema) are `InternalServerException`s that name the file; none of them
/// leaves a partial write.
public final class SQLiteBackend: EngineBackend, StoreDigest, ChannelDataStore, @unchecked Sendable {
    /// The store's file.
    public let path: String
    private let queue: DatabaseQueue
    public let engine: ServiceEngine
    /// Lets one command (or one batch) at a time at the connection.
    private let gate = AsyncGate()
    /// The open transaction's lookups; only the holder of the gate touches it.
    private let memo = TransactionMemo()

    /// The schema version this build writes.
    public static var schemaVersion: Int { SQLiteSchema.version }

    /// Opens the store at `path`, creating it (and its schema) when missing and
    /// migrating an older one. A store from a newer build is refused untouched.
    ///
    /// - Parameters:
    ///   - busyTimeout: how long a write waits for another process holding
    ///     the store before it fails.
    ///   - readOnly: open without the right to write: every command that
    ///     would change something fails with a clear error (the store must
    ///     already have this build's schema).
    public init(path: String, clock: any WallClock = SystemWallClock(), ids: any IDGenerator = RandomIDGenerator(),
                busyTimeout: TimeInterval = 30, readOnly: Bool = false) throws(ServiceError) {
        self.path = path
        engine = ServiceEngine(clock: clock, ids: ids)
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        // A batch keeps its transaction open across several accesses.
        config.allowsUnsafeTransactions = true
        config.label = "IncidentChat store"
        config.readonly = readOnly
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Room for a large batch's pages before they spill to the journal (32 MB).
            try db.execute(sql: "PRAGMA cache_size = -32000")
        }
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
            try SQLiteSchema.prepare(queue, path: path, readOnly: readOnly)
        } catch {
            throw SQLiteErrors.map(error, path: path)
        }
    }

    public func send(_ request: Request, context: CallContext) async throws(ServiceError) -> Value {
        await gate.enter()
        defer { gate.leave() }
        do {
            return try access { db in
                var result = Value.structure([:])
                memo.forget()
                defer { memo.forget() }
                try db.inTransaction(.immediate) {
                    result = try engine.execute(request, context: context, store: SQLiteStore(db: db, memo: memo))
                    return .commit
                }
                return result
            }
        } catch {
            throw SQLiteErrors.map(error, path: path)
        }
    }

    public func withBatch<T>(
        isolation: isolated (any Actor)?,
        _ body: (any IncidentBatch) async throws -> T
    ) async throws -> T {
        await gate.enter()
        defer { gate.leave() }
        do {
            try access { db in try db.beginTransaction(.immediate) }
            memo.forget()
        } catch {
            throw SQLiteErrors.map(error, path: path)
        }
        let result: T
        do {
            result = try await body(SQLiteBatch(backend: self))
        } catch {
            rollbackBatch()
            throw error
        }
        defer { memo.forget() }
        do {
            try access { db in try db.commit() }
        } catch {
            rollbackBatch()
            throw SQLiteErrors.map(error, path: path)
        }
        return result
    }

    private func rollbackBatch() {
        memo.forget()
        try? access { db in
            if db.isInsideTransaction { try db.rollback() }
        }
    }

    /// Runs one command of a batch under a savepoint. The caller holds the gate.
    fileprivate func executeInBatch(_ request: Request, context: CallContext) throws(ServiceError) -> Value {
        do {
            return try access { db in
                guard db.isInsideTransaction else {
                    throw ServiceError.store("The batch on \(path) has ended; its commands can no longer run.")
                }
                try db.cachedStatement(sql: "SAVEPOINT command").execute()
                do {
                    let result = try engine.execute(request, context: context, store: SQLiteStore(db: db, memo: memo))
                    try db.cachedStatement(sql: "RELEASE command").execute()
                    return result
                } catch {
                    memo.forget()
                    try db.cachedStatement(sql: "ROLLBACK TO command").execute()
                    try db.cachedStatement(sql: "RELEASE command").execute()
                    throw error
                }
            }
        } catch {
            throw SQLiteErrors.map(error, path: path)
        }
    }

    /// One synchronous access to the connection. The store's work is short and
    /// local, so it runs on the caller's thread rather than hopping to another.
    private func access<T>(_ body: (Database) throws -> T) throws -> T {
        try queue.writeWithoutTransaction(body)
    }

    public func outbox(contactChannelArn: String?, afterSeq: Int64) async throws(ServiceError) -> [OutboxMessage] {
        await gate.enter()
        defer { gate.leave() }
        do {
            return try access { db in try SQLiteStore(db: db, memo: TransactionMemo()).outbox(contactChannelArn: contactChannelArn, afterSeq: afterSeq, limit: nil) }
        } catch {
            throw SQLiteErrors.map(error, path: path)
        }
    }

    public func channelData(kind: String, account: String) async throws(ServiceError) -> [String: String] {
        await gate.enter()
        defer { gate.leave() }
        do {
            return try access { db in
                let rows = try Row.fetchAll(db, sql: "SELECT key, value FROM channel_data WHERE account = ? AND kind = ?",
                                            arguments: [account, kind])
                return Dictionary(rows.map { ($0["key"] as String, $0["value"] as String) }, uniquingKeysWith: { _, last in last })
            }
        } catch {
            throw SQLiteErrors.map(error, path: path)
        }
    }

    public func setChannelData(kind: String, account: String, key: String, value: String?) async throws(ServiceError) {
        await gate.enter()
        defer { gate.leave() }
        do {
            try access { db in
                if let value {
                    try db.execute(sql: "INSERT INTO channel_data (account, kind, key, value) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET value = excluded.value",
                                   arguments: [account, kind, key, value])
                } else {
                    try db.execute(sql: "DELETE FROM channel_data WHERE account = ? AND kind = ? AND key = ?", arguments: [account, kind, key])
                }
            }
        } catch {
            throw SQLiteErrors.map(error, path: path)
        }
    }

    public func appendChannelData(kind: String, account: String,
                                  value: @Sendable (Int) -> String) async throws(ServiceError) -> Int {
        await gate.enter()
        defer { gate.leave() }
        do {
            // One write transaction: the last number is read under the write lock.
            return try access { db in
                var number = 0
                try db.inTransaction(.immediate) {
                    let last = try String.fetchOne(db, sql: "SELECT max(key) FROM channel_data WHERE account = ? AND kind = ?",
                                                   arguments: [account, kind])
                    number = nextSequence(after: last.map { [$0] } ?? [])
                    try db.execute(sql: "INSERT INTO channel_data (account, kind, key, value) VALUES (?, ?, ?, ?)",
                                   arguments: [account, kind, sequenceKey(number), value(number)])
                    return .commit
                }
                return number
            }
        } catch {
            throw SQLiteErrors.map(error, path: path)
        }
    }

    public func channelData(kind: String, account: String, after key: String) async throws(ServiceError) -> [String: String] {
        await gate.enter()
        defer { gate.leave() }
        do {
            return try access { db in
                let rows = try Row.fetchAll(db, sql: "SELECT key, value FROM channel_data WHERE account = ? AND kind = ? AND key > ?",
                                            arguments: [account, kind, key])
                return Dictionary(rows.map { ($0["key"] as String, $0["value"] as String) }, uniquingKeysWith: { _, last in last })
            }
        } catch {
            throw SQLiteErrors.map(error, path: path)
        }
    }

    /// Runs `body` in an immediate transaction: the write lock is taken
    /// first, so what `body` reads no other process can change before it commits.
    public func transaction<T>(_ body: (any ContactsStore) throws -> T) async throws(ServiceError) -> T {
        await gate.enter()
        defer { gate.leave() }
        do {
            return try access { db in
                var result: T?
                memo.forget()
                defer { memo.forget() }
                try db.inTransaction(.immediate) {
                    result = try body(SQLiteStore(db: db, memo: memo))
                    return .commit
                }
                return result!
            }
        } catch {
            throw SQLiteErrors.map(error, path: path)
        }
    }

    /// A digest of everything stored (see ``StoreDigest``).
    public func digest() async throws -> String {
        await gate.enter()
        defer { gate.leave() }
        do {
            return try access { db in try SQLiteDigest.digest(db) }
        } catch {
            throw SQLiteErrors.map(error, path: path)
        }
    }
}

/// The commands of an SQLite batch.
private struct SQLiteBatch: IncidentBatch {
    let backend: SQLiteBackend

    func send(_ request: Request, context: CallContext) async throws(ServiceError) -> Value {
        try backend.executeInBatch(request, context: context)
    }
}
