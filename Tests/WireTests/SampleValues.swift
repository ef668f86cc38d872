import Catalog
import Constraints
import Foundation
import OrderedCollections

/// Values for every member of a shape that satisfy the model's constraints
/// (patterns included: the wire checks them), to drive round trips over every operation.
struct SampleValues {
    let service: ServiceModel
    static let date = Date(timeIntervalSince1970: 1_795_514_400.25)
    /// Values for the models' patterned strings (ARNs, identifiers, names, codes).
    static let patterned = [
        "arn:aws:ssm-incidents::111122223333:incident-record/db/6cc4",
        "arn:aws:ssm-contacts:us-east-1:111122223333:contact/alias",
        "arn:aws:iam::111122223333:role/r",
        "related-item/OTHER/0123456789ABCDEF0123456789ABCDEF",
        "01234567-89ab-cdef-0123-456789abcdef",
        "value", "123456",
    ]

    func structure(_ shape: Shape, depth: Int = 0) -> OrderedDictionary<String, Value> {
        var out = OrderedDictionary<String, Value>()
        let members = shape.kind == .union ? Array(shape.members.prefix(1)) : shape.members
        for member in members {
            if depth > 4 && !member.isRequired && shape.kind != .union { continue }
            let memberShape = service.shape(of: member)
            // Maps bound to headers or the query take any names; leave them out.
            if memberShape.kind == .map && member.location != .body { continue }
            out[member.name] = value(memberShape, depth: depth + 1)
        }
        return out
    }

    func value(_ shape: Shape, depth: Int) -> Value {
        switch shape.kind {
        case .structure, .union: return .structure(structure(shape, depth: depth))
        case .list:
            let count = max(1, Int(shape.min ?? 1))
            return .list((0..<count).map { _ in value(service[shape.element!], depth: depth + 1) })
        case .map:
            let keyShape = service[shape.key!]
            let key = keyShape.enumValues.first ?? String(repeating: "k", count: max(1, Int(keyShape.min ?? 1)))
            return .map([key: value(service[shape.value!], depth: depth + 1)])
        case .string:
            if let first = shape.enumValues.first { return .string(first) }
            let plain = "v/é:" + String(repeating: "x", count: max(0, Int(shape.min ?? 0) - 4))
            guard let source = shape.pattern, let pattern = try? Pattern(source) else { return .string(plain) }
            let lo = Int(shape.min ?? 0), hi = Int(shape.max ?? Int64.max)
            let fits = ([plain] + Self.patterned).first { pattern.matches($0) && (lo...hi).contains($0.unicodeScalars.count) }
            return .string(fits ?? plain)
        case .integer, .long:
            let lo = shape.min ?? 1
            return .integer(min(max(lo, 1), shape.max ?? Int64.max))
        case .float, .double: return .double(1.5)
        case .boolean: return .boolean(true)
        case .timestamp: return .timestamp(Self.date)
        case .blob: return .blob([0, 1, 2, 250])
        }
    }
}
