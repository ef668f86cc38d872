/// The ARNs ssm-contacts forms: regional, the resource type first, then the
/// contact's alias (or the rotation's name) and, for everything but a
/// contact, an identifier.
///
///     arn:aws:ssm-contacts:us-east-1:111122223333:contact/alice
///     arn:aws:ssm-contacts:us-east-1:111122223333:contact-channel/alice/UUID
///     arn:aws:ssm-contacts:us-east-1:111122223333:engagement/alice/UUID
///     arn:aws:ssm-contacts:us-east-1:111122223333:page/alice/UUID
///     arn:aws:ssm-contacts:us-east-1:111122223333:rotation/primary/UUID
enum ContactsARN {
    static func make(partition: String = "aws", region: String, account: String, _ resource: String) -> String {
        "arn:\(partition):ssm-contacts:\(region):\(account):\(resource)"
    }

    static func make(_ context: CallContext, _ resource: String) -> String {
        make(partition: context.partition, region: context.region, account: context.accountId, resource)
    }

    /// The alias of a contact ARN (the last part of its resource).
    static func alias(of contactArn: String) -> String {
        String(contactArn.split(separator: "/").last ?? Substring(contactArn))
    }

    /// A ARN with this partition, service, and resource type; or nil.
    static func resourceType(of arn: String) -> Substring? {
        guard let parsed = ARN(arn), parsed.service == "ssm-contacts" else { return nil }
        return parsed.resourceType
    }

    /// The ARN of another resource in the same partition, Region and account as `arn`.
    static func sibling(of arn: String, _ resource: String) -> String {
        guard let parsed = ARN(arn) else { return arn }
        return make(partition: parsed.partition, region: parsed.region, account: parsed.account, resource)
    }
}
