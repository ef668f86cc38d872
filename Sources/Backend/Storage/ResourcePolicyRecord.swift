/// A resource policy attached to a response plan.
public struct ResourcePolicyRecord: Sendable, Hashable {
    /// Assigned on insert; the policies list in this order.
    public var seq: Int64
    public var resourceArn: String
    public var policyId: String
    public var document: String
    public var region: String

    public init(seq: Int64 = 0, resourceArn: String, policyId: String, document: String, region: String) {
        self.seq = seq
        self.resourceArn = resourceArn
        self.policyId = policyId
        self.document = document
        self.region = region
    }
}
