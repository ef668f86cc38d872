import Catalog

/// An incident record as a store keeps it.
public struct IncidentRecordRow: Sendable, Hashable {
    /// The store's key for the incident, assigned on insert; increases with every insert.
    public var seq: Int64
    public var account: String
    public var arn: String
    public var responsePlanArn: String
    public var title: String
    public var summary: String?
    public var status: String
    public var impact: Int64
    public var dedupeString: String
    public var creationTime: Millis
    public var resolvedTime: Millis?
    public var lastModifiedBy: String
    public var lastModifiedTime: Millis
    public var createdBy: String
    public var invokedBy: String?
    public var sourceResourceArn: String?
    public var source: String
    public var chatChannel: Value?
    public var notificationTargets: [Value]
    public var automationExecutions: [Value]
    public var triggerDetails: Value?

    public init(seq: Int64 = 0, account: String, arn: String, responsePlanArn: String, title: String,
                summary: String?, status: String, impact: Int64, dedupeString: String, creationTime: Millis,
                resolvedTime: Millis?, lastModifiedBy: String, lastModifiedTime: Millis, createdBy: String,
                invokedBy: String?, sourceResourceArn: String?, source: String, chatChannel: Value?,
                notificationTargets: [Value], automationExecutions: [Value], triggerDetails: Value?) {
        self.seq = seq
        self.account = account
        self.arn = arn
        self.responsePlanArn = responsePlanArn
        self.title = title
        self.summary = summary
        self.status = status
        self.impact = impact
        self.dedupeString = dedupeString
        self.creationTime = creationTime
        self.resolvedTime = resolvedTime
        self.lastModifiedBy = lastModifiedBy
        self.lastModifiedTime = lastModifiedTime
        self.createdBy = createdBy
        self.invokedBy = invokedBy
        self.sourceResourceArn = sourceResourceArn
        self.source = source
        self.chatChannel = chatChannel
        self.notificationTargets = notificationTargets
        self.automationExecutions = automationExecutions
        self.triggerDetails = triggerDetails
    }

    /// Where the incident stands in ListIncidentRecords' order (newest first).
    public var listKey: IncidentListKey { IncidentListKey(creationTime: creationTime, seq: seq) }
}

/// The sort key of incident records: creation time, then insertion order.
public struct IncidentListKey: Sendable, Hashable, Comparable {
    public var creationTime: Millis
    public var seq: Int64
    public init(creationTime: Millis, seq: Int64) {
        self.creationTime = creationTime
        self.seq = seq
    }
    public static func < (a: Self, b: Self) -> Bool {
        (a.creationTime, a.seq) < (b.creationTime, b.seq)
    }
}
