/// What a command with a `clientToken` answered, so that a retry with the same
/// token gets the same answer instead of doing the work twice.
public struct IdempotencyRecord: Sendable, Hashable {
    public var account: String
    public var operation: String
    public var token: String
    /// A hash of the request's other members: a token reused for a different
    /// request is a conflict.
    public var fingerprint: Int64
    /// The encoded response (`ValueCodec`).
    public var response: [UInt8]

    public init(account: String, operation: String, token: String, fingerprint: Int64, response: [UInt8]) {
        self.account = account
        self.operation = operation
        self.token = token
        self.fingerprint = fingerprint
        self.response = response
    }
}
