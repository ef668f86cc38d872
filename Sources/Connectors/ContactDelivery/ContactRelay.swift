import Backend
import Channel
import Foundation
import Interpreter

/// Takes pages and activation codes from the outbox and delivers them
/// through the channel file's `contact-delivery:` adapters, in the
/// background: a generic webhook (signed JSON), Slack and Teams webhooks,
/// `sendmail -t`.
///
/// Each message is taken once across every process on the store
/// (``OutboxRelaying/claimOutbox(limit:)``), sent to every adapter that takes
/// its channel type, retried as the channel's `delivery:` settings say, and
/// its outcome recorded on the page: a DELIVERED receipt, or an ERROR receipt
/// with the reason and a line in the failure record. Each adapter has its
/// own queue, so a slow one holds up no other, and none ever holds up a
/// command or the scheduler. A message older than `maxAge` when taken (one
/// that waited in the outbox while no relay ran) is not sent late.
public actor ContactRelay: OutboxDelivery {
    public nonisolated let targets: [ContactDeliveryTarget]
    nonisolated let backend: any OutboxRelaying
    nonisolated let deliverer: WebhookDeliverer
    nonisolated let clock: any WallClock
    nonisolated let maxAge: TimeInterval
    nonisolated let log: @Sendable (String) -> Void

    private var queues: [Int: [RelayedMessage]] = [:]
    private var workers: [Int: Task<Void, Never>] = [:]
    /// Deliveries made and given up on (one per message and adapter).
    public private(set) var delivered = 0
    public private(set) var failed = 0

    /// - Parameters:
    ///   - deliverer: sends the HTTP requests with the channel's retry policy and keeps its failure record.
    ///   - log: gets one line for each failure and each message too old to send.
    public init(targets: [ContactDeliveryTarget], backend: any OutboxRelaying, deliverer: WebhookDeliverer,
                clock: any WallClock, maxAge: TimeInterval = 3600, log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.targets = targets
        self.backend = backend
        self.deliverer = deliverer
        self.clock = clock
        self.maxAge = maxAge
        self.log = log
    }

    /// The relay of a channel file's `contact-delivery:` entries, with its
    /// `delivery:` retries and failure record; nil when the file has none, or
    /// when the backend is remote (the server it talks to delivers).
    public static func of(channel configuration: ChannelConfiguration, backend: any IncidentBackend,
                          log: @escaping @Sendable (String) -> Void) -> ContactRelay? {
        guard !configuration.contactDelivery.isEmpty, let local = backend as? any EngineBackend else { return nil }
        return ContactRelay(targets: configuration.contactDelivery, backend: local,
                            deliverer: WebhookDeliverer(channel: configuration), clock: local.engine.clock, log: log)
    }

    /// Takes what no relay has taken yet and queues it for its adapters;
    /// returns how many messages it took.
    @discardableResult
    public func relay() async -> Int {
        var taken = 0
        while true {
            let batch: [RelayedMessage]
            do {
                batch = try await backend.claimOutbox(limit: 200)
            } catch {
                log("contact delivery: cannot read the outbox: \(error.name): \(error.message)")
                return taken
            }
            if batch.isEmpty { return taken }
            taken += batch.count
            let now = clock.now()
            for item in batch {
                let age = now.timeIntervalSince(Date(millis: item.message.time))
                guard age <= maxAge else {
                    log("contact delivery: not sending \(ContactMessage.headline(item.message)): it waited \(Int(age)) s in the outbox, more than \(Int(maxAge)) s")
                    continue
                }
                for (index, target) in targets.enumerated() where target.types.contains(item.message.channelType) {
                    queues[index, default: []].append(item)
                    if workers[index] == nil { workers[index] = Task { await self.work(index) } }
                }
            }
        }
    }

    /// Relays whenever the bell rings (a command put something in the
    /// outbox) or `recheck` passes (another process did), until cancelled.
    public func run(listening bell: Doorbell.Listener, recheck: Duration = .seconds(30)) async {
        while !Task.isCancelled {
            await relay()
            await bell.wait(upTo: recheck)
        }
    }

    /// Waits until everything queued has been delivered or given up on.
    public func flush() async {
        while let worker = workers.values.first { await worker.value }
    }

    private func work(_ index: Int) async {
        while let item = next(index) {
            if await deliver(item, through: targets[index]) { delivered += 1 } else { failed += 1 }
        }
    }

    private func next(_ index: Int) -> RelayedMessage? {
        guard var queue = queues[index], !queue.isEmpty else {
            queues[index] = nil
            workers[index] = nil
            return nil
        }
        let item = queue.removeFirst()
        queues[index] = queue
        return item
    }

    /// Sends one message through one adapter and records the outcome on its page.
    private nonisolated func deliver(_ item: RelayedMessage, through target: ContactDeliveryTarget) async -> Bool {
        let m = item.message
        let sent: (delivered: Bool, attempts: Int, status: Int?, reason: String, body: String)
        switch target.adapter {
        case .webhook(let url, let key):
            let body = ContactMessage.webhookBody(item).compact
            let headers = ContactMessage.signature(body: Array(body.utf8), key: key, time: Date())
            sent = await post(body, to: url, headers: headers)
        case .slack(let url):
            sent = await post(ContactMessage.slackBody(m).compact, to: url)
        case .teams(let url):
            sent = await post(ContactMessage.teamsBody(m).compact, to: url)
        case .sendmail(let path):
            let mail = ContactMessage.email(item)
            if let why = ContactMessage.undeliverableAddress(m.address) {
                sent = (false, 0, nil, why, mail)
            } else {
                let tried = await mailed(mail, via: Sendmail(path: path))
                sent = (tried.delivered, tried.attempts, nil, tried.reason, mail)
            }
        }
        let through = Self.describe(target)
        let info: String
        if sent.delivered {
            info = "Delivered by \(through)."
        } else {
            let why = sent.status.map { "HTTP \($0)\(sent.reason.isEmpty ? "" : ": \(sent.reason)")" } ?? sent.reason
            info = "Not delivered by \(through) after \(sent.attempts) attempt\(sent.attempts == 1 ? "" : "s"): \(String(why.prefix(200)))"
            let destination: String
            switch target.adapter {
            case .webhook(let url, _), .slack(let url), .teams(let url): destination = url
            case .sendmail(let path): destination = path
            }
            deliverer.record(DeliveryFailure(
                time: RequestContext.iso8601(Date()), channel: deliverer.channel, webhook: destination, kind: Self.kind(of: target),
                attempts: sent.attempts, status: sent.status, error: why, incident: item.incidentId,
                subject: ContactMessage.headline(m), body: sent.body))
            log("contact delivery: \(ContactMessage.headline(m)) \(info.prefix(1).lowercased())\(info.dropFirst())")
        }
        do {
            try await backend.recordDelivery(of: m, delivered: sent.delivered, info: info)
        } catch {
            log("contact delivery: cannot record the receipt of \(m.pageArn ?? m.contactChannelArn): \(error.name): \(error.message)")
        }
        return sent.delivered
    }

    private nonisolated func post(_ body: String, to url: String, headers: [(name: String, value: String)] = [])
        async -> (delivered: Bool, attempts: Int, status: Int?, reason: String, body: String) {
        let tried = await deliverer.post(Array(body.utf8), to: url, headers: headers)
        return (tried.delivered, tried.attempts, tried.answer?.status, tried.reason, body)
    }

    /// `sendmail` with the retries of the channel's policy: a failed or hung run is tried again.
    private nonisolated func mailed(_ mail: String, via sendmail: Sendmail) async -> (delivered: Bool, attempts: Int, reason: String) {
        let policy = deliverer.policy
        var attempt = 0
        while true {
            attempt += 1
            var status: Int? = nil, reason = ""
            do {
                try await sendmail.send(mail, timeout: policy.attemptTimeout)
                status = 200
            } catch {
                reason = error.description
            }
            switch policy.step(afterAttempt: attempt, status: status) {
            case .delivered: return (true, attempt, "")
            case .retry(let wait): try? await Task.sleep(for: wait)
            case .giveUp: return (false, attempt, reason)
            }
        }
    }

    /// How a receipt names the adapter: its kind and host, never the whole
    /// URL (a webhook URL is a secret, and anyone may list receipts).
    static func describe(_ target: ContactDeliveryTarget) -> String {
        func host(_ url: String) -> String { URL(string: url)?.host ?? "?" }
        switch target.adapter {
        case .webhook(let url, _): return "webhook to \(host(url))"
        case .slack(let url): return "Slack webhook to \(host(url))"
        case .teams(let url): return "Teams webhook to \(host(url))"
        case .sendmail: return "sendmail"
        }
    }

    static func kind(of target: ContactDeliveryTarget) -> String {
        switch target.adapter {
        case .webhook: "webhook"
        case .slack: "slack"
        case .teams: "teams"
        case .sendmail: "sendmail"
        }
    }
}
