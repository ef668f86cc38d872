import JSON
import Wire

/// What a Teams outgoing webhook posts when the webhook is @mentioned: the
/// message's ID, its author, and its text, with the mention as `<at>Name</at>`.
public struct TeamsMessage: Sendable, Equatable {
    public var id: String
    public var text: String
    public var fromName: String
    /// The author's Azure AD object ID, when Teams gives it.
    public var fromObjectId: String?

    public struct Malformed: Error, Equatable, CustomStringConvertible {
        public var description: String
    }

    public init(id: String, text: String, fromName: String, fromObjectId: String? = nil) {
        self.id = id
        self.text = text
        self.fromName = fromName
        self.fromObjectId = fromObjectId
    }

    public init(body: [UInt8]) throws(Malformed) {
        guard let json = try? JSON(reading: body), case .object = json else {
            throw Malformed(description: "the body is not a JSON object")
        }
        func string(_ value: JSON?) -> String? { if case .string(let s)? = value { s } else { nil } }
        guard let text = string(json["text"]) else { throw Malformed(description: "the message has no text") }
        guard let from = json["from"], let name = string(from["name"]) ?? string(from["id"]), !name.isEmpty else {
            throw Malformed(description: "the message names no author (from.name)")
        }
        self.init(id: string(json["id"]) ?? "", text: text, fromName: name, fromObjectId: string(from["aadObjectId"]))
    }

    /// The chat message: the text after the webhook's `<at>…</at>` mention,
    /// Teams' HTML markup and entities undone, read as `@aws …` (text that
    /// already starts with a mention or `aws` is taken as it is).
    public var message: String {
        var text = self.text
        if let open = text.range(of: "<at>"), let close = text.range(of: "</at>", range: open.upperBound..<text.endIndex) {
            text = String(text[close.upperBound...])
        }
        for tag in ["<p>", "</p>", "<div>", "</div>", "<br>", "<br/>", "<br />"] {
            text = text.replacingOccurrences(of: tag, with: tag.hasPrefix("<br") ? "\n" : " ")
        }
        for (entity, plain) in [("&nbsp;", " "), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: plain)
        }
        return SlashCommand(text: text, userName: fromName).message
    }
}
