/// The storage the ssm-contacts engine runs on: typed records in, typed records
/// out, no service rules (``ContactsService`` holds them). It refines
/// ``IncidentStore`` because both services share one transaction (an incident
/// engages contacts) and the tags and idempotency tables.
///
/// Lists come back in insertion order (updates keep a record's place); the
/// engine sorts and pages them. Contacts are few enough for that: an account
/// has hundreds, not millions.
public protocol ContactsStore: IncidentStore {
    // MARK: Contacts
    func contact(arn: String) throws -> ContactRecord?
    /// Inserts a contact, or replaces the one with the same ARN in place.
    func putContact(_ record: ContactRecord) throws
    func deleteContact(arn: String) throws
    func contacts(account: String, region: String) throws -> [ContactRecord]

    // MARK: Contact channels
    func contactChannel(arn: String) throws -> ContactChannelRecord?
    func putContactChannel(_ record: ContactChannelRecord) throws
    func deleteContactChannel(arn: String) throws
    func contactChannels(contactArn: String) throws -> [ContactChannelRecord]

    // MARK: Engagements and pages
    func engagement(arn: String) throws -> EngagementRecord?
    func putEngagement(_ record: EngagementRecord) throws
    func engagements(account: String, region: String) throws -> [EngagementRecord]
    /// The engagement whose next stage is due first at or before `time`, in
    /// every account (ties: the smaller ARN); an index lookup, not a scan.
    func firstDueEngagement(atOrBefore time: Millis) throws -> EngagementRecord?

    func page(arn: String) throws -> PageRecord?
    func putPage(_ record: PageRecord) throws
    func pages(engagementArn: String) throws -> [PageRecord]
    func pages(contactArn: String) throws -> [PageRecord]
    /// The page whose next stage is due first at or before `time`, in every
    /// account (ties: the smaller ARN); an index lookup, not a scan.
    func firstDuePage(atOrBefore time: Millis) throws -> PageRecord?
    /// When the next time-driven step of any engagement or page is due; nil
    /// when none is. What a command's catch-up and the scheduler look at
    /// first, so it is one lookup of an index.
    func nextDueTime() throws -> Millis?

    /// Inserts and returns the `seq` assigned.
    func insertReceipt(_ record: ReceiptRecord) throws -> Int64
    func receipts(pageArn: String) throws -> [ReceiptRecord]

    // MARK: Rotations
    func rotation(arn: String) throws -> RotationRecord?
    func putRotation(_ record: RotationRecord) throws
    /// Deletes the rotation with its overrides.
    func deleteRotation(arn: String) throws
    func rotations(account: String, region: String) throws -> [RotationRecord]

    func insertRotationOverride(_ record: RotationOverrideRecord) throws
    func deleteRotationOverride(rotationArn: String, id: String) throws
    func rotationOverrides(rotationArn: String) throws -> [RotationOverrideRecord]

    // MARK: Outbox
    /// Inserts and returns the `seq` assigned.
    func appendOutbox(_ message: OutboxMessage) throws -> Int64
    /// The `seq` of the newest message (0 when the outbox is empty).
    func lastOutboxSeq() throws -> Int64
    /// Messages with `seq` above `afterSeq`, to one channel or to all,
    /// oldest first; at most `limit` of them (nil: all).
    func outbox(contactChannelArn: String?, afterSeq: Int64, limit: Int?) throws -> [OutboxMessage]
    /// The `seq` of the newest message handed to a delivery relay (0: none
    /// yet). Messages are appended in `seq` order inside write transactions,
    /// so moving this mark in one hands each message to exactly one relay,
    /// whichever process it runs in. It is bookkeeping, not service state:
    /// store digests leave it out.
    func relayedOutboxSeq() throws -> Int64
    func setRelayedOutboxSeq(_ seq: Int64) throws
}
