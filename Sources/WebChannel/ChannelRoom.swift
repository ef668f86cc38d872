import Backend
import Foundation
import JMESPath

/// The conversation of one channel and the browsers that follow it.
///
/// Every message is written to the store (when the backend keeps channel
/// records), which gives it the next sequence number, and then goes to every
/// subscriber, in sequence order, even when writes finish out of order.
/// Servers that share a store (a fleet on one PostgreSQL database) share the
/// numbers: a room follows the others' messages through ``follow(_:)`` and,
/// when it meets a number it has not seen the ones before of, reads them
/// from the store, so each browser sees every message of the fleet in order, once.
/// A subscriber has a bounded queue: one that does not keep up (a browser
/// that never reads its socket) is dropped instead of holding up the others.
public actor ChannelRoom {
    /// Frames a connection may have waiting before it is dropped.
    public let queueLimit: Int
    /// Messages kept in memory for browsers that reconnect.
    public let retained: Int
    /// Messages kept in the store: each message appended takes the one this
    /// many before it away, so a long-lived channel's history (and what a
    /// room reads when it opens) stays bounded.
    public let stored: Int

    let store: (any ChannelDataStore)?
    let account: String
    let recordKind: String

    /// Published messages, oldest first, at most `retained`.
    private var messages: [ChatMessage] = []
    /// The next number, without a store (which numbers messages itself).
    private var nextSequence = 1
    /// Known but not yet published (an earlier one has not arrived); nil: a number with no message.
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
                queueLimit: Int = 256, retained: Int = 2000, stored: Int = 10_000) async throws(ServiceError) {
        self.store = store
        self.account = account
        self.recordKind = "web-messages:" + channel
        self.queueLimit = queueLimit
        self.retained = retained
        self.stored = max(stored, retained)
        if let store {
            let kept = Self.messages(in: try await store.channelData(kind: recordKind, account: account))
            // A store written before there was a bound: its surplus goes once.
            for old in kept.dropLast(self.stored) {
                try await store.setChannelData(kind: recordKind, account: account, key: sequenceKey(old.sequence), value: nil)
            }
            messages = Array(kept.suffix(retained))
            nextSequence = (kept.last?.sequence ?? 0) + 1
            nextToPublish = nextSequence
        }
    }

    /// Stored records as messages, in sequence order (what is not one is left out).
    private static func messages(in records: [String: String]) -> [ChatMessage] {
        records.values.compactMap { text -> ChatMessage? in
            guard let value = try? JSONValue(parsing: text) else { return nil }
            return ChatMessage(json: value)
        }.sorted { $0.sequence < $1.sequence }
    }

    /// The number of the last message published.
    public var lastSequence: Int { nextToPublish - 1 }

    /// Adds a message: stored, then sent to every subscriber. Throws (and
    /// sends nothing) when the store cannot write it.
    @discardableResult
    public func post(kind: ChatMessage.Kind, author: String, text: String, time: Date = Date()) async throws(ServiceError) -> ChatMessage {
        let millis = Int64((time.timeIntervalSince1970 * 1000).rounded())
        guard let store else {
            let message = ChatMessage(sequence: nextSequence, kind: kind, author: author, time: millis, text: text)
            nextSequence += 1
            written[message.sequence] = message
            publishInOrder()
            return message
        }
        let number = try await store.appendChannelData(kind: recordKind, account: account) { number in
            ChatMessage(sequence: number, kind: kind, author: author, time: millis, text: text).json.wire
        }
        let message = ChatMessage(sequence: number, kind: kind, author: author, time: millis, text: text)
        // Whoever appends N takes N - stored away, so across a fleet each old message goes once.
        // A failure leaves one extra message in the store, which harms nothing.
        if number > stored {
            try? await store.setChannelData(kind: recordKind, account: account, key: sequenceKey(number - stored), value: nil)
        }
        await arrived(message)
        return message
    }

    /// What the store tells of other servers' writes: their messages, and
    /// when to read what may have been missed.
    public func follow(_ event: StoreEvent) async {
        switch event {
        case .appended(let kind, let account, _, let value?) where kind == recordKind && account == self.account:
            guard let json = try? JSONValue(parsing: value), let message = ChatMessage(json: json) else { return }
            await arrived(message)
        case .appended(let kind, let account, _, nil) where kind == recordKind && account == self.account:
            await catchUp()
        case .resumed:
            await catchUp()
        default:
            break
        }
    }

    /// A message numbered by the store, from this server or another: published
    /// in order; the numbers before it that have not come are read from the store.
    private func arrived(_ message: ChatMessage) async {
        guard message.sequence >= nextToPublish, written[message.sequence] == nil else { return }
        written[message.sequence] = message
        publishInOrder()
        if !written.isEmpty { await catchUp() }
    }

    /// Reads the messages after the last one published from the store and
    /// publishes them. A number below the highest one known that the store
    /// does not have is skipped: every smaller number is written before a
    /// larger one is given.
    public func catchUp() async {
        guard let store else { return }
        let after = nextToPublish - 1
        guard let records = try? await store.channelData(kind: recordKind, account: account, after: sequenceKey(after)) else { return }
        for message in Self.messages(in: records) where message.sequence >= nextToPublish && written[message.sequence] == nil {
            written[message.sequence] = message
        }
        if let highest = written.keys.max() {
            for number in nextToPublish..<highest where written[number] == nil { written[number] = .some(nil) }
        }
        publishInOrder()
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
