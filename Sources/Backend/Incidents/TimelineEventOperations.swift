import Catalog

/// The event types the service writes itself, for lifecycle changes.
enum SystemEventType {
    /// The incident was created (started by hand or by a trigger).
    static let trigger = "SSM Incident Trigger"
    /// The title, impact or status of the incident changed.
    static let recordUpdate = "SSM Incident Record Update"
}

/// CreateTimelineEvent, GetTimelineEvent, ListTimelineEvents,
/// UpdateTimelineEvent, DeleteTimelineEvent.
extension IncidentsCommand {
    /// The event types a caller may create; every other type is the service's own.
    static var writableEventTypes: Set<String> { ["Custom Event", "Note"] }

    func createTimelineEvent() throws -> Value {
        let arn = try input.requiredString("incidentRecordArn")
        let eventTime = try input.requiredTimestamp("eventTime")
        let eventType = try input.requiredString("eventType")
        let eventData = try input.requiredString("eventData")
        let references = try input.list("eventReferences")
        try checkWritableType(eventType)
        let incidentSeq = try incidentSeq(arn: arn)
        let eventId = ids.uuidString()
        _ = try store.insertTimelineEvent(TimelineEventRecord(
            incidentSeq: incidentSeq, eventId: eventId, eventTime: eventTime, eventType: eventType,
            eventData: eventData, eventUpdatedTime: now, eventReferences: references))
        return structure(("eventId", .string(eventId)), ("incidentRecordArn", .string(arn)))
    }

    func getTimelineEvent() throws -> Value {
        let arn = try input.requiredString("incidentRecordArn")
        let event = try timelineEvent(incidentArn: arn, eventId: try input.requiredString("eventId"))
        return structure(("event", structure(
            ("eventData", .string(event.eventData)),
            ("eventId", .string(event.eventId)),
            ("eventReferences", event.eventReferences.map(Value.list)),
            ("eventTime", .time(event.eventTime)),
            ("eventType", .string(event.eventType)),
            ("eventUpdatedTime", .time(event.eventUpdatedTime)),
            ("incidentRecordArn", .string(arn)))))
    }

    /// Lists an incident's events by event time (newest first unless asked
    /// otherwise); an incident that does not exist has no events.
    func listTimelineEvents() throws -> Value {
        let arn = try input.requiredString("incidentRecordArn")
        let limit = try input.pageSize(limit: 100)
        if let sortBy = try input.string("sortBy"), sortBy != "EVENT_TIME" {
            throw ServiceError.validation("sortBy must be EVENT_TIME; got \(sortBy).")
        }
        let order = try input.string("sortOrder") ?? "DESCENDING"
        guard order == "ASCENDING" || order == "DESCENDING" else {
            throw ServiceError.validation("sortOrder must be ASCENDING or DESCENDING; got \(order).")
        }
        let filters = try ListFilter.parse(input, keys: ["eventTime": .time, "eventType": .string, "eventReference": .string])
        var after: TimelineSortKey?
        if let token = try input.string("nextToken") {
            let key = try PageToken.readInts(token, scope: queryScope, count: 2)
            after = TimelineSortKey(eventTime: key[0], seq: key[1])
        }
        guard let incidentSeq = try store.incidentSeq(arn: arn) else {
            return structure(("eventSummaries", .list([])))
        }
        let page = try Page<TimelineEventRecord>(limit: limit, include: { event in
            filters.allSatisfy { filter in
                switch filter.key {
                case "eventTime": filter.matches(time: event.eventTime)
                case "eventType": filter.matches(string: event.eventType)
                default: filter.matches(anyOf: Self.referenceNames(event.eventReferences))
                }
            }
        }) { visit in
            try store.scanTimelineEvents(incidentSeq: incidentSeq, descending: order == "DESCENDING", after: after, visit)
        }
        let summaries = page.items.map { event in
            structure(
                ("eventId", .string(event.eventId)),
                ("eventReferences", event.eventReferences.map(Value.list)),
                ("eventTime", .time(event.eventTime)),
                ("eventType", .string(event.eventType)),
                ("eventUpdatedTime", .time(event.eventUpdatedTime)),
                ("incidentRecordArn", .string(arn)))
        }
        var token: Value?
        if page.hasMore, let last = page.items.last {
            token = .string(PageToken.make(scope: queryScope, [String(last.eventTime), String(last.seq)]))
        }
        return structure(("eventSummaries", .list(summaries)), ("nextToken", token))
    }

    func updateTimelineEvent() throws -> Value {
        let arn = try input.requiredString("incidentRecordArn")
        var event = try timelineEvent(incidentArn: arn, eventId: try input.requiredString("eventId"))
        try checkWritableType(event.eventType, changing: true)
        if let type = try input.string("eventType") {
            try checkWritableType(type)
            event.eventType = type
        }
        if let data = try input.string("eventData") { event.eventData = data }
        if let time = try input.timestamp("eventTime") { event.eventTime = time }
        if let references = try input.list("eventReferences") { event.eventReferences = references }
        event.eventUpdatedTime = now
        try store.updateTimelineEvent(event)
        return emptyOutput
    }

    /// Deleting an event that does not exist succeeds, as the service answers.
    func deleteTimelineEvent() throws -> Value {
        let arn = try input.requiredString("incidentRecordArn")
        let eventId = try input.requiredString("eventId")
        guard let incidentSeq = try store.incidentSeq(arn: arn),
              let event = try store.timelineEvent(incidentSeq: incidentSeq, eventId: eventId) else { return emptyOutput }
        try checkWritableType(event.eventType, changing: true)
        try store.deleteTimelineEvent(seq: event.seq)
        return emptyOutput
    }

    // MARK: Helpers

    func timelineEvent(incidentArn: String, eventId: String) throws -> TimelineEventRecord {
        let incidentSeq = try incidentSeq(arn: incidentArn)
        guard let event = try store.timelineEvent(incidentSeq: incidentSeq, eventId: eventId) else {
            throw ServiceError.notFound(.timelineEvent, eventId, "Timeline event \(eventId) does not exist in incident record \(incidentArn).")
        }
        return event
    }

    /// Records an event of the service's own on the incident's timeline.
    func recordSystemEvent(_ incident: IncidentRecordRow, type: String, data: String) throws {
        _ = try store.insertTimelineEvent(TimelineEventRecord(
            incidentSeq: incident.seq, eventId: ids.uuidString(), eventTime: now, eventType: type,
            eventData: data, eventUpdatedTime: now, eventReferences: nil))
    }

    private func checkWritableType(_ type: String, changing: Bool = false) throws {
        guard Self.writableEventTypes.contains(type) else {
            if changing {
                throw ServiceError.validation("Events of type \(type) are recorded by Incident Manager and can't be changed or deleted.")
            }
            throw ServiceError.validation("eventType must be Custom Event or Note; \(type) is reserved for events Incident Manager records itself.")
        }
    }

    /// The ARNs and related item ids an event refers to (for the eventReference filter).
    static func referenceNames(_ references: [Value]?) -> [String] {
        (references ?? []).compactMap { $0["resource"]?.string ?? $0["relatedItemId"]?.string }
    }
}
