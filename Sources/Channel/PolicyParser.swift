import Catalog
import Foundation
import Syntax
import Yams

/// Reads IAM policy documents out of a channel file (inline YAML or JSON) or
/// out of the `file://` documents it names, and rejects any document that
/// breaks IAM's grammar. A rejected document is an error, never "allow".
struct PolicyParser {
    /// Identity policies (a role's, a guardrail) have no `Principal`;
    /// resource policies (a topic's access policy) must have one.
    enum Kind {
        case identity
        case resource
    }

    let reader: YAMLReader
    /// The folder `file://` paths are relative to.
    let directory: URL?
    let kind: Kind

    /// A policy written in place, or a `"file://policy.json"` string.
    func document(_ node: Node, _ field: String, name: String) throws(ConfigurationError) -> PolicyDocument {
        if case .scalar(let s) = node, !reader.isNull(node) {
            guard s.string.hasPrefix("file://") else {
                throw reader.error(.wrongType, field, "expected a policy document or \"file://PATH\", found \(reader.describe(node))", at: node)
            }
            return try documentFile(String(s.string.dropFirst("file://".count)), node, field, name: name)
        }
        return try parse(node, field, name: name, reader: reader)
    }

    private func documentFile(_ path: String, _ node: Node, _ field: String, name: String) throws(ConfigurationError) -> PolicyDocument {
        let url = path.hasPrefix("/") || directory == nil ? URL(fileURLWithPath: path) : directory!.appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw reader.error(.unreadableFile, field, "cannot read policy file \(path)", at: node)
        }
        // Name the file as the channel file names itself: relative stays relative.
        let base = (reader.file.name as NSString).deletingLastPathComponent
        let shown = path.hasPrefix("/") || base.isEmpty ? path : base + "/" + path
        let file = SourceFile(name: shown, bytes: [UInt8](data))
        let inner = YAMLReader(file: file)
        if url.pathExtension.lowercased() == "json" {
            try checkJSON(file)
        }
        guard let root = try inner.root() else {
            throw inner.error(.invalidPolicy, "", "the policy file is empty", at: nil)
        }
        return try parse(root, "", name: name, reader: inner)
    }

    /// A `.json` policy must be strict JSON, not merely YAML that looks like it.
    private func checkJSON(_ file: SourceFile) throws(ConfigurationError) {
        do {
            _ = try JSONSerialization.jsonObject(with: Data(file.bytes), options: [])
        } catch {
            let text = (error as NSError).userInfo["NSDebugDescription"] as? String ?? "\(error)"
            var location = file.location(of: file.bytes.count)
            if let range = text.range(of: "character "), let n = Int(text[range.upperBound...].prefix { $0.isNumber }) {
                location = file.location(of: n)
            }
            let message = text.hasSuffix(".") ? String(text.dropLast()) : text
            throw ConfigurationError(.syntax, field: "", message: "not valid JSON: \(message)", range: SourceRange(at: location), in: file)
        }
    }

    // MARK: the grammar

    private func parse(_ node: Node, _ field: String, name: String, reader: YAMLReader) throws(ConfigurationError) -> PolicyDocument {
        let pairs = try reader.mapping(node, field.isEmpty ? "policy" : field)
        try reader.checkKeys(pairs, allowed: ["Version", "Id", "Statement"], field, what: "a policy document")
        var version = "2008-10-17"
        var id: String?
        var statementNode: Node?
        for (key, _, value) in pairs {
            let f = reader.join(field, key)
            switch key {
            case "Version":
                version = try reader.string(value, f)
                guard PolicyDocument.versions.contains(version) else {
                    throw reader.error(.invalidPolicy, f, "unknown policy Version \"\(version)\"", at: value, suggestion: "use \"2012-10-17\"")
                }
            case "Id": id = try reader.string(value, f)
            default: statementNode = value
            }
        }
        guard let statementNode else {
            throw reader.error(.invalidPolicy, field, "a policy document needs a Statement", at: node)
        }
        let f = reader.join(field, "Statement")
        let items: [Node]
        if case .mapping = statementNode { items = [statementNode] } else { items = try reader.sequence(statementNode, f) }
        var statements: [Statement] = []
        var sids: Set<String> = []
        for (i, item) in items.enumerated() {
            let s = try statement(item, "\(f)[\(i)]", index: i, reader: reader)
            if let sid = s.sid {
                if sids.contains(sid) {
                    throw reader.error(.invalidPolicy, "\(f)[\(i)].Sid", "statement \(i + 1): Sid \"\(sid)\" is used twice in one policy", at: item)
                }
                sids.insert(sid)
            }
            statements.append(s)
        }
        return PolicyDocument(version: version, id: id, statements: statements, name: name)
    }

    private func statement(_ node: Node, _ field: String, index: Int, reader: YAMLReader) throws(ConfigurationError) -> Statement {
        let pairs = try reader.mapping(node, field)
        try reader.checkKeys(pairs, allowed: ["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction",
                                              "Resource", "NotResource", "Condition"], field, what: "a policy statement")
        var sid: String?
        if let value = pairs.first(where: { $0.key == "Sid" })?.value {
            sid = try reader.string(value, field + ".Sid")
        }
        let label = "statement \(index + 1)" + (sid.map { " (Sid \"\($0)\")" } ?? "")
        func fail(_ key: String, _ message: String, _ at: Node, suggestion: String? = nil) -> ConfigurationError {
            reader.error(.invalidPolicy, key.isEmpty ? field : field + "." + key, "\(label): \(message)", at: at, suggestion: suggestion)
        }
        func value(_ key: String) -> Node? { pairs.first { $0.key == key }?.value }

        // Effect
        guard let effectNode = value("Effect") else { throw fail("", "a statement needs an Effect (Allow or Deny)", node) }
        let effectText = try reader.string(effectNode, field + ".Effect")
        guard let effect = Statement.Effect(rawValue: effectText) else {
            let close = ["Allow", "Deny"].first { $0.lowercased() == effectText.lowercased() }
            throw fail("Effect", "unknown Effect \"\(effectText)\": it must be Allow or Deny", effectNode,
                       suggestion: close.map { "write \"\($0)\" (Effect is case-sensitive)" })
        }

        // Action / NotAction
        let actionNode = value("Action"), notActionNode = value("NotAction")
        if actionNode != nil && notActionNode != nil { throw fail("NotAction", "a statement has Action or NotAction, not both", notActionNode!) }
        guard let aNode = actionNode ?? notActionNode else { throw fail("", "a statement needs an Action or a NotAction", node) }
        let aKey = actionNode != nil ? "Action" : "NotAction"
        var patterns: [Wildcard] = []
        for (i, (text, at)) in try reader.strings(aNode, field + "." + aKey).enumerated() {
            if let problem = Self.actionProblem(text) {
                let key = aNode.sequence == nil ? aKey : "\(aKey)[\(i)]"
                throw fail(key, problem.message, at, suggestion: problem.suggestion)
            }
            patterns.append(Wildcard(text, flavor: .action))
        }
        let actions: Statement.Actions = actionNode != nil ? .action(patterns) : .notAction(patterns)

        // Resource / NotResource
        let resourceNode = value("Resource"), notResourceNode = value("NotResource")
        if resourceNode != nil && notResourceNode != nil { throw fail("NotResource", "a statement has Resource or NotResource, not both", notResourceNode!) }
        guard let rNode = resourceNode ?? notResourceNode else { throw fail("", "a statement needs a Resource or a NotResource", node) }
        let rKey = resourceNode != nil ? "Resource" : "NotResource"
        var resourceTexts: [String] = []
        for (i, (text, at)) in try reader.strings(rNode, field + "." + rKey).enumerated() {
            guard text == "*" || text.hasPrefix("arn:") else {
                let key = rNode.sequence == nil ? rKey : "\(rKey)[\(i)]"
                throw fail(key, "resource \"\(text)\" is neither an ARN nor \"*\"", at)
            }
            resourceTexts.append(text)
        }
        let resources: Statement.Resources = resourceNode != nil ? .resource(resourceTexts) : .notResource(resourceTexts)

        // Principal / NotPrincipal
        let principalNode = value("Principal"), notPrincipalNode = value("NotPrincipal")
        var principal: Principals?
        switch kind {
        case .identity:
            if let p = principalNode ?? notPrincipalNode {
                throw fail(principalNode != nil ? "Principal" : "NotPrincipal",
                           "an identity policy (a role's or a guardrail) has no Principal; that belongs in a resource policy such as a topic's access policy", p)
            }
        case .resource:
            if principalNode != nil && notPrincipalNode != nil { throw fail("NotPrincipal", "a statement has Principal or NotPrincipal, not both", notPrincipalNode!) }
            guard let p = principalNode ?? notPrincipalNode else { throw fail("", "a resource policy statement needs a Principal", node) }
            principal = try principals(p, field + "." + (principalNode != nil ? "Principal" : "NotPrincipal"),
                                       negated: principalNode == nil, label: label, reader: reader)
        }

        // Condition
        var conditions: [Condition] = []
        if let c = value("Condition") {
            for (opName, opNode, keys) in try reader.mapping(c, field + ".Condition") {
                let opField = field + ".Condition." + opName
                guard let op = ConditionOperator(parsing: opName) else {
                    let close = DidYouMean.candidates(for: opName, among: ConditionOperator.knownNames)
                    throw reader.error(.invalidPolicy, opField, "\(label): unknown condition operator \"\(opName)\"", at: opNode,
                                       suggestion: close.isEmpty ? nil : "did you mean \(close.map { "\"\($0)\"" }.joined(separator: " or "))?")
                }
                for (key, keyNode, valuesNode) in try reader.mapping(keys, opField) {
                    let values = try reader.strings(valuesNode, opField + "." + key).map(\.0)
                    if values.isEmpty {
                        throw reader.error(.invalidPolicy, opField + "." + key, "\(label): a condition needs at least one value", at: keyNode)
                    }
                    if op.base == .null, let bad = values.first(where: { !["true", "false"].contains($0.lowercased()) }) {
                        throw reader.error(.invalidPolicy, opField + "." + key, "\(label): Null takes true or false, found \"\(bad)\"", at: valuesNode)
                    }
                    conditions.append(Condition(op, key: key, values: values))
                }
            }
        }

        let location = node.mark.map { "\(reader.file.name):\($0.line):\($0.column)" }
        return Statement(sid: sid, effect: effect, principal: principal, actions: actions, resources: resources,
                         conditions: conditions, index: index, location: location)
    }

    private func principals(_ node: Node, _ field: String, negated: Bool, label: String, reader: YAMLReader) throws(ConfigurationError) -> Principals {
        var p = Principals(isNegated: negated)
        if case .scalar = node {
            guard try reader.string(node, field) == "*" else {
                throw reader.error(.invalidPolicy, field, "\(label): a Principal is \"*\" or a mapping such as {\"Service\": \"ssm-incidents.amazonaws.com\"}", at: node)
            }
            p.everyone = true
            return p
        }
        let pairs = try reader.mapping(node, field)
        try reader.checkKeys(pairs, allowed: ["AWS", "Service", "Federated", "CanonicalUser"], field, what: "a Principal")
        for (key, _, value) in pairs {
            let names = try reader.strings(value, field + "." + key).map(\.0)
            switch key {
            case "AWS":
                if names.contains("*") { p.everyone = true }
                p.aws += names
            case "Service": p.services += names
            default: p.federated += names
            }
        }
        return p
    }

    /// What is wrong with an action name, if anything: `*`, or `prefix:Name`
    /// where the name may hold wildcards.
    static func actionProblem(_ text: String) -> (message: String, suggestion: String?)? {
        if text == "*" { return nil }
        guard let colon = text.firstIndex(of: ":") else {
            let service = Catalog.shared.services.first { $0.operation(apiName: text) != nil }?.name.rawValue
            return ("action \"\(text)\" has no service prefix",
                    service.map { "write \"\($0):\(text)\"" } ?? "write SERVICE:ACTION, such as \"ssm-incidents:GetIncidentRecord\"")
        }
        let prefix = text[..<colon], name = text[text.index(after: colon)...]
        let prefixOK = !prefix.isEmpty && prefix.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "*" || $0 == "?") }
        if !prefixOK { return ("action \"\(text)\" has a malformed service prefix \"\(prefix)\"", nil) }
        let nameOK = !name.isEmpty && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "*" || $0 == "?" || $0 == "-" || $0 == "_") }
        if !nameOK { return ("action \"\(text)\" has a malformed action name \"\(name)\"", nil) }
        return nil
    }
}
