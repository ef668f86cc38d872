import Foundation
import Syntax

/// The chat channel a session runs in: platform, names, account and region,
/// logging, the channel's IAM role, guardrails, members, per-user roles, SNS
/// topics, webhooks, aliases and the command timeout.
///
/// Loaded from `--channel FILE` (`ChannelConfiguration.load(path:)`); every
/// field is optional. Without a file, `ChannelConfiguration.default` is a local
/// Slack channel whose role uses the built-in "Incident Manager permissions"
/// template and whose one topic lets Incident Manager publish.
public struct ChannelConfiguration: Sendable {
    public var platform: Platform
    public var workspace: String
    public var channel: String
    /// The account ARNs and conditions use (`aws:SourceAccount`, `aws:PrincipalAccount`).
    public var account: String
    public var region: String
    /// Whether every command is written to the JSON-lines log.
    public var logging: Bool
    /// The log file as written in the channel file; see `logPath`.
    public var log: String?
    public var role: Role
    /// Policy documents that bound every role: effective = role ∩ guardrails.
    /// None means no bound.
    public var guardrails: [PolicyDocument]
    /// When set, only these users may run commands.
    public var members: [String]?
    /// Members' bcrypt password hashes, for signing in to the channel in a browser
    /// (`incident-chat channel passwd FILE NAME` writes them).
    public var passwords: [String: String] = [:]
    /// Per-user settings; a user's own role replaces the channel's.
    public var users: [String: UserSettings]
    public var topics: [Topic]
    public var webhooks: [Webhook]
    /// How webhook requests are sent and retried.
    public var delivery = DeliverySettings()
    /// The Slack channel this is (`slack: {channel-id: C…}`) and Slack user IDs' member names.
    public var slack = SlackSettings()
    /// Teams users' member names.
    public var teams = TeamsSettings()
    /// Where pages and activation codes are delivered (nowhere: the outbox keeps them).
    public var contactDelivery: [ContactDeliveryTarget] = []
    /// Custom actions defined in the file, by name.
    public var aliases: [Alias]
    /// More input member names (API names) whose values the log hides, beside
    /// the members the service models mark sensitive.
    public var redact: [String]
    /// Seconds a command may run, 15 by default as in the chat service.
    public var timeout: Double
    /// The file this came from; nil for the default channel.
    public var source: String?

    public init(platform: Platform = .slack, workspace: String = "local", channel: String = "incident-response",
                account: String = ChannelConfiguration.defaultAccount, region: String = "us-east-1",
                logging: Bool = false, log: String? = nil, role: Role = Role(),
                guardrails: [PolicyDocument] = [], members: [String]? = nil, users: [String: UserSettings] = [:],
                topics: [Topic]? = nil, webhooks: [Webhook] = [], aliases: [Alias] = [], redact: [String] = [],
                timeout: Double = ChannelConfiguration.defaultTimeout, source: String? = nil) {
        self.platform = platform
        self.workspace = workspace
        self.channel = channel
        self.account = account
        self.region = region
        self.logging = logging
        self.log = log
        self.role = role
        self.guardrails = guardrails
        self.members = members
        self.users = users
        self.topics = topics ?? [Topic.standard(account: account, region: region)]
        self.webhooks = webhooks
        self.aliases = aliases
        self.redact = redact
        self.timeout = timeout
        self.source = source
    }

    /// The documented local channel used when no `--channel` file is given:
    /// Slack, workspace `local`, channel `incident-response`, account
    /// 111122223333 in us-east-1, logging off, role `IncidentChatRole` with the
    /// "Incident Manager permissions" template, no guardrails, everyone a
    /// member, one topic `incident-chat` whose policy is the seed's statement.
    public static let `default` = ChannelConfiguration()

    public static let defaultAccount = "111122223333"
    public static let defaultTimeout: Double = 15

    /// The log file: `log`, resolved against the channel file's folder, or
    /// `CHANNEL.log.jsonl` beside it (in the working folder without a file).
    public var logPath: String {
        let name = log ?? "\(channel).log.jsonl"
        if name.hasPrefix("/") { return name }
        guard let source else { return name }
        return URL(fileURLWithPath: source).deletingLastPathComponent().appendingPathComponent(name).standardized.path
    }

    /// How explanations and logs name the channel: `slack:acme/#incident-response`.
    public var displayName: String { "\(platform.rawValue):\(workspace)/#\(channel)" }

