import Yams

/// The channel file's `slack:` section: which Slack channel this channel
/// file is (events from other channels are not run here), and which Slack
/// user IDs stand for which member names (the rest are looked up with
/// Slack's `users.info`).
///
///     slack:
///       channel-id: C0123ABCD
///       users: {U0123ABCD: alice}
public struct SlackSettings: Sendable, Hashable {
    /// `C…` (public), `G…` (private) or `D…` (direct message).
    public var channelId: String?
    /// Slack user ID → member name.
    public var users: [String: String]
    /// The channel's own buttons on notifications, after the built-in Resolve.
    public var buttons: [NotificationButton]

    public init(channelId: String? = nil, users: [String: String] = [:], buttons: [NotificationButton] = []) {
        self.channelId = channelId
        self.users = users
        self.buttons = buttons
    }

    public static let fields = ["channel-id", "users", "buttons"]

    /// Slack's IDs: a capital letter, then capital letters and digits.
    static func isID(_ text: String, firstOf: String) -> Bool {
        guard let first = text.first, firstOf.contains(first), (3...32).contains(text.count) else { return false }
        return text.dropFirst().allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber) }
    }
}

/// A custom action attached to notifications, as Amazon Q attaches them: a
/// button whose command (with `$Variables` filled from the notification:
/// `$IncidentArn`, `$Title`, `$Kind` and its details, such as `$Impact`,
/// `$Status`, `$Summary`) runs as the responder who clicks it, shown only on
/// notifications that meet every criterion.
///
///     buttons:
///       - text: Page the DBA
///         command: "@aws ssm-contacts start-engagement --contact-id dba --sender chat --subject $Title --content $IncidentArn"
///         criteria: [{variable: Impact, operator: EQUALS, value: "1 (Critical)"}]
public struct NotificationButton: Sendable, Hashable {
    public enum Operator: String, Sendable, Hashable, CaseIterable {
        case hasValue = "HAS_VALUE"
        case equals = "EQUALS"
    }

    public struct Criterion: Sendable, Hashable {
        public var variable: String
        public var op: Operator
        public var value: String?

        public init(variable: String, op: Operator, value: String? = nil) {
            self.variable = variable
            self.op = op
            self.value = value
        }

        public func holds(in variables: [String: String]) -> Bool {
            guard let found = variables[variable], !found.isEmpty else { return false }
            return op == .hasValue || found == value
        }
    }

    public var text: String
    /// The command, kept as an alias so that its `$Variables` expand as an alias's do.
    public var command: Alias
    public var criteria: [Criterion]

    public static let maxText = 50
    public static let maxCriteria = 5
    public static let fields = ["text", "command", "criteria"]

    public init(text: String, command: Alias, criteria: [Criterion] = []) {
        self.text = text
        self.command = command
        self.criteria = criteria
    }

    /// Whether a notification with these variables shows the button.
    public func shows(for variables: [String: String]) -> Bool {
        criteria.allSatisfy { $0.holds(in: variables) }
    }
}

extension IncidentNotification {
    /// What a button's `$Variables` and criteria see: `IncidentArn`, `Title`,
    /// `Kind`, and each detail by its name without spaces (`EventType`).
    public var variables: [String: String] {
        var out = ["IncidentArn": incidentArn, "Title": title, "Kind": kind.rawValue]
        for detail in details { out[detail.name.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()] = detail.value }
        return out
    }
}

/// The channel file's `teams:` section: which Teams user (by the Azure AD
/// object ID an outgoing webhook sends as `from.aadObjectId`, or by the
/// display name) stands for which member name. Without an entry, the
/// display name is the member name.
///
///     teams:
///       users: {"6b1c...-...": alice, "Alice Example": alice}
public struct TeamsSettings: Sendable, Hashable {
    public var users: [String: String]

    public init(users: [String: String] = [:]) {
        self.users = users
    }

    public static let fields = ["users"]
}

