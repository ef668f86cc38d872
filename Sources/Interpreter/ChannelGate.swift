import Backend
import Catalog
import Channel
import Foundation

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
        if let decision = decisions[key] { return decision }
        let decision = authorizer.authorize(request, user: user, now: now)
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

    func record(command: String, user: String, decision: Decision?, outcome: LogEntry.Outcome, now: Date) -> String? {
        guard let log else { return nil }
        do {
            try log.write(LogEntry(time: now, user: user, channel: configuration.displayName, command: command,
                                   decision: decision, outcome: outcome, requestId: UUID().uuidString.lowercased()))
            return nil
        } catch {
            return "cannot write the command log \(configuration.logPath): \(error)"
        }
    }

    /// The notifications a successful request causes, published to the
    /// incident's chat channel topics. `send` reads the incident when needed.
    func publish(after request: Request, response: Value, now: Date,
                 send: (Request) async throws(ServiceError) -> Value) async -> PublishResult {
        guard request.service == .incidents, let (arn, notifications) = await notifications(for: request, response: response, now: now, send: send),
              let info = incidents[arn], !info.topics.isEmpty else { return PublishResult() }
        var result = PublishResult()
        for notification in notifications {
            let one = publisher.publish(notification, topics: info.topics)
            result.deliveries += one.deliveries
            result.warnings += one.warnings
        }
        return result
    }

    private func notifications(for request: Request, response: Value, now: Date,
                               send: (Request) async throws(ServiceError) -> Value) async -> (String, [IncidentNotification])? {
        let input = request.input
        switch request.operation {
        case "StartIncident":
            guard let arn = response["incidentRecordArn"]?.string, let record = await look(arn, send: send) else { return nil }
            let impact = Int(record["impact"]?.integer ?? 0)
            return (arn, [.started(incidentArn: arn, title: incidents[arn]?.title ?? "", impact: impact, time: now)])
        case "UpdateIncidentRecord":
            guard let arn = input["arn"]?.string else { return nil }
            if input["title"] != nil || input["chatChannel"] != nil { incidents[arn] = nil }
            guard await look(arn, send: send) != nil, let title = incidents[arn]?.title else { return nil }
            var out: [IncidentNotification] = []
            if let status = input["status"]?.string { out.append(.statusChanged(incidentArn: arn, title: title, from: nil, to: status, time: now)) }
            if let impact = input["impact"]?.integer { out.append(.impactChanged(incidentArn: arn, title: title, from: nil, to: Int(impact), time: now)) }
            if input["title"] != nil { out.append(.titleChanged(incidentArn: arn, from: nil, to: title, time: now)) }
            if let summary = input["summary"]?.string { out.append(.summaryChanged(incidentArn: arn, title: title, summary: summary, time: now)) }
            return (arn, out)
        case "CreateTimelineEvent":
            guard let arn = input["incidentRecordArn"]?.string, await look(arn, send: send) != nil, let title = incidents[arn]?.title else { return nil }
            return (arn, [.timelineEventAdded(incidentArn: arn, title: title, eventType: input["eventType"]?.string ?? "",
                                              eventData: input["eventData"]?.string ?? "",
                                              eventTime: input["eventTime"]?.timestamp ?? now, time: now)])
        case "AddRelatedItemsToIncident", "UpdateRelatedItems":
            guard let arn = input["incidentRecordArn"]?.string, await look(arn, send: send) != nil, let title = incidents[arn]?.title else { return nil }
            let items = input["relatedItemsToAdd"]?.list ?? [input["relatedItemsUpdate"]?["itemToAdd"]].compactMap { $0 }
            return (arn, items.map { item in
                .relatedItemAdded(incidentArn: arn, title: title, itemTitle: item["title"]?.string,
                                  itemType: item["identifier"]?["type"]?.string ?? "",
                                  identifier: Self.identifierText(item["identifier"]?["value"]), time: now)
            })
        default:
            return nil
        }
    }

    /// The identifier of a related item as one line: its URL, ARN or metric definition.
    static func identifierText(_ value: Value?) -> String {
        guard let members = value?.members, let first = members.values.first else { return "" }
        return first.string ?? ""
    }

    /// Reads an incident's title and chat topics once; later looks come from memory.
    private func look(_ arn: String, send: (Request) async throws(ServiceError) -> Value) async -> Value? {
        if incidents[arn] != nil { return .structure([:]) }
        let get = Request(service: .incidents, operation: "GetIncidentRecord", input: ["arn": .string(arn)])
        guard let record = try? await send(get)["incidentRecord"] else { return nil }
        let topics = record["chatChannel"]?["chatbotSns"]?.list?.compactMap(\.string) ?? []
        incidents[arn] = IncidentInfo(title: record["title"]?.string ?? "", topics: topics)
        return record
    }
}
