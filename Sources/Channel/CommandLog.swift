import JSON
import Catalog
import Foundation
import Time

/// The channel's command log: one JSON object a line, appended, each line
/// written with its own `write(2)` so that it is on disk when `write` returns
/// and lines of concurrent writers never interleave.
///
/// The command text is redacted before it is written (see `Redactor`).
public final class CommandLog: @unchecked Sendable {
    public let path: String
    public let redactor: Redactor
    private let handle: FileHandle
    private let lock = NSLock()

    /// Opens (creating if needed) a log for appending.
    public init(path: String, redactor: Redactor = Redactor()) throws {
        let fd = Foundation.open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path,
                NSLocalizedDescriptionKey: "cannot open log \(path): \(String(cString: strerror(errno)))"])
        }
        self.path = path
        self.redactor = redactor
        self.handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    /// Opens the log a configuration asks for; nil when logging is off.
    public static func open(for configuration: ChannelConfiguration) throws -> CommandLog? {
        guard configuration.logging else { return nil }
        return try CommandLog(path: configuration.logPath, redactor: Redactor(extraMembers: configuration.redact))
    }

    /// Appends one entry; its command is redacted unless `redacted` says
    /// it already is (the session redacts from the command it parsed).
    public func write(_ entry: LogEntry, redacted: Bool = false) throws {
        let line = entry.json(redactor: redacted ? nil : redactor).compact + "\n"
        lock.lock()
        defer { lock.unlock() }
        try handle.write(contentsOf: Data(line.utf8))
    }
}

/// One command as the log records it.
public struct LogEntry: Sendable, Hashable {
    /// How a command ended.
    public enum Outcome: Sendable, Hashable {
        case ok
        /// An error code: a service error (`AccessDeniedException`), or a
        /// channel refusal (`ChatCommandsNotSupported`), a timeout, ...
        case error(String)

        public var text: String {
            switch self {
            case .ok: "ok"
            case .error(let code): code
            }
        }
    }

    public var time: Date
    public var user: String?
    /// The channel's display name.
    public var channel: String
    /// The command as typed (redacted when written).
    public var command: String
    /// Nil when the command never got as far as a permission decision.
    public var decision: Decision?
    public var outcome: Outcome
    /// Why a refused command was refused (a diagnostic, the denial, the
    /// service's message); nil when it ran.
    public var reason: String?
    public var requestId: String

    public init(time: Date, user: String?, channel: String, command: String, decision: Decision?, outcome: Outcome,
                reason: String? = nil, requestId: String) {
        self.time = time
        self.user = user
        self.channel = channel
        self.command = command
        self.decision = decision
        self.outcome = outcome
        self.reason = reason
        self.requestId = requestId
    }

    /// The entry as a JSON object, keys in a fixed order; the command is
    /// redacted by `redactor` (nil: it already is).
    public func json(redactor: Redactor?) -> JSON {
        var members: [(key: String, value: JSON)] = [
            ("time", .string(ISO8601.string(time, fraction: .milliseconds, rounding: .toMillisecond))),
            ("user", user.map(JSON.string) ?? .null),
            ("channel", .string(channel)),
            ("command", .string(redactor.map { $0.redact(command: command) } ?? command)),
        ]
        if let decision {
            members.append(("permission", .object([
                ("decision", .string(decision.isAllowed ? "allow" : "deny")),
                ("action", .string(decision.action)),
                ("resource", .string(decision.resource)),
                ("reason", .string(decision.why)),
            ])))
        } else {
            members.append(("permission", .null))
        }
        members.append(("outcome", .string(outcome.text)))
        if let reason { members.append(("reason", .string(reason))) }
        members.append(("requestId", .string(requestId)))
        return .object(members)
    }
}
