import Backend
import Catalog
import Testing

@Suite("Conformance: timeline events")
struct TimelineEventConformance {
    @Test(arguments: BackendKind.allCases)
    func createGetUpdateDelete(kind: BackendKind) async throws {
        let h = try kind.make()
        let (_, arn) = try await h.incident()
        let refs: Value = .list([.structure(["resource": .string("arn:aws:dynamodb:us-east-1:111122223333:table/t")])])
        h.clock.advance(by: 30)
        let id = try await h.createEvent(arn, at: 20, data: "\"Failover started\"", extra: ["eventReferences": refs])
        let event = try await h.call(.getTimelineEvent, ["eventId": .string(id), "incidentRecordArn": .string(arn)])["event"]!
        #expect(event.keys == ["eventData", "eventId", "eventReferences", "eventTime", "eventType", "eventUpdatedTime", "incidentRecordArn"])
        #expect(event["eventData"] == .string("\"Failover started\""))
        #expect(event["eventTime"] == time(20))
        #expect(event["eventUpdatedTime"] == time(30))
        #expect(event["eventReferences"] == refs)

        h.clock.advance(by: 30)
        try await h.call(.updateTimelineEvent, ["eventData": .string("\"Failover done\""), "eventId": .string(id),
                                                  "eventTime": time(25), "eventType": .string("Note"),
                                                  "incidentRecordArn": .string(arn)])
        let updated = try await h.call(.getTimelineEvent, ["eventId": .string(id), "incidentRecordArn": .string(arn)])["event"]!
        #expect(updated["eventData"] == .string("\"Failover done\""))
        #expect(updated["eventTime"] == time(25))
        #expect(updated["eventType"] == .string("Note"))
        #expect(updated["eventUpdatedTime"] == time(60))

        let missing = "arn:aws:ssm-incidents::111122223333:incident-record/db/none"
        try await h.expectError(.resourceNotFound, .createTimelineEvent, [
            "eventData": .string("x"), "eventTime": time(0), "eventType": .string("Custom Event"), "incidentRecordArn": .string(missing),
        ])
        try await h.expectError(.validation, .createTimelineEvent, [
            "eventData": .string("x"), "eventTime": time(0), "eventType": .string("SSM Incident Trigger"), "incidentRecordArn": .string(arn),
        ])
        try await h.expectError(.resourceNotFound, .getTimelineEvent, ["eventId": .string("nope"), "incidentRecordArn": .string(arn)])
        try await h.expectError(.resourceNotFound, .updateTimelineEvent, ["eventId": .string("nope"), "incidentRecordArn": .string(arn)])
        // The service's own events can't be changed.
        let trigger = try await h.call(.listTimelineEvents, [
            "filters": .list([filter("eventType", "equals", strings("SSM Incident Trigger"))]), "incidentRecordArn": .string(arn),
        ])["eventSummaries"]!.list![0]["eventId"]!
        try await h.expectError(.validation, .updateTimelineEvent, ["eventData": .string("x"), "eventId": trigger, "incidentRecordArn": .string(arn)])
        try await h.expectError(.validation, .deleteTimelineEvent, ["eventId": trigger, "incidentRecordArn": .string(arn)])

        #expect(try await h.call(.deleteTimelineEvent, ["eventId": .string(id), "incidentRecordArn": .string(arn)]) == .structure([:]))
        try await h.expectError(.resourceNotFound, .getTimelineEvent, ["eventId": .string(id), "incidentRecordArn": .string(arn)])
        try await h.call(.deleteTimelineEvent, ["eventId": .string(id), "incidentRecordArn": .string(arn)])
    }

    @Test(arguments: BackendKind.allCases)
    func idempotentCreate(kind: BackendKind) async throws {
        let h = try kind.make()
        let (_, arn) = try await h.incident()
        let a = try await h.createEvent(arn, at: 1, extra: ["clientToken": .string("t")])
        let b = try await h.createEvent(arn, at: 1, extra: ["clientToken": .string("t")])
        #expect(a == b)
        try await h.expectError(.conflict, .createTimelineEvent, [
            "clientToken": .string("t"), "eventData": .string("other"), "eventTime": time(1),
            "eventType": .string("Custom Event"), "incidentRecordArn": .string(arn),
        ])
    }

