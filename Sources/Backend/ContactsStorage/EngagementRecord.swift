/// An engagement as a store keeps it: the message, and where the escalation
/// of an ESCALATION contact stands.
public struct EngagementRecord: Sendable, Hashable {
    public var arn: String
    public var account: String
    public var region: String
    public var contactArn: String
    public var sender: String
    public var subject: String
    public var content: String
    public var publicSubject: String?
    public var publicContent: String?
    public var incidentId: String?
    public var startTime: Millis
    public var stopTime: Millis?
    /// The stage of the escalation plan that runs next.
    public var nextStage: Int64
    /// When that stage runs; nil when the escalation is over (finished, accepted or stopped).
    public var nextStageDue: Millis?

    public init(arn: String, account: String, region: String, contactArn: String, sender: String, subject: String,
                content: String, publicSubject: String?, publicContent: String?, incidentId: String?,
                startTime: Millis, stopTime: Millis? = nil, nextStage: Int64 = 0, nextStageDue: Millis? = nil) {
        self.arn = arn
        self.account = account
        self.region = region
        self.contactArn = contactArn
        self.sender = sender
        self.subject = subject
        self.content = content
        self.publicSubject = publicSubject
        self.publicContent = publicContent
        self.incidentId = incidentId
        self.startTime = startTime
        self.stopTime = stopTime
        self.nextStage = nextStage
        self.nextStageDue = nextStageDue
    }
}
