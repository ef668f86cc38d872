import Backend
import Channel
import Foundation
import Interpreter
import JMESPath
import Review

/// The incident at a glance, beside the conversation: the channel's current
/// incident (the newest open one): its title, status and impact, and its
/// timeline drawn by the review's picture (``TimelinePicture``), which the page shows. It is read by the
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
        if let picture = await picture(of: arn) { frame["picture"] = .string(picture) }
        return JSONValue.object(frame).wire
    }

    /// The incident's timeline as the review draws it (its newest 200 events),
    /// read by the server itself; the page puts it in place of its own.
    private func picture(of arn: String) async -> String? {
        let backend = self.backend
        let context = CallContext(accountId: settings.accountId, region: settings.region, user: "incident-chat-web")
        let reader = ReviewReader { request throws(ServiceError) in try await backend.send(request, context: context) }
        guard let facts = try? await reader.facts(of: arn, eventLimit: Self.pictureEvents) else { return nil }
        return Review(facts: facts, now: Date()).picture(id: "incident-timeline")
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
