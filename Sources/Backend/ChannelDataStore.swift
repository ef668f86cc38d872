/// What a chat channel keeps beside the incidents: small named records per
/// account and kind (its aliases, for one). A backend that keeps only the
/// services' data need not offer it.
public protocol ChannelDataStore: Sendable {
    /// Every record of a kind in an account: key → value.
    func channelData(kind: String, account: String) async throws(ServiceError) -> [String: String]
    /// Writes a record, or removes it when `value` is nil.
    func setChannelData(kind: String, account: String, key: String, value: String?) async throws(ServiceError)
}
