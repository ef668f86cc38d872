/// A message the local Incident Manager "sent" to a contact channel: an
/// activation code or a page. Nothing leaves the machine; the outbox is where
/// a user (or a test) reads what a real channel would have received.
public struct OutboxMessage: Sendable, Hashable {
    /// What a message carries.
    public enum Kind: String, Sendable, Hashable {
        /// The code that ActivateContactChannel expects.
        case activationCode = "ACTIVATION_CODE"
        /// A page of an engagement, with the code that AcceptPage takes.
        case page = "PAGE"
    }

    /// Assigned on insert: the outbox lists messages in this order.
    public var seq: Int64
    public var account: String
    public var contactChannelArn: String
    public var contactArn: String
    /// EMAIL, SMS or VOICE.
    public var channelType: String
    public var address: String
    public var kind: Kind
    /// The activation code, or the page's accept code.
    public var code: String
    /// The page delivered, for `.page` messages.
    public var pageArn: String?
    public var subject: String?
    public var body: String
    public var time: Millis

    public init(seq: Int64 = 0, account: String, contactChannelArn: String, contactArn: String, channelType: String,
                address: String, kind: Kind, code: String, pageArn: String?, subject: String?, body: String,
                time: Millis) {
        self.seq = seq
        self.account = account
        self.contactChannelArn = contactChannelArn
        self.contactArn = contactArn
        self.channelType = channelType
        self.address = address
        self.kind = kind
        self.code = code
        self.pageArn = pageArn
        self.subject = subject
        self.body = body
        self.time = time
    }
}
