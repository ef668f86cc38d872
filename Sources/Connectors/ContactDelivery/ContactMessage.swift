import JSON
import Backend
import Catalog
import Channel
import Crypto
import Foundation

/// What each contact-delivery adapter sends for one outbox message: the
/// generic webhook's signed JSON, a Slack or Teams notice, an e-mail.
enum ContactMessage {
    // MARK: The generic webhook

    /// The JSON body: the message with its page, accept code and engagement.
    static func webhookBody(_ item: RelayedMessage) -> JSON {
        let m = item.message
        func optional(_ s: String?) -> JSON { s.map(JSON.string) ?? .null }
        var members: [(key: String, value: JSON)] = [
            ("type", .string(m.kind.rawValue)),
            ("deliveryId", .string("\(m.account)/\(m.seq)")),
            ("time", .string(RequestContext.iso8601(Date(millis: m.time)))),
            ("contactArn", .string(m.contactArn)),
            ("contactChannel", .object([("arn", .string(m.contactChannelArn)), ("type", .string(m.channelType)),
                                        ("address", .string(m.address))])),
        ]
        switch m.kind {
        case .page:
            members += [("pageArn", optional(m.pageArn)), ("acceptCode", .string(m.code)),
                        ("engagementArn", optional(item.engagementArn)), ("incidentId", optional(item.incidentId)),
                        ("sender", optional(item.sender))]
        case .activationCode:
            members.append(("activationCode", .string(m.code)))
        }
        members += [("subject", optional(m.subject)), ("content", .string(m.body))]
        return .object(members)
    }

    /// The headers that let a receiver check the body came from us:
    /// `X-IncidentChat-Signature: v1=HEX(HMAC-SHA256(key, "v1:" + timestamp + ":" + body))`
    /// with the Unix time in `X-IncidentChat-Timestamp` (a receiver refuses old ones).
    static func signature(body: [UInt8], key: [UInt8], time: Date) -> [(name: String, value: String)] {
        let timestamp = String(Int64(time.timeIntervalSince1970))
        var mac = HMAC<SHA256>(key: SymmetricKey(data: key))
        mac.update(data: Array("v1:\(timestamp):".utf8))
        mac.update(data: body)
        let hex = mac.finalize().map { String(format: "%02x", $0) }.joined()
        return [("X-IncidentChat-Timestamp", timestamp), ("X-IncidentChat-Signature", "v1=" + hex)]
    }

    // MARK: Chat notices

    /// One line of what the message is, for a chat notice.
    static func headline(_ m: OutboxMessage) -> String {
        switch m.kind {
        case .page: "Page by \(m.channelType) to \(m.address): \(m.subject ?? "(no subject)")"
        case .activationCode: "Activation code for the \(m.channelType) channel \(m.address)"
        }
    }

    /// A Slack incoming-webhook body: the headline in bold, the content, the code.
    static func slackBody(_ m: OutboxMessage) -> JSON {
        let esc = NotificationFormatter.slackEscape
        var text = "*\(esc(headline(m)))*"
        if m.kind == .page { text += "\n\(esc(m.body))" }
        text += "\n\(m.kind == .page ? "Accept code" : "Code"): `\(m.code)`"
        return .object([("text", .string(String(text.prefix(3000))))])
    }

    /// A Teams workflow-webhook body: one Adaptive Card.
    static func teamsBody(_ m: OutboxMessage) -> JSON {
        var body: [JSON] = [
            .object([("type", .string("TextBlock")), ("text", .string(String(headline(m).prefix(300)))),
                     ("weight", .string("Bolder")), ("wrap", .bool(true))]),
        ]
        if m.kind == .page {
            body.append(.object([("type", .string("TextBlock")), ("text", .string(String(m.body.prefix(2000)))), ("wrap", .bool(true))]))
        }
        body.append(.object([("type", .string("FactSet")), ("facts", .array([
            .object([("title", .string(m.kind == .page ? "Accept code" : "Code")), ("value", .string(m.code))]),
            .object([("title", .string("Contact")), ("value", .string(m.contactArn))]),
        ]))]))
        return NotificationFormatter.adaptiveCardMessage(body: body)
    }

    // MARK: E-mail

    /// Why an address cannot be handed to `sendmail -t`, if it cannot: one
    /// mailbox, no spaces, separators or line breaks that would add recipients
    /// or headers.
    static func undeliverableAddress(_ address: String) -> String? {
        let forbidden = CharacterSet(charactersIn: ",;<>()\"\\").union(.whitespacesAndNewlines).union(.controlCharacters)
        guard address.unicodeScalars.allSatisfy({ !forbidden.contains($0) }), address.contains("@"), !address.hasPrefix("-") else {
            return "\(address.debugDescription) is not one e-mail address sendmail can take"
        }
        return nil
    }

    /// The message `sendmail -t` reads: headers (recipients from `To:`), a
    /// blank line, the text. Header values lose their line breaks; a subject
    /// beyond ASCII is written as an RFC 2047 encoded word.
    static func email(_ item: RelayedMessage) -> String {
        let m = item.message
        func header(_ s: String) -> String {
            let flat = s.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
            guard flat.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 }) else {
                return "=?UTF-8?B?\(Data(flat.utf8).base64EncodedString())?="
            }
            return flat
        }
        let subject = m.kind == .page ? (m.subject ?? "Page") : "Your Incident Manager activation code"
        var lines = [
            "To: \(m.address)",
            "From: \(header(NotificationFormatter.sender)) <incident-chat@localhost>",
            "Subject: \(header(String(subject.prefix(200))))",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit",
            "X-IncidentChat-Kind: \(m.kind.rawValue)",
        ]
        if let page = m.pageArn { lines.append("X-IncidentChat-Page: \(header(page))") }
        lines.append("")
        switch m.kind {
        case .page:
            lines.append(m.body)
            if let engagement = item.engagementArn { lines += ["", "Engagement: \(engagement)"] }
            if let incident = item.incidentId { lines.append("Incident: \(incident)") }
        case .activationCode:
            lines.append("The activation code for \(m.address) is \(m.code).")
        }
        // A line of one dot ends the message for a sendmail without -i; double it.
        return lines.joined(separator: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0 == "." ? ".." : String($0) }.joined(separator: "\n") + "\n"
    }
}
