import Syntax

/// Where a command came from and what it may use: the checker refuses local
/// files for a message from a chat channel, reads them relative to a base
/// folder for runbooks and the REPL, and asks a resolver for the values of
/// references (`$incident.incidentRecordArn`, `${ACCOUNT_ID}`).
public struct CheckContext: Sendable {
    /// Where a command was typed.
    public enum Origin: Sendable, Equatable {
        /// A chat channel: no local files.
        case chat
        /// A runbook; files are relative to `baseDirectory`.
        case script(baseDirectory: String)
        /// The REPL; files are relative to `baseDirectory`.
        case repl(baseDirectory: String)

        /// The folder `file://` paths start from, or nil when files are refused.
        public var baseDirectory: String? {
            switch self {
            case .chat: nil
            case .script(let base), .repl(let base): base
            }
        }
    }

    public var origin: Origin
    /// Gives references their values; with none, every reference is an error.
    public var resolver: (any ReferenceResolver)?

    public init(origin: Origin, resolver: (any ReferenceResolver)? = nil) {
        self.origin = origin
        self.resolver = resolver
    }

    /// A chat message: no files, no references.
    public static let chat = CheckContext(origin: .chat)
}

/// What a reference stands for when a command is checked.
public enum Resolution: Sendable, Equatable {
    /// The text to splice in where the reference stands.
    case text(String)
    /// The value exists only when the command runs (`incident-chat check` on a
    /// runbook): the option's name and arity are checked, its value is not.
    case deferred
    /// The reference cannot be resolved; the message says why.
    case failure(String)
}

/// Gives references their values. The interpreter implements it over its
/// bindings and the environment.
public protocol ReferenceResolver: Sendable {
    func resolve(_ reference: Reference) -> Resolution
}

/// A resolver made of a closure.
public struct ClosureResolver: ReferenceResolver {
    private let body: @Sendable (Reference) -> Resolution

    public init(_ body: @escaping @Sendable (Reference) -> Resolution) {
        self.body = body
    }

    public func resolve(_ reference: Reference) -> Resolution { body(reference) }
}
