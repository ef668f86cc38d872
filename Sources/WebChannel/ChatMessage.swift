import Foundation
import JMESPath

/// One entry of the conversation: what a responder said, a command they ran
/// and its result, or a notification Incident Manager pushed. Entries have a
/// sequence number, so a browser that reconnects asks for what came after
/// the last one it saw.
public struct ChatMessage: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// A responder's words.
        case chat
        /// A command a responder ran (shown with its result).
        case command
        /// The output of a command, for everyone.
        case result
        /// An incident notification.
        case notification
    }

    public var sequence: Int
    public var kind: Kind
    public var author: String
    /// Milliseconds since 1970.
    public var time: Int64
    public var text: String

    public init(sequence: Int, kind: Kind, author: String, time: Int64, text: String) {
        self.sequence = sequence
        self.kind = kind
        self.author = author
        self.time = time
        self.text = text
    }

    /// The message as the store keeps it and the browser receives it.
    public var json: JSONValue {
        .object(["type": "message", "seq": .number(Double(sequence)), "kind": .string(kind.rawValue),
                 "author": .string(author), "time": .number(Double(time)), "text": .string(text)])
    }

    /// Reads a stored message; nil when it is not one.
    public init?(json: JSONValue) {
        guard let seq = json["seq"]?.number, let kindName = json["kind"]?.string, let kind = Kind(rawValue: kindName),
              let author = json["author"]?.string, let time = json["time"]?.number, let text = json["text"]?.string
        else { return nil }
        self.init(sequence: Int(seq), kind: kind, author: author, time: Int64(time), text: text)
    }
}

extension JSONValue {
    /// One line of JSON, non-ASCII kept: what goes over the socket and into the store.
    var wire: String { serialized(JSONFormat(itemSeparator: ",", keySeparator: ":", escapeNonASCII: false)) }
}
