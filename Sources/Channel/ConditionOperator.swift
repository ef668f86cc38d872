/// A condition operator as IAM spells it: an optional set qualifier
/// (`ForAnyValue:`, `ForAllValues:`), a base operator, and an optional
/// `IfExists` suffix. `StringEqualsIfExists`, `ForAllValues:StringLike`.
public struct ConditionOperator: Sendable, Hashable, CustomStringConvertible {
    public enum Base: String, Sendable, Hashable, CaseIterable {
        case stringEquals = "StringEquals"
        case stringNotEquals = "StringNotEquals"
        case stringEqualsIgnoreCase = "StringEqualsIgnoreCase"
        case stringNotEqualsIgnoreCase = "StringNotEqualsIgnoreCase"
        case stringLike = "StringLike"
        case stringNotLike = "StringNotLike"
        case numericEquals = "NumericEquals"
        case numericNotEquals = "NumericNotEquals"
        case numericLessThan = "NumericLessThan"
        case numericLessThanEquals = "NumericLessThanEquals"
        case numericGreaterThan = "NumericGreaterThan"
        case numericGreaterThanEquals = "NumericGreaterThanEquals"
        case dateEquals = "DateEquals"
        case dateNotEquals = "DateNotEquals"
        case dateLessThan = "DateLessThan"
        case dateLessThanEquals = "DateLessThanEquals"
        case dateGreaterThan = "DateGreaterThan"
        case dateGreaterThanEquals = "DateGreaterThanEquals"
        case bool = "Bool"
        case binaryEquals = "BinaryEquals"
        case ipAddress = "IpAddress"
        case notIpAddress = "NotIpAddress"
        case arnEquals = "ArnEquals"
        case arnLike = "ArnLike"
        case arnNotEquals = "ArnNotEquals"
        case arnNotLike = "ArnNotLike"
        case null = "Null"

        /// Negated operators hold when no policy value matches, and when the key is absent.
        public var isNegated: Bool {
            switch self {
            case .stringNotEquals, .stringNotEqualsIgnoreCase, .stringNotLike, .numericNotEquals,
                 .dateNotEquals, .notIpAddress, .arnNotEquals, .arnNotLike: true
            default: false
            }
        }

        /// Whether `${...}` policy variables are filled in in the values.
        public var takesVariables: Bool {
            switch self {
            case .stringEquals, .stringNotEquals, .stringEqualsIgnoreCase, .stringNotEqualsIgnoreCase,
                 .stringLike, .stringNotLike, .arnEquals, .arnLike, .arnNotEquals, .arnNotLike, .bool: true
            default: false
            }
        }
    }

    public enum SetQualifier: String, Sendable, Hashable {
        case forAnyValue = "ForAnyValue"
        case forAllValues = "ForAllValues"
    }

    public var base: Base
    public var ifExists: Bool
    public var set: SetQualifier?

    public init(_ base: Base, ifExists: Bool = false, set: SetQualifier? = nil) {
        self.base = base
        self.ifExists = ifExists
        self.set = set
    }

    /// Reads an operator name; nil when it is not one IAM knows.
    /// Operator names are case-sensitive, as in IAM.
    public init?(parsing name: String) {
        var rest = Substring(name)
        var set: SetQualifier?
        if let colon = rest.firstIndex(of: ":") {
            guard let q = SetQualifier(rawValue: String(rest[..<colon])) else { return nil }
            set = q
            rest = rest[rest.index(after: colon)...]
        }
        var ifExists = false
        if rest.hasSuffix("IfExists") {
            ifExists = true
            rest = rest.dropLast("IfExists".count)
        }
        guard let base = Base(rawValue: String(rest)) else { return nil }
        if base == .null && ifExists { return nil }
        self.init(base, ifExists: ifExists, set: set)
    }

    /// Every operator name, for did-you-mean.
    public static var knownNames: [String] {
        Base.allCases.map(\.rawValue) + Base.allCases.filter { $0 != .null }.map { $0.rawValue + "IfExists" }
    }

    public var description: String {
        (set.map { $0.rawValue + ":" } ?? "") + base.rawValue + (ifExists ? "IfExists" : "")
    }
}
