import Foundation
import Time

/// Decides one condition of a statement against a request context, with
/// IAM's rules:
/// - several values for one key: any may match (none may, for a negated operator);
/// - a key the request lacks: the condition fails, except for negated
///   operators (they hold), `...IfExists` (holds) and `Null`;
/// - `ForAnyValue`: some request value matches (fails when there are none);
///   `ForAllValues`: every request value matches (holds when there are none).
enum ConditionEvaluator {
    static func holds(_ condition: Condition, in context: RequestContext, variables: Bool) -> Bool {
        let op = condition.op
        let requestValues = context.values(of: condition.key)

        if op.base == .null {
            let absent = requestValues?.isEmpty ?? true
            return condition.values.contains { ($0.lowercased() == "true") == absent }
        }

        guard let requestValues, !requestValues.isEmpty else {
            if op.ifExists { return true }
            switch op.set {
            case .forAllValues: return true
            case .forAnyValue: return false
            case nil: return op.base.isNegated
            }
        }

        let policyValues: [[Wildcard.Piece]] = condition.values.compactMap { value in
            variables && op.base.takesVariables ? context.substitute(value) : [.pattern(value)]
        }

        // One request value against the policy's values.
        func matches(_ value: String) -> Bool {
            let any = policyValues.contains { compare(op.base, value, $0) }
            return op.base.isNegated ? !any : any
        }

        switch op.set {
        case .forAnyValue: return requestValues.contains(where: matches)
        case .forAllValues: return requestValues.allSatisfy(matches)
        case nil: return op.base.isNegated ? requestValues.allSatisfy(matches) : requestValues.contains(where: matches)
        }
    }

    /// The positive test behind an operator: does this request value match this policy value?
    private static func compare(_ base: ConditionOperator.Base, _ value: String, _ policy: [Wildcard.Piece]) -> Bool {
        let text = policy.plainText
        switch base {
        case .stringEquals, .stringNotEquals:
            return value == text
        case .stringEqualsIgnoreCase, .stringNotEqualsIgnoreCase:
            return value.lowercased() == text.lowercased()
        case .stringLike, .stringNotLike:
            return Wildcard(text: text, flavor: .string, pieces: policy).matches(value)
        case .numericEquals, .numericNotEquals, .numericLessThan, .numericLessThanEquals,
             .numericGreaterThan, .numericGreaterThanEquals:
            guard let a = Double(value), let b = Double(text) else { return false }
            return order(base, a, b)
        case .dateEquals, .dateNotEquals, .dateLessThan, .dateLessThanEquals, .dateGreaterThan, .dateGreaterThanEquals:
            guard let a = parseDate(value), let b = parseDate(text) else { return false }
            return order(base, a.timeIntervalSince1970, b.timeIntervalSince1970)
        case .bool:
            let v = value.lowercased()
            return (v == "true" || v == "false") && v == text.lowercased()
        case .binaryEquals:
            return value == text
        case .ipAddress, .notIpAddress:
            return IPv4Block(text)?.contains(value) ?? false
        case .arnEquals, .arnLike, .arnNotEquals, .arnNotLike:
            // Both forms take wildcards, segment by segment, case-sensitive.
            guard value.hasPrefix("arn:"), value.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).count == 6 else { return false }
            return Wildcard(text: text, flavor: .arn, pieces: policy).matches(value)
        case .null:
            return false
        }
    }

    private static func order(_ base: ConditionOperator.Base, _ a: Double, _ b: Double) -> Bool {
        switch base {
        case .numericEquals, .numericNotEquals, .dateEquals, .dateNotEquals: a == b
        case .numericLessThan, .dateLessThan: a < b
        case .numericLessThanEquals, .dateLessThanEquals: a <= b
        case .numericGreaterThan, .dateGreaterThan: a > b
        case .numericGreaterThanEquals, .dateGreaterThanEquals: a >= b
        default: false
        }
    }

    /// ISO 8601 (with or without fractional seconds, or a date alone) or epoch seconds.
    static func parseDate(_ text: String) -> Date? {
        if let seconds = Double(text), !text.contains("-") { return Date(timeIntervalSince1970: seconds) }
        return ISO8601.parse(text, .wireOrDate)
    }
}

/// An IPv4 address block, `203.0.113.0/24` (a bare address is a /32).
struct IPv4Block {
    let network: UInt32
    let mask: UInt32

    init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1)
        guard let address = parts.first.flatMap({ IPv4Block.address(String($0)) }) else { return nil }
        let bits = parts.count == 2 ? Int(parts[1]) : 32
        guard let bits, (0...32).contains(bits) else { return nil }
        mask = bits == 0 ? 0 : UInt32.max << UInt32(32 - bits)
        network = address & mask
    }

    func contains(_ text: String) -> Bool {
        guard let a = IPv4Block.address(text) else { return false }
        return a & mask == network
    }

    static func address(_ text: String) -> UInt32? {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var value: UInt32 = 0
        for o in octets {
            guard let n = UInt8(o) else { return nil }
            value = value << 8 | UInt32(n)
        }
        return value
    }
}
