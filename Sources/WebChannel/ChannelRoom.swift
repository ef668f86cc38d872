import Backend
import Foundation
import JMESPath

/// The conversation of one channel and the browsers that follow it.
///
/// Every message gets the next sequence number, is written to the store
/// (when the backend keeps channel records) and then goes to every
/// subscriber, in sequence order, even when writes finish out of order.
/// A subscriber has a bounded queue: one that does not keep up (a browser
/// that never reads its socket) is dropped instead of holding up the others.
public actor ChannelRoom {
    /// Frames a connection may have waiting before it is dropped.
    public let queueLimit: Int
    /// Messages kept in memory for browsers that reconnect.
    public let retained: Int

    let store: (any ChannelDataStore)?
    let account: String
    let recordKind: String

    /// Published messages, oldest first, at most `retained`.
    private var messages: [ChatMessage] = []
    private var nextSequence = 1
    /// Written but not yet published (an earlier one is still being written).
    private var written: [Int: ChatMessage?] = [:]
    private var nextToPublish = 1
    private var subscribers: [Int: Subscriber] = [:]
    private var nextSubscriber = 1

    /// A follower: its queue of frames (JSON text) and who it is.
    final class Subscriber: Sendable {
        let user: String
        let continuation: AsyncStream<String>.Continuation
        /// Called when the room drops it, so that its connection is closed.
        let onDrop: @Sendable () -> Void
        init(user: String, continuation: AsyncStream<String>.Continuation, onDrop: @escaping @Sendable () -> Void) {
            self.user = user
            self.continuation = continuation
            self.onDrop = onDrop
        }
    }

    /// What `subscribe` hands a new connection: the messages after the one
    /// it last saw, then everything that follows, with nothing in between lost or repeated.
    public struct Subscription: Sendable {
        public let id: Int
        public let backlog: [ChatMessage]
        /// Frames to send; it ends when the room drops the connection (its queue overflowed).
        public let frames: AsyncStream<String>
        /// Whether the oldest message the browser asked for is no longer kept.
        public let truncated: Bool
    }

    /// Opens the conversation of `channel`, reading what the store kept.
    public init(store: (any ChannelDataStore)?, account: String, channel: String,
                queueLimit: Int = 256, retained: Int = 2000) async throws(ServiceError) {
        self.store = store
        self.account = account
        self.recordKind = "web-messages:" + channel
        self.queueLimit = queueLimit
        self.retained = retained
        if let store {
            let records = try await store.channelData(kind: recordKind, account: account)
            let kept = records.values.compactMap { text -> ChatMessage? in
                guard let value = try? JSONValue(parsing: text) else { return nil }
                return ChatMessage(json: value)
            }.sorted { $0.sequence < $1.sequence }
            messages = Array(kept.suffix(retained))
            nextSequence = (kept.last?.sequence ?? 0) + 1
            nextToPublish = nextSequence
        }
    }

    /// The number the next message will get.
    public var lastSequence: Int { nextSequence - 1 }

    /// Adds a message: stored, then sent to every subscriber. Throws (and
    /// sends nothing) when the store cannot write it.
    @discardableResult
    public func post(kind: ChatMessage.Kind, author: String, text: String, time: Date = Date()) async throws(ServiceError) -> ChatMessage {
        let message = ChatMessage(sequence: nextSequence, kind: kind, author: author,
                                  time: Int64((time.timeIntervalSince1970 * 1000).rounded()), text: text)
        nextSequence += 1
        do {
            if let store {
                try await store.setChannelData(kind: recordKind, account: account, key: Self.key(message.sequence),
                                               value: message.json.wire)
            }
        } catch {
            written[message.sequence] = .some(nil)
            publishInOrder()
            throw error
        }
        written[message.sequence] = message
        publishInOrder()
        return message
    }

    /// Sequence numbers as keys that sort as text.
    static func key(_ sequence: Int) -> String {
        let digits = String(sequence)
        return String(repeating: "0", count: max(0, 12 - digits.count)) + digits
    }

    private func publishInOrder() {
        while let entry = written.removeValue(forKey: nextToPublish) {
            nextToPublish += 1
            guard let message = entry else { continue }
            messages.append(message)
            if messages.count > retained { messages.removeFirst(messages.count - retained) }
            broadcast(message.json.wire)
        }
    }

    /// Sends a frame to every subscriber; those whose queue is full are dropped.
    public func broadcast(_ frame: String) {
        for (id, subscriber) in subscribers {
            if case .dropped = subscriber.continuation.yield(frame) { drop(id) }
        }
    }

    /// Sends a frame to one subscriber (what only its user may see).
    public func send(_ frame: String, to id: Int) {
        guard let subscriber = subscribers[id] else { return }
        if case .dropped = subscriber.continuation.yield(frame) { drop(id) }
    }

    /// Follows the conversation from after message `after`.
    public func subscribe(user: String, after: Int, onDrop: @escaping @Sendable () -> Void = {}) -> Subscription {
        let (frames, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingOldest(queueLimit))
        let id = nextSubscriber
        nextSubscriber += 1
        subscribers[id] = Subscriber(user: user, continuation: continuation, onDrop: onDrop)
        let backlog = messages.filter { $0.sequence > after }
        let truncated = after + 1 < (messages.first?.sequence ?? nextToPublish) && after < nextToPublish - 1
        return Subscription(id: id, backlog: backlog, frames: frames, truncated: truncated)
    }

    /// Stops following (the connection closed).
    public func unsubscribe(_ id: Int) {
        subscribers.removeValue(forKey: id)?.continuation.finish()
    }

    private func drop(_ id: Int) {
        guard let subscriber = subscribers.removeValue(forKey: id) else { return }
        subscriber.continuation.finish()
        subscriber.onDrop()
    }

    /// How many connections follow the room.
    public var subscriberCount: Int { subscribers.count }

    /// The kept messages after `after`, oldest first.
    public func messages(after: Int) -> [ChatMessage] {
        messages.filter { $0.sequence > after }
    }
}
