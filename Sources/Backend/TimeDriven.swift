import Foundation

/// What a backend with ssm-contacts offers beside its operations: moving time
/// on, so that escalations run, and reading the local outbox where activation
/// codes and pages land. The interpreter exposes both as commands
/// (`.advance 15m` and `.outbox`); the scheduler of long-lived processes
/// sleeps until ``nextDueTime()`` and then ticks.
///
///     clock.advance(by: 600)
///     let sent = try await backend.tick()          // what the 10 minutes sent
///     let codes = try await backend.outbox(contactChannelArn: channelArn)
///
/// Every command catches up by itself (``ServiceEngine/execute(_:context:store:)``),
/// so ticking is needed only to see what was sent, or to run steps while no
/// command comes.
public protocol TimeDriven: Sendable {
    /// Runs every escalation step due at or before the backend's clock, in time
    /// order and in one transaction, and returns the outbox messages they sent.
    func tick() async throws(ServiceError) -> [OutboxMessage]

    /// Moves a ``FixedWallClock`` forward to `date` (never back), then ticks.
    /// With another clock, runs what is due up to `date` without moving it.
    func advance(to date: Date) async throws(ServiceError) -> [OutboxMessage]

    /// When the next time-driven step is due (nil: none is), read from the
    /// store, so a step another process added counts too.
    func nextDueTime() async throws(ServiceError) -> Date?

    /// The outbox, oldest first: messages with `seq` above `afterSeq`, to one
    /// channel (its ARN) or to every channel (nil).
    func outbox(contactChannelArn: String?, afterSeq: Int64) async throws(ServiceError) -> [OutboxMessage]
}

extension TimeDriven {
    /// The whole outbox, or one channel's part of it.
    public func outbox(contactChannelArn: String? = nil) async throws(ServiceError) -> [OutboxMessage] {
        try await outbox(contactChannelArn: contactChannelArn, afterSeq: 0)
    }
}

/// A backend that runs the ``ServiceEngine`` itself over a store of its own
/// (memory, SQLite): it gives the engine and a write transaction, and gets
/// its time-driven side written once, here.
public protocol EngineBackend: IncidentBackend, TimeDriven, OutboxRelaying {
    var engine: ServiceEngine { get }

    /// Runs `body` in a write transaction of the store, waiting for the
    /// store's other users (a batch, another process): all of it, or nothing.
    func transaction<T>(_ body: (any ContactsStore) throws -> T) async throws(ServiceError) -> T
}

extension EngineBackend {
    public func tick() async throws(ServiceError) -> [OutboxMessage] {
        try await run(until: engine.clock.now().millis)
    }

    public func advance(to date: Date) async throws(ServiceError) -> [OutboxMessage] {
        try await run(until: engine.moveClock(to: date))
    }

    public func nextDueTime() async throws(ServiceError) -> Date? {
        try await transaction { store in try store.nextDueTime() }.map(Date.init(millis:))
    }

    /// Runs the due steps in one transaction: the due set is read inside it,
    /// so two processes on one store never run a step twice.
    private func run(until time: Millis) async throws(ServiceError) -> [OutboxMessage] {
        let sent = try await transaction { store in try engine.tick(until: time, store: store) }
        // What the steps sent is in the outbox now, for a delivery relay.
        if !sent.isEmpty { engine.doorbell.ring() }
        return sent
    }
}

extension ServiceEngine {
    /// The instant up to which `advance(to:)` runs steps, moving a fixed clock there first.
    public func moveClock(to date: Date) -> Millis {
        if let fixed = clock as? FixedWallClock, fixed.now() < date { fixed.set(date) }
        return max(clock.now().millis, date.millis)
    }

    /// Runs due steps up to `time` and returns the outbox messages they added.
    public func tick<Store: ContactsStore>(until time: Millis, store: Store) throws -> [OutboxMessage] {
        let before = try store.lastOutboxSeq()
        guard try catchUp(until: time, store: store) > 0 else { return [] }
        return try store.outbox(contactChannelArn: nil, afterSeq: before, limit: nil)
    }
}
