/// An AWS access key: the id that names it, the secret that signs, and the
/// session token of temporary credentials.
public struct Credentials: Sendable, Hashable, CustomStringConvertible {
    public var accessKeyId: String
    public var secretAccessKey: String
    public var sessionToken: String?

    public init(accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }

    /// Never prints the secret.
    public var description: String { "Credentials(\(accessKeyId))" }
}
