import JMESPath

/// A chat message pinned to the timeline: a `Note` event of the channel's
/// current incident (the newest open one), with the message's time and
/// author, created through the same pipeline as a typed command (so the
/// pinner's role must allow it, and it is logged). The browser channel's
/// Pin and Slack's 📌 both come here; `run` runs one chat message as the pinner.
public enum TimelineNote {
    public enum Pinned: Sendable {
        case pinned(incident: String, eventId: String, run: ChatRun)
        case noOpenIncident
        /// The search or the creation failed (denied, ...): what the session said.
        case failed(ChatRun)
    }

    public typealias Run = @Sendable (String) async -> ChatRun

    /// Pins `text` by `author`, written at `eventTime` (seconds since 1970).
    public static func pin(author: String, text: String, eventTime: Double, run: Run) async -> Pinned {
        let find = await run("@aws ssm-incidents list-incident-records "
            + "--filters '[{\"key\":\"status\",\"condition\":{\"equals\":{\"stringValues\":[\"OPEN\"]}}}]' "
            + "--query 'sort_by(incidentRecordSummaries, &creationTime)[-1].arn' --output text")
        let arn = find.printed.trimmingCharacters(in: .whitespacesAndNewlines)
        guard find.ok else { return .failed(find) }
        guard arn.hasPrefix("arn:") else { return .noOpenIncident }
        return await add(incident: arn, author: author, text: text, eventTime: eventTime, run: run)
    }

    /// Adds `text` by `author` to a given incident's timeline as a Note.
    public static func add(incident arn: String, author: String, text: String, eventTime: Double, run: Run) async -> Pinned {
        let input: JSONValue = .object([
            "incidentRecordArn": .string(arn), "eventTime": .number(eventTime), "eventType": "Note",
            "eventData": .string(JSONValue.string("\(author): \(text)").serialized(oneLine)),
        ])
        let ran = await run("@aws ssm-incidents create-timeline-event --cli-input-json '\(quoted(input))' --query eventId --output text")
        guard ran.ok else { return .failed(ran) }
        return .pinned(incident: arn, eventId: ran.printed.trimmingCharacters(in: .whitespacesAndNewlines), run: ran)
    }

    /// Takes a pinned message off the timeline again.
    public static func unpin(incident: String, eventId: String, run: Run) async -> ChatRun {
        await run("@aws ssm-incidents delete-timeline-event --incident-record-arn \(incident) --event-id \(eventId)")
    }

    /// JSON on one line, inside single quotes: quotes, and what chat
    /// formatting would decode (Slack's escapes, link markup), escaped as JSON allows.
    static let oneLine = JSONFormat(itemSeparator: ",", keySeparator: ":", escapeNonASCII: false)

    static func quoted(_ value: JSONValue) -> String {
        var json = value.serialized(oneLine)
        for (plain, escaped) in [("'", "\\u0027"), ("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("`", "\\u0060")] {
            json = json.replacingOccurrences(of: plain, with: escaped)
        }
        return json
    }
}
