/// One invocation of a Slack slash command, as Slack posts it: the command
/// (`/aws`), the words typed after it, who typed them and where, and the URL
/// that takes a reply sent later.
public struct SlashCommand: Sendable, Equatable {
    /// The slash command itself, `/aws`.
    public var command: String
    /// What the user typed after the command (Slack's escapes as sent).
    public var text: String
    public var userName: String
    public var userId: String
    public var channelName: String
    public var channelId: String
    public var teamDomain: String
    public var teamId: String
    /// Where a reply can be posted for 30 minutes after the invocation.
    public var responseURL: String?
    /// Slack's certificate check: answer 200, run nothing.
    public var isSSLCheck: Bool

    public init(command: String = "/aws", text: String, userName: String, userId: String = "", channelName: String = "",
                channelId: String = "", teamDomain: String = "", teamId: String = "", responseURL: String? = nil,
                isSSLCheck: Bool = false) {
        self.command = command
        self.text = text
        self.userName = userName
        self.userId = userId
        self.channelName = channelName
        self.channelId = channelId
        self.teamDomain = teamDomain
        self.teamId = teamId
        self.responseURL = responseURL
        self.isSSLCheck = isSSLCheck
    }

    /// What is wrong with a form that is not a slash command.
    public struct Malformed: Error, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// Reads the fields of a form body. The user must be named (`user_name`,
    /// or at least `user_id`); the rest may be missing.
    public init(form: FormBody) throws(Malformed) {
        let isSSLCheck = form["ssl_check"] == "1"
        let userName = form["user_name"].flatMap { $0.isEmpty ? nil : $0 } ?? form["user_id"] ?? ""
        guard isSSLCheck || !userName.isEmpty else {
            throw Malformed(description: "the form names no user (user_name or user_id)")
        }
        let response = form["response_url"].flatMap { $0.hasPrefix("https://") || $0.hasPrefix("http://") ? $0 : nil }
        self.init(command: form["command"] ?? "/aws", text: form["text"] ?? "", userName: userName,
                  userId: form["user_id"] ?? "", channelName: form["channel_name"] ?? "", channelId: form["channel_id"] ?? "",
                  teamDomain: form["team_domain"] ?? "", teamId: form["team_id"] ?? "", responseURL: response,
                  isSSLCheck: isSSLCheck)
    }

    /// The chat message it stands for: the text after a mention, since
    /// `/aws ssm-incidents list-incident-records` means
    /// `@aws ssm-incidents list-incident-records`. Text that already starts
    /// with a mention (or `aws`) is taken as it is.
    public var message: String {
        let trimmed = text.drop { $0 == " " || $0 == "\u{A0}" || $0 == "\n" || $0 == "\t" }
        let first = trimmed.prefix { $0 != " " && $0 != "\n" && $0 != "\u{A0}" }.lowercased()
        if first.hasPrefix("@") || first == "aws" || first.hasPrefix("`") { return String(trimmed) }
        return "@aws " + trimmed
    }
}
