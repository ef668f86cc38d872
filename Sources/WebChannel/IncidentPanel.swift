import Backend
import Channel
import Foundation
import Interpreter
import JMESPath
import Review

/// The incident at a glance, beside the conversation: the channel's current
/// incident (the newest open one): its title, status and impact, who was
/// paged and who accepted, and its timeline drawn by the review's picture
/// (``TimelinePicture``, pages and acceptances among its marks), which the page shows. It is read by the
/// server itself (not as any responder, so no one's command log fills with
/// it), after each command that notified, and sent to every browser.
extension WebChannel {
    /// The panel's frame, `{"type":"incident", ...}`; `incident` is null when none is open.
    func incidentFrame() async -> String {
        var frame: JSONObject = ["type": "incident", "incident": .null, "events": .array([])]
        let find = await read("@aws ssm-incidents list-incident-records "
            + "--filters '[{\"key\":\"status\",\"condition\":{\"equals\":{\"stringValues\":[\"OPEN\"]}}}]' "
            + "--query 'sort_by(incidentRecordSummaries, &creationTime)[-1].arn' --output json")
        guard let arn = find?.string else { return JSONValue.object(frame).wire }
        if let record = await read("@aws ssm-incidents get-incident-record --arn \(arn) "
            + "--query 'incidentRecord.{arn: arn, title: title, status: status, impact: impact, created: creationTime}' --output json") {
            frame["incident"] = record
        }
        if let events = await read("@aws ssm-incidents list-timeline-events --incident-record-arn \(arn) "
            + "--sort-by EVENT_TIME --sort-order ASCENDING --max-items 200 "
            + "--query 'eventSummaries[].{time: eventTime, type: eventType}' --output json") {
            frame["events"] = events
        }
        if let facts = await pictureFacts(of: arn) {
            frame["picture"] = .string(Review(facts: facts, now: Date()).picture(id: "incident-timeline"))
            frame["paged"] = Self.paged(facts)
        }
        return JSONValue.object(frame).wire
    }

    /// What the incident's picture shows (its newest 200 events, its
    /// engagements and pages), read by the server itself.
    private func pictureFacts(of arn: String) async -> ReviewFacts? {
        let backend = self.backend
        let context = CallContext(accountId: settings.accountId, region: settings.region, user: "incident-chat-web")
        let reader = ReviewReader { request throws(ServiceError) in try await backend.send(request, context: context) }
        return try? await reader.facts(of: arn, eventLimit: Self.pictureEvents)
    }

    /// Who was paged, in the order they were: `[{contact, sent, accepted, through}]`,
    /// times in ISO 8601, `accepted` null while nobody has accepted the page,
    /// `through` the escalation plan and its stage (null when paged directly).
    static func paged(_ facts: ReviewFacts) -> JSONValue {
        .array(facts.pages.map { page in
            .object([
                "contact": .string(page.contact), "sent": .string(Formatting.time(page.sent)),
                "accepted": page.accepted.map { .string(Formatting.time($0)) } ?? .null,
                "through": page.route.map(JSONValue.string) ?? .null,
            ])
        })
    }

    /// How many of the newest events the panel's picture shows.
    static let pictureEvents = 200

    /// Sends the panel to every browser and keeps it for those that connect later.
    func refreshIncident() async {
        let frame = await incidentFrame()
        panel.lock.withLock { panel.frame = frame }
        await room.broadcast(frame)
    }

    /// The panel as it was last read.
    var currentIncidentFrame: String? { panel.lock.withLock { panel.frame } }

    /// Runs a read in a session of the server's own (the local channel's
    /// permissions, no log, no environment) and parses its JSON output.
    private func read(_ command: String) async -> JSONValue? {
        var settings = self.settings
        settings.user = "incident-chat-web"
        settings.output = .json
        let sink = SplitSink()
        guard let session = try? Session(backend: backend, settings: settings, channel: .local, sink: sink, environment: [:]) else {
            return nil
        }
        session.notificationOutput = { _ in }
        guard await session.runMessage(command, origin: .chat) == .ok,
              let value = try? JSONValue(parsing: sink.printed), !value.isNull else { return nil }
        return value
    }
}

final class PanelCache: @unchecked Sendable {
    let lock = NSLock()
    var frame: String?
}
