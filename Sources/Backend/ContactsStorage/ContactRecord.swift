import Catalog
import OrderedCollections

/// A contact as a store keeps it: a person (PERSONAL), an escalation plan
/// (ESCALATION) or an on-call schedule (ONCALL_SCHEDULE).
public struct ContactRecord: Sendable, Hashable {
    public var arn: String
    public var account: String
    public var region: String
    /// Unique in its account and Region; the last part of the ARN.
    public var alias: String
    public var displayName: String?
    public var type: String
    public var plan: PlanRecord
    /// The resource policy document put on the contact, if any.
    public var policy: String?

    public init(arn: String, account: String, region: String, alias: String, displayName: String?, type: String,
                plan: PlanRecord, policy: String? = nil) {
        self.arn = arn
        self.account = account
        self.region = region
        self.alias = alias
        self.displayName = displayName
        self.type = type
        self.plan = plan
        self.policy = policy
    }
}

/// How a contact is engaged: stages for a person or an escalation plan,
/// rotations for an on-call schedule.
public struct PlanRecord: Sendable, Hashable {
    public var stages: [StageRecord]
    public var rotationIds: [String]

    public init(stages: [StageRecord] = [], rotationIds: [String] = []) {
        self.stages = stages
        self.rotationIds = rotationIds
    }
}

/// One stage of a plan: whom to engage, and how long to wait before the next stage.
public struct StageRecord: Sendable, Hashable {
    public var durationInMinutes: Int64
    public var targets: [TargetRecord]

    public init(durationInMinutes: Int64, targets: [TargetRecord]) {
        self.durationInMinutes = durationInMinutes
        self.targets = targets
    }
}

/// A target of a stage: a channel of the contact itself, or another contact.
public enum TargetRecord: Sendable, Hashable {
    case channel(contactChannelArn: String, retryIntervalInMinutes: Int64?)
    case contact(contactArn: String, isEssential: Bool)
}

extension PlanRecord {
    /// The `Plan` shape, members in model order.
    public var value: Value {
        var m = OrderedDictionary<String, Value>()
        if !stages.isEmpty || rotationIds.isEmpty { m["Stages"] = .list(stages.map(\.value)) }
        if !rotationIds.isEmpty { m["RotationIds"] = .list(rotationIds.map(Value.string)) }
        return .structure(m)
    }

    /// Reads a `Plan` value that ``value`` wrote (or that the checker built).
    public init(value: Value) {
        stages = (value["Stages"]?.list ?? []).map(StageRecord.init(value:))
        rotationIds = value["RotationIds"]?.list?.compactMap(\.string) ?? []
    }
}

extension StageRecord {
    public var value: Value {
        .structure(["DurationInMinutes": .integer(durationInMinutes), "Targets": .list(targets.map(\.value))])
    }

    public init(value: Value) {
        durationInMinutes = value["DurationInMinutes"]?.integer ?? 0
        targets = (value["Targets"]?.list ?? []).compactMap(TargetRecord.init(value:))
    }
}

extension TargetRecord {
    public var value: Value {
        switch self {
        case .channel(let arn, let retry):
            var info: OrderedDictionary<String, Value> = ["ContactChannelId": .string(arn)]
            if let retry { info["RetryIntervalInMinutes"] = .integer(retry) }
            return .structure(["ChannelTargetInfo": .structure(info)])
        case .contact(let arn, let essential):
            return .structure(["ContactTargetInfo": .structure(["ContactId": .string(arn), "IsEssential": .boolean(essential)])])
        }
    }

    /// A target with exactly one of its two kinds; nil otherwise.
    public init?(value: Value) {
        switch (value["ChannelTargetInfo"], value["ContactTargetInfo"]) {
        case (let channel?, nil):
            guard let arn = channel["ContactChannelId"]?.string else { return nil }
            self = .channel(contactChannelArn: arn, retryIntervalInMinutes: channel["RetryIntervalInMinutes"]?.integer)
        case (nil, let contact?):
            guard let arn = contact["ContactId"]?.string else { return nil }
            self = .contact(contactArn: arn, isEssential: contact["IsEssential"]?.boolean ?? false)
        default:
            return nil
        }
    }
}
