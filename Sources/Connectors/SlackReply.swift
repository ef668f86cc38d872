import Foundation
import Interpreter

/// The message a slash command answers with (Slack's JSON message payload):
/// `in_channel` for a result everyone in the channel sees, `ephemeral` for
/// what only the user who typed the command sees (errors, diagnostics,
/// usage). Command output goes in a code block.
public struct SlackReply: Sendable, Equatable, Encodable {
    public enum Visibility: String, Sendable, Encodable {
        case inChannel = "in_channel"
        case ephemeral
    }

    public var visibility: Visibility
    /// Slack mrkdwn, escapes applied.
    public var text: String
    /// For a reply posted to a `response_url`: show it as a new message
    /// rather than replacing the "working on it" note.
    public var replaceOriginal: Bool?

    /// Slack shows at most 40,000 characters of a message's text; longer output is cut.
    public static let textLimit = 39_000

    public init(_ visibility: Visibility, text: String, replaceOriginal: Bool? = nil) {
        self.visibility = visibility
        self.text = text
        self.replaceOriginal = replaceOriginal
    }

    enum CodingKeys: String, CodingKey {
        case visibility = "response_type"
        case text
        case replaceOriginal = "replace_original"
    }

    /// A result: the command's output in a code block, warnings after it.
    public static func result(output: String, warnings: String) -> SlackReply {
        var text = output.isEmpty ? "Done (no output)." : codeBlock(output)
        if !warnings.isEmpty { text += "\n:warning: " + codeBlock(warnings) }
        return SlackReply(.inChannel, text: text)
    }

    /// What a chat message's run comes to: its result for the channel, or its failure for its author.
    public init(_ ran: ChatRun) {
        self = ran.ok ? .result(output: ran.printed, warnings: ran.errors) : .failure(ran.errors + ran.printed)
    }

    /// A failure: what the session said, for the user alone.
    public static func failure(_ message: String) -> SlackReply {
        SlackReply(.ephemeral, text: codeBlock(message.isEmpty ? "The command failed." : message))
    }

    /// A note for the user alone, in plain mrkdwn.
    public static func note(_ text: String) -> SlackReply {
        SlackReply(.ephemeral, text: escape(text))
    }

    /// The JSON body.
    public var json: [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? Array(encoder.encode(self))) ?? Array(#"{"response_type":"ephemeral","text":"(unencodable reply)"}"#.utf8)
    }

    /// Text in a code block: Slack's three control characters escaped, runs
    /// of backticks that would close the block broken up, cut to the limit.
    static func codeBlock(_ text: String) -> String {
        let body = escape(text.hasSuffix("\n") ? String(text.dropLast()) : text)
            .replacingOccurrences(of: "```", with: "`\u{200B}`\u{200B}`")
        return "```\n" + OutputLimit.cut(body, to: textLimit) + "\n```"
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
