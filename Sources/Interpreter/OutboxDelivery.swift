import Backend

/// What delivers the outbox's pages and activation codes beyond the machine
/// (the Connectors module's `ContactRelay`): a session hands it what its
/// commands sent before the process ends.
public protocol OutboxDelivery: Sendable {
    /// Takes what no relay has taken from the outbox and starts delivering it.
    @discardableResult
    func relay() async -> Int
    /// Relays whenever `bell` rings or `recheck` passes, until cancelled (long-lived processes).
    func run(listening bell: Doorbell.Listener, recheck: Duration) async
    /// Waits until everything taken has been delivered or given up on.
    func flush() async
}
