import Foundation

/// Everything a review says about one incident, as read from the store: the
/// record, its timeline, related items, findings, and the engagements and
/// pages that reached people. Plain values; every figure of the review is
/// computed from them (``KeyMoments``), never typed in.
public struct ReviewFacts: Sendable, Equatable {
    public var arn: String
    public var title: String
    /// `OPEN` or `RESOLVED`, now.
    public var status: String
    /// The impact now (1 critical … 5 no impact).
    public var impact: Int
    public var summary: String?
    public var created: Date
    /// When the incident was last resolved; nil while it is open.
    public var resolved: Date?
    /// Who started it (a name, from the principal's ARN).
    public var createdBy: String?
    public var responsePlanArn: String?
    /// The timeline, in time order (events with the same time keep the store's order).
    public var events: [TimelineEntry]
    public var relatedItems: [RelatedItem]
    public var findings: [Finding]
    public var engagements: [Engagement]
    /// How many events the incident has when `events` holds only some of them (a picture's limit).
    public var totalEvents: Int?

    public init(arn: String, title: String, status: String, impact: Int, summary: String? = nil, created: Date,
                resolved: Date? = nil, createdBy: String? = nil, responsePlanArn: String? = nil,
                events: [TimelineEntry] = [], relatedItems: [RelatedItem] = [], findings: [Finding] = [],
                engagements: [Engagement] = [], totalEvents: Int? = nil) {
        self.arn = arn
        self.title = title
        self.status = status
        self.impact = impact
        self.summary = summary
        self.created = created
        self.resolved = resolved
        self.createdBy = createdBy
        self.responsePlanArn = responsePlanArn
        self.events = events
        self.relatedItems = relatedItems
        self.findings = findings
        self.engagements = engagements
        self.totalEvents = totalEvents
    }

    /// Every page of every engagement, in the order they were sent.
    public var pages: [Page] {
        engagements.flatMap(\.pages).sorted { ($0.sent, $0.arn) < ($1.sent, $1.arn) }
    }

    /// The events a responder pinned or wrote as notes.
    public var notes: [TimelineEntry] { events.filter { $0.kind == .note } }
}

/// One event of the timeline.
public struct TimelineEntry: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// The incident started (`SSM Incident Trigger`).
        case trigger
        /// Its title, impact or status changed (`SSM Incident Record Update`).
        case update
        /// A `Note` (a message pinned from the channel, or written as one).
        case note
        /// A `Custom Event`, or any other type.
        case custom
    }

    public var id: String
    public var time: Date
    /// The service's event type, as stored (`Custom Event`).
    public var type: String
    /// What the event says, as text (a JSON string's value; the service's own
    /// events described in words).
    public var text: String
    /// Who wrote it, when the store says so.
    public var author: String?
    /// The attribute changes of an update event.
    public var changes: [AttributeChange]

    public init(id: String, time: Date, type: String, text: String, author: String? = nil, changes: [AttributeChange] = []) {
        self.id = id
        self.time = time
        self.type = type
        self.text = text
        self.author = author
        self.changes = changes
    }

    public var kind: Kind {
        switch type {
        case "SSM Incident Trigger": .trigger
        case "SSM Incident Record Update": .update
        case "Note": .note
        default: .custom
        }
    }
}

/// One change an update event records: `status` from `OPEN` to `RESOLVED`.
public struct AttributeChange: Sendable, Equatable {
    public var attribute: String
    public var from: String
    public var to: String

    public init(attribute: String, from: String, to: String) {
        self.attribute = attribute
        self.from = from
        self.to = to
    }
}

/// A related item: a dashboard, a runbook, a ticket.
public struct RelatedItem: Sendable, Equatable {
    public var title: String?
    /// `METRIC`, `OTHER`, `PARENT`, ...
    public var type: String
    /// Its URL or ARN (or a description of a metric definition).
    public var value: String

    public init(title: String?, type: String, value: String) {
        self.title = title
        self.type = type
        self.value = value
    }
}

/// A finding the service attached (a deployment or a stack update near the incident).
public struct Finding: Sendable, Equatable {
    public var id: String
    /// `CodeDeploy deployment`, `CloudFormation stack update`.
    public var kind: String
    /// The deployment's or stack's ARN.
    public var resource: String?
    public var start: Date?
    public var end: Date?

    public init(id: String, kind: String, resource: String? = nil, start: Date? = nil, end: Date? = nil) {
        self.id = id
        self.kind = kind
        self.resource = resource
        self.start = start
        self.end = end
    }
}

/// An engagement of a contact (a person, an escalation plan, a rotation) for the incident.
public struct Engagement: Sendable, Equatable {
    public var arn: String
    public var contactArn: String
    /// The contact's display name or alias.
    public var contact: String
    public var sender: String
    public var start: Date
    public var stop: Date?
    public var pages: [Page]

    public init(arn: String, contactArn: String, contact: String, sender: String, start: Date, stop: Date? = nil, pages: [Page] = []) {
        self.arn = arn
        self.contactArn = contactArn
        self.contact = contact
        self.sender = sender
        self.start = start
        self.stop = stop
        self.pages = pages
    }
}

/// A page: an engagement reaching one person.
public struct Page: Sendable, Equatable {
    public var arn: String
    public var contactArn: String
    /// The person's display name or alias.
    public var contact: String
    public var sent: Date
    /// When the person accepted it as delivered, or read (AcceptPage).
    public var delivered: Date?
    public var read: Date?
    /// The stage of the escalation plan that paged them (0 is the first), when an escalation did.
    public var stage: Int?
    /// The escalation or rotation the page went through, when there was one.
    public var via: String?

    public init(arn: String, contactArn: String, contact: String, sent: Date, delivered: Date? = nil, read: Date? = nil,
                stage: Int? = nil, via: String? = nil) {
        self.arn = arn
        self.contactArn = contactArn
        self.contact = contact
        self.sent = sent
        self.delivered = delivered
        self.read = read
        self.stage = stage
        self.via = via
    }

    /// The escalation the page came through and its stage (`Orders
    /// escalation, stage 2`); nil when the person was paged directly.
    public var route: String? {
        via.map { via in via + (stage.map { ", stage \($0 + 1)" } ?? "") }
    }

    /// When the person accepted the page: the first of delivered and read.
    public var accepted: Date? {
        switch (delivered, read) {
        case let (d?, r?): min(d, r)
        case let (d?, nil): d
        case let (nil, r?): r
        default: nil
        }
    }
}
