/// What a store that several processes share (a fleet of `serve` on one
/// PostgreSQL database) tells each of them about the others' writes, as
/// they commit: the fleet's doorbell, and the channel records appended
/// (the conversation of the browser channel).
///
///     for await event in backend.storeEvents() {
///         if case .doorbell = event { engine.doorbell.ring() }
///     }
///
/// The events are hints, never the only copy: what they tell is in the
/// store, and after ``StoreEvent/resumed`` (the first time, and after the
/// store could not tell for a while) a follower reads what it may have missed.
public protocol StoreEvents: Sendable {
    /// The events from now on (this process's own writes too), until the
    /// consuming task is cancelled or the backend goes away.
    func storeEvents() -> AsyncStream<StoreEvent>
}

public enum StoreEvent: Sendable, Equatable {
    /// A command may have made a time-driven step due sooner, or put a message in the outbox.
    case doorbell
    /// A record was appended (``ChannelDataStore/appendChannelData(kind:account:value:)``);
    /// `value` is nil when it was too long to tell: read it from the store.
    case appended(kind: String, account: String, key: String, value: String?)
    /// Events flow (again): whatever came before may have been missed.
    case resumed
}

extension StoreEvent {
    /// The event as a line of text (a PostgreSQL notification's payload):
    /// `doorbell`, or `appended`, the account, the kind and the key, a line
    /// each, then the value when there is one.
    public var payload: String {
        switch self {
        case .doorbell: return "doorbell"
        case .resumed: return "resumed"
        case .appended(let kind, let account, let key, let value):
            return ["appended", account, kind, key].joined(separator: "\n") + (value.map { "\n" + $0 } ?? "")
        }
    }

    /// Reads a payload; nil when it is none of the above (another version's event).
    public init?(payload: String) {
        if payload == "doorbell" { self = .doorbell; return }
        if payload == "resumed" { self = .resumed; return }
        let fields = payload.split(separator: "\n", maxSplits: 4, omittingEmptySubsequences: false).map(String.init)
        guard fields.count >= 4, fields[0] == "appended" else { return nil }
        self = .appended(kind: fields[2], account: fields[1], key: fields[3], value: fields.count == 5 ? fields[4] : nil)
    }
}
