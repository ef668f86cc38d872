import Channel
import Foundation

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
    nonisolated let channel: String
    nonisolated let poster: any WebhookPoster
    nonisolated let onFailure: @Sendable (DeliveryFailure) -> Void

    private var queues: [String: [Job]] = [:]
    private var workers: [String: Task<Void, Never>] = [:]
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
        let url = job.url
        queues[url, default: []].append(job)
        if workers[url] == nil {
            workers[url] = Task { await self.work(url) }
        }
    }

    public func flush() async {
        while let worker = workers.values.first {
            await worker.value
        }
    }

    /// Works one webhook's queue until it is empty.
    private func work(_ url: String) async {
        while let job = next(url) {
            if await attempt(job) { delivered += 1 } else { failed += 1 }
        }
    }

    /// The next job of a queue; at the end, the worker leaves.
    private func next(_ url: String) -> Job? {
        guard var queue = queues[url], !queue.isEmpty else {
            queues[url] = nil
            workers[url] = nil
            return nil
        }
        let job = queue.removeFirst()
        queues[url] = queue
        return job
    }

    /// Sends one request with retries; false when it was given up on.
    private nonisolated func attempt(_ job: Job) async -> Bool {
        let body = Array(job.body.utf8)
        var attempt = 0
        while true {
            attempt += 1
            var status: Int? = nil, retryAfter: Duration? = nil, reason = ""
            do {
                let answer = try await poster.post(body, to: job.url, timeout: policy.attemptTimeout)
                status = answer.status
                retryAfter = answer.retryAfter
                reason = answer.excerpt
            } catch {
                reason = error.description
            }
            switch policy.step(afterAttempt: attempt, status: status, retryAfter: retryAfter) {
            case .delivered:
                return true
            case .retry(let wait):
                try? await Task.sleep(for: wait)
            case .giveUp:
                giveUp(job, attempts: attempt, status: status, reason: reason)
                return false
            }
        }
    }

    private nonisolated func giveUp(_ job: Job, attempts: Int, status: Int?, reason: String) {
        let time = ISO8601DateFormatter().string(from: Date())
        var failure = DeliveryFailure(time: time, channel: channel, webhook: job.url, kind: job.kind.rawValue,
                                      attempts: attempts, status: status, error: reason, incident: job.incident,
                                      subject: job.subject, body: job.body)
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
