import Foundation

/// A webhook request that was given up on: one line of the failure record.
public struct DeliveryFailure: Sendable, Equatable {
    /// When it was given up on (ISO 8601).
    public var time: String
    /// The channel's display name.
    public var channel: String
    /// The webhook URL.
    public var webhook: String
    /// `slack` or `chime`.
    public var kind: String
    public var attempts: Int
    /// The last HTTP status; nil when no answer came.
    public var status: Int?
    /// Why the last attempt failed.
    public var error: String
    /// The incident the notification was about, if any.
    public var incident: String?
    /// The notification's headline, or what else was being sent.
    public var subject: String?
    /// The request body, so that the message can be sent again by hand.
    public var body: String

    /// The failure as one JSON object, its members in the order above.
    public var jsonLine: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        func json<T: Encodable>(_ value: T) -> String {
            (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
        }
        let members: [(String, String)] = [
            ("time", json(time)), ("channel", json(channel)), ("webhook", json(webhook)), ("kind", json(kind)),
            ("attempts", json(attempts)), ("status", json(status)), ("error", json(error)), ("incident", json(incident)),
            ("subject", json(subject)), ("body", json(body)),
        ]
        return "{" + members.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    /// One warning line for a terminal.
    public var summary: String {
        let why = status.map { "HTTP \($0)\(error.isEmpty ? "" : ": \(error)")" } ?? error
        return "\(subject.map { "\"\($0)\" " } ?? "")was not delivered to the \(kind) webhook \(webhook) after \(attempts) attempt\(attempts == 1 ? "" : "s") (\(why))"
    }
}

/// The record of failed deliveries: a JSON-lines file, appended one line per
/// failure with its own `write(2)`, created (owner-only: it holds webhook
/// URLs, which are secrets) at the first failure.
public final class DeliveryFailureLog: @unchecked Sendable {
    public let path: String
    private let lock = NSLock()
    private var handle: FileHandle?

    public init(path: String) {
        self.path = path
    }

    /// Appends one failure.
    public func write(_ failure: DeliveryFailure) throws {
        let line = Data((failure.jsonLine + "\n").utf8)
        try lock.withLock {
            if handle == nil {
                let fd = Foundation.open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
                guard fd >= 0 else {
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path,
                        NSLocalizedDescriptionKey: "cannot open \(path): \(String(cString: strerror(errno)))"])
                }
                handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
            }
            try handle?.write(contentsOf: line)
        }
    }
}
