/// A JSON document as JMESPath sees it: the input of a query and its result.
///
/// Numbers are doubles; integral numbers print without a fraction. Objects keep
/// their keys in insertion order. Strings compare by Unicode scalars (code points),
/// as JMESPath and JSON do, not by Swift's canonical equivalence.
public enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
}

extension JSONValue {
    /// The JMESPath type name: `null`, `boolean`, `number`, `string`, `array`, `object`.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// JMESPath truthiness: `false`, `null`, `""`, `[]` and `{}` are false; everything else
    /// (including `0`) is true.
    public var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let b): b
        case .number: true
        case .string(let s): !s.isEmpty
        case .array(let a): !a.isEmpty
        case .object(let o): !o.isEmpty
        }
    }

    public var isNull: Bool { if case .null = self { true } else { false } }
    public var string: String? { if case .string(let s) = self { s } else { nil } }
    public var number: Double? { if case .number(let n) = self { n } else { nil } }
    public var bool: Bool? { if case .bool(let b) = self { b } else { nil } }
    public var array: [JSONValue]? { if case .array(let a) = self { a } else { nil } }
    public var object: JSONObject? { if case .object(let o) = self { o } else { nil } }

    /// The member `key` of an object; `nil` for a missing key or a value that is not an object.
    public subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { o[key] } else { nil }
    }
}

extension JSONValue: Equatable {
    /// Deep equality: numbers by value (`1 == 1.0`), strings by code points,
    /// arrays in order, objects regardless of key order.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): a.hasSameScalars(as: b)
        case (.array(let a), .array(let b)): a.count == b.count && zip(a, b).allSatisfy { $0 == $1 }
        case (.object(let a), .object(let b)): a == b
        default: false
        }
    }
}

extension JSONValue: Hashable {
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0 as UInt8)
        case .bool(let b): hasher.combine(1 as UInt8); hasher.combine(b)
        case .number(let n): hasher.combine(2 as UInt8); hasher.combine(n)
        case .string(let s): hasher.combine(3 as UInt8); ScalarKey(s).hash(into: &hasher)
        case .array(let a):
            hasher.combine(4 as UInt8); hasher.combine(a.count)
            for element in a { element.hash(into: &hasher) }
        case .object(let o): hasher.combine(5 as UInt8); o.hash(into: &hasher)
        }
    }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        var object = JSONObject()
        for (key, value) in elements { object[key] = value }
        self = .object(object)
    }
}

extension JSONValue: CustomStringConvertible {
    /// The value as JSON, the way Python's `json.dumps` prints it.
    public var description: String { serialized() }
}

extension String {
    /// Equality by Unicode scalars (UTF-8 bytes), unlike `==`, which uses canonical equivalence.
    @inline(__always)
    func hasSameScalars(as other: String) -> Bool {
        var a = self, b = other
        return a.withUTF8 { pa in b.withUTF8 { pb in
            pa.count == pb.count && (pa.count == 0 || memoryEqual(pa, pb))
        } }
    }

    /// Order by Unicode scalars (code points), which is the order of the UTF-8 bytes.
    func precedesByScalars(_ other: String) -> Bool {
        var a = self, b = other
        return a.withUTF8 { pa in b.withUTF8 { pb in pa.lexicographicallyPrecedes(pb) } }
    }
}

@inline(__always)
private func memoryEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    let n = a.count
    while i < n {
        if a[i] != b[i] { return false }
        i += 1
    }
    return true
}

/// A string key hashed and compared by its UTF-8 bytes.
struct ScalarKey: Hashable {
    let string: String
    init(_ string: String) { self.string = string }
    static func == (lhs: ScalarKey, rhs: ScalarKey) -> Bool { lhs.string.hasSameScalars(as: rhs.string) }
    func hash(into hasher: inout Hasher) {
        var s = string
        s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

/// Rounding without libm (which this module does not link): below 2^52 a Double
/// converts to an integer exactly; from 2^52 on every Double is integral.
enum Rounding {
    static func isIntegral(_ x: Double) -> Bool {
        guard x.isFinite else { return false }
        if Swift.abs(x) >= 4_503_599_627_370_496 { return true }
        return Double(Int64(x)) == x
    }

    static func floor(_ x: Double) -> Double {
        guard x.isFinite, Swift.abs(x) < 4_503_599_627_370_496 else { return x }
        let t = Double(Int64(x))
        return t > x ? t - 1 : t
    }

    static func ceil(_ x: Double) -> Double {
        guard x.isFinite, Swift.abs(x) < 4_503_599_627_370_496 else { return x }
        let t = Double(Int64(x))
        return t < x ? t + 1 : t
    }
}
