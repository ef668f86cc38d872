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

/// A JSON object built by hand, keys in the order given (for system timeline
/// events, whose data must read the same on every run).
struct JSONObject {
    private var parts: [String] = []

    mutating func add(_ key: String, _ value: String) { parts.append("\(Self.quote(key)):\(Self.quote(value))") }
    mutating func add(_ key: String, _ value: Int64) { parts.append("\(Self.quote(key)):\(value)") }
    mutating func add(_ key: String, raw: String) { parts.append("\(Self.quote(key)):\(raw)") }

    var text: String { "{" + parts.joined(separator: ",") + "}" }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
