import Channel
import Foundation
import Time

/// Sends notifications to a channel's webhooks in the background.
///
/// Each webhook URL has its own queue, worked by one task at a time, so a
/// webhook receives its messages in the order they were published while a
/// slow or failing webhook holds up no other. A request is retried as
/// `WebhookRetryPolicy` says; one given up on is written to the failure
/// record and reported to `onFailure`. Nothing here ever throws back at the
/// session that published.
public actor WebhookDeliverer: WebhookTransport {
    /// One request to send, with what the failure record should say about it.
    public struct Job: Sendable {
        public var url: String
        public var kind: Platform
        /// The JSON body.
        public var body: String
        public var incident: String?
        public var subject: String?

        public init(url: String, kind: Platform, body: String, incident: String? = nil, subject: String? = nil) {
            self.url = url
            self.kind = kind
            self.body = body
            self.incident = incident
            self.subject = subject
        }
    }

    public nonisolated let policy: WebhookRetryPolicy
    public nonisolated let failures: DeliveryFailureLog?
    public nonisolated let channel: String
    nonisolated let poster: any WebhookPoster
    nonisolated let onFailure: @Sendable (DeliveryFailure) -> Void

    nonisolated let queues = SerialQueues()
    /// Requests accepted by their webhook, and given up on.
    public private(set) var delivered = 0
    public private(set) var failed = 0

    public init(policy: WebhookRetryPolicy, channel: String, failures: DeliveryFailureLog?,
                poster: any WebhookPoster = HTTPWebhookPoster(),
                onFailure: @escaping @Sendable (DeliveryFailure) -> Void = { _ in }) {
        self.policy = policy
        self.channel = channel
        self.failures = failures
        self.poster = poster
        self.onFailure = onFailure
    }

    /// A deliverer for a channel: its `delivery:` settings, its failure record.
    public init(channel configuration: ChannelConfiguration, poster: any WebhookPoster = HTTPWebhookPoster(),
                onFailure: @escaping @Sendable (DeliveryFailure) -> Void = { _ in }) {
        self.init(policy: WebhookRetryPolicy(configuration.delivery), channel: configuration.displayName,
                  failures: DeliveryFailureLog(path: configuration.failedDeliveriesPath), poster: poster, onFailure: onFailure)
    }

    public func enqueue(_ delivery: Delivery) {
        for message in delivery.webhookMessages {
            send(Job(url: message.url, kind: message.kind, body: message.body, incident: delivery.notification.incidentArn,
                     subject: delivery.notification.headline))
        }
    }

    /// Queues one request.
    public func send(_ job: Job) {
        queues.add(job.url) { await self.count(await self.attempt(job)) }
    }

    public func flush() async {
        await queues.flush()
    }

    private func count(_ sent: Bool) {
        if sent { delivered += 1 } else { failed += 1 }
    }

    /// Sends one request with retries; false when it was given up on.
    private nonisolated func attempt(_ job: Job) async -> Bool {
        let tried = await post(Array(job.body.utf8), to: job.url)
        if tried.delivered { return true }
        giveUp(job, attempts: tried.attempts, status: tried.answer?.status, reason: tried.reason)
        return false
    }

    /// What the attempts at one request came to.
    public struct Attempts: Sendable {
        /// True when an attempt was answered with 2xx.
        public var delivered: Bool
        /// The last answer; nil when none came.
        public var answer: WebhookAnswer?
        public var attempts: Int
        /// Why the last attempt failed (the answer's excerpt, or the connection's error).
        public var reason: String
    }

    /// Sends one request now (not queued), retried as the policy says, and
    /// returns the last answer: for callers that read it (Slack's Web API).
    public nonisolated func post(_ body: [UInt8], to url: String, headers: [(name: String, value: String)] = []) async -> Attempts {
        var attempt = 0
        while true {
            attempt += 1
            var answer: WebhookAnswer? = nil, reason = ""
            do {
                answer = try await poster.post(body, to: url, headers: headers, timeout: policy.attemptTimeout)
                reason = answer?.excerpt ?? ""
            } catch {
                reason = error.description
            }
            switch policy.step(afterAttempt: attempt, status: answer?.status, retryAfter: answer?.retryAfter) {
            case .delivered:
                return Attempts(delivered: true, answer: answer, attempts: attempt, reason: reason)
            case .retry(let wait):
                try? await Task.sleep(for: wait)
            case .giveUp:
                return Attempts(delivered: false, answer: answer, attempts: attempt, reason: reason)
            }
        }
    }

    private nonisolated func giveUp(_ job: Job, attempts: Int, status: Int?, reason: String) {
        let time = ISO8601.string(Date(), rounding: .toMillisecond)
        record(DeliveryFailure(time: time, channel: channel, webhook: job.url, kind: job.kind.rawValue,
                               attempts: attempts, status: status, error: reason, incident: job.incident,
                               subject: job.subject, body: job.body))
    }

    /// Writes a failure to the failure record and reports it to `onFailure`.
    public nonisolated func record(_ failure: DeliveryFailure) {
        var failure = failure
        if let failures {
            do {
                try failures.write(failure)
            } catch {
                failure.error += " (and the failure record \(failures.path) could not be written: \(error.localizedDescription))"
            }
        }
        onFailure(failure)
    }
}
