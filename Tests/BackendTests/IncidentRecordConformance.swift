import Backend
import Catalog
import Testing

@Suite("Conformance: incident records")
struct IncidentRecordConformance {
    @Test(arguments: BackendKind.allCases)
    func startFromTemplate(kind: BackendKind) async throws {
        let h = try kind.make()
        _ = try await h.createReplicationSet()
        let sns = Value.structure(["snsTopicArn": .string("arn:aws:sns:us-east-1:111122223333:updates")])
        let chat = Value.structure(["chatbotSns": .list([.string("arn:aws:sns:us-east-1:111122223333:chat")])])
        let plan = try await h.createPlan("db", title: "Database down", impact: 2, extra: ["chatChannel": chat], template: [
            "dedupeString": .string("db-down"), "incidentTags": .map(["team": .string("storage")]),
            "notificationTargets": .list([sns]), "summary": .string("Primary unreachable"),
        ])
        let arn = try await h.startIncident(plan)
        #expect(arn.hasPrefix("arn:aws:ssm-incidents::111122223333:incident-record/db/"))
        let record = try await h.call(.getIncidentRecord, ["arn": .string(arn)])["incidentRecord"]!
        #expect(record.keys == ["arn", "automationExecutions", "chatChannel", "creationTime", "dedupeString", "impact",
                                "incidentRecordSource", "lastModifiedBy", "lastModifiedTime", "notificationTargets",
                                "status", "summary", "title"])
        #expect(record["title"] == .string("Database down"))
        #expect(record["impact"] == .integer(2))
        #expect(record["status"] == .string("OPEN"))
        #expect(record["summary"] == .string("Primary unreachable"))
        #expect(record["dedupeString"] == .string("db-down"))
        #expect(record["chatChannel"] == chat)
        #expect(record["notificationTargets"] == .list([sns]))
        #expect(record["creationTime"] == .timestamp(Harness.start))
        #expect(record["incidentRecordSource"] == .structure([
            "createdBy": .string("arn:aws:iam::111122223333:user/alice"), "source": .string("aws.ssm-incidents.custom"),
        ]))
        #expect(try await h.call(.listTagsForResource, ["resourceArn": .string(arn)])["tags"] == .map(["team": .string("storage")]))
        // The service records the start on the timeline.
        let events = try await h.call(.listTimelineEvents, ["incidentRecordArn": .string(arn)])["eventSummaries"]!.list!
        #expect(events.map { $0["eventType"]! } == [.string("SSM Incident Trigger")])
    }

    @Test(arguments: BackendKind.allCases)
    func startWithOverridesAndTrigger(kind: BackendKind) async throws {
        let h = try kind.make()
        _ = try await h.createReplicationSet()
        let plan = try await h.createPlan()
        let arn = try await h.startIncident(plan, [
            "impact": .integer(1), "title": .string("Everything is down"),
            "triggerDetails": .structure([
                "source": .string("aws.cloudwatch"), "timestamp": time(-30),
                "triggerArn": .string("arn:aws:cloudwatch:us-east-1:111122223333:alarm:db"),
            ]),
        ], as: h.bob)
        let record = try await h.call(.getIncidentRecord, ["arn": .string(arn)])["incidentRecord"]!
        #expect(record["title"] == .string("Everything is down"))
        #expect(record["impact"] == .integer(1))
        #expect(record["incidentRecordSource"] == .structure([
            "createdBy": .string("arn:aws:iam::111122223333:user/bob"), "invokedBy": .string("cloudwatch.amazonaws.com"),
            "resourceArn": .string("arn:aws:cloudwatch:us-east-1:111122223333:alarm:db"), "source": .string("aws.cloudwatch"),
        ]))
        try await h.expectError(.resourceNotFound, .startIncident,
                                ["responsePlanArn": .string("arn:aws:ssm-incidents::111122223333:response-plan/none")])
        try await h.expectError(.validation, .startIncident, ["impact": .integer(0), "responsePlanArn": .string(plan)])
        try await h.expectError(.resourceNotFound, .getIncidentRecord,
                                ["arn": .string("arn:aws:ssm-incidents::111122223333:incident-record/db/none")])
    }

    @Test(arguments: BackendKind.allCases)
    func idempotentStart(kind: BackendKind) async throws {
        let h = try kind.make()
        _ = try await h.createReplicationSet()
        let plan = try await h.createPlan()
        let other = try await h.createPlan("web")
        let first = try await h.startIncident(plan, ["clientToken": .string("token-1")])
        h.clock.advance(by: 5)
        let again = try await h.startIncident(plan, ["clientToken": .string("token-1")])
        #expect(first == again)
        #expect(try await h.call(.listIncidentRecords)["incidentRecordSummaries"]!.list!.count == 1)
        try await h.expectError(.conflict, .startIncident, ["clientToken": .string("token-1"), "responsePlanArn": .string(other)])
        let fresh = try await h.startIncident(plan, ["clientToken": .string("token-2")])
        #expect(fresh != first)
    }

    @Test(arguments: BackendKind.allCases)
    func updateResolveReopen(kind: BackendKind) async throws {
        let h = try kind.make()
        let (_, arn) = try await h.incident()
        h.clock.advance(by: 600)
        try await h.call(.updateIncidentRecord, ["arn": .string(arn), "impact": .integer(1), "status": .string("RESOLVED"),
                                                   "summary": .string("Fixed"), "title": .string("DB failover")], as: h.bob)
        var record = try await h.call(.getIncidentRecord, ["arn": .string(arn)])["incidentRecord"]!
        #expect(record["status"] == .string("RESOLVED"))
        #expect(record["resolvedTime"] == time(600))
        #expect(record["lastModifiedBy"] == .string("arn:aws:iam::111122223333:user/bob"))
        #expect(record["lastModifiedTime"] == time(600))
        #expect(record["title"] == .string("DB failover"))
        #expect(record["summary"] == .string("Fixed"))
        h.clock.advance(by: 60)
        try await h.call(.updateIncidentRecord, ["arn": .string(arn), "status": .string("OPEN")])
        record = try await h.call(.getIncidentRecord, ["arn": .string(arn)])["incidentRecord"]!
        #expect(record["status"] == .string("OPEN"))
        #expect(record["resolvedTime"] == nil)
        #expect(record["lastModifiedBy"] == .string("arn:aws:iam::111122223333:user/alice"))

        let types = try await h.call(.listTimelineEvents, ["incidentRecordArn": .string(arn), "sortOrder": .string("ASCENDING")])
        #expect(types["eventSummaries"]!.list!.map { $0["eventType"]!.string! }
                == ["SSM Incident Trigger", "SSM Incident Record Update", "SSM Incident Record Update"])
        try await h.expectError(.validation, .updateIncidentRecord, ["arn": .string(arn), "impact": .integer(6)])
        try await h.expectError(.validation, .updateIncidentRecord, ["arn": .string(arn), "status": .string("CLOSED")])
        try await h.expectError(.resourceNotFound, .updateIncidentRecord,
                                ["arn": .string("arn:aws:ssm-incidents::111122223333:incident-record/db/none")])
    }

    @Test(arguments: BackendKind.allCases)
    func listFiltersAndPages(kind: BackendKind) async throws {
        let h = try kind.make()
        _ = try await h.createReplicationSet()
        let plan = try await h.createPlan()
        var arns: [String] = []
        for i in 0..<7 {
            h.clock.advance(by: 10)
            arns.append(try await h.startIncident(plan, ["impact": .integer(Int64(i % 3 + 1))], as: i < 2 ? h.bob : h.alice))
        }
        try await h.call(.updateIncidentRecord, ["arn": .string(arns[0]), "status": .string("RESOLVED")])
        func list(_ filters: [Value], pageSize: Int64 = 100) async throws -> [String] {
            var out: [String] = []
            var token: Value?
            repeat {
                var input: OrderedInput = ["filters": .list(filters), "maxResults": .integer(pageSize)]
                input["nextToken"] = token
                let page = try await h.call(.listIncidentRecords, input)
                out += page["incidentRecordSummaries"]!.list!.map { $0["arn"]!.string! }
                token = page["nextToken"]
            } while token != nil
            return out
        }
        #expect(try await list([]) == arns.reversed())
        #expect(try await list([], pageSize: 3) == arns.reversed())
        #expect(try await list([filter("status", "equals", strings("RESOLVED"))]) == [arns[0]])
        #expect(try await list([filter("impact", "equals", integers(1, 2))]) == [arns[6], arns[4], arns[3], arns[1], arns[0]])
        #expect(try await list([filter("createdBy", "equals", strings("arn:aws:iam::111122223333:user/bob"))]) == [arns[1], arns[0]])
        #expect(try await list([filter("creationTime", "after", time(30)), filter("creationTime", "before", time(60))])
                == [arns[4], arns[3]])
        #expect(try await list([filter("status", "equals", strings("OPEN")), filter("impact", "equals", integers(3))], pageSize: 1)
                == [arns[5], arns[2]])
        try await h.expectError(.validation, .listIncidentRecords, ["filters": .list([filter("colour", "equals", strings("red"))])])
        try await h.expectError(.validation, .listIncidentRecords, ["filters": .list([filter("status", "before", time(0))])])
        try await h.expectError(.validation, .listIncidentRecords, ["maxResults": .integer(0)])
        // A token belongs to its query.
        let page = try await h.call(.listIncidentRecords, ["maxResults": .integer(2)])
        try await h.expectError(.validation, .listIncidentRecords, [
            "filters": .list([filter("impact", "equals", integers(1))]), "nextToken": page["nextToken"]!,
        ])
    }

    @Test(arguments: BackendKind.allCases)
    func deleteIncident(kind: BackendKind) async throws {
        let h = try kind.make()
        let (_, arn) = try await h.incident()
        try await h.createEvent(arn, at: 5)
        #expect(try await h.call(.deleteIncidentRecord, ["arn": .string(arn)]) == .structure([:]))
        try await h.expectError(.resourceNotFound, .getIncidentRecord, ["arn": .string(arn)])
        #expect(try await h.call(.listTimelineEvents, ["incidentRecordArn": .string(arn)])["eventSummaries"] == .list([]))
        try await h.call(.deleteIncidentRecord, ["arn": .string(arn)])
    }
}
