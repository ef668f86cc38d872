/// What a chat channel keeps beside the incidents: small named records per
/// account and kind (its aliases, for one). A backend that keeps only the
/// services' data need not offer it.
public protocol ChannelDataStore: Sendable {
    /// Every record of a kind in an account: key → value.
    func channelData(kind: String, account: String) async throws(ServiceError) -> [String: String]
    /// Writes a record, or removes it when `value` is nil.
    func setChannelData(kind: String, account: String, key: String, value: String?) async throws(ServiceError)
    /// Appends a record numbered one after the kind's last (1 at first), its
    /// key `sequenceKey(number)` of the number and its value `value(number)`.
    /// Processes sharing the store never get one number twice, and a number
    /// is taken only once every smaller one is written: a reader who sees N
    /// finds 1…N-1 in the store. Returns the number.
    func appendChannelData(kind: String, account: String,
                           value: @Sendable (Int) -> String) async throws(ServiceError) -> Int
    /// The records of a kind whose key sorts after `key`: key → value.
    func channelData(kind: String, account: String, after key: String) async throws(ServiceError) -> [String: String]
}

extension ChannelDataStore {
    public func channelData(kind: String, account: String, after key: String) async throws(ServiceError) -> [String: String] {
        try await channelData(kind: kind, account: account).filter { $0.key > key }
    }
}

/// A record number as a key that sorts as text: twelve digits, `000000000042`.
public func sequenceKey(_ number: Int) -> String {
    let digits = String(number)
    return String(repeating: "0", count: max(0, 12 - digits.count)) + digits
}

/// The number after the largest numbered key among `keys` (1 when there is none).
public func nextSequence<Keys: Sequence<String>>(after keys: Keys) -> Int {
    (keys.compactMap { Int($0) }.max() ?? 0) + 1
}
