import Catalog
import Foundation

/// The policy gate: decides, before a request reaches the backend, whether
/// the channel lets this user run it.
///
/// In order: a Chime channel refuses every command; a channel that lists its
/// members refuses anyone else; then the user's role (their own, else the
/// channel's) is evaluated and intersected with the guardrails. An explicit
/// Deny anywhere wins; without an Allow from both, the answer is no.
public struct ChannelAuthorizer: Sendable {
    public let configuration: ChannelConfiguration

    public init(_ configuration: ChannelConfiguration) {
        self.configuration = configuration
    }

    /// Decides a checked request. `resourceTags` are the tags of the resource
    /// it acts on (`aws:ResourceTag/KEY`), which the backend knows.
    public func authorize(_ request: Request, user: String?, now: Date = Date(),
                          resourceTags: [String: String] = [:], extraContext: RequestContext = RequestContext()) -> Decision {
        let action = OperationPermissions.action(for: request)
        let resource = OperationPermissions.resource(for: request, account: configuration.account, region: configuration.region)
        var context = self.context(user: user, now: now)
        for (k, v) in resourceTags { context["aws:ResourceTag/\(k)"] = v }
        if let tags = OperationPermissions.requestTags(of: request) {
            for (k, v) in tags.tags { context["aws:RequestTag/\(k)"] = v }
            context.set("aws:TagKeys", values: tags.keys)
        }
        context.merge(extraContext)
        return authorize(action: action, resource: resource, user: user, context: context)
    }

    /// The standard condition keys for a user at a time.
    public func context(user: String?, now: Date) -> RequestContext {
        RequestContext.standard(account: configuration.account, region: configuration.region, user: user,
                                principalArn: configuration.principalArn(for: user), now: now)
    }

    /// Decides an action on a resource with a given context (what `policy simulate` asks).
    public func authorize(action: String, resource: String, user: String?, context: RequestContext) -> Decision {
        let c = configuration
        func decision(_ reason: Decision.Reason) -> Decision {
            Decision(action: action, resource: resource, user: user, principalArn: c.principalArn(for: user),
                     channel: c.displayName, reason: reason)
        }
        if !c.platform.acceptsCommands { return decision(.commandsNotSupported(c.platform)) }
        if let members = c.members, !(user.map(members.contains) ?? false) { return decision(.notAMember) }

        let role = c.role(for: user)
        let roleResult = PolicyEvaluator.evaluate(role.documents, action: action, resource: resource, context: context)
        if case .explicitDeny(let by) = roleResult { return decision(.explicitDeny(by, inGuardrail: false)) }
        var guardResult: PolicyEvaluator.Result?
        if !c.guardrails.isEmpty {
            let g = PolicyEvaluator.evaluate(c.guardrails, action: action, resource: resource, context: context)
            if case .explicitDeny(let by) = g { return decision(.explicitDeny(by, inGuardrail: true)) }
            guardResult = g
        }
        guard case .allowed(let by) = roleResult else { return decision(.noAllowingStatement(role: role.name)) }
        switch guardResult {
        case nil: return decision(.allowed(by: by, guardrail: nil))
        case .allowed(let g): return decision(.allowed(by: by, guardrail: g))
        default: return decision(.outsideGuardrails(allowedBy: by))
        }
    }
}