extension ConfigurationLoader {
    func slack(_ node: Node, _ field: String) throws(ConfigurationError) -> SlackSettings {
        var settings = SlackSettings()
        let pairs = try reader.mapping(node, field)
        try reader.checkKeys(pairs, allowed: SlackSettings.fields, field, what: "the Slack settings")
        for (key, _, value) in pairs where !reader.isNull(value) {
            let f = field + "." + key
            switch key {
            case "channel-id":
                let id = try reader.nonEmptyString(value, f)
                guard SlackSettings.isID(id, firstOf: "CGD") else {
                    throw reader.error(.invalidValue, f, "\"\(id.prefix(40))\" is not a Slack channel ID (C, G or D, then capital letters and digits)",
                                       at: value, suggestion: "Slack shows it at the bottom of the channel's details: C0123ABCD")
                }
                settings.channelId = id
            case "users":
                for (id, keyNode, name) in try reader.mapping(value, f) {
                    guard SlackSettings.isID(id, firstOf: "UW") else {
                        throw reader.error(.invalidValue, f + "." + id, "\"\(id.prefix(40))\" is not a Slack user ID (U or W, then capital letters and digits)",
                                           at: keyNode, suggestion: "a member's ID is under their profile's ⋮ menu: Copy member ID")
                    }
                    settings.users[id] = try reader.nonEmptyString(name, f + "." + id)
                }
            case "buttons":
                settings.buttons = try reader.sequence(value, f).enumerated().map { (i, node) throws(ConfigurationError) in
                    try button(node, "\(f)[\(i)]")
                }
            default: break
            }
        }
        return settings
    }

    private func button(_ node: Node, _ field: String) throws(ConfigurationError) -> NotificationButton {
        let pairs = try reader.mapping(node, field)
        try reader.checkKeys(pairs, allowed: NotificationButton.fields, field, what: "a button")
        guard let textNode = pairs.first(where: { $0.key == "text" })?.value,
              let commandNode = pairs.first(where: { $0.key == "command" })?.value else {
            throw reader.error(.invalidValue, field, "a button needs a text and a command", at: node)
        }
        let text = try reader.nonEmptyString(textNode, field + ".text")
        guard text.count <= NotificationButton.maxText else {
            throw reader.error(.invalidValue, field + ".text", "a button's text has at most \(NotificationButton.maxText) characters, this one \(text.count)", at: textNode)
        }
        let commandText = try reader.string(commandNode, field + ".command")
        let command: Alias
        do {
            command = try Alias(name: "button", command: commandText)
        } catch {
            throw reader.error(.invalidValue, field + ".command", error.message, at: commandNode)
        }
        var criteria: [NotificationButton.Criterion] = []
        if let list = pairs.first(where: { $0.key == "criteria" })?.value, !reader.isNull(list) {
            let items = try reader.sequence(list, field + ".criteria")
            guard items.count <= NotificationButton.maxCriteria else {
                throw reader.error(.invalidValue, field + ".criteria", "a button has at most \(NotificationButton.maxCriteria) criteria, this one \(items.count)", at: list)
            }
            for (i, item) in items.enumerated() {
                let f = "\(field).criteria[\(i)]"
                let c = try reader.mapping(item, f)
                try reader.checkKeys(c, allowed: ["variable", "operator", "value"], f, what: "a criterion")
                guard let variable = c.first(where: { $0.key == "variable" })?.value, let opNode = c.first(where: { $0.key == "operator" })?.value else {
                    throw reader.error(.invalidValue, f, "a criterion needs a variable and an operator (HAS_VALUE or EQUALS)", at: item)
                }
                let opText = try reader.string(opNode, f + ".operator")
                guard let op = NotificationButton.Operator(rawValue: opText) else {
                    throw reader.error(.invalidValue, f + ".operator", "unknown operator \"\(opText)\": it must be HAS_VALUE or EQUALS", at: opNode)
                }
                let valueNode = c.first(where: { $0.key == "value" })?.value
                if op == .equals, valueNode == nil {
                    throw reader.error(.invalidValue, f, "EQUALS needs a value", at: item)
                }
                var value: String?
                if let valueNode { value = try reader.string(valueNode, f + ".value") }
                criteria.append(.init(variable: try reader.nonEmptyString(variable, f + ".variable"), op: op, value: value))
            }
        }
        return NotificationButton(text: text, command: command, criteria: criteria)
    }

    func teams(_ node: Node, _ field: String) throws(ConfigurationError) -> TeamsSettings {
        var settings = TeamsSettings()
        let pairs = try reader.mapping(node, field)
        try reader.checkKeys(pairs, allowed: TeamsSettings.fields, field, what: "the Teams settings")
        for (key, _, value) in pairs where key == "users" && !reader.isNull(value) {
            for (id, _, name) in try reader.mapping(value, field + ".users") {
                settings.users[id] = try reader.nonEmptyString(name, field + ".users." + id)
            }
        }
        return settings
    }
}
