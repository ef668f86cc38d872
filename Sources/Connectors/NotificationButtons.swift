import JSON
import Catalog
import Channel
import Crypto
import Foundation
import Wire

/// The buttons on a notification posted through Slack's Web API: the
/// built-in Resolve, Add a note and, on a page's notification when the
/// channel file gives members contacts, Acknowledge my page; and the channel's own (`slack: {buttons: …}`) whose
/// criteria the notification meets, their `$Variables` filled from it.
///
/// A button carries the command it runs, signed with the server's key, so
/// that a click (`POST /slack/interactivity`) runs exactly what a
/// notification offered, as the responder who clicked, and nothing else.
public struct NotificationButtons: Sendable {
    let buttons: [NotificationButton]
    private let key: [UInt8]
    /// The "command" of the Add a note button: it opens a modal rather than running anything.
    public static let notePrefix = "#note "
    /// The "command" of Acknowledge my page: the clicker's open pages of the incident are accepted.
    public static let acceptPrefix = "#accept "
    /// Whether page notifications offer Acknowledge my page (some member has a contact).
    let acknowledgePages: Bool
    /// Slack's limit on a button's value.
    static let maxValue = 2000

    /// What keys the buttons in Socket Mode, where there is no signing
    /// secret: drawn from the app token, which every server of a fleet has
    /// and a restart keeps, so a button one server sent runs when it is
    /// clicked on another.
    public static func socketModeSecret(appToken: String) -> String { "incident-chat socket-mode buttons " + appToken }

    /// `secret` keys the signatures (the server derives it from its Slack signing secret).
    public init(buttons: [NotificationButton], secret: String, acknowledgePages: Bool = false) {
        self.buttons = buttons
        self.acknowledgePages = acknowledgePages
        self.key = Array(HMAC<SHA256>.authenticationCode(for: Array("incident-chat buttons".utf8), using: SymmetricKey(data: Array(secret.utf8))))
    }

    /// The commands a notification's buttons run, by text: Resolve first, unless the incident is resolved already;
    /// Acknowledge my page on a page's notification (`contact-paged`).
    public func commands(for n: IncidentNotification) -> [(text: String, command: String)] {
        var out: [(String, String)] = []
        let variables = n.variables
        if !(variables["Status"]?.hasSuffix("RESOLVED") ?? false) {
            out.append(("Resolve", "@aws ssm-incidents update-incident-record --arn \(n.incidentArn) --status RESOLVED"))
            out.append(("Add a note", Self.notePrefix + n.incidentArn))
            if acknowledgePages, n.kind == .contactPaged { out.append(("Acknowledge my page", Self.acceptPrefix + n.incidentArn)) }
        }
        for button in buttons where button.shows(for: variables) {
            guard let command = try? button.command.expand(variables.filter { button.command.parameters.contains($0.key) }) else { continue }
            out.append((button.text, command))
        }
        return out
    }

    /// The Block Kit `actions` block, or nil when no button shows.
    public func block(for n: IncidentNotification) -> JSON? {
        let elements: [JSON] = commands(for: n).enumerated().compactMap { i, button in
            let value = value(for: button.command)
            guard value.count <= Self.maxValue else { return nil }
            var members: [(key: String, value: JSON)] = [
                ("type", .string("button")), ("action_id", .string("incident-chat-\(i)")),
                ("text", .object([("type", .string("plain_text")), ("text", .string(button.text))])),
                ("value", .string(value)),
            ]
            if button.text == "Resolve" && i == 0 { members.append(("style", .string("primary"))) }
            return .object(members)
        }
        guard !elements.isEmpty else { return nil }
        return .object([("type", .string("actions")), ("elements", .array(Array(elements.prefix(25))))])
    }

    /// A button's value: `MAC:COMMAND`, the MAC in hexadecimal.
    public func value(for command: String) -> String {
        mac(command) + ":" + command
    }

    /// The command a button's value carries, when this server signed it.
    public func command(fromValue value: String) -> String? {
        guard let colon = value.firstIndex(of: ":") else { return nil }
        let command = String(value[value.index(after: colon)...])
        let given = Array(value[..<colon].utf8)
        let expected = Array(mac(command).utf8)
        // Constant time over the hexadecimal digits.
        guard given.count == expected.count, zip(given, expected).reduce(0, { $0 | ($1.0 ^ $1.1) }) == 0 else { return nil }
        return command
    }

    private func mac(_ command: String) -> String {
        HMAC<SHA256>.authenticationCode(for: Array(command.utf8), using: SymmetricKey(data: key)).prefix(16).map { String(format: "%02x", $0) }.joined()
    }
}
