/// An IAM policy document: a version and its statements, plus where it came
/// from so that a decision can name the statement that made it.
public struct PolicyDocument: Sendable, Hashable {
    /// `2012-10-17` (policy variables work) or `2008-10-17` (they are plain text).
    public var version: String
    public var id: String?
    public var statements: [Statement]
    /// How decisions name this document: `role IncidentChatRole policy 1`.
    public var name: String

    public init(version: String = PolicyDocument.currentVersion, id: String? = nil, statements: [Statement], name: String) {
        self.version = version
        self.id = id
        self.statements = statements
        self.name = name
    }

    public static let currentVersion = "2012-10-17"
    public static let versions = ["2012-10-17", "2008-10-17"]

    /// Whether `${...}` in resources and condition values are policy variables.
    public var hasVariables: Bool { version == Self.currentVersion }
}

/// One statement of a policy.
public struct Statement: Sendable, Hashable {
    public enum Effect: String, Sendable, Hashable {
        case allow = "Allow"
        case deny = "Deny"
    }

    /// `Action` or `NotAction`.
    public enum Actions: Sendable, Hashable {
        case action([Wildcard])
        case notAction([Wildcard])
    }

    /// `Resource` or `NotResource`, as written (variables are filled in per request).
    public enum Resources: Sendable, Hashable {
        case resource([String])
        case notResource([String])
    }

    public var sid: String?
    public var effect: Effect
    /// `Principal` or `NotPrincipal` of a resource policy (nil in identity policies).
    public var principal: Principals?
    public var actions: Actions
    public var resources: Resources
    public var conditions: [Condition]
    /// Position in the document, from 0.
    public var index: Int
    /// `FILE:LINE:COLUMN` of the statement, when it came from a file.
    public var location: String?

    public init(sid: String? = nil, effect: Effect, principal: Principals? = nil, actions: Actions,
                resources: Resources, conditions: [Condition] = [], index: Int = 0, location: String? = nil) {
        self.sid = sid
        self.effect = effect
        self.principal = principal
        self.actions = actions
        self.resources = resources
        self.conditions = conditions
        self.index = index
        self.location = location
    }
}

/// The `Principal` (or `NotPrincipal`) of a resource policy: `*`, or lists of
/// AWS accounts and ARNs, service names, federated providers.
public struct Principals: Sendable, Hashable {
    public var isNegated: Bool
    /// `"Principal": "*"` or `{"AWS": "*"}`.
    public var everyone: Bool
    public var aws: [String]
    public var services: [String]
    public var federated: [String]

    public init(isNegated: Bool = false, everyone: Bool = false, aws: [String] = [], services: [String] = [], federated: [String] = []) {
        self.isNegated = isNegated
        self.everyone = everyone
        self.aws = aws
        self.services = services
        self.federated = federated
    }

    /// Whether the element names a caller: a service (`ssm-incidents.amazonaws.com`)
    /// or an AWS principal (an account id or an ARN).
    public func matches(_ caller: Caller) -> Bool {
        let named: Bool
        if everyone {
            named = true
        } else {
            switch caller {
            case .service(let name):
                named = services.contains { $0.lowercased() == name.lowercased() }
            case .aws(let account, let arn):
                named = aws.contains { p in
                    p == "*" || p == account || p == "arn:aws:iam::\(account):root" || p == arn
                }
            }
        }
        return isNegated ? !named : named
    }

    /// Who asks, for a resource policy.
    public enum Caller: Sendable, Hashable {
        case service(String)
        case aws(account: String, arn: String)
    }
}

/// One test of a `Condition` block: an operator, a key and its values.
public struct Condition: Sendable, Hashable {
    public var op: ConditionOperator
    /// The key as written; compared without regard to case.
    public var key: String
    public var values: [String]

    public init(_ op: ConditionOperator, key: String, values: [String]) {
        self.op = op
        self.key = key
        self.values = values
    }
}
