/// The parts of an Amazon Resource Name that the engine reads and writes.
struct ARN {
    var partition: String
    var service: String
    var region: String
    var account: String
    /// Everything after the account: `incident-record/plan/id`.
    var resource: String

    /// Splits `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`; nil when it is not an ARN.
    init?(_ text: String) {
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn" else { return nil }
        partition = String(parts[1])
        service = String(parts[2])
        region = String(parts[3])
        account = String(parts[4])
        resource = String(parts[5])
    }

    /// The resource type: the part of the resource before the first `/`.
    var resourceType: Substring { resource.prefix { $0 != "/" } }

    static func incidents(_ context: CallContext, _ resource: String) -> String {
        "arn:\(context.partition):ssm-incidents::\(context.accountId):\(resource)"
    }
}
