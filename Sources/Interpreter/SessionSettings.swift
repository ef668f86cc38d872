import Renderer

/// What a session runs as and how it prints.
public struct SessionSettings: Sendable {
    /// The identity recorded in `createdBy` and `lastModifiedBy`.
    public var user: String
    public var accountId: String
    public var region: String
    public var output: OutputFormat
    public var colors: Bool
    /// The terminal's width, for tables.
    public var width: Int?

    public init(user: String = "incident-chat", accountId: String = "111122223333", region: String = "us-east-1",
                output: OutputFormat = .json, colors: Bool = false, width: Int? = nil) {
        self.user = user
        self.accountId = accountId
        self.region = region
        self.output = output
        self.colors = colors
        self.width = width
    }
}
