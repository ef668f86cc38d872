import Foundation
import Yams

/// Where pages and activation codes go when they leave the machine: the
/// channel file's `contact-delivery:` list. Each entry names one adapter and
/// the contact-channel types it takes; a message goes to every entry that
/// takes its type. Without entries, messages stay in the outbox.
///
///     contact-delivery:
///       - webhook: https://pager.example.com/incident-chat   # JSON, signed with HMAC-SHA256
///         secret-file: pager.key                              # the key (beside the channel file)
///       - slack: https://hooks.slack.com/services/T0/B0/XXXX  # SMS and VOICE notices
///         types: [SMS, VOICE]
///       - teams: https://example.webhook.office.com/workflows/...
///         types: [SMS]
///       - sendmail: /usr/sbin/sendmail                        # EMAIL, through `sendmail -t`
public struct ContactDeliveryTarget: Sendable, Hashable {
    public enum Adapter: Sendable, Hashable {
        /// A JSON POST signed with `key` (HMAC-SHA256).
        case webhook(url: String, key: [UInt8])
        /// A Slack incoming webhook.
        case slack(url: String)
        /// A Microsoft Teams workflow webhook (an Adaptive Card).
        case teams(url: String)
        /// The program that takes a message on its standard input, as `sendmail -t`.
        case sendmail(path: String)
    }

    public var adapter: Adapter
    /// The contact-channel types it takes: EMAIL, SMS, VOICE.
    public var types: Set<String>

    public init(adapter: Adapter, types: Set<String>) {
        self.adapter = adapter
        self.types = types
    }

    public static let channelTypes = ["EMAIL", "SMS", "VOICE"]
    /// The entry's field names.
    public static let fields = ["webhook", "slack", "teams", "sendmail", "secret-file", "types"]
    public static let defaultSendmail = "/usr/sbin/sendmail"

    /// How logs and receipts name it: `webhook https://…`, `sendmail /usr/sbin/sendmail`.
    public var name: String {
        switch adapter {
        case .webhook(let url, _): "webhook \(url)"
        case .slack(let url): "Slack webhook \(url)"
        case .teams(let url): "Teams webhook \(url)"
        case .sendmail(let path): "sendmail \(path)"
        }
    }
}

extension ConfigurationLoader {
    func contactDelivery(_ node: Node, _ field: String) throws(ConfigurationError) -> [ContactDeliveryTarget] {
        var targets: [ContactDeliveryTarget] = []
        for (i, item) in try reader.sequence(node, field).enumerated() {
            let f = "\(field)[\(i)]"
            let pairs = try reader.mapping(item, f)
            try reader.checkKeys(pairs, allowed: ContactDeliveryTarget.fields, f, what: "a contact delivery")
            let named = pairs.filter { ["webhook", "slack", "teams", "sendmail"].contains($0.key) }
            guard named.count == 1, let (kind, _, value) = named.first else {
                throw reader.error(.invalidValue, f, "a contact delivery names one adapter: webhook, slack, teams or sendmail"
                                   + (named.isEmpty ? "" : ", not \(named.map(\.key).joined(separator: " and "))"), at: item)
            }
            let secret = pairs.first { $0.key == "secret-file" }
            if secret != nil, kind != "webhook" {
                throw reader.error(.invalidValue, f + ".secret-file", "only a webhook is signed; \(kind) takes no secret-file", at: secret?.value)
            }
            let adapter: ContactDeliveryTarget.Adapter
            switch kind {
            case "sendmail":
                let path = reader.isNull(value) ? ContactDeliveryTarget.defaultSendmail : try reader.nonEmptyString(value, f + ".sendmail")
                guard path.hasPrefix("/") || path.contains("/") else {
                    throw reader.error(.invalidValue, f + ".sendmail", "the sendmail program is a path (/usr/sbin/sendmail), not \"\(path)\"", at: value)
                }
                adapter = .sendmail(path: resolve(path))
            case "webhook":
                let url = try httpURL(value, f + ".webhook")
                guard let secret else {
                    throw reader.error(.invalidValue, f, "a webhook needs secret-file: the HMAC-SHA256 key its receiver verifies", at: item)
                }
                adapter = .webhook(url: url, key: try key(secret.value, f + ".secret-file"))
            case "slack": adapter = .slack(url: try httpURL(value, f + ".slack"))
            default: adapter = .teams(url: try httpURL(value, f + ".teams"))
            }
            var types = Set(ContactDeliveryTarget.channelTypes)
            if kind == "sendmail" { types = ["EMAIL"] }
            if let node = pairs.first(where: { $0.key == "types" })?.value {
                types = []
                for (type, typeNode) in try reader.strings(node, f + ".types") {
                    guard ContactDeliveryTarget.channelTypes.contains(type) else {
                        throw reader.error(.invalidValue, f + ".types", "unknown contact channel type \"\(type)\": it must be EMAIL, SMS or VOICE", at: typeNode)
                    }
                    if kind == "sendmail", type != "EMAIL" {
                        throw reader.error(.invalidValue, f + ".types", "sendmail sends e-mail: it takes EMAIL only, not \(type)", at: typeNode)
                    }
                    types.insert(type)
                }
            }
            targets.append(ContactDeliveryTarget(adapter: adapter, types: types))
        }
        return targets
    }

    func httpURL(_ node: Node, _ field: String) throws(ConfigurationError) -> String {
        let url = try reader.string(node, field)
        guard url.hasPrefix("https://") || url.hasPrefix("http://"), URL(string: url)?.host != nil else {
            throw reader.error(.invalidValue, field, "\"\(url)\" is not an http(s) URL", at: node)
        }
        return url
    }

    /// A path as written, resolved against the channel file's folder.
    private func resolve(_ path: String) -> String {
        guard !path.hasPrefix("/"), let directory else { return path }
        return directory.appendingPathComponent(path).standardized.path
    }

    /// The key in a secret file, without its trailing newline; at least 16 bytes.
    private func key(_ node: Node, _ field: String) throws(ConfigurationError) -> [UInt8] {
        let written = try reader.nonEmptyString(node, field)
        let path = resolve(written)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw reader.error(.invalidValue, field, "cannot read the secret file \(written)\(written.hasPrefix("/") ? "" : " (beside the channel file)")", at: node)
        }
        var key = [UInt8](data.prefix(4096))
        while let last = key.last, last == 0x0A || last == 0x0D { key.removeLast() }
        guard key.count >= 16 else {
            throw reader.error(.invalidValue, field, "the secret in \(written) is \(key.count) bytes; use at least 16 (openssl rand -hex 32 > \(written))", at: node)
        }
        return key
    }
}
