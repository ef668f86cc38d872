import JSON
import Wire

/// One request of Slack's Events API (`POST /slack/events`, JSON): the URL
/// check Slack makes when the request URL is set, or an event callback with
/// the event it carries.
public enum SlackEventRequest: Sendable, Equatable {
    /// Answer with the challenge, run nothing.
    case urlVerification(challenge: String)
    case callback(SlackEvent)
    /// Another type Slack may send (`app_rate_limited`, ...): acknowledged, nothing runs.
    case other(type: String)

    /// What is wrong with a body that is not an Events API request.
    public struct Malformed: Error, Equatable, CustomStringConvertible {
        public var description: String
    }

    public init(body: [UInt8]) throws(Malformed) {
        let json: JSON
        do {
            json = try JSON(reading: body)
        } catch {
            throw Malformed(description: "the body is not JSON: \(error)")
        }
        guard case .object = json, case .string(let type)? = json["type"] else {
            throw Malformed(description: "the body is not an Events API request (no \"type\")")
        }
        switch type {
        case "url_verification":
            guard case .string(let challenge)? = json["challenge"] else {
                throw Malformed(description: "a url_verification request without a challenge")
            }
            self = .urlVerification(challenge: challenge)
        case "event_callback":
            self = .callback(try SlackEvent(callback: json))
        default:
            self = .other(type: type)
        }
    }
}

/// The fields of an event callback that decide whether and how it runs.
public struct SlackEvent: Sendable, Equatable {
    /// Unique per event; a retry carries the same one.
    public var eventId: String
    /// `app_mention`, `message`, `reaction_added`, ...
    public var type: String
    public var subtype: String?
    public var channel: String?
    /// The Slack user ID of the author.
    public var user: String?
    /// Set when a bot (this app included) wrote the message.
    public var botId: String?
    public var text: String?
    /// The message's timestamp, which is also its ID in the channel.
    public var ts: String?
    /// Set when the message is in a thread: the thread's first message.
    public var threadTs: String?
    /// The app's own bot user, from the callback's `authorizations`.
    public var appUserId: String?
    public var teamId: String?
    /// For reactions: the emoji's name (`pushpin`).
    public var reaction: String?
    /// For reactions and pins: the message they are on, and what the event tells of it.
    public var item: Item?

    /// The message a reaction or a pin is on. A reaction names it (the text is
    /// looked up); a pin carries it.
    public struct Item: Sendable, Equatable {
        public var channel: String
        public var ts: String
        public var author: String?
        public var text: String?

        public init(channel: String, ts: String, author: String? = nil, text: String? = nil) {
            self.channel = channel
            self.ts = ts
            self.author = author
            self.text = text
        }
    }

    public init(eventId: String, type: String, subtype: String? = nil, channel: String? = nil, user: String? = nil,
                botId: String? = nil, text: String? = nil, ts: String? = nil, threadTs: String? = nil,
                appUserId: String? = nil, teamId: String? = nil) {
        self.eventId = eventId
        self.type = type
        self.subtype = subtype
        self.channel = channel
        self.user = user
        self.botId = botId
        self.text = text
        self.ts = ts
        self.threadTs = threadTs
        self.appUserId = appUserId
        self.teamId = teamId
    }

    init(callback json: JSON) throws(SlackEventRequest.Malformed) {
        guard case .string(let id)? = json["event_id"], !id.isEmpty else {
            throw .init(description: "an event callback without an event_id")
        }
        guard let event = json["event"], case .object = event, case .string(let type)? = event["type"] else {
            throw .init(description: "an event callback without an event and its type")
        }
        func string(_ value: JSON?) -> String? {
            if case .string(let s)? = value { s } else { nil }
        }
        var appUser: String?
        if case .array(let authorizations)? = json["authorizations"] {
            appUser = authorizations.lazy.compactMap { a in a["is_bot"] == .bool(true) ? string(a["user_id"]) : nil }.first
                ?? authorizations.lazy.compactMap { string($0["user_id"]) }.first
        }
        self.init(eventId: id, type: type, subtype: string(event["subtype"]), channel: string(event["channel"]),
                  user: string(event["user"]), botId: string(event["bot_id"]), text: string(event["text"]),
                  ts: string(event["ts"]), threadTs: string(event["thread_ts"]), appUserId: appUser,
                  teamId: string(json["team_id"]))
        reaction = string(event["reaction"])
        if let item = event["item"], case .object = item {
            let message = item["message"]
            if let channel = string(item["channel"]) ?? string(event["channel_id"]),
               let ts = string(item["ts"]) ?? string(message?["ts"]) {
                self.item = Item(channel: channel, ts: ts, author: string(event["item_user"]) ?? string(message?["user"]),
                                 text: string(message?["text"]))
            }
        }
        if channel == nil, let item { channel = item.channel }
    }

