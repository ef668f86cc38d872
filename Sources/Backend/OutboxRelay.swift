import Foundation

/// One outbox message handed to a delivery relay, with what the relay's
/// adapters say about it beside the message itself: the engagement it pages
/// for, and that engagement's incident.
public struct RelayedMessage: Sendable, Hashable {
    public var message: OutboxMessage
    public var engagementArn: String?
    /// The engagement's `IncidentId` (an incident ARN when an incident engaged the contact).
    public var incidentId: String?
    /// Who started the engagement.
    public var sender: String?

    public init(message: OutboxMessage, engagementArn: String? = nil, incidentId: String? = nil, sender: String? = nil) {
        self.message = message
        self.engagementArn = engagementArn
        self.incidentId = incidentId
        self.sender = sender
    }
}

/// What a delivery relay asks of a backend: the outbox messages nobody has
/// taken yet, and a place to say how their delivery went.
public protocol OutboxRelaying: Sendable {
    /// Takes up to `limit` messages no relay has taken, oldest first: each
    /// message is handed out once, whichever process asks.
    func claimOutbox(limit: Int) async throws(ServiceError) -> [RelayedMessage]

    /// Records how a page's delivery went: a DELIVERED receipt (and the page's
    /// delivery time, the first time) or an ERROR receipt, with `info` saying
    /// through what, or why not. Activation codes have no page: nothing is recorded.
    func recordDelivery(of message: OutboxMessage, delivered: Bool, info: String) async throws(ServiceError)
}

extension EngineBackend {
    public func claimOutbox(limit: Int) async throws(ServiceError) -> [RelayedMessage] {
        try await transaction { store in
            let taken = try store.relayedOutboxSeq()
            // Only the messages taken are read: an outbox that has grown while no relay ran costs `limit` rows.
            let messages = try store.outbox(contactChannelArn: nil, afterSeq: taken, limit: max(limit, 1))
            guard let last = messages.last else { return [] }
            try store.setRelayedOutboxSeq(last.seq)
            return try messages.map { message in
                guard let pageArn = message.pageArn, let page = try store.page(arn: pageArn) else {
                    return RelayedMessage(message: message)
                }
                let engagement = try store.engagement(arn: page.engagementArn)
                return RelayedMessage(message: message, engagementArn: page.engagementArn,
                                      incidentId: engagement?.incidentId, sender: engagement?.sender)
            }
        }
    }

    public func recordDelivery(of message: OutboxMessage, delivered: Bool, info: String) async throws(ServiceError) {
        guard message.kind == .page, let pageArn = message.pageArn else { return }
        let now = engine.clock.now().millis
        try await transaction { store in
            guard var page = try store.page(arn: pageArn) else { return }
            _ = try store.insertReceipt(ReceiptRecord(pageArn: pageArn, contactChannelArn: message.contactChannelArn,
                                                      type: delivered ? "DELIVERED" : "ERROR", info: info, time: now))
            if delivered, page.deliveryTime == nil {
                page.deliveryTime = now
                try store.putPage(page)
            }
        }
    }
}
