/// IAM's evaluation of a set of policy documents for one request: a statement
/// applies when its action, resource (and, in a resource policy, principal)
/// match and all its conditions hold; an applying Deny wins over everything,
/// an applying Allow allows, and nothing applying denies implicitly.
public enum PolicyEvaluator {
    /// The result of evaluating one set of documents.
    public enum Result: Sendable, Hashable {
        case allowed(StatementReference)
        case explicitDeny(StatementReference)
        case implicitDeny
    }

    /// Evaluates `documents` together for `action` on `resource`.
    /// `caller` is given for resource policies, whose statements name principals.
    public static func evaluate(_ documents: [PolicyDocument], action: String, resource: String,
                                context: RequestContext, caller: Principals.Caller? = nil) -> Result {
        var firstAllow: StatementReference?
        for document in documents {
            for statement in document.statements
            where applies(statement, in: document, action: action, resource: resource, context: context, caller: caller) {
                let reference = StatementReference(document: document, statement: statement)
                switch statement.effect {
                case .deny: return .explicitDeny(reference)
                case .allow: if firstAllow == nil { firstAllow = reference }
                }
            }
        }
        return firstAllow.map(Result.allowed) ?? .implicitDeny
    }

    /// Whether one statement speaks about this request.
    public static func applies(_ statement: Statement, in document: PolicyDocument, action: String, resource: String,
                               context: RequestContext, caller: Principals.Caller? = nil) -> Bool {
        switch statement.actions {
        case .action(let patterns): guard patterns.contains(where: { $0.matches(action) }) else { return false }
        case .notAction(let patterns): guard !patterns.contains(where: { $0.matches(action) }) else { return false }
        }
        let variables = document.hasVariables
        func resourceMatches(_ text: String) -> Bool {
            if text == "*" { return true }
            guard let pieces = variables ? context.substitute(text) : [.pattern(text)] else { return false }
            return Wildcard(text: text, flavor: .arn, pieces: pieces).matches(resource)
        }
        switch statement.resources {
        case .resource(let texts): guard texts.contains(where: resourceMatches) else { return false }
        case .notResource(let texts): guard !texts.contains(where: resourceMatches) else { return false }
        }
        if let principal = statement.principal {
            guard let caller, principal.matches(caller) else { return false }
        }
        return statement.conditions.allSatisfy { ConditionEvaluator.holds($0, in: context, variables: variables) }
    }
}

/// Names one statement of one document, for explanations:
/// `statement "ReadOnly" (2 of role IncidentChatRole policy 1, channel.yaml:14:11)`.
public struct StatementReference: Sendable, Hashable, CustomStringConvertible {
    public var policy: String
    /// From 0.
    public var index: Int
    public var sid: String?
    public var effect: Statement.Effect
    public var location: String?

    public init(policy: String, index: Int, sid: String?, effect: Statement.Effect, location: String?) {
        self.policy = policy
        self.index = index
        self.sid = sid
        self.effect = effect
        self.location = location
    }

    init(document: PolicyDocument, statement: Statement) {
        self.init(policy: document.name, index: statement.index, sid: statement.sid, effect: statement.effect, location: statement.location)
    }

    public var description: String {
        let name = sid.map { "statement \"\($0)\" (\(index + 1) of \(policy)" } ?? "statement \(index + 1) of \(policy)"
        let open = sid != nil
        let place = location.map { (open ? ", " : " (") + $0 + ")" } ?? (open ? ")" : "")
        return name + place
    }
}
