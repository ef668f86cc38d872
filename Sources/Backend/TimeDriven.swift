import Foundation

/// What a backend with ssm-contacts offers beside its operations: moving time
/// on, so that escalations run, and reading the local outbox where activation
/// codes and pages land. The interpreter exposes both as commands
/// (`.advance 15m` and `.outbox`).
///
///     clock.advance(by: 600)
///     let sent = try await backend.tick()          // what the 10 minutes sent
///     let codes = try await backend.outbox(contactChannelArn: channelArn)
public protocol TimeDriven: Sendable {
    /// Runs every escalation step due at or before the backend's clock, in time
    /// order and in one transaction, and returns the outbox messages they sent.
    func tick() async throws(ServiceError) -> [OutboxMessage]

    /// Moves a ``FixedWallClock`` forward to `date` (never back), then ticks.
    /// With another clock, runs what is due up to `date` without moving it.
    func advance(to date: Date) async throws(ServiceError) -> [OutboxMessage]

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

extension ServiceEngine {
    /// The instant up to which `advance(to:)` runs steps, moving a fixed clock there first.
    public func moveClock(to date: Date) -> Millis {
        if let fixed = clock as? FixedWallClock, fixed.now() < date { fixed.set(date) }
        return max(clock.now().millis, date.millis)
    }

    /// Runs due steps up to `time` and returns the outbox messages they added.
    public func tick<Store: ContactsStore>(until time: Millis, store: Store) throws -> [OutboxMessage] {
        let before = try store.lastOutboxSeq()
        try runDueSteps(until: time, store: store)
        return try store.outbox(contactChannelArn: nil, afterSeq: before)
    }
}
