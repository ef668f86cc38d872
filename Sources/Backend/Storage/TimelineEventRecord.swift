import Catalog

/// A timeline event as a store keeps it.
public struct TimelineEventRecord: Sendable, Hashable {
    /// The store's key for the event, assigned on insert; breaks ties of equal event times.
    public var seq: Int64
    /// The `seq` of the incident the event belongs to.
    public var incidentSeq: Int64
    public var eventId: String
    public var eventTime: Millis
    public var eventType: String
    public var eventData: String
    public var eventUpdatedTime: Millis
    public var eventReferences: [Value]?

    public init(seq: Int64 = 0, incidentSeq: Int64, eventId: String, eventTime: Millis, eventType: String,
                eventData: String, eventUpdatedTime: Millis, eventReferences: [Value]?) {
        self.seq = seq
        self.incidentSeq = incidentSeq
        self.eventId = eventId
        self.eventTime = eventTime
        self.eventType = eventType
        self.eventData = eventData
        self.eventUpdatedTime = eventUpdatedTime
        self.eventReferences = eventReferences
    }

    public var sortKey: TimelineSortKey { TimelineSortKey(eventTime: eventTime, seq: seq) }
}

/// The sort key of timeline events: event time, then insertion order.
public struct TimelineSortKey: Sendable, Hashable, Comparable {
    public var eventTime: Millis
    public var seq: Int64
    public init(eventTime: Millis, seq: Int64) {
        self.eventTime = eventTime
        self.seq = seq
    }
    public static func < (a: Self, b: Self) -> Bool {
        (a.eventTime, a.seq) < (b.eventTime, b.seq)
    }
}
