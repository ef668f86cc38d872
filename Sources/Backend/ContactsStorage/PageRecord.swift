/// A page: one engagement reaching one PERSONAL contact, delivered stage by
/// stage through the contact's channels until it is accepted.
public struct PageRecord: Sendable, Hashable {
    public var arn: String
    public var engagementArn: String
    public var contactArn: String
    public var account: String
    public var region: String
    public var sentTime: Millis
    public var deliveryTime: Millis?
    public var readTime: Millis?
    /// The code the page's messages carry, for AcceptPage.
    public var acceptCode: String
    /// Whether accepting this page ends the escalation of its engagement.
    public var essential: Bool
    /// How the engagement reached the contact, outermost first.
    public var resolution: [ResolutionStep]
    /// The stage of the contact's own plan that runs next.
    public var nextStage: Int64
    /// When that stage runs; nil when the page is accepted, stopped or out of stages.
    public var nextStageDue: Millis?

    public init(arn: String, engagementArn: String, contactArn: String, account: String, region: String,
                sentTime: Millis, deliveryTime: Millis? = nil, readTime: Millis? = nil, acceptCode: String,
                essential: Bool, resolution: [ResolutionStep], nextStage: Int64 = 0, nextStageDue: Millis? = nil) {
        self.arn = arn
        self.engagementArn = engagementArn
        self.contactArn = contactArn
        self.account = account
        self.region = region
        self.sentTime = sentTime
        self.deliveryTime = deliveryTime
        self.readTime = readTime
        self.acceptCode = acceptCode
        self.essential = essential
        self.resolution = resolution
        self.nextStage = nextStage
        self.nextStageDue = nextStageDue
    }
}

/// One contact on the way from an engagement to a page (a `ResolutionContact`).
public struct ResolutionStep: Sendable, Hashable {
    public var contactArn: String
    public var type: String
    public var stageIndex: Int64?

    public init(contactArn: String, type: String, stageIndex: Int64?) {
        self.contactArn = contactArn
        self.type = type
        self.stageIndex = stageIndex
    }
}

/// What happened to a page on a channel: SENT, DELIVERED, READ, ERROR or STOP.
public struct ReceiptRecord: Sendable, Hashable {
    /// Assigned on insert; receipts list in this order.
    public var seq: Int64
    public var pageArn: String
    public var contactChannelArn: String?
    public var type: String
    public var info: String?
    public var time: Millis

    public init(seq: Int64 = 0, pageArn: String, contactChannelArn: String?, type: String, info: String?, time: Millis) {
        self.seq = seq
        self.pageArn = pageArn
        self.contactChannelArn = contactChannelArn
        self.type = type
        self.info = info
        self.time = time
    }
}
