import Catalog

/// Routes a request to the engine of its service. Backends hold one and call
/// it inside their transaction.
public struct ServiceEngine: Sendable {
    public let incidents: IncidentsService
    public let contacts: ContactsService
    /// The clock both engines stamp with (backends read it to run due escalation steps).
    public let clock: any WallClock
    /// Rung after a command that may have made a step due sooner, to wake a ``Scheduler``.
    public let doorbell = Doorbell()

    public init(clock: any WallClock = SystemWallClock(), ids: any IDGenerator = RandomIDGenerator()) {
        self.clock = clock
        incidents = IncidentsService(clock: clock, ids: ids)
        contacts = ContactsService(clock: clock, ids: ids)
    }

    /// Runs one request. First it catches up: every time-driven step due at
    /// the command's instant runs, in time order, in the caller's transaction,
    /// so the command sees the store the service would show at that instant
    /// however the clock got there (`.advance`, a later `--fixed-clock`, the
    /// wall clock). When nothing is due that is one index lookup.
    public func execute<Store: ContactsStore>(_ request: Request, context: CallContext, store: Store) throws -> Value {
        // Steps that ran here may have sent messages: a relay wants to know.
        let caughtUp = try catchUp(until: clock.now().millis, store: store) > 0
        if caughtUp || Self.ringsDoorbell(request.operation) { doorbell.ring() }
        switch request.service {
        case .incidents:
            let contacts = self.contacts
            return try incidents.execute(request, context: context, store: store) { order in
                try contacts.engage(contactArn: order.contactArn, sender: order.sender, subject: order.subject,
                                    content: order.content, incidentId: order.incidentId, at: order.time, store: store)
            }
        case .contacts:
            do {
                return try contacts.execute(request, context: context, store: store)
            } catch let error as ServiceError {
                throw error.asContactsError()
            }
        }
    }

    /// The operations that can make a step due sooner than every step before
    /// (the steps of an engagement they start); the rest only run or end steps.
    static let startsEngagements: Set<OperationName> = [.contacts(.startEngagement), .incidents(.startIncident)]
    /// The operations that put an activation code in the outbox, for delivery relays.
    static let sendsMessages: Set<OperationName> = [.contacts(.createContactChannel), .contacts(.sendActivationCode)]

    /// Whether the operation always rings the doorbell (it may make a step due
    /// sooner, or put a message in the outbox): what a fleet's other servers
    /// are told of (``StoreEvent/doorbell``).
    public static func ringsDoorbell(_ operation: OperationName) -> Bool {
        startsEngagements.contains(operation) || sendsMessages.contains(operation)
    }

    /// Runs the time-driven steps due at or before `time` (see
    /// ``ContactsService/runDueSteps(until:store:)``); call it inside a
    /// transaction. Looks up the next due time first, so that it costs one
    /// lookup when nothing is due.
    ///
    /// - Returns: the number of steps run.
    @discardableResult
    public func catchUp<Store: ContactsStore>(until time: Millis, store: Store) throws -> Int {
        guard let due = try store.nextDueTime(), due <= time else { return 0 }
        return try contacts.runDueSteps(until: time, store: store)
    }
}
