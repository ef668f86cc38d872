import JSON
import Catalog

extension NotificationFormatter {
    // MARK: Microsoft Teams

    /// The JSON body for a Teams workflow webhook ("When a Teams webhook
    /// request is received"): a message with one Adaptive Card: the headline,
    /// the details as facts, the incident's ARN and time.
    public static func teamsPayload(_ n: IncidentNotification) -> JSON {
        var body: [JSON] = [
            .object([("type", .string("TextBlock")), ("text", .string(truncate(n.headline, 300))), ("weight", .string("Bolder")),
                     ("size", .string("Medium")), ("wrap", .bool(true))]),
        ]
        if !n.details.isEmpty {
            body.append(.object([("type", .string("FactSet")), ("facts", .array(n.details.prefix(20).map { d in
                .object([("title", .string(d.name)), ("value", .string(truncate(d.value, 2000)))])
            }))]))
        }
        body.append(.object([("type", .string("TextBlock")), ("text", .string("\(sender) · \(n.incidentArn) · \(RequestContext.iso8601(n.time))")),
                             ("isSubtle", .bool(true)), ("size", .string("Small")), ("wrap", .bool(true))]))
        return adaptiveCardMessage(body: body)
    }

    /// A Teams message carrying one Adaptive Card with these body elements.
    public static func adaptiveCardMessage(body: [JSON]) -> JSON {
        let card: JSON = .object([
            ("$schema", .string("http://adaptivecards.io/schemas/adaptive-card.json")),
            ("type", .string("AdaptiveCard")), ("version", .string("1.4")), ("body", .array(body)),
        ])
        return .object([
            ("type", .string("message")),
            ("attachments", .array([.object([("contentType", .string("application/vnd.microsoft.card.adaptive")),
                                             ("contentUrl", .null), ("content", card)])])),
        ])
    }
}
