/// A waiter: poll an operation until an acceptor says success or failure.
public struct Waiter: Sendable, Hashable {
    /// One rule that looks at a response or error and decides what happens next.
    public struct Acceptor: Sendable, Hashable {
        public enum Matcher: String, Sendable { case path, pathAll, pathAny, status, error }
        public enum State: String, Sendable { case success, retry, failure }

        public let matcher: Matcher
        public let state: State
        /// A JMESPath expression on the output, for the path matchers.
        public let argument: String?
        public let expected: Value

        public init(matcher: Matcher, state: State, argument: String? = nil, expected: Value) {
            self.matcher = matcher
            self.state = state
            self.argument = argument
            self.expected = expected
        }
    }

    /// The model's name, `WaitForReplicationSetActive`.
    public let name: String
    /// The AWS CLI's form, `wait-for-replication-set-active`.
    public let cliName: String
    /// The operation polled.
    public let operation: OperationName
    /// Seconds between attempts.
    public let delay: Int
    public let maxAttempts: Int
    public let acceptors: [Acceptor]

    public init(name: String, cli: String, operation: OperationName, delay: Int, maxAttempts: Int, acceptors: [Acceptor]) {
        self.name = name
        self.cliName = cli
        self.operation = operation
        self.delay = delay
        self.maxAttempts = maxAttempts
        self.acceptors = acceptors
    }
}
