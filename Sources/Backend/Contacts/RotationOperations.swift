import Catalog
import Foundation

/// CreateRotation, GetRotation, ListRotations, UpdateRotation, DeleteRotation,
/// ListRotationShifts, ListPreviewRotationShifts. The shifts themselves are
/// ``RotationSchedule``'s business.
extension ContactsCommand {
    func createRotation() throws -> Value {
        let name = try input.requiredString("Name")
        let members = try rotationMembers(try input.stringList("ContactIds") ?? [])
        let zone = try timeZoneId(try input.requiredString("TimeZoneId"))
        let recurrence = try input.structure("Recurrence").map(Value.structure) ?? .structure([:])
        try checkRecurrence(recurrence, memberCount: members.count)
        let arn = ContactsARN.make(context, "rotation/\(name)/\(ids.uuidString())")
        try store.putRotation(RotationRecord(
            arn: arn, account: context.accountId, region: context.region, name: name, contactIds: members,
            startTime: try input.timestamp("StartTime") ?? now, timeZoneId: zone, recurrence: recurrence))
        if let tags = try input.list("Tags") { try applyTags(try readTags(tags), to: arn) }
        return structure(("RotationArn", .string(arn)))
    }

    func getRotation() throws -> Value {
        let r = try rotation(id: try input.requiredString("RotationId"))
        return structure(
            ("RotationArn", .string(r.arn)),
            ("Name", .string(r.name)),
            ("ContactIds", .list(r.contactIds.map(Value.string))),
            ("StartTime", .time(r.startTime)),
            ("TimeZoneId", .string(r.timeZoneId)),
            ("Recurrence", r.recurrence))
    }

    /// The rotations of the account and Region, by name.
    func listRotations() throws -> Value {
        let size = try pageSize()
        let prefix = try input.string("RotationNamePrefix")
        let rotations = try store.rotations(account: context.accountId, region: context.region)
            .filter { prefix.map($0.name.hasPrefix) ?? true }
            .map { (key: "\($0.name)\u{0}\($0.arn)", rotation: $0) }
            .sorted { $0.key < $1.key }
        let page = try paginate(rotations, size: size, key: \.key)
        return structure(
            ("NextToken", page.nextToken),
            ("Rotations", .list(page.items.map { _, r in
                structure(
                    ("RotationArn", .string(r.arn)), ("Name", .string(r.name)),
                    ("ContactIds", .list(r.contactIds.map(Value.string))), ("StartTime", .time(r.startTime)),
                    ("TimeZoneId", .string(r.timeZoneId)), ("Recurrence", r.recurrence))
            })))
    }

    func updateRotation() throws -> Value {
        var rotation = try rotation(id: try input.requiredString("RotationId"))
        if let members = try input.stringList("ContactIds") { rotation.contactIds = try rotationMembers(members) }
        if let start = try input.timestamp("StartTime") { rotation.startTime = start }
        if let zone = try input.string("TimeZoneId") { rotation.timeZoneId = try timeZoneId(zone) }
        if let recurrence = try input.structure("Recurrence") { rotation.recurrence = .structure(recurrence) }
        try checkRecurrence(rotation.recurrence, memberCount: rotation.contactIds.count)
        try store.putRotation(rotation)
        return emptyOutput
    }

    /// Deletes a rotation with its overrides and tags; one that an on-call
    /// schedule uses can't go.
    func deleteRotation() throws -> Value {
        let rotation = try rotation(id: try input.requiredString("RotationId"))
        for contact in try store.contacts(account: rotation.account, region: rotation.region)
            where contact.plan.rotationIds.contains(rotation.arn) {
            throw ContactsError.conflict(.rotation, rotation.arn, "Rotation \(rotation.name) is used by the on-call schedule \(contact.alias); remove it from that schedule first.")
        }
        try store.removeAllTags(resourceArn: rotation.arn)
        try store.deleteRotation(arn: rotation.arn)
        return emptyOutput
    }

    func listRotationShifts() throws -> Value {
        let size = try pageSize()
        let rotation = try rotation(id: try input.requiredString("RotationId"))
        let (from, to) = try window()
        let schedule = try RotationSchedule(rotation: rotation, overrides: try store.rotationOverrides(rotationArn: rotation.arn))
        return try shiftList(schedule.shifts(from: from, to: to), size: size)
    }

