/// A contact to engage because an incident started from a response plan that
/// lists it in `engagements`; the message is made from the incident.
public struct IncidentEngagement: Sendable, Hashable {
    public var contactArn: String
    /// Who the page says it is from.
    public var sender: String
    public var subject: String
    public var content: String
    /// The incident record's ARN (the engagement's `IncidentId`).
    public var incidentId: String
    /// When the incident started.
    public var time: Millis

    public init(contactArn: String, sender: String, subject: String, content: String, incidentId: String, time: Millis) {
        self.contactArn = contactArn
        self.sender = sender
        self.subject = subject
        self.content = content
        self.incidentId = incidentId
        self.time = time
    }

    /// The engagement Incident Manager sends for `incident`: from "Incident
    /// Manager", the title and impact as subject, the summary (or title) and
    /// the record's ARN as content.
    public init(incident: IncidentRecordRow, contactArn: String) {
        self.init(contactArn: contactArn, sender: "Incident Manager",
                  subject: "Incident (impact \(incident.impact)): \(incident.title)",
                  content: "\(incident.summary ?? incident.title)\nIncident record: \(incident.arn)",
                  incidentId: incident.arn, time: incident.creationTime)
    }
}
