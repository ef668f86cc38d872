import Backend
import Catalog
import Foundation
import Testing

/// Rotations and their shifts. Every expected schedule below was worked out by
/// hand from the calendar (and the daylight-saving rules of New York: clocks go
/// forward on 2026-03-08 and back on 2026-11-01).
@Suite("Conformance: ssm-contacts rotations, shifts and overrides")
struct RotationConformance {
    @discardableResult
    static func createRotation(_ h: Harness, members: [String], start: String = "2026-11-16T09:00:00Z",
                               zone: String = "UTC", recurrence r: Value = recurrence(daily: [handOff(9)]),
                               name: String = "primary") async throws -> String {
        try await h.contacts(.createRotation, [
            "Name": .string(name), "ContactIds": .list(members.map(Value.string)), "StartTime": .timestamp(utc(start)),
            "TimeZoneId": .string(zone), "Recurrence": r,
        ])["RotationArn"]!.string!
    }

    static func shifts(_ h: Harness, _ rotation: String, _ from: String, _ to: String) async throws -> [ExpectedShift] {
        try await h.contacts(.listRotationShifts, [
            "RotationId": .string(rotation), "StartTime": .timestamp(utc(from)), "EndTime": .timestamp(utc(to)),
        ])["RotationShifts"]!.list!.map(ExpectedShift.init)
    }

    static func people(_ h: Harness, _ aliases: String...) async throws -> [String] {
        var out: [String] = []
        for alias in aliases { out.append(try await h.createContact(alias)) }
        return out
    }

