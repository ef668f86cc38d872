/// Publishes incident notifications to a channel's SNS topics: per topic, the
/// topic's access policy decides whether Incident Manager may publish; an
/// allowed topic yields a delivery, a refused one a warning that says what to
/// add to the policy. Sending webhook requests is left to the caller.
public struct NotificationPublisher: Sendable {
    public let configuration: ChannelConfiguration

    public init(_ configuration: ChannelConfiguration) {
        self.configuration = configuration
    }

    /// Publishes to the given topic ARNs (an incident's `chatbotSns` topics),
    /// or to every topic of the channel when nil. ARNs the channel is not
    /// subscribed to reach another channel, not this one, and are skipped.
    public func publish(_ notification: IncidentNotification, topics arns: [String]? = nil) -> PublishResult {
        let chosen = arns.map { wanted in configuration.topics.filter { wanted.contains($0.arn) } } ?? configuration.topics
        var result = PublishResult()
        for topic in chosen {
            switch SNSPublishing.permission(for: topic, account: configuration.account, incidentArn: notification.incidentArn) {
            case .allowed:
                result.deliveries.append(delivery(notification, topic: topic))
            case .denied(let reason):
                result.warnings.append(PublishWarning(topicArn: topic.arn, reason: reason,
                                                      message: SNSPublishing.warning(topic: topic, account: configuration.account, reason: reason)))
            }
        }
        return result
    }

    private func delivery(_ n: IncidentNotification, topic: Topic) -> Delivery {
        let messages = configuration.webhooks.map { hook in
            WebhookMessage(url: hook.url, kind: hook.kind, body: NotificationFormatter.payload(n, for: hook.kind).compact)
        }
        return Delivery(topicArn: topic.arn, notification: n, channel: configuration.displayName, webhookMessages: messages)
    }
}

/// What one publication did: the deliveries and the topics that dropped it.
public struct PublishResult: Sendable, Hashable {
    public var deliveries: [Delivery] = []
    public var warnings: [PublishWarning] = []

    public init(deliveries: [Delivery] = [], warnings: [PublishWarning] = []) {
        self.deliveries = deliveries
        self.warnings = warnings
    }
}

/// A notification that reached the channel through one topic.
public struct Delivery: Sendable, Hashable {
    public var topicArn: String
    public var notification: IncidentNotification
    /// The channel's display name, `slack:acme/#incident-response`.
    public var channel: String
    /// One request body per configured webhook, for the caller to send.
    public var webhookMessages: [WebhookMessage]

    /// How the terminal shows it.
    public func terminalText(colors: Bool = false) -> String {
        NotificationFormatter.terminal(notification, channel: channel, colors: colors)
    }
}

/// The body to POST to a webhook (`Content-Type: application/json`).
public struct WebhookMessage: Sendable, Hashable {
    public var url: String
    public var kind: Platform
    public var body: String
}

/// A topic whose policy does not let Incident Manager publish.
public struct PublishWarning: Sendable, Hashable, CustomStringConvertible {
    public var topicArn: String
    public var reason: String
    /// The full warning, with the statement to add.
    public var message: String

    public var description: String { message }
}