    @Test(arguments: BackendKind.allCases)
    func listSortFilter(kind: BackendKind) async throws {
        let h = try kind.make()
        let (_, arn) = try await h.incident()
        let refs: Value = .list([.structure(["resource": .string("arn:aws:s3:::bucket")])])
        let e30 = try await h.createEvent(arn, at: 30, type: "Note")
        let e10 = try await h.createEvent(arn, at: 10, extra: ["eventReferences": refs])
        let e20 = try await h.createEvent(arn, at: 20)
        func ids(_ input: OrderedInput) async throws -> [String] {
            var input = input
            input["incidentRecordArn"] = .string(arn)
            input["filters"] = .list([filter("eventType", "equals", strings("Custom Event", "Note"))] + (input["filters"]?.list ?? []))
            return try await h.call(.listTimelineEvents, input)["eventSummaries"]!.list!.map { $0["eventId"]!.string! }
        }
        #expect(try await ids(["sortOrder": .string("ASCENDING")]) == [e10, e20, e30])
        #expect(try await ids(["sortBy": .string("EVENT_TIME"), "sortOrder": .string("DESCENDING")]) == [e30, e20, e10])
        #expect(try await ids(["filters": .list([filter("eventType", "equals", strings("Note"))])]) == [e30])
        #expect(try await ids(["filters": .list([filter("eventTime", "after", time(10))]), "sortOrder": .string("ASCENDING")]) == [e20, e30])
        #expect(try await ids(["filters": .list([filter("eventTime", "before", time(20))])]) == [e10])
        #expect(try await ids(["filters": .list([filter("eventReference", "equals", strings("arn:aws:s3:::bucket"))])]) == [e10])
        try await h.expectError(.validation, .listTimelineEvents, ["incidentRecordArn": .string(arn), "maxResults": .integer(101)])
        try await h.expectError(.validation, .listTimelineEvents, ["incidentRecordArn": .string(arn), "sortOrder": .string("UP")])
        try await h.expectError(.validation, .listTimelineEvents,
                                ["filters": .list([filter("impact", "equals", integers(1))]), "incidentRecordArn": .string(arn)])
        // An incident that does not exist has no events.
        #expect(try await h.call(.listTimelineEvents, [
            "incidentRecordArn": .string("arn:aws:ssm-incidents::111122223333:incident-record/db/none"),
        ])["eventSummaries"] == .list([]))
    }

    /// Pages stay right while events are added: nothing is skipped that was
    /// there before the listing began, and nothing is listed twice.
    @Test(arguments: BackendKind.allCases, ["ASCENDING", "DESCENDING"])
    func pagesUnderConcurrentInserts(kind: BackendKind, order: String) async throws {
        let h = try kind.make()
        let (_, arn) = try await h.incident()
        var original = Set<String>()
        for i in 0..<25 { original.insert(try await h.createEvent(arn, at: Double(i % 5) * 10)) } // many equal times
        var seen: [String] = []
        var token: Value?
        var round = 0
        repeat {
            var input: OrderedInput = ["incidentRecordArn": .string(arn), "maxResults": .integer(4), "sortOrder": .string(order)]
            input["nextToken"] = token
            let page = try await h.call(.listTimelineEvents, input)
            seen += page["eventSummaries"]!.list!.map { $0["eventId"]!.string! }
            token = page["nextToken"]
            round += 1
            // Concurrent writers: one event early in the order, one late, one with an equal time.
            try await h.createEvent(arn, at: -Double(round))
            try await h.createEvent(arn, at: 1000 + Double(round))
            try await h.createEvent(arn, at: 20)
        } while token != nil
        #expect(Set(seen).count == seen.count, "an event was listed twice")
        #expect(original.isSubset(of: Set(seen)), "an event that was there all along was skipped")
    }
}