    @Test(arguments: BackendKind.allCases)
    func createGetListUpdateDelete(kind: BackendKind) async throws {
        let h = try kind.make()
        let members = try await Self.people(h, "a", "b")
        let r = recurrence(daily: [handOff(9)])
        let arn = try await Self.createRotation(h, members: members, zone: "Europe/Paris", recurrence: r)
        #expect(arn.hasPrefix("arn:aws:ssm-contacts:us-east-1:111122223333:rotation/primary/"))
        let got = try await h.contacts(.getRotation, ["RotationId": .string(arn)])
        #expect(got == .structure([
            "RotationArn": .string(arn), "Name": .string("primary"), "ContactIds": .list(members.map(Value.string)),
            "StartTime": .timestamp(utc("2026-11-16T09:00:00Z")), "TimeZoneId": .string("Europe/Paris"), "Recurrence": r,
        ]))
        // Without a start time, the rotation starts now.
        let later = try await h.contacts(.createRotation, [
            "Name": .string("secondary"), "ContactIds": .list([.string(members[0])]), "TimeZoneId": .string("UTC"), "Recurrence": r,
        ])["RotationArn"]!.string!
        #expect(try await h.contacts(.getRotation, ["RotationId": .string(later)])["StartTime"] == time(0))
        let listed = try await h.contacts(.listRotations)
        #expect(listed["Rotations"]!.list!.map { $0["Name"]!.string! } == ["primary", "secondary"])
        #expect(try await h.contacts(.listRotations, ["RotationNamePrefix": .string("sec")])["Rotations"]!.list!.count == 1)

        let weekly = recurrence(weekly: [("MON", handOff(8))])
        try await h.contacts(.updateRotation, ["RotationId": .string(arn), "ContactIds": .list([.string(members[1])]),
                                                "TimeZoneId": .string("UTC"), "Recurrence": weekly])
        let updated = try await h.contacts(.getRotation, ["RotationId": .string(arn)])
        #expect(updated["ContactIds"] == .list([.string(members[1])]))
        #expect(updated["Recurrence"] == weekly)
        #expect(updated["TimeZoneId"] == .string("UTC"))

        // An on-call schedule holds on to its rotation.
        let schedule = try await h.createContact("sched", type: "ONCALL_SCHEDULE",
                                                 plan: .structure(["RotationIds": .list([.string(arn)])]))
        try await h.expectContactsError(.conflict, .deleteRotation, ["RotationId": .string(arn)])
        try await h.contacts(.deleteContact, ["ContactId": .string(schedule)])
        try await h.contacts(.deleteRotation, ["RotationId": .string(arn)])
        try await h.expectContactsError(.resourceNotFound, .getRotation, ["RotationId": .string(arn)])
        try await h.expectContactsError(.resourceNotFound, .updateRotation, ["RotationId": .string(arn), "Recurrence": r])
        try await h.expectContactsError(.resourceNotFound, .deleteRotation, ["RotationId": .string(arn)])
        try await h.expectContactsError(.resourceNotFound, .listRotationShifts,
                                        ["RotationId": .string(arn), "EndTime": time(3600)])
    }

    @Test(arguments: BackendKind.allCases)
    func badRotationsAreRefused(kind: BackendKind) async throws {
        let h = try kind.make()
        let members = try await Self.people(h, "a", "b")
        let team = try await h.createContact("team", type: "ESCALATION", plan: plan([(0, [contactTarget(members[0])])]))
        func create(_ zone: String = "UTC", _ r: Value = recurrence(daily: [handOff(9)]), _ ids: [String]? = nil) -> OrderedInput {
            ["Name": .string("r"), "ContactIds": .list((ids ?? members).map(Value.string)), "TimeZoneId": .string(zone), "Recurrence": r]
        }
        var error = try await h.expectContactsError(.validation, .createRotation, create("Mars/Olympus_Mons"))
        #expect(error?.message.contains("Mars/Olympus_Mons is not a known IANA time zone") == true)
        #expect(error?.fields.map(\.name) == ["TimeZoneId"])
        try await h.expectContactsError(.validation, .createRotation, create("PST"))
        error = try await h.expectContactsError(.validation, .createRotation, create("UTC", recurrence()))
        #expect(error?.message.contains("can't produce a shift") == true)
        try await h.expectContactsError(.validation, .createRotation,
                                        create("UTC", recurrence(daily: [handOff(9)], weekly: [("MON", handOff(9))])))
        try await h.expectContactsError(.validation, .createRotation, create("UTC", recurrence(daily: [handOff(9), handOff(9)])))
        error = try await h.expectContactsError(.validation, .createRotation, create("UTC", recurrence(daily: [handOff(9)], onCalls: 3)))
        #expect(error?.message.contains("NumberOfOnCalls is 3 but the rotation has 2 members") == true)
        error = try await h.expectContactsError(.validation, .createRotation, create("UTC", recurrence(daily: [handOff(9)], coverage: [:])))
        #expect(error?.message.contains("covers no time") == true)
        let backwards: Value = .list([.structure(["Start": handOff(17), "End": handOff(9)])])
        try await h.expectContactsError(.validation, .createRotation,
                                        create("UTC", recurrence(daily: [handOff(9)], coverage: ["MON": backwards])))
        let overlapping: Value = .list([.structure(["Start": handOff(9), "End": handOff(12)]),
                                        .structure(["Start": handOff(11), "End": handOff(13)])])
        try await h.expectContactsError(.validation, .createRotation,
                                        create("UTC", recurrence(daily: [handOff(9)], coverage: ["MON": overlapping])))
        try await h.expectContactsError(.validation, .createRotation, create("UTC", recurrence(daily: [handOff(9)]), [team]))
        try await h.expectContactsError(.validation, .createRotation, create("UTC", recurrence(daily: [handOff(9)]), [members[0], members[0]]))
        try await h.expectContactsError(.resourceNotFound, .createRotation,
                                        create("UTC", recurrence(daily: [handOff(9)]), [h.contactArn("nobody")]))
        let arn = try await Self.createRotation(h, members: members)
        try await h.expectContactsError(.validation, .updateRotation, ["RotationId": .string(arn), "TimeZoneId": .string("Nowhere"),
                                                                         "Recurrence": recurrence(daily: [handOff(9)])])
        try await h.expectContactsError(.validation, .listRotationShifts, [
            "RotationId": .string(arn), "StartTime": time(3600), "EndTime": time(0),
        ])
    }

    @Test(arguments: BackendKind.allCases)
    func dailyAcrossDaylightSavingChanges(kind: BackendKind) async throws {
        let h = try kind.make()
        let ids = try await Self.people(h, "a", "b", "c")
        // 09:00 in New York is 14:00 UTC in winter and 13:00 UTC in summer.
        let spring = try await Self.createRotation(h, members: ids, start: "2026-03-06T14:00:00Z", zone: "America/New_York")
        #expect(try await Self.shifts(h, spring, "2026-03-06T14:00:00Z", "2026-03-10T00:00:00Z") == [
            ExpectedShift([ids[0]], "2026-03-06T14:00:00Z", "2026-03-07T14:00:00Z"),
            ExpectedShift([ids[1]], "2026-03-07T14:00:00Z", "2026-03-08T13:00:00Z"), // 23 hours
            ExpectedShift([ids[2]], "2026-03-08T13:00:00Z", "2026-03-09T13:00:00Z"),
            ExpectedShift([ids[0]], "2026-03-09T13:00:00Z", "2026-03-10T13:00:00Z"),
        ])
        let autumn = try await Self.createRotation(h, members: ids, start: "2026-10-30T13:00:00Z", zone: "America/New_York",
                                                   name: "autumn")
        #expect(try await Self.shifts(h, autumn, "2026-10-31T00:00:00Z", "2026-11-02T00:00:00Z") == [
            ExpectedShift([ids[0]], "2026-10-30T13:00:00Z", "2026-10-31T13:00:00Z"),
            ExpectedShift([ids[1]], "2026-10-31T13:00:00Z", "2026-11-01T14:00:00Z"), // 25 hours
            ExpectedShift([ids[2]], "2026-11-01T14:00:00Z", "2026-11-02T14:00:00Z"),
        ])
    }

    @Test(arguments: BackendKind.allCases)
    func monthlyOnThe31st(kind: BackendKind) async throws {
        let h = try kind.make()
        let ids = try await Self.people(h, "a", "b")
        let arn = try await Self.createRotation(h, members: ids, start: "2026-01-31T09:00:00Z",
                                                recurrence: recurrence(monthly: [(31, handOff(9))]))
        // Months without a 31st hand off on their last day.
        #expect(try await Self.shifts(h, arn, "2026-01-31T09:00:00Z", "2026-05-01T00:00:00Z") == [
            ExpectedShift([ids[0]], "2026-01-31T09:00:00Z", "2026-02-28T09:00:00Z"),
            ExpectedShift([ids[1]], "2026-02-28T09:00:00Z", "2026-03-31T09:00:00Z"),
            ExpectedShift([ids[0]], "2026-03-31T09:00:00Z", "2026-04-30T09:00:00Z"),
            ExpectedShift([ids[1]], "2026-04-30T09:00:00Z", "2026-05-31T09:00:00Z"),
        ])
    }

    @Test(arguments: BackendKind.allCases)
    func weeklyMultiplierAndTeams(kind: BackendKind) async throws {
        let h = try kind.make()
        let ids = try await Self.people(h, "a", "b", "c")
        // Monday 2026-11-16; hand-offs Mondays 09:00 and Thursdays 17:00.
        let weekly = try await Self.createRotation(h, members: ids,
                                                   recurrence: recurrence(weekly: [("THU", handOff(17)), ("MON", handOff(9))]))
        #expect(try await Self.shifts(h, weekly, "2026-11-16T09:00:00Z", "2026-11-24T00:00:00Z") == [
            ExpectedShift([ids[0]], "2026-11-16T09:00:00Z", "2026-11-19T17:00:00Z"),
            ExpectedShift([ids[1]], "2026-11-19T17:00:00Z", "2026-11-23T09:00:00Z"),
            ExpectedShift([ids[2]], "2026-11-23T09:00:00Z", "2026-11-26T17:00:00Z"),
        ])
        // Every second day, two on call at once.
        let pairs = try await Self.createRotation(h, members: ids, recurrence: recurrence(daily: [handOff(9)], onCalls: 2, multiplier: 2),
                                                  name: "pairs")
        #expect(try await Self.shifts(h, pairs, "2026-11-16T09:00:00Z", "2026-11-21T00:00:00Z") == [
            ExpectedShift([ids[0], ids[1]], "2026-11-16T09:00:00Z", "2026-11-18T09:00:00Z"),
            ExpectedShift([ids[2], ids[0]], "2026-11-18T09:00:00Z", "2026-11-20T09:00:00Z"),
            ExpectedShift([ids[1], ids[2]], "2026-11-20T09:00:00Z", "2026-11-22T09:00:00Z"),
        ])
        // Paging through the shifts.
        let first = try await h.contacts(.listRotationShifts, [
            "RotationId": .string(pairs), "StartTime": .timestamp(utc("2026-11-16T09:00:00Z")),
            "EndTime": .timestamp(utc("2026-11-21T00:00:00Z")), "MaxResults": .integer(2),
        ])
        #expect(first["RotationShifts"]!.list!.count == 2)
        let rest = try await h.contacts(.listRotationShifts, [
            "RotationId": .string(pairs), "StartTime": .timestamp(utc("2026-11-16T09:00:00Z")),
            "EndTime": .timestamp(utc("2026-11-21T00:00:00Z")), "NextToken": first["NextToken"]!, "MaxResults": .integer(2),
        ])
        #expect(rest["RotationShifts"]!.list!.map(ExpectedShift.init) == [
            ExpectedShift([ids[1], ids[2]], "2026-11-20T09:00:00Z", "2026-11-22T09:00:00Z"),
        ])
        #expect(rest["NextToken"] == nil)
    }

    @Test(arguments: BackendKind.allCases)
    func coverageLimitsShifts(kind: BackendKind) async throws {
        let h = try kind.make()
        let ids = try await Self.people(h, "a", "b")
        let office: Value = .list([.structure(["Start": handOff(9), "End": handOff(17)])])
        var weekdays = OrderedInput()
        for day in ["MON", "TUE", "WED", "THU", "FRI"] { weekdays[day] = office }
        // Friday 2026-11-20; no one is on call over the weekend or at night.
        let arn = try await Self.createRotation(h, members: ids, start: "2026-11-20T09:00:00Z",
                                                recurrence: recurrence(daily: [handOff(9)], coverage: weekdays))
        #expect(try await Self.shifts(h, arn, "2026-11-20T00:00:00Z", "2026-11-24T00:00:00Z") == [
            ExpectedShift([ids[0]], "2026-11-20T09:00:00Z", "2026-11-20T17:00:00Z"),
            ExpectedShift([ids[1]], "2026-11-23T09:00:00Z", "2026-11-23T17:00:00Z"),
        ])
    }

    @Test(arguments: BackendKind.allCases)
    func overridesReplaceMembers(kind: BackendKind) async throws {
        let h = try kind.make()
        let ids = try await Self.people(h, "a", "b", "c")
        let arn = try await Self.createRotation(h, members: [ids[0], ids[1]])
        let create: OrderedInput = [
            "RotationId": .string(arn), "NewContactIds": .list([.string(ids[2])]),
            "StartTime": .timestamp(utc("2026-11-17T12:00:00Z")), "EndTime": .timestamp(utc("2026-11-17T18:00:00Z")),
            "IdempotencyToken": .string("o1"),
        ]
        let id = try await h.contacts(.createRotationOverride, create)["RotationOverrideId"]!.string!
        #expect(try await h.contacts(.createRotationOverride, create)["RotationOverrideId"] == .string(id))
        #expect(try await Self.shifts(h, arn, "2026-11-16T09:00:00Z", "2026-11-18T09:00:00Z") == [
            ExpectedShift([ids[0]], "2026-11-16T09:00:00Z", "2026-11-17T09:00:00Z"),
            ExpectedShift([ids[1]], "2026-11-17T09:00:00Z", "2026-11-17T12:00:00Z"),
            ExpectedShift([ids[2]], "2026-11-17T12:00:00Z", "2026-11-17T18:00:00Z", overridden: [ids[1]]),
            ExpectedShift([ids[1]], "2026-11-17T18:00:00Z", "2026-11-18T09:00:00Z"),
        ])
        let got = try await h.contacts(.getRotationOverride, ["RotationId": .string(arn), "RotationOverrideId": .string(id)])
        #expect(got == .structure([
            "RotationOverrideId": .string(id), "RotationArn": .string(arn), "NewContactIds": .list([.string(ids[2])]),
            "StartTime": .timestamp(utc("2026-11-17T12:00:00Z")), "EndTime": .timestamp(utc("2026-11-17T18:00:00Z")),
            "CreateTime": time(0),
        ]))
        // Overlapping overrides are refused, touching ones are fine.
        let error = try await h.expectContactsError(.validation, .createRotationOverride, [
            "RotationId": .string(arn), "NewContactIds": .list([.string(ids[0])]),
            "StartTime": .timestamp(utc("2026-11-17T17:00:00Z")), "EndTime": .timestamp(utc("2026-11-17T20:00:00Z")),
        ])
        #expect(error?.message.contains("overlaps override \(id)") == true)
        try await h.expectContactsError(.validation, .createRotationOverride, [
            "RotationId": .string(arn), "NewContactIds": .list([]),
            "StartTime": .timestamp(utc("2026-11-19T20:00:00Z")), "EndTime": .timestamp(utc("2026-11-19T19:00:00Z")),
        ])
        try await h.expectContactsError(.resourceNotFound, .createRotationOverride, [
            "RotationId": .string(arn), "NewContactIds": .list([.string(h.contactArn("nobody"))]),
            "StartTime": .timestamp(utc("2026-11-19T18:00:00Z")), "EndTime": .timestamp(utc("2026-11-19T19:00:00Z")),
        ])
        let second = try await h.contacts(.createRotationOverride, [
            "RotationId": .string(arn), "NewContactIds": .list([]),
            "StartTime": .timestamp(utc("2026-11-17T18:00:00Z")), "EndTime": .timestamp(utc("2026-11-17T20:00:00Z")),
        ])["RotationOverrideId"]!.string!
        let listed = try await h.contacts(.listRotationOverrides, [
            "RotationId": .string(arn), "StartTime": .timestamp(utc("2026-11-17T00:00:00Z")),
            "EndTime": .timestamp(utc("2026-11-18T00:00:00Z")),
        ])["RotationOverrides"]!.list!
        #expect(listed.map { $0["RotationOverrideId"]!.string! } == [id, second])
        #expect(listed[0].keys == ["RotationOverrideId", "NewContactIds", "StartTime", "EndTime", "CreateTime"])
        let outside = try await h.contacts(.listRotationOverrides, [
            "RotationId": .string(arn), "StartTime": .timestamp(utc("2026-11-18T00:00:00Z")),
            "EndTime": .timestamp(utc("2026-11-19T00:00:00Z")),
        ])
        #expect(outside["RotationOverrides"] == .list([]))
        try await h.contacts(.deleteRotationOverride, ["RotationId": .string(arn), "RotationOverrideId": .string(id)])
        try await h.expectContactsError(.resourceNotFound, .getRotationOverride,
                                        ["RotationId": .string(arn), "RotationOverrideId": .string(id)])
        try await h.expectContactsError(.resourceNotFound, .deleteRotationOverride,
                                        ["RotationId": .string(arn), "RotationOverrideId": .string(id)])
        #expect(try await Self.shifts(h, arn, "2026-11-17T09:00:00Z", "2026-11-17T23:00:00Z") == [
            ExpectedShift([ids[1]], "2026-11-17T09:00:00Z", "2026-11-17T18:00:00Z"),
            ExpectedShift([], "2026-11-17T18:00:00Z", "2026-11-17T20:00:00Z", overridden: [ids[1]]),
            ExpectedShift([ids[1]], "2026-11-17T20:00:00Z", "2026-11-18T09:00:00Z"),
        ])
    }

    @Test(arguments: BackendKind.allCases)
    func previewShifts(kind: BackendKind) async throws {
        let h = try kind.make()
        let preview = try await h.contacts(.listPreviewRotationShifts, [
            "RotationStartTime": .timestamp(utc("2026-11-16T09:00:00Z")), "StartTime": .timestamp(utc("2026-11-16T09:00:00Z")),
            "EndTime": .timestamp(utc("2026-11-18T09:00:00Z")), "Members": .list([.string("ann"), .string("ben")]),
            "TimeZoneId": .string("UTC"), "Recurrence": recurrence(daily: [handOff(9)]),
            "Overrides": .list([.structure(["NewMembers": .list([.string("cat")]),
                                            "StartTime": .timestamp(utc("2026-11-17T09:00:00Z")),
                                            "EndTime": .timestamp(utc("2026-11-17T10:00:00Z"))])]),
        ])
        #expect(preview["RotationShifts"]!.list!.map(ExpectedShift.init) == [
            ExpectedShift(["ann"], "2026-11-16T09:00:00Z", "2026-11-17T09:00:00Z"),
            ExpectedShift(["cat"], "2026-11-17T09:00:00Z", "2026-11-17T10:00:00Z", overridden: ["ben"]),
            ExpectedShift(["ben"], "2026-11-17T10:00:00Z", "2026-11-18T09:00:00Z"),
        ])
        try await h.expectContactsError(.validation, .listPreviewRotationShifts, [
            "EndTime": time(86400), "Members": .list([.string("ann")]), "TimeZoneId": .string("Nowhere/Land"),
            "Recurrence": recurrence(daily: [handOff(9)]),
        ])
    }

    @Test(arguments: BackendKind.allCases)
    func onCallScheduleIsPagedByShift(kind: BackendKind) async throws {
        let h = try kind.make()
        // The clock starts on 2026-11-18 11:06:40 UTC: the third daily shift since Monday's start, a's.
        let a = try await h.person("a", stages: [("x", 0)])
        let b = try await h.person("b", stages: [("x", 0)])
        let rotation = try await Self.createRotation(h, members: [a.contact, b.contact])
        let schedule = try await h.createContact("sched", type: "ONCALL_SCHEDULE",
                                                 plan: .structure(["RotationIds": .list([.string(rotation)])]))
        #expect(try await h.contacts(.getContact, ["ContactId": .string(schedule)])["Plan"]
                == .structure(["RotationIds": .list([.string(rotation)])]))
        let engagement = try await h.startEngagement(schedule)
        let pages = try await h.pages(engagement: engagement)
        #expect(pages.map { $0["ContactArn"]!.string! } == [a.contact])
        let path = try await h.contacts(.listPageResolutions, ["PageId": pages[0]["PageArn"]!])["PageResolutions"]!.list!
        #expect(path.map { $0["Type"]!.string! } == ["ONCALL_SCHEDULE", "PERSONAL"])
        // An override hands the pager to b.
        try await h.contacts(.createRotationOverride, [
            "RotationId": .string(rotation), "NewContactIds": .list([.string(b.contact)]),
            "StartTime": time(0), "EndTime": time(3600),
        ])
        let second = try await h.startEngagement(schedule)
        #expect(try await h.pages(engagement: second).map { $0["ContactArn"]!.string! } == [b.contact])
    }
}