    /// The shifts a rotation would have, without creating it; members are any names.
    func listPreviewRotationShifts() throws -> Value {
        let size = try pageSize()
        let members = try input.stringList("Members") ?? []
        guard !members.isEmpty else { throw ContactsError.invalid("Members", "A preview needs at least one member.") }
        let zoneId = try timeZoneId(try input.requiredString("TimeZoneId"))
        let recurrenceValue = try input.structure("Recurrence").map(Value.structure) ?? .structure([:])
        try checkRecurrence(recurrenceValue, memberCount: members.count)
        let (from, to) = try window()
        var overrides: [RotationSchedule.Override] = []
        for (i, o) in (try input.list("Overrides") ?? []).enumerated() {
            guard let s = o["StartTime"]?.timestamp?.millis, let e = o["EndTime"]?.timestamp?.millis else {
                throw ContactsError.invalid("Overrides.\(i)", "Override \(i) needs a StartTime and an EndTime.")
            }
            overrides.append(.init(start: s, end: e, members: o["NewMembers"]?.list?.compactMap(\.string) ?? []))
        }
        try checkOverrides(overrides.map { ($0.start, $0.end) }, field: "Overrides")
        let schedule = RotationSchedule(
            members: members, start: try input.timestamp("RotationStartTime") ?? from,
            timeZone: RotationSchedule.timeZone(zoneId)!, recurrence: try Recurrence(recurrenceValue),
            overrides: overrides)
        return try shiftList(schedule.shifts(from: from, to: to), size: size)
    }

    // MARK: Helpers

    func rotation(id: String, member: String = "RotationId") throws -> RotationRecord {
        guard ContactsARN.resourceType(of: id) == "rotation" else {
            throw ContactsError.invalid(member, "\(member) must be the ARN of a rotation (arn:aws:ssm-contacts:REGION:ACCOUNT:rotation/NAME/ID); got \(id).")
        }
        guard let rotation = try store.rotation(arn: id) else {
            throw ContactsError.notFound(.rotation, id, "Rotation \(id) does not exist.")
        }
        return rotation
    }

    /// Rotation members: existing PERSONAL contacts, each once, in shift order.
    private func rotationMembers(_ ids: [String]) throws -> [String] {
        guard !ids.isEmpty else { throw ContactsError.invalid("ContactIds", "A rotation needs at least one contact.") }
        for (i, id) in ids.enumerated() {
            let contact = try contact(id: id, member: "ContactIds")
            guard contact.type == "PERSONAL" else {
                throw ContactsError.invalid("ContactIds", "Rotation members are PERSONAL contacts; \(contact.alias) is \(contact.type).")
            }
            guard !ids[..<i].contains(id) else {
                throw ContactsError.invalid("ContactIds", "Contact \(contact.alias) is listed twice; each member takes one place in the shift order.")
            }
        }
        return ids
    }

    /// An IANA time zone identifier, or a `ValidationException` naming it.
    private func timeZoneId(_ id: String) throws -> String {
        guard RotationSchedule.timeZone(id) != nil else {
            throw ContactsError.invalid("TimeZoneId", "\(id) is not a known IANA time zone; use a name such as America/New_York, Europe/Paris or UTC (abbreviations such as PST are not accepted).")
        }
        return id
    }

    private func checkRecurrence(_ value: Value, memberCount: Int) throws {
        let recurrence = try Recurrence(value)
        guard recurrence.numberOfOnCalls <= memberCount else {
            throw ContactsError.invalid("Recurrence.NumberOfOnCalls", "NumberOfOnCalls is \(recurrence.numberOfOnCalls) but the rotation has \(memberCount) member\(memberCount == 1 ? "" : "s"): a shift can't be staffed.")
        }
    }

    /// `StartTime` (now when absent) and `EndTime`, which must come after it.
    private func window() throws -> (Millis, Millis) {
        let to = try input.requiredTimestamp("EndTime")
        let from = try input.timestamp("StartTime") ?? now
        guard to > from else {
            throw ContactsError.invalid("EndTime", "EndTime (\(Date(millis: to))) must be after StartTime (\(Date(millis: from))).")
        }
        return (from, to)
    }

    /// Windows that must each end after they start and must not overlap.
    func checkOverrides(_ windows: [(Millis, Millis)], field: String) throws {
        for (s, e) in windows where e <= s {
            throw ContactsError.invalid(field, "An override must end after it starts (\(Date(millis: s)) to \(Date(millis: e))).")
        }
        let sorted = windows.sorted { $0.0 < $1.0 }
        for (a, b) in zip(sorted, sorted.dropFirst()) where b.0 < a.1 {
            throw ContactsError.invalid(field, "Overrides \(Date(millis: a.0))–\(Date(millis: a.1)) and \(Date(millis: b.0))–\(Date(millis: b.1)) overlap.")
        }
    }

    private func shiftList(_ shifts: [RotationSchedule.Shift], size: Int) throws -> Value {
        let page = try paginate(shifts, size: size) { SortKey.ascending($0.start) }
        return structure(
            ("RotationShifts", .list(page.items.map { shift in
                structure(
                    ("ContactIds", .list(shift.contactIds.map(Value.string))),
                    ("StartTime", .time(shift.start)),
                    ("EndTime", .time(shift.end)),
                    ("Type", .string(shift.overridden == nil ? "REGULAR" : "OVERRIDDEN")),
                    ("ShiftDetails", shift.overridden.map { structure(("OverriddenContactIds", .list($0.map(Value.string)))) }))
            })),
            ("NextToken", page.nextToken))
    }
}
