import Foundation
import OrderedCollections

/// A typed value of a service shape: what the checker produces from chat words,
/// what backends read and write, and what renderers print.
///
/// Structures and maps keep their members in order (model order for structures,
/// insertion order for maps), so output can follow the AWS CLI's key order.
public enum Value: Sendable, Hashable {
    case string(String)
    /// `integer` and `long` shapes.
    case integer(Int64)
    /// `float` and `double` shapes.
    case double(Double)
    case boolean(Bool)
    case timestamp(Date)
    case blob([UInt8])
    case list([Value])
    case map(OrderedDictionary<String, Value>)
    case structure(OrderedDictionary<String, Value>)
}

extension Value {
    public var string: String? { if case .string(let s) = self { s } else { nil } }
    public var integer: Int64? { if case .integer(let i) = self { i } else { nil } }
    public var double: Double? {
        switch self {
        case .double(let d): d
        case .integer(let i): Double(i)
        default: nil
        }
    }
    public var boolean: Bool? { if case .boolean(let b) = self { b } else { nil } }
    public var timestamp: Date? { if case .timestamp(let t) = self { t } else { nil } }
    public var list: [Value]? { if case .list(let l) = self { l } else { nil } }
    /// The members of a structure or the entries of a map.
    public var members: OrderedDictionary<String, Value>? {
        switch self {
        case .structure(let m), .map(let m): m
        default: nil
        }
    }
    /// A member of a structure or an entry of a map.
    public subscript(member: String) -> Value? {
        members?[member]
    }
}
