import Catalog
import Foundation
import OrderedCollections

/// A structure value from members in model order; absent (nil) members are left out.
func structure(_ members: (String, Value?)...) -> Value {
    var m = OrderedDictionary<String, Value>()
    m.reserveCapacity(members.count)
    for (name, value) in members {
        if let value { m[name] = value }
    }
    return .structure(m)
}

/// The empty output of operations that answer with no members.
let emptyOutput = Value.structure([:])

extension Value {
    static func time(_ millis: Millis) -> Value { .timestamp(Date(millis: millis)) }
    static func time(_ millis: Millis?) -> Value? { millis.map { .timestamp(Date(millis: $0)) } }
    static func text(_ s: String?) -> Value? { s.map { .string($0) } }
}