    /// The role a user's commands run with: their own, or the channel's.
    public func role(for user: String?) -> Role {
        user.flatMap { users[$0]?.role } ?? role
    }

    /// The ARN of the ssm-contacts contact that stands for a member (`users: {NAME: {contact: …}}`), if the file names one.
    public func contactArn(for user: String) -> String? {
        users[user]?.contact
    }

    /// Whether any member has a contact (so that acknowledging a page from the channel can work).
    public var mapsContacts: Bool {
        users.values.contains { $0.contact != nil }
    }

    /// The session principal of a user, as the chat service assumes the role:
    /// `arn:aws:sts::111122223333:assumed-role/IncidentChatRole/alice`.
    public func principalArn(for user: String?) -> String {
        "arn:aws:sts::\(account):assumed-role/\(role(for: user).name)/\(user ?? "local")"
    }
}

/// Where a channel lives. Chat commands run on Slack and Microsoft Teams;
/// Amazon Chime channels (Chime was retired in February 2026) receive notifications.
public enum Platform: String, Sendable, Hashable, CaseIterable {
    case slack
    case teams
    case chime

    public var title: String {
        switch self {
        case .slack: "Slack"
        case .teams: "Microsoft Teams"
        case .chime: "Amazon Chime"
        }
    }

    public var acceptsCommands: Bool { self != .chime }

    /// `slack, teams or chime`, for messages.
    public static let names = "slack, teams or chime"
}

/// An IAM role: a name, the built-in template or none, and policy documents.
public struct Role: Sendable {
    public var name: String
    /// `incident-manager`, or nil.
    public var template: String?
    public var policies: [PolicyDocument]

    public init(name: String = "IncidentChatRole", template: String? = IncidentManagerTemplate.name, policies: [PolicyDocument] = []) {
        self.name = name
        self.template = template
        self.policies = policies
    }

    /// The template's document (if any) followed by the role's own policies.
    public var documents: [PolicyDocument] {
        (template == IncidentManagerTemplate.name ? [IncidentManagerTemplate.document(roleName: name)] : []) + policies
    }
}

/// What the channel file says about one user: their own role, and the
/// ssm-contacts contact that stands for them (an alias or a contact ARN),
/// whose pages they acknowledge from a notification's "Acknowledge my page".
///
///     users:
///       alice: {contact: alice-oncall}
public struct UserSettings: Sendable {
    public var role: Role?
    /// The contact's ARN (an alias in the file is made an ARN of the channel's account and Region).
    public var contact: String?

    public init(role: Role? = nil, contact: String? = nil) {
        self.role = role
        self.contact = contact
    }
}

/// An SNS topic the channel is subscribed to, with its access policy.
public struct Topic: Sendable {
    public var arn: String
    /// Nil: the topic has only SNS's default policy, which lets no service publish.
    public var policy: PolicyDocument?

    public init(arn: String, policy: PolicyDocument?) {
        self.arn = arn
        self.policy = policy
    }

    /// The topic of the default channel, `incident-chat`, with the seed's
    /// statement as its policy.
    public static func standard(account: String, region: String) -> Topic {
        let arn = "arn:aws:sns:\(region):\(account):incident-chat"
        return Topic(arn: arn, policy: PolicyDocument(statements: [SNSPublishing.seedStatement(topicArn: arn, account: account)],
                                                      name: "access policy of topic \(arn)"))
    }
}

/// An incoming webhook of a real chat client that notifications go to.
public struct Webhook: Sendable, Hashable {
    public var kind: Platform
    public var url: String

    public init(kind: Platform, url: String) {
        self.kind = kind
        self.url = url
    }
}

extension ChannelConfiguration {
    /// The channel of a terminal session started without `--channel`: a local
    /// Slack channel whose role allows every operation of both services and
    /// every alias command, as a responder rehearsing on their own store expects. (A channel file with
    /// `template: incident-manager` gives the chat channel's narrower role.)
    public static let local = ChannelConfiguration(
        workspace: "local", channel: "incident-response",
        role: Role(name: "LocalResponder", template: nil, policies: [
            PolicyDocument(statements: [
                Statement(sid: "LocalSessionMayDoAnything", effect: .allow,
                          actions: .action(["ssm-incidents:*", "ssm-contacts:*", "chatbot:*CustomAction*"].map { Wildcard($0, flavor: .action) }),
                          resources: .resource(["*"])),
            ], name: "role LocalResponder policy 1"),
        ]),
        // Built here, not read from YAML: every exec and REPL starts with it.
        source: "<local channel>")
}
