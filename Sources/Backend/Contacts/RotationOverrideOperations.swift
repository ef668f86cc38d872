import Catalog
import Foundation

/// CreateRotationOverride, GetRotationOverride, ListRotationOverrides,
/// DeleteRotationOverride. An override replaces a rotation's members for its
/// window; two overrides of one rotation never overlap.
extension ContactsCommand {
    func createRotationOverride() throws -> Value {
        let rotation = try rotation(id: try input.requiredString("RotationId"))
        let members = try input.stringList("NewContactIds") ?? []
        for id in members {
            let contact = try contact(id: id, member: "NewContactIds")
            guard contact.type == "PERSONAL" else {
                throw ContactsError.invalid("NewContactIds", "Override members are PERSONAL contacts; \(contact.alias) is \(contact.type).")
            }
        }
        let start = try input.requiredTimestamp("StartTime")
        let end = try input.requiredTimestamp("EndTime")
        let existing = try store.rotationOverrides(rotationArn: rotation.arn)
        try checkOverrides([(start, end)], field: "EndTime")
        if let clash = existing.first(where: { $0.startTime < end && start < $0.endTime }) {
            throw ContactsError.invalid("StartTime", "The override \(Date(millis: start))–\(Date(millis: end)) overlaps override \(clash.id) (\(Date(millis: clash.startTime))–\(Date(millis: clash.endTime))) of rotation \(rotation.name); delete it or pick another window.")
        }
        let id = ids.uuidString()
        try store.insertRotationOverride(RotationOverrideRecord(
            rotationArn: rotation.arn, id: id, newContactIds: members, startTime: start, endTime: end, createTime: now))
        return structure(("RotationOverrideId", .string(id)))
    }

    func getRotationOverride() throws -> Value {
        let rotation = try rotation(id: try input.requiredString("RotationId"))
        let o = try override(of: rotation, id: try input.requiredString("RotationOverrideId"))
        return structure(
            ("RotationOverrideId", .string(o.id)),
            ("RotationArn", .string(rotation.arn)),
            ("NewContactIds", .list(o.newContactIds.map(Value.string))),
            ("StartTime", .time(o.startTime)),
            ("EndTime", .time(o.endTime)),
            ("CreateTime", .time(o.createTime)))
    }

    /// The overrides that overlap `[StartTime, EndTime)`, in time order.
    func listRotationOverrides() throws -> Value {
        let size = try pageSize()
        let rotation = try rotation(id: try input.requiredString("RotationId"))
        let from = try input.requiredTimestamp("StartTime")
        let to = try input.requiredTimestamp("EndTime")
        guard to > from else { throw ContactsError.invalid("EndTime", "EndTime must be after StartTime.") }
        let overrides = try store.rotationOverrides(rotationArn: rotation.arn)
            .filter { $0.startTime < to && from < $0.endTime }
            .sorted { $0.startTime < $1.startTime }
        let page = try paginate(overrides, size: size) { SortKey.ascending($0.startTime) }
        return structure(
            ("RotationOverrides", .list(page.items.map { o in
                structure(
                    ("RotationOverrideId", .string(o.id)), ("NewContactIds", .list(o.newContactIds.map(Value.string))),
                    ("StartTime", .time(o.startTime)), ("EndTime", .time(o.endTime)), ("CreateTime", .time(o.createTime)))
            })),
            ("NextToken", page.nextToken))
    }

    func deleteRotationOverride() throws -> Value {
        let rotation = try rotation(id: try input.requiredString("RotationId"))
        let o = try override(of: rotation, id: try input.requiredString("RotationOverrideId"))
        try store.deleteRotationOverride(rotationArn: rotation.arn, id: o.id)
        return emptyOutput
    }

    private func override(of rotation: RotationRecord, id: String) throws -> RotationOverrideRecord {
        guard let o = try store.rotationOverrides(rotationArn: rotation.arn).first(where: { $0.id == id }) else {
            throw ContactsError.notFound(.rotationOverride, id, "Rotation \(rotation.name) has no override \(id).")
        }
        return o
    }
}
