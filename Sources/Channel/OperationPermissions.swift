import Catalog

/// What IAM sees of a request: the action (`ssm-incidents:CreateTimelineEvent`)
/// and the resource it acts on, taken from the input member that names it.
///
/// Which member names the resource is a fact of each operation, kept in the
/// catalog's table (`OperationName.iamResource`); this fills in the ARN.
public enum OperationPermissions {
    /// `service:Operation` (see `OperationName.iamAction`).
    public static func action(for request: Request) -> String { request.operation.iamAction }

    /// The resource ARN of a request (`*` when there is none, or when the member is missing).
    public static func resource(for request: Request, account: String, region: String) -> String {
        switch request.operation.iamResource {
        case .any:
            return "*"
        case .member(let name):
            return request.input[name]?.string ?? "*"
        case .named(let member, let template):
            guard let name = request.input[member]?.string else { return "*" }
            return template.replacingOccurrences(of: "{account}", with: account)
                .replacingOccurrences(of: "{region}", with: region)
                .replacingOccurrences(of: "{name}", with: name)
        }
    }

    /// The channel's custom actions (aliases), named in IAM as the chat
    /// service (`chatbot`) names them: each alias command is one of these
    /// actions, on the alias's ARN (`*` for listing). Docs/permissions.md
    /// lists them.
    public enum CustomAction: String, Sendable, Hashable, CaseIterable {
        /// `@aws alias create NAME COMMAND`
        case create = "CreateCustomAction"
        /// `@aws alias update NAME COMMAND`
        case update = "UpdateCustomAction"
        /// `@aws alias delete NAME`
        case delete = "DeleteCustomAction"
        /// `@aws alias list`
        case list = "ListCustomActions"
        /// `@aws run NAME ...`; the command it expands to is authorised on its own.
        case invoke = "InvokeCustomAction"

        /// The IAM prefix of the chat service's actions.
        public static let prefix = "chatbot"

        /// `chatbot:CreateCustomAction`, ...
        public var action: String { "\(Self.prefix):\(rawValue)" }

        /// The alias's ARN, `arn:aws:chatbot::ACCOUNT:custom-action/NAME`
        /// (the chat service is global: no Region); `*` without a name.
        public static func resource(alias name: String?, account: String) -> String {
            name.map { "arn:aws:chatbot::\(account):custom-action/\($0)" } ?? "*"
        }
    }

    /// The request's tag keys and values, for `aws:RequestTag/KEY` and
    /// `aws:TagKeys`: a `tags` map (ssm-incidents), a `Tags` list of
    /// `{Key, Value}` (ssm-contacts), or the `tagKeys`/`TagKeys` being removed.
    public static func requestTags(of request: Request) -> (tags: [(String, String)], keys: [String])? {
        var tags: [(String, String)] = []
        var keys: [String] = []
        var found = false
        if let map = (request.input["tags"] ?? request.input["Tags"])?.members {
            found = true
            for (k, v) in map { tags.append((k, v.string ?? "")); keys.append(k) }
        } else if let list = request.input["Tags"]?.list {
            found = true
            for item in list {
                guard let k = item["Key"]?.string else { continue }
                tags.append((k, item["Value"]?.string ?? ""))
                keys.append(k)
            }
        }
        if let removed = (request.input["tagKeys"] ?? request.input["TagKeys"])?.list {
            found = true
            keys += removed.compactMap(\.string)
        }
        return found ? (tags, keys) : nil
    }
}
