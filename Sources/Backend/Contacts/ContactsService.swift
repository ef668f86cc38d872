import Catalog

/// The ssm-contacts engine: every rule of the service's 39 operations, written
/// once over a ``ContactsStore`` so that all backends behave alike, beside
/// ``IncidentsService`` and in its style.
///
/// Time matters here: an engagement escalates stage by stage. The engine never
/// waits; it records when the next stage is due, and ``runDueSteps(until:store:)``
/// (driven by the backend's `tick()` after the clock moves) runs what is due.
public struct ContactsService: Sendable {
    public let clock: any WallClock
    public let ids: any IDGenerator

    public init(clock: any WallClock, ids: any IDGenerator) {
        self.clock = clock
        self.ids = ids
    }

    /// Runs one ssm-contacts operation. Throws ``ServiceError`` for the
    /// service's own errors, and whatever the store throws for its failures.
    public func execute<Store: ContactsStore>(_ request: Request, context: CallContext, store: Store) throws -> Value {
        guard case .contacts(let operation) = request.operation else {
            throw ServiceError(.unknownOperation, "ssm-contacts has no operation named \(request.operation).")
        }
        let command = ContactsCommand(store: store, context: context, now: clock.now().millis, ids: ids,
                                      operation: operation, input: Input(request.input))
        return try command.run()
    }

    /// Runs, in time order, every escalation step due at or before `time`: the
    /// next stage of escalation plans and of pages. Each step is stamped with
    /// the instant it was due, so advancing the clock by an hour at once gives
    /// the same records as ticking every minute.
    ///
    /// - Returns: the number of steps run.
    @discardableResult
    public func runDueSteps<Store: ContactsStore>(until time: Millis, store: Store) throws -> Int {
        try Escalation(store: store, ids: ids).runDue(until: time)
    }

    /// Engages a contact for an incident (a response plan's `engagements`),
    /// inside the incident's own transaction. A contact that no longer exists
    /// is skipped: the incident still starts.
    ///
    /// - Returns: the engagement's ARN, or nil when the contact does not exist.
    @discardableResult
    public func engage<Store: ContactsStore>(contactArn: String, sender: String, subject: String, content: String,
                                             incidentId: String, at time: Millis, store: Store) throws -> String? {
        guard let contact = try store.contact(arn: contactArn) else { return nil }
        return try Escalation(store: store, ids: ids).start(
            contact: contact, sender: sender, subject: subject, content: content, publicSubject: nil,
            publicContent: nil, incidentId: incidentId, at: time)
    }
}

/// One command being executed: the store, the caller, the time and the input.
/// The operations are its methods, one file a resource.
struct ContactsCommand {
    let store: any ContactsStore
    let context: CallContext
    /// The time of the command: everything it stamps gets this instant.
    let now: Millis
    let ids: any IDGenerator
    let operation: ContactsOperation
    let input: Input

    var escalation: Escalation { Escalation(store: store, ids: ids) }

    func run() throws -> Value {
        switch operation {
        case .createContact: return try idempotent(createContact)
        case .getContact: return try getContact()
        case .listContacts: return try listContacts()
        case .updateContact: return try updateContact()
        case .deleteContact: return try deleteContact()
        case .createContactChannel: return try idempotent(createContactChannel)
        case .getContactChannel: return try getContactChannel()
        case .listContactChannels: return try listContactChannels()
        case .updateContactChannel: return try updateContactChannel()
        case .deleteContactChannel: return try deleteContactChannel()
        case .sendActivationCode: return try sendActivationCode()
        case .activateContactChannel: return try activateContactChannel()
        case .deactivateContactChannel: return try deactivateContactChannel()
        case .startEngagement: return try idempotent(startEngagement)
        case .stopEngagement: return try stopEngagement()
        case .describeEngagement: return try describeEngagement()
        case .listEngagements: return try listEngagements()
        case .acceptPage: return try acceptPage()
        case .describePage: return try describePage()
        case .listPagesByContact: return try listPagesByContact()
        case .listPagesByEngagement: return try listPagesByEngagement()
        case .listPageReceipts: return try listPageReceipts()
        case .listPageResolutions: return try listPageResolutions()
        case .createRotation: return try idempotent(createRotation)
        case .getRotation: return try getRotation()
        case .listRotations: return try listRotations()
        case .updateRotation: return try updateRotation()
        case .deleteRotation: return try deleteRotation()
        case .listRotationShifts: return try listRotationShifts()
        case .listPreviewRotationShifts: return try listPreviewRotationShifts()
        case .createRotationOverride: return try idempotent(createRotationOverride)
        case .getRotationOverride: return try getRotationOverride()
        case .listRotationOverrides: return try listRotationOverrides()
        case .deleteRotationOverride: return try deleteRotationOverride()
        case .putContactPolicy: return try putContactPolicy()
        case .getContactPolicy: return try getContactPolicy()
        case .tagResource: return try tagResource()
        case .untagResource: return try untagResource()
        case .listTagsForResource: return try listTagsForResource()
        }
    }

    /// The hash of this query for its page tokens.
    var queryScope: Int64 {
        var scope = input.fingerprint(excluding: ["NextToken", "MaxResults"])
        for byte in operation.rawValue.utf8 { scope = (scope &* 31) &+ Int64(byte) }
        return scope
    }
}
