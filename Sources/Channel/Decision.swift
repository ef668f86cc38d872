/// A permission decision for one command, and why: allowed by which
/// statement, denied by which statement or guardrail, or not allowed by any.
public struct Decision: Sendable, Hashable {
    public enum Reason: Sendable, Hashable {
        /// A statement of the role allowed it (and one of the guardrails, when there are any).
        case allowed(by: StatementReference, guardrail: StatementReference?)
        /// A Deny statement applied: in the role's policies or in a guardrail.
        case explicitDeny(StatementReference, inGuardrail: Bool)
        /// No statement of the role allowed it.
        case noAllowingStatement(role: String)
        /// The role allowed it, but no guardrail does.
        case outsideGuardrails(allowedBy: StatementReference)
        /// The channel lists its members and the user is not one of them.
        case notAMember
        /// Chat commands do not run on this platform (Amazon Chime).
        case commandsNotSupported(Platform)
    }

    /// How a refused command is reported.
    public enum RefusalKind: String, Sendable, Hashable {
        /// The service error `AccessDeniedException`.
        case accessDenied
        /// The chat platform takes no commands (not a service error).
        case commandsNotSupported
    }

    public var action: String
    public var resource: String
    public var user: String?
    public var principalArn: String
    public var channel: String
    public var reason: Reason

    public var isAllowed: Bool { if case .allowed = reason { true } else { false } }

    /// Nil when allowed.
    public var refusalKind: RefusalKind? {
        switch reason {
        case .allowed: nil
        case .commandsNotSupported: .commandsNotSupported
        default: .accessDenied
        }
    }

    /// The error code a refusal is reported with: `AccessDeniedException`, or
    /// `ChatCommandsNotSupported` for a command on Amazon Chime.
    public var errorCode: String? {
        switch refusalKind {
        case .accessDenied: "AccessDeniedException"
        case .commandsNotSupported: "ChatCommandsNotSupported"
        case nil: nil
        }
    }

    /// Why, in one sentence fragment.
    public var why: String {
        switch reason {
        case .allowed(let by, let guardrail):
            return "allowed by \(by)" + (guardrail.map { ", within \($0)" } ?? "")
        case .explicitDeny(let by, let inGuardrail):
            return "explicitly denied by \(by)" + (inGuardrail ? " (a guardrail of the channel)" : "")
        case .noAllowingStatement(let role):
            return "no statement of role \(role) allows it (implicit deny)"
        case .outsideGuardrails(let by):
            return "\(by) allows it, but no guardrail of the channel does (implicit deny)"
        case .notAMember:
            return user.map { "\($0) is not a member of channel \(channel)" } ?? "the channel lists its members and no user was given"
        case .commandsNotSupported(let platform):
            return "chat commands aren't supported on \(platform.title)"
        }
    }

    /// The decision and its reason, as `policy simulate` prints it.
    public var explanation: String {
        "\(isAllowed ? "allowed" : "denied"): \(action) on \(resource) for \(user ?? "the local user"): \(why)"
    }

    /// The message of the refusal, nil when allowed.
    public var message: String? {
        switch reason {
        case .allowed:
            return nil
        case .commandsNotSupported(let platform):
            return "Chat commands aren't supported on \(platform.title): channel \(channel) receives incident notifications only."
        case .notAMember:
            return "User: \(principalArn) is not authorized to perform: \(action) on resource: \(resource) because \(why)"
        case .explicitDeny(let by, let inGuardrail):
            return "User: \(principalArn) is not authorized to perform: \(action) on resource: \(resource) with an explicit deny in \(by)"
                + (inGuardrail ? ", a guardrail of the channel" : "")
        default:
            return "User: \(principalArn) is not authorized to perform: \(action) on resource: \(resource) because \(why)"
        }
    }
}