    /// A 📌 reaction or a Slack pin put on (true) or taken off (false) a message; nil for other events.
    public var pinning: Bool? {
        switch type {
        case "reaction_added" where reaction == "pushpin", "pin_added": true
        case "reaction_removed" where reaction == "pushpin", "pin_removed": false
        default: nil
        }
    }

    /// Slack cuts a message at 40,000 characters, so text that long is not what was typed.
    public static let maxText = 40_000

    /// Why an event is not run.
    public enum Ignored: Error, Equatable, CustomStringConvertible {
        /// A message that does not address the app: everyday conversation, not logged above debug.
        case notForTheApp
        case fromABot
        case notAMessage(String)
        case missing(String)
        case tooLong(Int)

        public var description: String {
            switch self {
            case .notForTheApp: "the message does not start with a mention of the app"
            case .fromABot: "the message comes from a bot (perhaps this app): never answered, so that no two bots loop"
            case .notAMessage(let kind): "the event \(kind) is not a message for the app"
            case .missing(let field): "the event has no \(field)"
            case .tooLong(let n): "the message has \(n) characters; at most \(SlackEvent.maxText - 1) are run"
            }
        }
    }

    /// The chat message to run, or why none: `app_mention` events from the
    /// app's mention on, and channel messages that start with a mention
    /// (the app's `<@U…>`, or `@aws`, `@q`, `@Amazon Q`, in backticks or
    /// not); never a bot's message, nor an edit or other subtype.
    public func command() -> Result<String, Ignored> {
        guard type == "app_mention" || type == "message" else { return .failure(.notAMessage(type)) }
        if botId != nil || subtype == "bot_message" { return .failure(.fromABot) }
        if let subtype, subtype != "thread_broadcast" { return .failure(.notAMessage("\(type)/\(subtype)")) }
        guard let user, !user.isEmpty else { return .failure(.missing("user")) }
        if let appUserId, user == appUserId { return .failure(.fromABot) }
        guard let channel, !channel.isEmpty else { return .failure(.missing("channel")) }
        guard let ts, !ts.isEmpty else { return .failure(.missing("ts")) }
        guard let text else { return .failure(.missing("text")) }
        let count = text.count
        if count >= Self.maxText { return .failure(.tooLong(count)) }
        let trimmed = text.drop { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\u{A0}" }
        if type == "app_mention" {
            if let appUserId, let at = trimmed.range(of: "<@\(appUserId)>") { return .success(String(trimmed[at.lowerBound...])) }
            return .success(String(trimmed))
        }
        if let appUserId, trimmed.hasPrefix("<@\(appUserId)>") { return .success(String(trimmed)) }
        return Self.startsWithMention(trimmed) ? .success(String(trimmed)) : .failure(.notForTheApp)
    }

    /// Whether text starts with one of the grammar's mentions (`@aws`, `@q`,
    /// `@Amazon Q`, any case), perhaps inside a code span or fence.
    static func startsWithMention(_ text: Substring) -> Bool {
        let plain = text.drop { $0 == "`" }.lowercased()
        return ["@aws", "@q", "@amazon q"].contains { mention in
            plain.hasPrefix(mention) && (plain.count == mention.count || plain.dropFirst(mention.count).first.map { $0 == " " || $0 == "\n" || $0 == "\u{A0}" || $0 == "`" } == true)
        }
    }

    /// Where the answer goes: the thread the message is in, or a new one under it.
    public var replyThread: String? { threadTs ?? ts }
}
