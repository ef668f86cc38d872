import Backend
import Catalog
import Foundation

/// An Incident Manager that keeps everything in memory: fast, and gone when
/// the process ends. For tests, rehearsals and `--memory`.
///
///     let backend = MemoryBackend(clock: FixedWallClock(start), ids: SeededIDGenerator(seed: 1))
///     let output = try await backend.send(request, context: CallContext(user: "alice"))
public final class MemoryBackend: EngineBackend, StoreDigest, ChannelDataStore, @unchecked Sendable {
    public let engine: ServiceEngine
    /// Channel records (aliases): account → kind → key → value.
    private var channelRecords: [String: [String: [String: String]]] = [:]
    /// Lets one command (or one batch) at a time at the store.
    private let gate = AsyncGate()
    let store = MemoryStore()

    public init(clock: any WallClock = SystemWallClock(), ids: any IDGenerator = RandomIDGenerator()) {
        engine = ServiceEngine(clock: clock, ids: ids)
    }

    public func send(_ request: Request, context: CallContext) async throws(ServiceError) -> Value {
        await gate.enter()
        defer { gate.leave() }
        return try execute(request, context: context)
    }

    /// The batch keeps the state as it was (a copy on write: what the batch
    /// changes is copied once) and puts it back when `body` throws; each
    /// command's own changes are undone from the journal when it fails, and
    /// forgotten when it succeeds, so memory does not grow with the batch.
    public func withBatch<T>(
        isolation: isolated (any Actor)?,
        _ body: (any IncidentBatch) async throws -> T
    ) async throws -> T {
        await gate.enter()
        defer { gate.leave() }
        let before = store.state
        do {
            return try await body(MemoryBatch(backend: self))
        } catch {
            store.restore(before)
            throw error
        }
    }

    /// Runs one command; when it fails, undoes what it did. The caller holds the gate.
    fileprivate func execute(_ request: Request, context: CallContext) throws(ServiceError) -> Value {
        try store.atomically { store in
            try engine.execute(request, context: context, store: store)
        }
    }

    public func outbox(contactChannelArn: String?, afterSeq: Int64) async throws(ServiceError) -> [OutboxMessage] {
        await gate.enter()
        defer { gate.leave() }
        return store.outbox(contactChannelArn: contactChannelArn, afterSeq: afterSeq, limit: nil)
    }

    /// Runs `body` as one command: all of it, or none.
    public func transaction<T>(_ body: (any ContactsStore) throws -> T) async throws(ServiceError) -> T {
        await gate.enter()
        defer { gate.leave() }
        return try store.atomically { store in try body(store) }
    }

    public func channelData(kind: String, account: String) async throws(ServiceError) -> [String: String] {
        await gate.enter()
        defer { gate.leave() }
        return channelRecords[account]?[kind] ?? [:]
    }

    public func setChannelData(kind: String, account: String, key: String, value: String?) async throws(ServiceError) {
        await gate.enter()
        defer { gate.leave() }
        channelRecords[account, default: [:]][kind, default: [:]][key] = value
    }

    public func appendChannelData(kind: String, account: String,
                                  value: @Sendable (Int) -> String) async throws(ServiceError) -> Int {
        await gate.enter()
        defer { gate.leave() }
        let number = nextSequence(after: (channelRecords[account]?[kind] ?? [:]).keys)
        channelRecords[account, default: [:]][kind, default: [:]][sequenceKey(number)] = value(number)
        return number
    }

    /// A digest of everything stored (see ``StoreDigest``).
    public func digest() async throws -> String {
        await gate.enter()
        defer { gate.leave() }
        return store.state.digest()
    }
}

/// The commands of a memory batch: each under its own undo mark.
private struct MemoryBatch: IncidentBatch {
    let backend: MemoryBackend

    func send(_ request: Request, context: CallContext) async throws(ServiceError) -> Value {
        try backend.execute(request, context: context)
    }
}
