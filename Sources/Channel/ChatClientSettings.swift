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

    public init(channelId: String? = nil, users: [String: String] = [:]) {
        self.channelId = channelId
        self.users = users
    }

    public static let fields = ["channel-id", "users"]

    /// Slack's IDs: a capital letter, then capital letters and digits.
    static func isID(_ text: String, firstOf: String) -> Bool {
        guard let first = text.first, firstOf.contains(first), (3...32).contains(text.count) else { return false }
        return text.dropFirst().allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber) }
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
            default: break
            }
        }
        return settings
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
