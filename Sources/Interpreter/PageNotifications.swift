import Backend
import Catalog
import Channel
import Foundation

/// What the chat channel is told of pages that due steps sent (the
/// scheduler, `.advance`): one `contact-paged` notification a page, on the
/// topics of the incident that engaged the contact, as a command's change is
/// told. Pages of engagements that no incident started tell nobody.
///
/// It holds nothing that changes, so the scheduler's task may use it while
/// the session runs commands.
public struct PageNotifications: Sendable {
    let publisher: NotificationPublisher
    let backend: any IncidentBackend
    let context: CallContext

    public init(channel: ChannelConfiguration, backend: any IncidentBackend, context: CallContext) {
        publisher = NotificationPublisher(channel)
        self.backend = backend
        self.context = context
    }

    public func publish(_ sent: [OutboxMessage]) async -> PublishResult {
        var channels: [String: [String]] = [:], firsts: [OutboxMessage] = []
        for message in sent where message.kind == .page {
            guard let page = message.pageArn else { continue }
            if channels[page] == nil { firsts.append(message) }
            channels[page, default: []].append(message.channelType)
        }
        var result = PublishResult()
        for message in firsts {
            guard let pageArn = message.pageArn,
                  let page = try? await call(.contacts(.describePage), ["PageId": .string(pageArn)]),
                  let incident = page["IncidentId"]?.string, incident.hasPrefix("arn:"), incident.contains(":ssm-incidents:"),
                  let record = try? await call(.incidents(.getIncidentRecord), ["arn": .string(incident)])["incidentRecord"]
            else { continue }
            let topics = record["chatChannel"]?["chatbotSns"]?.list?.compactMap(\.string) ?? []
            guard !topics.isEmpty else { continue }
            let contact = message.contactArn.split(separator: "/").last.map(String.init) ?? message.contactArn
            let notification = IncidentNotification.contactPaged(
                incidentArn: incident, title: record["title"]?.string ?? "", contact: contact,
                channels: channels[pageArn] ?? [], subject: message.subject, time: Date(millis: message.time))
            let one = publisher.publish(notification, topics: topics)
            result.deliveries += one.deliveries
            result.warnings += one.warnings
        }
        return result
    }

    private func call(_ operation: OperationName, _ input: [String: Value]) async throws(ServiceError) -> Value {
        var request = Request(operation)
        for (name, value) in input { request.input[name] = value }
        return try await backend.send(request, context: context)
    }
}
