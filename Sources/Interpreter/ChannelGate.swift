import Backend
import Catalog
import Channel
import Foundation
import Syntax

/// The chat channel around a session: who may run what (checked before a
/// request reaches the backend), the command log, and the notifications an
/// incident's changes publish to its SNS topics.
final class ChannelGate {
    let configuration: ChannelConfiguration
    private let authorizer: ChannelAuthorizer
    private let publisher: NotificationPublisher
    private let log: CommandLog?
    let aliases: any AliasStore

    /// What notifications need to know of an incident, kept from the last look.
    private struct IncidentInfo {
        var title: String
        /// As it was when first read (what a start notification shows).
        var impact: Int
        var topics: [String]
    }
    private var incidents: [String: IncidentInfo] = [:]

    /// Decisions already made, when the channel's policies test no condition
    /// and fill in no variable: a decision then depends on the action, the
    /// resource and the user alone, and a runbook asks the same few questions
    /// over and over (evaluating the policies anew was a tenth of a command).
    private var decisions: [DecisionKey: Decision] = [:]
    private let decisionsDependOnContext: Bool
    private struct DecisionKey: Hashable {
        var action: String
        var resource: String
        var user: String
    }

    init(configuration: ChannelConfiguration, aliases: (any AliasStore)? = nil) throws {
        self.configuration = configuration
        authorizer = ChannelAuthorizer(configuration)
        decisionsDependOnContext = Self.dependsOnContext(configuration)
        publisher = NotificationPublisher(configuration)
        log = try CommandLog.open(for: configuration)
        self.aliases = aliases ?? MemoryAliasStore(configuration.aliases)
    }

    func authorize(_ request: Request, user: String, now: Date) -> Decision {
        guard !decisionsDependOnContext else { return authorizer.authorize(request, user: user, now: now) }
        let key = DecisionKey(action: OperationPermissions.action(for: request),
                              resource: OperationPermissions.resource(for: request, account: configuration.account,
                                                                      region: configuration.region),
                              user: user)
        return remembered(key) { authorizer.authorize(request, user: user, now: now) }
    }

    /// Decides an alias command (`chatbot:CreateCustomAction` on the alias's
    /// ARN, ...): the same membership check, role and guardrails as any command.
    func authorize(_ action: OperationPermissions.CustomAction, alias name: String?, user: String, now: Date) -> Decision {
        let resource = OperationPermissions.CustomAction.resource(alias: name, account: configuration.account)
        let decide = { self.authorizer.authorize(action: action.action, resource: resource, user: user,
                                                 context: self.authorizer.context(user: user, now: now)) }
        guard !decisionsDependOnContext else { return decide() }
        return remembered(DecisionKey(action: action.action, resource: resource, user: user), decide)
    }

    private func remembered(_ key: DecisionKey, _ decide: () -> Decision) -> Decision {
        if let decision = decisions[key] { return decision }
        let decision = decide()
        if decisions.count >= 4096 { decisions.removeAll(keepingCapacity: true) }
        decisions[key] = decision
        return decision
    }

    /// Whether any policy of the channel (its role, the users' roles, the
    /// guardrails) looks at more than the action, the resource and the user:
    /// a condition (time, tags, ...) or a `${variable}` in a resource.
    private static func dependsOnContext(_ configuration: ChannelConfiguration) -> Bool {
        let documents = configuration.role.documents + configuration.guardrails
            + configuration.users.values.flatMap { $0.role?.documents ?? [] }
        return documents.contains { document in
            document.statements.contains { statement in
                if !statement.conditions.isEmpty { return true }
                guard document.hasVariables else { return false }
                switch statement.resources {
                case .resource(let texts), .notResource(let texts): return texts.contains { $0.contains("${") }
                }
            }
        }
    }

    /// Whether commands are written to a log.
    var keepsLog: Bool { log != nil }

    /// Writes one command to the log with its decision, outcome and, for a
    /// refusal, the reason. The values of sensitive options are hidden, in
    /// the command and in the reason; `related` are commands the entry
    /// stands for (an alias's text, its expansion) whose sensitive values
    /// are hidden too. `parsed` is the command as the session parsed it
    /// from its file, so that it is redacted without being parsed again; nil
    /// for a message that did not parse. Returns why the log could not be
    /// written, if it could not.
    func record(command: String, parsed: (command: Command, file: SourceFile)?, user: String, decision: Decision?,
                outcome: LogEntry.Outcome, reason: String? = nil, related: [String] = [], now: Date) -> String? {
        guard let log else { return nil }
        // The sensitive words are found once: the masked text and the values to hide elsewhere come from them.
        let own = parsed.map { log.redactor.redaction(of: $0.command, in: $0.file) } ?? log.redactor.redaction(of: command)
        let secrets = own.secrets + related.flatMap { log.redactor.secrets(in: $0) }
        let text = own.text
        do {
            try log.write(LogEntry(time: now, user: user, channel: configuration.displayName,
                                   command: log.redactor.mask(secrets, in: text), decision: decision, outcome: outcome,
                                   reason: reason.map { log.redactor.mask(secrets, in: $0) },
                                   requestId: UUID().uuidString.lowercased()), redacted: true)
            return nil
        } catch {
            return "cannot write the command log \(configuration.logPath): \(error)"
        }
    }

