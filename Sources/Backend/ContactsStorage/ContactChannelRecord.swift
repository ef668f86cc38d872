/// A contact channel (an email address or a phone number of a PERSONAL contact)
/// as a store keeps it.
public struct ContactChannelRecord: Sendable, Hashable {
    public var arn: String
    public var contactArn: String
    public var name: String
    /// EMAIL, SMS or VOICE.
    public var type: String
    public var address: String
    public var activated: Bool
    /// The last code sent by SendActivationCode, until the channel is activated.
    public var activationCode: String?

    public init(arn: String, contactArn: String, name: String, type: String, address: String,
                activated: Bool = false, activationCode: String? = nil) {
        self.arn = arn
        self.contactArn = contactArn
        self.name = name
        self.type = type
        self.address = address
        self.activated = activated
        self.activationCode = activationCode
    }
}
