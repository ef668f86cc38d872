import Foundation

/// An incident update that Incident Manager pushes to a chat channel.
public struct IncidentNotification: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case started = "incident-started"
        case statusChanged = "status-changed"
        case impactChanged = "impact-changed"
        case titleChanged = "title-changed"
        case summaryChanged = "summary-changed"
        case timelineEventAdded = "timeline-event-added"
        case relatedItemAdded = "related-item-added"
        /// A contact paged for the incident by a step of its engagement that fell due.
        case contactPaged = "contact-paged"
    }

    /// One labelled fact shown with the notification (`Impact`, `Status`, ...).
    public struct Detail: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public var incidentArn: String
    /// The incident's title (the new one, after a title change).
    public var title: String
    public var kind: Kind
    public var details: [Detail]
    public var time: Date

    public init(incidentArn: String, title: String, kind: Kind, details: [Detail] = [], time: Date) {
        self.incidentArn = incidentArn
        self.title = title
        self.kind = kind
        self.details = details
        self.time = time
    }

    /// The first line a chat client shows.
    public var headline: String {
        switch kind {
        case .started: "Incident started: \(title)"
        case .statusChanged: "Status changed: \(title)"
        case .impactChanged: "Impact changed: \(title)"
        case .titleChanged: "Title changed: \(title)"
        case .summaryChanged: "Summary updated: \(title)"
        case .timelineEventAdded: "Timeline event added: \(title)"
        case .relatedItemAdded: "Related item added: \(title)"
        case .contactPaged: "Contact paged: \(title)"
        }
    }

    /// `1 (Critical)` ... `5 (No Impact)`, as Incident Manager names impacts.
    public static func impactLabel(_ impact: Int) -> String {
        let names = [1: "Critical", 2: "High", 3: "Medium", 4: "Low", 5: "No Impact"]
        return names[impact].map { "\(impact) (\($0))" } ?? String(impact)
    }

    // MARK: the seven kinds

    public static func started(incidentArn: String, title: String, impact: Int, status: String = "OPEN",
                               summary: String? = nil, time: Date) -> IncidentNotification {
        var details = [Detail("Impact", impactLabel(impact)), Detail("Status", status)]
        if let summary, !summary.isEmpty { details.append(Detail("Summary", summary)) }
        return IncidentNotification(incidentArn: incidentArn, title: title, kind: .started, details: details, time: time)
    }

    public static func statusChanged(incidentArn: String, title: String, from: String?, to: String, time: Date) -> IncidentNotification {
        IncidentNotification(incidentArn: incidentArn, title: title, kind: .statusChanged,
                     details: [Detail("Status", from.map { "\($0) → \(to)" } ?? to)], time: time)
    }

    public static func impactChanged(incidentArn: String, title: String, from: Int?, to: Int, time: Date) -> IncidentNotification {
        IncidentNotification(incidentArn: incidentArn, title: title, kind: .impactChanged,
                     details: [Detail("Impact", from.map { "\(impactLabel($0)) → \(impactLabel(to))" } ?? impactLabel(to))], time: time)
    }

    public static func titleChanged(incidentArn: String, from: String?, to: String, time: Date) -> IncidentNotification {
        IncidentNotification(incidentArn: incidentArn, title: to, kind: .titleChanged,
                     details: from.map { [Detail("Previous title", $0)] } ?? [], time: time)
    }

    public static func summaryChanged(incidentArn: String, title: String, summary: String, time: Date) -> IncidentNotification {
        IncidentNotification(incidentArn: incidentArn, title: title, kind: .summaryChanged, details: [Detail("Summary", summary)], time: time)
    }

    public static func timelineEventAdded(incidentArn: String, title: String, eventType: String, eventData: String,
                                          eventTime: Date, time: Date) -> IncidentNotification {
        IncidentNotification(incidentArn: incidentArn, title: title, kind: .timelineEventAdded, details: [
            Detail("Event type", eventType),
            Detail("Event time", RequestContext.iso8601(eventTime)),
            Detail("Event data", eventData),
        ], time: time)
    }

    public static func relatedItemAdded(incidentArn: String, title: String, itemTitle: String?, itemType: String,
                                        identifier: String, time: Date) -> IncidentNotification {
        var details: [Detail] = []
        if let itemTitle { details.append(Detail("Item", itemTitle)) }
        details.append(Detail("Type", itemType))
        details.append(Detail("Identifier", identifier))
        return IncidentNotification(incidentArn: incidentArn, title: title, kind: .relatedItemAdded, details: details, time: time)
    }

    /// `contact` was paged through `channels` (their types: SMS, EMAIL) at `time`.
    public static func contactPaged(incidentArn: String, title: String, contact: String, channels: [String],
                                    subject: String?, time: Date) -> IncidentNotification {
        var details = [Detail("Contact", contact), Detail("Sent by", channels.joined(separator: ", "))]
        if let subject, !subject.isEmpty { details.append(Detail("Subject", subject)) }
        return IncidentNotification(incidentArn: incidentArn, title: title, kind: .contactPaged, details: details, time: time)
    }
}
