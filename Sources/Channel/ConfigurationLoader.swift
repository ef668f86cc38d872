import Foundation
import Syntax
import Yams

extension ChannelConfiguration {
    /// The top-level fields of a channel file.
    public static let fields = ["platform", "workspace", "channel", "account", "region", "logging", "log", "role",
                                "guardrails", "members", "users", "topics", "webhooks", "delivery", "contact-delivery", "aliases", "redact", "timeout", "passwords",
                                "slack", "teams"]

    /// Loads a channel file (YAML; JSON is YAML too).
    public static func load(path: String) throws(ConfigurationError) -> ChannelConfiguration {
        guard let data = FileManager.default.contents(atPath: path) else {
            let file = SourceFile(name: path, bytes: [])
            throw ConfigurationError(.unreadableFile, field: "", message: "cannot read channel file \(path): no such file or not readable",
                                     range: SourceRange(at: SourceLocation(offset: 0, line: 1, column: 1)), in: file)
        }
        return try parse(SourceFile(name: path, bytes: [UInt8](data)),
                         directory: URL(fileURLWithPath: path).deletingLastPathComponent())
    }

    /// Reads a channel file's text; `file://` policies are looked up in `directory`.
    public static func parse(_ file: SourceFile, directory: URL? = nil) throws(ConfigurationError) -> ChannelConfiguration {
        try ConfigurationLoader(reader: YAMLReader(file: file), directory: directory).load()
    }
}

/// Turns the nodes of a channel file into a `ChannelConfiguration`, field by field.
struct ConfigurationLoader {
    let reader: YAMLReader
    let directory: URL?