    /// The notifications a successful request causes, published to the
    /// incident's chat channel topics. `send` reads the incident when needed.
    func publish(after request: Request, response: Value, now: Date,
                 send: (Request) async throws(ServiceError) -> Value) async -> PublishResult {
        guard let notice = request.operation.channelNotice,
              let arn = Self.incidentArn(of: request, notice, response: response) else { return PublishResult() }
        if notice == .incidentUpdated, request.input["title"] != nil || request.input["chatChannel"] != nil {
            incidents[arn] = nil
        }
        // Most incidents have no chat topics: then there is nothing to word.
        guard let info = await look(arn, send: send), !info.topics.isEmpty else { return PublishResult() }
        var result = PublishResult()
        for notification in notifications(notice, of: request, incident: arn, info, now: now) {
            let one = publisher.publish(notification, topics: info.topics)
            result.deliveries += one.deliveries
            result.warnings += one.warnings
        }
        return result
    }

    /// The incident a notifying request changes.
    private static func incidentArn(of request: Request, _ notice: ChannelNotice, response: Value) -> String? {
        switch notice {
        case .incidentStarted: response["incidentRecordArn"]?.string
        case .incidentUpdated: request.input["arn"]?.string
        case .timelineEventAdded, .relatedItemsAdded: request.input["incidentRecordArn"]?.string
        }
    }

    private func notifications(_ notice: ChannelNotice, of request: Request, incident arn: String, _ info: IncidentInfo,
                               now: Date) -> [IncidentNotification] {
        let input = request.input
        let title = info.title
        switch notice {
        case .incidentStarted:
            return [.started(incidentArn: arn, title: title, impact: info.impact, time: now)]
        case .incidentUpdated:
            var out: [IncidentNotification] = []
            if let status = input["status"]?.string { out.append(.statusChanged(incidentArn: arn, title: title, from: nil, to: status, time: now)) }
            if let impact = input["impact"]?.integer { out.append(.impactChanged(incidentArn: arn, title: title, from: nil, to: Int(impact), time: now)) }
            if input["title"] != nil { out.append(.titleChanged(incidentArn: arn, from: nil, to: title, time: now)) }
            if let summary = input["summary"]?.string { out.append(.summaryChanged(incidentArn: arn, title: title, summary: summary, time: now)) }
            return out
        case .timelineEventAdded:
            return [.timelineEventAdded(incidentArn: arn, title: title, eventType: input["eventType"]?.string ?? "",
                                        eventData: input["eventData"]?.string ?? "",
                                        eventTime: input["eventTime"]?.timestamp ?? now, time: now)]
        case .relatedItemsAdded:
            let items = [input["relatedItemsUpdate"]?["itemToAdd"]].compactMap { $0 }
            return items.map { item in
                .relatedItemAdded(incidentArn: arn, title: title, itemTitle: item["title"]?.string,
                                  itemType: item["identifier"]?["type"]?.string ?? "",
                                  identifier: Self.identifierText(item["identifier"]?["value"]), time: now)
            }
        }
    }

    /// The identifier of a related item as one line: its URL, ARN or metric definition.
    static func identifierText(_ value: Value?) -> String {
        guard let members = value?.members, let first = members.values.first else { return "" }
        return first.string ?? ""
    }

    /// Reads an incident's title, impact and chat topics once; later looks come from memory.
    private func look(_ arn: String, send: (Request) async throws(ServiceError) -> Value) async -> IncidentInfo? {
        if let info = incidents[arn] { return info }
        let get = Request(.incidents(.getIncidentRecord), input: ["arn": .string(arn)])
        guard let record = try? await send(get)["incidentRecord"] else { return nil }
        let info = IncidentInfo(title: record["title"]?.string ?? "", impact: Int(record["impact"]?.integer ?? 0),
                                topics: record["chatChannel"]?["chatbotSns"]?.list?.compactMap(\.string) ?? [])
        incidents[arn] = info
        return info
    }
}
