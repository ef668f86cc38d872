import Backend
import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO

/// A fixed number of PostgreSQL connections, each used by one transaction at
/// a time, and as many dedicated threads (a `NIOThreadPool`, outside NIO's
/// event loops) on which the store's synchronous calls wait for PostgresNIO's
/// futures. The engine's store protocols are synchronous; running them here
/// keeps Swift's cooperative threads free while a query is on the network.
///
/// A connection that failed is dropped and opened again on its next use.
final class PostgresPool: @unchecked Sendable {
    let settings: PostgresSettings
    private let threads: NIOThreadPool
    private let logger: Logger
    private let lock = NSLock()
    private var free: [Slot]
    private var waiters: [CheckedContinuation<Slot, Never>] = []
    private var nextID = 0

    /// One connection of the pool; used only by the thread that holds it.
    final class Slot: @unchecked Sendable {
        var connection: PostgresConnection?
        /// What its statements sent without waiting left to report (see ``PostgresSession/send(_:)``).
        let pipelined = PipelinedFailure()
    }

    init(settings: PostgresSettings, logger: Logger = Logger(label: "incident-chat.postgres")) {
        self.settings = settings
        self.logger = logger
        free = (0..<settings.poolSize).map { _ in Slot() }
        threads = NIOThreadPool(numberOfThreads: settings.poolSize)
        threads.start()
    }

    /// Waits for a free connection (first come, first served).
    func acquire() async -> Slot {
        if let slot = lock.withLock({ free.popLast() }) { return slot }
        return await withCheckedContinuation { (continuation: CheckedContinuation<Slot, Never>) in
            let slot = lock.withLock { () -> Slot? in
                if let slot = free.popLast() { return slot }
                waiters.append(continuation)
                return nil
            }
            if let slot { continuation.resume(returning: slot) }
        }
    }

    func release(_ slot: Slot) {
        let waiter = lock.withLock { () -> CheckedContinuation<Slot, Never>? in
            if waiters.isEmpty {
                free.append(slot)
                return nil
            }
            return waiters.removeFirst()
        }
        waiter?.resume(returning: slot)
    }

    /// Runs `body` on a pool thread with the slot's connection (opened when needed).
    func run<T>(_ slot: Slot, _ body: (PostgresSession) throws -> T) async throws -> T {
        // The caller waits for the result, so `body` does not outlive this
        // call and nothing is shared while it runs.
        try await withoutActuallyEscaping(body) { body in
            // The pool thread lets go of `body` before the caller resumes (the
            // box outlives the call; what it holds does not).
            let work = WorkBox<T> { session in try body(session) }
            return try await threads.runIfActive { [self] in
                defer { work.run = nil }
                let session = try PostgresSession(connection: self.connection(slot), logger: self.logger, pipelined: slot.pipelined)
                do {
                    return UnsafeTransfer(try work.run!(session))
                } catch {
                    if session.broken { self.drop(slot) }
                    throw error
                }
            }.value
        }
    }

    private final class WorkBox<T>: @unchecked Sendable {
        var run: ((PostgresSession) throws -> T)?
        init(_ run: @escaping (PostgresSession) throws -> T) { self.run = run }
    }

    /// Acquires a connection, runs `body` on a pool thread, releases it.
    func withSession<T>(_ body: (PostgresSession) throws -> T) async throws -> T {
        let slot = await acquire()
        defer { release(slot) }
        return try await run(slot, body)
    }

    /// Runs `body` on the calling thread with a connection of the pool (opened
    /// now): for opening the store, before anyone else uses the pool. The
    /// caller must not be on an event loop.
    func withStartupSession<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        guard let slot = lock.withLock({ free.popLast() }) else { throw PostgresStoreError("the pool is in use") }
        defer { release(slot) }
        let session = try PostgresSession(connection: connection(slot), logger: logger, pipelined: slot.pipelined)
        do {
            return try body(session)
        } catch {
            if session.broken { drop(slot) }
            throw error
        }
    }

    private func connection(_ slot: Slot) throws -> PostgresConnection {
        if let connection = slot.connection, !connection.isClosed { return connection }
        slot.connection = nil
        _ = slot.pipelined.take()
        let connection = try connect()
        slot.connection = connection
        return connection
    }

    private func drop(_ slot: Slot) {
        let connection = slot.connection
        slot.connection = nil
        // Closed before it is let go (PostgresNIO asserts it); a pool thread may wait.
        let closing: EventLoopFuture<Void>? = connection?.close()
        try? closing?.wait()
    }

    private func connect() throws -> PostgresConnection {
        try Self.connect(settings: settings, id: nextConnectionID(), logger: logger).wait()
    }

    /// A number for a new connection, for PostgresNIO's logs.
    func nextConnectionID() -> Int {
        lock.withLock { () -> Int in
            nextID += 1
            return nextID
        }
    }

    /// Opens a connection as `settings` say (the pool's, and the listener's of ``PostgresListener``).
    static func connect(settings: PostgresSettings, id: Int, logger: Logger) throws -> EventLoopFuture<PostgresConnection> {
        var configuration: PostgresConnection.Configuration
        if let socket = settings.socketDirectory {
            configuration = .init(unixSocketPath: (socket as NSString).appendingPathComponent(".s.PGSQL.\(settings.port)"),
                                  username: settings.user, password: settings.password, database: settings.database)
        } else {
            let tls: PostgresConnection.Configuration.TLS
            switch settings.tls {
            case .disable:
                tls = .disable
            case .prefer, .require:
                var tlsConfiguration = TLSConfiguration.makeClientConfiguration()
                tlsConfiguration.certificateVerification = .none
                let context = try NIOSSLContext(configuration: tlsConfiguration)
                tls = settings.tls == .prefer ? .prefer(context) : .require(context)
            case .verifyCA, .verifyFull:
                var tlsConfiguration = TLSConfiguration.makeClientConfiguration()
                if settings.tls == .verifyCA { tlsConfiguration.certificateVerification = .noHostnameVerification }
                if let file = settings.rootCertificates { tlsConfiguration.trustRoots = .file(file) }
                tls = .require(try NIOSSLContext(configuration: tlsConfiguration))
            }
            configuration = .init(host: settings.host, port: settings.port, username: settings.user,
                                  password: settings.password, database: settings.database, tls: tls)
        }
        configuration.options.connectTimeout = .milliseconds(Int64(settings.connectTimeout * 1000))
        if settings.schema != "public" {
            configuration.options.additionalStartupParameters = [("search_path", settings.schema)]
        }
        return PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration, id: id, logger: logger)
    }

    func shutdown() {
        let slots = lock.withLock { free }
        for slot in slots { try? slot.connection?.close().wait(); slot.connection = nil }
        try? threads.syncShutdownGracefully()
    }
}

