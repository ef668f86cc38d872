import Catalog

/// Runs checked requests against an Incident Manager: the one seam between the
/// interpreter (or the server) and whatever keeps the incidents.
///
/// Like swift-log's `LogHandler`, it is deliberately small: any implementation
/// (memory, SQLite, a remote endpoint) plugs in behind it.
///
/// Every command is atomic: it either succeeds completely or throws a
/// ``ServiceError`` and changes nothing.
public protocol IncidentBackend: Sendable {
    /// Runs one command in a transaction of its own.
    ///
    /// - Returns: the operation's output, a `.structure` whose members follow
    ///   the model's order for the output shape.
    func send(_ request: Request, context: CallContext) async throws(ServiceError) -> Value

    /// Groups many commands into one transaction, with a savepoint per command.
    ///
    /// A command that fails inside the batch is rolled back alone (its error is
    /// thrown to `body`, which decides whether to go on). When `body` returns,
    /// the batch commits; when it throws, everything the batch did is undone.
    /// Other callers of the same backend wait until the batch ends.
    func withBatch<T>(
        isolation: isolated (any Actor)?,
        _ body: (any IncidentBatch) async throws -> T
    ) async throws -> T
}

extension IncidentBackend {
    /// Groups many commands into one transaction (see the requirement).
    public func withBatch<T>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: (any IncidentBatch) async throws -> T
    ) async throws -> T {
        try await withBatch(isolation: isolation, body)
    }
}

/// The commands of one open batch; valid only inside `withBatch`'s body.
public protocol IncidentBatch {
    /// Runs one command under a savepoint of the batch's transaction.
    func send(_ request: Request, context: CallContext) async throws(ServiceError) -> Value
}
