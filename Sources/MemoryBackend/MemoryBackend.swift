import Backend
import Catalog
import Foundation

/// An Incident Manager that keeps everything in memory: fast, and gone when
/// the process ends. For tests, rehearsals and `--memory`.
///
///     let backend = MemoryBackend(clock: FixedWallClock(start), ids: SeededIDGenerator(seed: 1))
///     let output = try await backend.send(request, context: CallContext(user: "alice"))
public final class MemoryBackend: IncidentBackend, StoreDigest, TimeDriven, @unchecked Sendable {
    private let engine: ServiceEngine
    /// Lets one command (or one batch) at a time at the store.
    private let gate = AsyncGate()
    private let store = MemoryStore()

    public init(clock: any WallClock = SystemWallClock(), ids: any IDGenerator = RandomIDGenerator()) {
        engine = ServiceEngine(clock: clock, ids: ids)
    }

    public func send(_ request: Request, context: CallContext) async throws(ServiceError) -> Value {
        await gate.enter()
        defer { gate.leave() }
        defer { store.commit() }
        return try execute(request, context: context)
    }

    public func withBatch<T>(
        isolation: isolated (any Actor)?,
        _ body: (any IncidentBatch) async throws -> T
    ) async throws -> T {
        await gate.enter()
        defer { gate.leave() }
        do {
            let result = try await body(MemoryBatch(backend: self))
            store.commit()
            return result
        } catch {
            store.rollback(to: 0)
            store.commit()
            throw error
        }
    }

    /// Runs one command; when it fails, undoes what it did. The caller holds the gate.
    fileprivate func execute(_ request: Request, context: CallContext) throws(ServiceError) -> Value {
        let mark = store.mark
        do {
            return try engine.execute(request, context: context, store: store)
        } catch {
            store.rollback(to: mark)
            if let error = error as? ServiceError { throw error }
            throw ServiceError.store("The memory store failed: \(error).")
        }
    }

    public func tick() async throws(ServiceError) -> [OutboxMessage] {
        try await run(until: engine.clock.now().millis)
    }

    public func advance(to date: Date) async throws(ServiceError) -> [OutboxMessage] {
        try await run(until: engine.moveClock(to: date))
    }

    public func outbox(contactChannelArn: String?, afterSeq: Int64) async throws(ServiceError) -> [OutboxMessage] {
        await gate.enter()
        defer { gate.leave() }
        return store.outbox(contactChannelArn: contactChannelArn, afterSeq: afterSeq)
    }

    /// Runs the due escalation steps as one command: all of them, or none.
    private func run(until time: Millis) async throws(ServiceError) -> [OutboxMessage] {
        await gate.enter()
        defer { gate.leave() }
        defer { store.commit() }
        let mark = store.mark
        do {
            return try engine.tick(until: time, store: store)
        } catch {
            store.rollback(to: mark)
            if let error = error as? ServiceError { throw error }
            throw ServiceError.store("The memory store failed: \(error).")
        }
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
