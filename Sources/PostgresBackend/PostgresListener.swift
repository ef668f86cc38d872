import Backend
import Foundation
import Logging
import NIOCore
import PostgresNIO

/// The fleet's events (``StoreEvent``) over PostgreSQL's LISTEN/NOTIFY: a
/// connection of its own, outside the pool, listens on the store's channel
/// (one per schema) and hands each notification to every follower. A lost
/// connection is opened again, after a pause that grows from 0.1 s to 5 s;
/// once it listens again the followers hear ``StoreEvent/resumed`` and read
/// what they may have missed from the store.
///
/// The connection opens with the first follower and closes with the backend.
final class PostgresListener: @unchecked Sendable {
    let settings: PostgresSettings
    /// The notification channel: `incident_chat_` and the schema.
    let channel: String
    private let logger: Logger
    private let connectionID: () -> Int
    private let lock = NSLock()
    private var followers: [Int: AsyncStream<StoreEvent>.Continuation] = [:]
    private var nextFollower = 0
    private var task: Task<Void, Never>?
    private var stopped = false

    /// The longest notification payload PostgreSQL takes is 8,000 bytes; a value beyond this is left out.
    static let payloadLimit = 7_000

    init(settings: PostgresSettings, logger: Logger, connectionID: @escaping () -> Int) {
        self.settings = settings
        self.logger = logger
        self.connectionID = connectionID
        channel = Self.channel(schema: settings.schema)
    }

    /// The channel a store's notifications go to: `incident_chat_` and the
    /// schema, an identifier of at most 63 bytes. A longer name keeps the
    /// schema's first 32 bytes and a hash of all of it, so that two long
    /// schemas that begin alike never hear each other.
    static func channel(schema: String) -> String {
        let name = "incident_chat_" + schema
        guard name.utf8.count > 63 else { return name }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a: the same in every process, unlike Hasher
        for byte in schema.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let hex = String(hash, radix: 16)
        return "incident_chat_" + String(decoding: schema.utf8.prefix(32), as: UTF8.self) + "_"
            + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// What a notification of `event` carries: the event, without the value when it is too long.
    static func payload(_ event: StoreEvent) -> String {
        if case .appended(let kind, let account, let key, let value?) = event, value.utf8.count > payloadLimit {
            return StoreEvent.appended(kind: kind, account: account, key: key, value: nil).payload
        }
        return event.payload
    }

    func follow() -> AsyncStream<StoreEvent> {
        // Bounded: a follower that does not keep up loses the oldest hints, never memory.
        let (stream, continuation) = AsyncStream.makeStream(of: StoreEvent.self, bufferingPolicy: .bufferingNewest(4096))
        let start = lock.withLock { () -> Bool in
            guard !stopped else { return false }
            let id = nextFollower
            nextFollower += 1
            followers[id] = continuation
            continuation.onTermination = { [weak self] _ in self?.lock.withLock { _ = self?.followers.removeValue(forKey: id) } }
            guard task == nil else { return false }
            return true
        }
        if stopped { continuation.finish() }
        if start {
            let task = Task { [self] in await listen() }
            lock.withLock { self.task = task }
        }
        return stream
    }

    private func tell(_ event: StoreEvent) {
        let all = lock.withLock { Array(followers.values) }
        for follower in all { follower.yield(event) }
    }

    /// Listens until stopped, opening the connection again whenever it is lost.
    private func listen() async {
        var pause = Duration.milliseconds(100)
        while !Task.isCancelled {
            do {
                let connection = try await PostgresPool.connect(settings: settings, id: connectionID(), logger: logger).get()
                do {
                    try await connection.listen(on: channel) { notifications in
                        pause = .milliseconds(100)
                        tell(.resumed)
                        for try await notification in notifications {
                            if let event = StoreEvent(payload: notification.payload) { tell(event) }
                        }
                    }
                } catch {
                    if !Task.isCancelled {
                        logger.warning("the store's notifications stopped; listening again", metadata: ["error": "\(String(reflecting: error))"])
                    }
                }
                try? await connection.close()
            } catch {
                if !Task.isCancelled {
                    logger.warning("cannot listen to the store's notifications; trying again",
                                   metadata: ["store": "\(settings.redacted)", "error": "\(String(reflecting: error))"])
                }
            }
            try? await Task.sleep(for: pause)
            pause = min(pause * 2, .seconds(5))
        }
    }

    func stop() {
        let (task, all) = lock.withLock { () -> (Task<Void, Never>?, [AsyncStream<StoreEvent>.Continuation]) in
            stopped = true
            defer { followers = [:]; self.task = nil }
            return (self.task, Array(followers.values))
        }
        task?.cancel()
        for follower in all { follower.finish() }
    }
}
