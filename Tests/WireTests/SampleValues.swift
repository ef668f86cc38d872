import Catalog
import Foundation
import OrderedCollections

/// Values for every member of a shape that satisfy the model's constraints
/// (patterns aside), to drive round trips over every operation.
struct SampleValues {
    let service: ServiceModel
    static let date = Date(timeIntervalSince1970: 1_795_514_400.25)

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
            return .string("v/é:" + String(repeating: "x", count: max(0, Int(shape.min ?? 0) - 4)))
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
