/// Who makes a call, and where: the account and region the call lands in and
/// the principal recorded as `createdBy` and `lastModifiedBy`.
public struct CallContext: Sendable, Hashable {
    /// The 12-digit account the resources belong to.
    public var accountId: String
    public var region: String
    /// The ARN of the caller, `arn:aws:iam::111122223333:user/alice`.
    public var principalArn: String
    /// `aws`, or `aws-cn` / `aws-us-gov`.
    public var partition: String

    public init(accountId: String, region: String, principalArn: String, partition: String = "aws") {
        self.accountId = accountId
        self.region = region
        self.principalArn = principalArn
        self.partition = partition
    }

    /// A context for an IAM user of the account.
    public init(accountId: String = CallContext.defaultAccountId, region: String = "us-east-1", user: String) {
        self.init(accountId: accountId, region: region,
                  principalArn: "arn:aws:iam::\(accountId):user/\(user)")
    }

    /// The account used when none is configured (the documentation's example account).
    public static let defaultAccountId = "111122223333"
}
