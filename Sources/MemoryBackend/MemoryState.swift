import Backend
import OrderedCollections

/// Everything the memory backend keeps: dictionaries for lookups and sorted
/// arrays for the orders that lists walk.
struct MemoryState {
    /// One timeline: events by key, and their keys in (eventTime, seq) order.
    struct Timeline {
        var order = SortedKeys<TimelineSortKey>()
        var events: [Int64: TimelineEventRecord] = [:]
        var seqById: [String: Int64] = [:]
    }

    /// The next `seq` of each kind of record (one counter a table, as SQLite keeps them).
    var nextSeq = Sequences()

    struct Sequences {
        var incident: Int64 = 1
        var event: Int64 = 1
        var relatedItem: Int64 = 1
        var policy: Int64 = 1
        var receipt: Int64 = 1
        var outbox: Int64 = 1
    }
    var replicationSets: [String: ReplicationSetRecord] = [:]
    var plans: [String: ResponsePlanRecord] = [:]
    /// Plans by account, in ascending order of name.
    var planNames: [String: SortedKeys<PlanKey>] = [:]
    var incidents: [String: IncidentRecordRow] = [:]
    var incidentArnBySeq: [Int64: String] = [:]
    /// Incident keys by account, ascending (lists walk them backwards).
    var incidentOrder: [String: SortedKeys<IncidentListKey>] = [:]
    var timelines: [Int64: Timeline] = [:]
    /// The incident of each event, by the event's seq.
    var eventIncident: [Int64: Int64] = [:]
    var relatedItems: [Int64: [RelatedItemRecord]] = [:]
    var relatedItemIncident: [Int64: Int64] = [:]
    var tags: [String: [String: String]] = [:]
    var policies: [String: [ResourcePolicyRecord]] = [:]
    var policyResource: [Int64: String] = [:]
    var idempotency: [IdempotencyKey: IdempotencyRecord] = [:]

    // ssm-contacts: tables in insertion order, keyed by ARN (updates keep their place).
    var contacts = OrderedDictionary<String, ContactRecord>()
    var channels = OrderedDictionary<String, ContactChannelRecord>()
    var engagements = OrderedDictionary<String, EngagementRecord>()
    var pages = OrderedDictionary<String, PageRecord>()
    var receipts: [ReceiptRecord] = []
    var rotations = OrderedDictionary<String, RotationRecord>()
    /// Keyed by rotation ARN and override id.
    var overrides = OrderedDictionary<String, RotationOverrideRecord>()
    var outbox: [OutboxMessage] = []
    /// The newest message handed to a delivery relay.
    var relayedOutboxSeq: Int64 = 0
    /// Engagements and pages with a next stage, by when it is due: the
    /// scheduler's index (the records stay the truth; this follows them).
    var engagementsDue = SortedKeys<DueKey>()
    var pagesDue = SortedKeys<DueKey>()

    /// A record's place among the due ones: by due time, then by ARN.
    struct DueKey: Comparable {
        var due: Millis
        var arn: String
        static func < (a: Self, b: Self) -> Bool { (a.due, a.arn) < (b.due, b.arn) }
    }

    /// A plan's place in its account's list: ordered (and equal) by name alone.
    struct PlanKey: Comparable {
        var name: String
        var arn: String
        static func < (a: Self, b: Self) -> Bool { a.name < b.name }
        static func == (a: Self, b: Self) -> Bool { a.name == b.name }
    }

    struct IdempotencyKey: Hashable {
        var account: String
        var operation: String
        var token: String
    }
}