    func load() throws(ConfigurationError) -> ChannelConfiguration {
        var c = ChannelConfiguration(source: reader.file.name)
        guard let root = try reader.root(), !reader.isNull(root) else { return c }
        let pairs = try reader.mapping(root, "")
        try reader.checkKeys(pairs, allowed: ChannelConfiguration.fields, "", what: "the channel file")
        var topicsNode: Node?
        for (key, _, value) in pairs where !reader.isNull(value) {
            switch key {
            case "platform":
                let text = try reader.string(value, key)
                guard let p = Platform(rawValue: text) else {
                    let close = Platform.allCases.first { $0.rawValue == text.lowercased() }
                    throw reader.error(.invalidValue, key, "unknown platform \"\(text)\": it must be \(Platform.names)", at: value,
                                       suggestion: close.map { "write \($0.rawValue)" })
                }
                c.platform = p
            case "workspace": c.workspace = try reader.nonEmptyString(value, key)
            case "channel": c.channel = try reader.nonEmptyString(value, key)
            case "account":
                let a = try reader.string(value, key)
                guard a.count == 12, a.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                    throw reader.error(.invalidValue, key, "an account id is 12 digits, found \"\(a)\"", at: value,
                                       suggestion: "quote it when it starts with 0: account: \"012345678901\"")
                }
                c.account = a
            case "region":
                let r = try reader.string(value, key)
                guard !r.isEmpty, r.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }), r.contains("-") else {
                    throw reader.error(.invalidValue, key, "\"\(r)\" is not a region name such as us-east-1", at: value)
                }
                c.region = r
            case "logging": c.logging = try reader.bool(value, key)
            case "log": c.log = try reader.nonEmptyString(value, key)
            case "role": c.role = try role(value, key, defaultName: "IncidentChatRole")
            case "guardrails":
                c.guardrails = try reader.sequence(value, key).enumerated().map { (i, node) throws(ConfigurationError) in
                    try PolicyParser(reader: reader, directory: directory, kind: .identity)
                        .document(node, "\(key)[\(i)]", name: "guardrail \(i + 1)")
                }
            case "members":
                c.members = try reader.sequence(value, key).enumerated().map { (i, node) throws(ConfigurationError) in
                    try reader.nonEmptyString(node, "\(key)[\(i)]")
                }
            case "users": c.users = try users(value, key)
            case "passwords":
                for (name, _, hash) in try reader.mapping(value, key) {
                    let text = try reader.nonEmptyString(hash, "\(key).\(name)")
                    guard text.hasPrefix("$2"), text.count == 60 else {
                        throw reader.error(.invalidValue, "\(key).\(name)", "a password is held as its bcrypt hash ($2b$..., 60 characters)",
                                           at: hash, suggestion: "set it with: incident-chat channel passwd FILE \(name)")
                    }
                    c.passwords[name] = text
                }
            case "topics": topicsNode = value
            case "webhooks": c.webhooks = try webhooks(value, key)
            case "slack": c.slack = try slack(value, key)
            case "teams": c.teams = try teams(value, key)
            case "delivery": c.delivery = try delivery(value, key)
            case "contact-delivery": c.contactDelivery = try contactDelivery(value, key)
            case "aliases": c.aliases = try aliases(value, key)
            case "redact":
                c.redact = try reader.sequence(value, key).enumerated().map { (i, node) throws(ConfigurationError) in
                    try reader.nonEmptyString(node, "\(key)[\(i)]")
                }
            case "timeout":
                let t = try reader.number(value, key)
                guard t > 0 && t <= 900 else {
                    throw reader.error(.invalidValue, key, "a timeout is between 0 and 900 seconds, found \(t)", at: value)
                }
                c.timeout = t
            default: break
            }
        }
        // Contacts given by alias are contacts of the channel's account and Region.
        for (name, settings) in c.users {
            if let alias = settings.contact, !alias.hasPrefix("arn:") {
                c.users[name]?.contact = "arn:aws:ssm-contacts:\(c.region):\(c.account):contact/\(alias)"
            }
        }
        // Topics last: their default depends on the account and region.
        if let topicsNode {
            c.topics = try topics(topicsNode, "topics")
        } else {
            c.topics = [Topic.standard(account: c.account, region: c.region)]
        }
        return c
    }

    private func role(_ node: Node, _ field: String, defaultName: String) throws(ConfigurationError) -> Role {
        let pairs = try reader.mapping(node, field)
        try reader.checkKeys(pairs, allowed: ["name", "template", "policies"], field, what: "a role")
        var role = Role(name: defaultName, template: nil, policies: [])
        if let n = pairs.first(where: { $0.key == "name" })?.value, !reader.isNull(n) {
            role.name = try reader.nonEmptyString(n, field + ".name")
        }
        for (key, _, value) in pairs where !reader.isNull(value) {
            let f = field + "." + key
            switch key {
            case "template":
                let t = try reader.string(value, f)
                guard t == IncidentManagerTemplate.name || t == IncidentManagerTemplate.title else {
                    throw reader.error(.invalidValue, f, "unknown policy template \"\(t)\"", at: value,
                                       suggestion: "the built-in template is \(IncidentManagerTemplate.name) (\"\(IncidentManagerTemplate.title)\")")
                }
                role.template = IncidentManagerTemplate.name
            case "policies":
                let parser = PolicyParser(reader: reader, directory: directory, kind: .identity)
                role.policies = try reader.sequence(value, f).enumerated().map { (i, node) throws(ConfigurationError) in
                    try parser.document(node, "\(f)[\(i)]", name: "role \(role.name) policy \(i + 1)")
                }
            default: break
            }
        }
        return role
    }

    private func users(_ node: Node, _ field: String) throws(ConfigurationError) -> [String: UserSettings] {
        var users: [String: UserSettings] = [:]
        for (name, _, value) in try reader.mapping(node, field) {
            let f = field + "." + name
            var settings = UserSettings()
            if !reader.isNull(value) {
                let pairs = try reader.mapping(value, f)
                try reader.checkKeys(pairs, allowed: ["role", "contact"], f, what: "a user")
                if let r = pairs.first(where: { $0.key == "role" })?.value, !reader.isNull(r) {
                    settings.role = try role(r, f + ".role", defaultName: "\(name)-role")
                }
                if let c = pairs.first(where: { $0.key == "contact" })?.value, !reader.isNull(c) {
                    settings.contact = try contact(c, f + ".contact")
                }
            }
            users[name] = settings
        }
        return users
    }

    /// A member's contact: an alias (`alice-oncall`) or a contact's ARN.
    private func contact(_ node: Node, _ field: String) throws(ConfigurationError) -> String {
        let text = try reader.nonEmptyString(node, field)
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        func isAlias<S: StringProtocol>(_ s: S) -> Bool {
            (1...255).contains(s.count) && s.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_" || $0 == "-") }
        }
        if parts.count == 6, parts[0] == "arn", parts[2] == "ssm-contacts", parts[5].hasPrefix("contact/"), isAlias(parts[5].dropFirst(8)) {
            return text
        }
        guard parts.count == 1, isAlias(text) else {
            throw reader.error(.invalidValue, field, "\"\(text.prefix(80))\" is not a contact's alias (lower-case letters, digits, _ and -) "
                               + "or ARN (arn:aws:ssm-contacts:REGION:ACCOUNT:contact/ALIAS)", at: node)
        }
        return text
    }

    private func topics(_ node: Node, _ field: String) throws(ConfigurationError) -> [Topic] {
        var topics: [Topic] = []
        for (i, item) in try reader.sequence(node, field).enumerated() {
            let f = "\(field)[\(i)]"
            let pairs = try reader.mapping(item, f)
            try reader.checkKeys(pairs, allowed: ["arn", "policy"], f, what: "a topic")
            guard let arnNode = pairs.first(where: { $0.key == "arn" })?.value else {
                throw reader.error(.invalidValue, f, "a topic needs an arn", at: item)
            }
            let arn = try reader.string(arnNode, f + ".arn")
            let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 6, parts[0] == "arn", parts[2] == "sns", !parts[5].isEmpty else {
                throw reader.error(.invalidValue, f + ".arn", "\"\(arn)\" is not an SNS topic ARN (arn:aws:sns:REGION:ACCOUNT:NAME)", at: arnNode)
            }
            var policy: PolicyDocument?
            if let p = pairs.first(where: { $0.key == "policy" })?.value, !reader.isNull(p) {
                policy = try PolicyParser(reader: reader, directory: directory, kind: .resource)
                    .document(p, f + ".policy", name: "access policy of topic \(arn)")
            }
            topics.append(Topic(arn: arn, policy: policy))
        }
        return topics
    }

    private func webhooks(_ node: Node, _ field: String) throws(ConfigurationError) -> [Webhook] {
        var hooks: [Webhook] = []
        for (i, item) in try reader.sequence(node, field).enumerated() {
            let f = "\(field)[\(i)]"
            let pairs = try reader.mapping(item, f)
            try reader.checkKeys(pairs, allowed: ["kind", "url"], f, what: "a webhook")
            guard let kindNode = pairs.first(where: { $0.key == "kind" })?.value,
                  let urlNode = pairs.first(where: { $0.key == "url" })?.value else {
                throw reader.error(.invalidValue, f, "a webhook needs a kind (\(Platform.names)) and a url", at: item)
            }
            let kindText = try reader.string(kindNode, f + ".kind")
            guard let kind = Platform(rawValue: kindText) else {
                throw reader.error(.invalidValue, f + ".kind", "unknown webhook kind \"\(kindText)\": it must be \(Platform.names)", at: kindNode)
            }
            hooks.append(Webhook(kind: kind, url: try httpURL(urlNode, f + ".url")))
        }
        return hooks
    }

    private func delivery(_ node: Node, _ field: String) throws(ConfigurationError) -> DeliverySettings {
        var settings = DeliverySettings()
        let pairs = try reader.mapping(node, field)
        try reader.checkKeys(pairs, allowed: DeliverySettings.fields, field, what: "the delivery settings")
        for (key, _, value) in pairs where !reader.isNull(value) {
            let f = field + "." + key
            if key == "failures" {
                settings.failures = try reader.nonEmptyString(value, f)
                continue
            }
            let n = try reader.number(value, f)
            switch key {
            case "attempts":
                guard n >= 1, n <= 20, n == n.rounded() else {
                    throw reader.error(.invalidValue, f, "attempts is a whole number from 1 to 20, found \(n)", at: value)
                }
                settings.attempts = Int(n)
            case "backoff", "max-backoff", "timeout":
                guard n >= 0, n <= 300, key != "timeout" || n > 0 else {
                    throw reader.error(.invalidValue, f, "\(key) is a number of seconds from 0 to 300\(key == "timeout" ? " (more than 0)" : ""), found \(n)", at: value)
                }
                switch key {
                case "backoff": settings.backoff = n
                case "max-backoff": settings.maxBackoff = n
                default: settings.timeout = n
                }
            default: break
            }
        }
        return settings
    }

    private func aliases(_ node: Node, _ field: String) throws(ConfigurationError) -> [Alias] {
        var aliases: [Alias] = []
        for (name, keyNode, value) in try reader.mapping(node, field) {
            let f = field + "." + name
            let command = try reader.string(value, f)
            do {
                aliases.append(try Alias(name: name, command: command))
            } catch {
                throw reader.error(.invalidValue, f, error.message, at: error.kind == .invalidName ? keyNode : value)
            }
        }
        return aliases
    }
}