/// The first failure of a statement sent without waiting on one connection,
/// until a statement waited for reports it.
final class PipelinedFailure: @unchecked Sendable {
    private let lock = NSLock()
    private var error: (any Error)?
    func record(_ error: any Error) { lock.withLock { if self.error == nil { self.error = error } } }
    func take() -> (any Error)? { lock.withLock { defer { error = nil }; return error } }
}

/// Moves a value to the pool thread and back; the caller waits meanwhile.
struct UnsafeTransfer<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// One connection, used synchronously from a pool thread: each call sends a
/// statement and waits for its rows.
final class PostgresSession {
    let connection: PostgresConnection
    let logger: Logger
    /// Set when the connection failed (not the statement): the pool drops it.
    private(set) var broken = false
    private let pipelined: PipelinedFailure

    init(connection: PostgresConnection, logger: Logger, pipelined: PipelinedFailure) {
        self.connection = connection
        self.logger = logger
        self.pipelined = pipelined
    }

    typealias Bind = (any PostgresDynamicTypeEncodable)?

    /// Sends a statement that returns no rows without waiting for it: the
    /// connection runs it before the next one, and the pool thread waits
    /// only once for both. Its failure comes out of the next statement waited for.
    func send(_ sql: String) {
        let pipelined = self.pipelined
        connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).whenFailure { pipelined.record($0) }
    }

    /// Runs one statement and returns its rows.
    @discardableResult
    func query(_ sql: String, _ binds: [Bind] = []) throws -> [PostgresRow] {
        var bindings = PostgresBindings(capacity: binds.count)
        for bind in binds {
            if let bind { bindings.append(bind) } else { bindings.appendNull() }
        }
        do {
            let rows = try connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger).wait().rows
            // A statement sent before this one failed (the transaction is
            // aborted, and a COMMIT would only have rolled it back).
            if let failure = pipelined.take() { throw failure }
            return rows
        } catch let error as PSQLError where error.code != .server {
            broken = true
            throw error
        } catch let error as PSQLError where error.serverInfo?[.sqlState]?.hasPrefix("57P") == true {
            // The server ends the connection (shut down, terminated).
            broken = true
            throw error
        } catch {
            if connection.isClosed { broken = true }
            throw pipelined.take() ?? error
        }
    }

    /// Runs statements that take no parameters, one after the other (a `;`
    /// at the end of a line ends one).
    func execute(_ sql: String) throws {
        for statement in sql.components(separatedBy: ";\n") {
            let text = statement.trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { try query(text.hasSuffix(";") ? String(text.dropLast()) : text) }
        }
    }

    func one(_ sql: String, _ binds: [Bind] = []) throws -> Row? {
        try query(sql, binds).first.map(Row.init)
    }

    /// A row whose cells decode by position.
    struct Row {
        let cells: PostgresRandomAccessRow
        init(_ row: PostgresRow) { cells = PostgresRandomAccessRow(row) }

        subscript<T: PostgresDecodable>(_ index: Int) -> T {
            get throws { try cells[index].decode(T.self) }
        }

        func bytes(_ index: Int) throws -> [UInt8] {
            Array(try cells[index].decode(ByteBuffer.self).readableBytesView)
        }

        func optionalBytes(_ index: Int) throws -> [UInt8]? {
            try cells[index].decode(ByteBuffer?.self).map { Array($0.readableBytesView) }
        }

        var count: Int { cells.count }
    }
}
