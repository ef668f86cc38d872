import JSON
import Backend
import Catalog
import Logging
import Wire

/// A small map that outlives the process: kept in memory and written
/// through to the store's channel data (`ChannelDataStore`, one record a
/// key under `kind` in `account`), read back the first time it is used.
/// It holds at most `capacity` keys: past that, the oldest written is
/// forgotten, in memory and in the store. Without a store (a backend that
/// keeps no channel data) it is memory alone. A store that cannot be read
/// or written is logged, and the map goes on in memory.
actor StoredRecords {
    let store: (any ChannelDataStore)?
    let account: String
    let kind: String
    let capacity: Int
    let logger: Logger

    private var values: [String: (seq: Int64, value: String)] = [:]
    /// Keys by the sequence number of their last write: the oldest first.
    private var order: [Int64: String] = [:]
    private var lowest: Int64 = 1
    private var nextSeq: Int64 = 1
    private var loading: Task<Void, Never>?

    init(store: (any ChannelDataStore)?, account: String, kind: String, capacity: Int = 10_000, logger: Logger) {
        precondition(capacity > 0)
        self.store = store
        self.account = account
        self.kind = kind
        self.capacity = capacity
        self.logger = logger
    }

    /// The value of `key`, if one is kept.
    func value(_ key: String) async -> String? {
        await load()
        return values[key]?.value
    }

    /// Keeps `value` under `key` (the newest write), or forgets the key when `value` is nil.
    func set(_ key: String, _ value: String?) async {
        await load()
        if let old = values.removeValue(forKey: key) { order[old.seq] = nil }
        var writes: [(String, String?)] = []
        if let value {
            let seq = nextSeq
            nextSeq += 1
            values[key] = (seq, value)
            order[seq] = key
            writes.append((key, Self.record(seq: seq, value: value)))
            while values.count > capacity, let oldest = popOldest() { writes.append((oldest, nil)) }
        } else {
            writes.append((key, nil))
        }
        for (key, record) in writes { await write(key, record) }
    }

    var count: Int { values.count }

    /// The stored form: `{"seq":N,"value":"…"}`, the sequence number keeping the order across restarts.
    static func record(seq: Int64, value: String) -> String {
        JSON.object([("seq", .integer(seq)), ("value", .string(value))]).compact
    }

    private func popOldest() -> String? {
        while lowest < nextSeq {
            defer { lowest += 1 }
            if let key = order.removeValue(forKey: lowest) {
                values[key] = nil
                return key
            }
        }
        return nil
    }

    private func write(_ key: String, _ record: String?) async {
        guard let store else { return }
        do {
            try await store.setChannelData(kind: kind, account: account, key: key, value: record)
        } catch {
            logger.warning("channel data not written", metadata: ["kind": "\(kind)", "key": "\(key)", "error": "\(error)"])
        }
    }

    /// Reads what the store kept, once; the oldest past `capacity` are removed from it.
    private func load() async {
        if let loading { return await loading.value }
        let task = Task { await self.read() }
        loading = task
        await task.value
    }

    private func read() async {
        guard let store else { return }
        let records: [String: String]
        do {
            records = try await store.channelData(kind: kind, account: account)
        } catch {
            logger.warning("channel data not read", metadata: ["kind": "\(kind)", "error": "\(error)"])
            return
        }
        var kept: [(seq: Int64, key: String, value: String)] = []
        for (key, text) in records {
            guard let json = try? JSON(reading: Array(text.utf8)), case .integer(let seq)? = json["seq"],
                  case .string(let value)? = json["value"] else {
                logger.warning("channel data record not understood, removed", metadata: ["kind": "\(kind)", "key": "\(key)"])
                await write(key, nil)
                continue
            }
            kept.append((seq, key, value))
        }
        kept.sort { $0.seq < $1.seq }
        for old in kept.prefix(max(0, kept.count - capacity)) { await write(old.key, nil) }
        for (seq, key, value) in kept.suffix(capacity) {
            values[key] = (seq, value)
            order[seq] = key
        }
        lowest = kept.suffix(capacity).first?.seq ?? 1
        nextSeq = (kept.last?.seq ?? 0) + 1
    }
}
