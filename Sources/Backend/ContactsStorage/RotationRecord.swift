import Catalog

/// An on-call rotation as a store keeps it. The recurrence is kept whole as
/// the `RecurrenceSettings` value it was created with (already checked).
public struct RotationRecord: Sendable, Hashable {
    public var arn: String
    public var account: String
    public var region: String
    public var name: String
    /// The members, in shift order.
    public var contactIds: [String]
    public var startTime: Millis
    public var timeZoneId: String
    public var recurrence: Value

    public init(arn: String, account: String, region: String, name: String, contactIds: [String],
                startTime: Millis, timeZoneId: String, recurrence: Value) {
        self.arn = arn
        self.account = account
        self.region = region
        self.name = name
        self.contactIds = contactIds
        self.startTime = startTime
        self.timeZoneId = timeZoneId
        self.recurrence = recurrence
    }
}

/// Members who replace a rotation's members for a window of time.
public struct RotationOverrideRecord: Sendable, Hashable {
    public var rotationArn: String
    public var id: String
    public var newContactIds: [String]
    public var startTime: Millis
    public var endTime: Millis
    public var createTime: Millis

    public init(rotationArn: String, id: String, newContactIds: [String], startTime: Millis, endTime: Millis,
                createTime: Millis) {
        self.rotationArn = rotationArn
        self.id = id
        self.newContactIds = newContactIds
        self.startTime = startTime
        self.endTime = endTime
        self.createTime = createTime
    }
}
