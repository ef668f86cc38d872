import JSON

/// How `JSONValue.serialized(_:)` lays out JSON text.
public struct JSONFormat: Sendable, Hashable {
    /// Between array elements and object members (without the newline of an indented layout).
    public var itemSeparator: String
    /// Between a key and its value.
    public var keySeparator: String
    /// Spaces per level; `nil` prints everything on one line.
    public var indent: Int?
    /// Escapes every non-ASCII character as `\uXXXX`, as Python's `ensure_ascii` does.
    public var escapeNonASCII: Bool

    public init(itemSeparator: String, keySeparator: String, indent: Int? = nil, escapeNonASCII: Bool) {
        self.itemSeparator = itemSeparator
        self.keySeparator = keySeparator
        self.indent = indent
        self.escapeNonASCII = escapeNonASCII
    }

    /// Python's `json.dumps(value)`: `[1, 2]`, `{"a": 1}`, non-ASCII escaped.
    public static let python = JSONFormat(itemSeparator: ", ", keySeparator: ": ", escapeNonASCII: true)
    /// Python's `json.dumps(value, separators=(',', ':'))`, which JMESPath's `to_string` uses.
    public static let compact = JSONFormat(itemSeparator: ",", keySeparator: ":", escapeNonASCII: true)
    /// Python's `json.dumps(value, indent: n, ensure_ascii: false)`, as the AWS CLI prints JSON.
    public static func indented(_ spaces: Int = 4, escapeNonASCII: Bool = false) -> JSONFormat {
        JSONFormat(itemSeparator: ",", keySeparator: ": ", indent: spaces, escapeNonASCII: escapeNonASCII)
    }
}

extension JSONValue {
    /// The value as JSON text; integral numbers print without a fraction (`1`, not `1.0`).
    public func serialized(_ format: JSONFormat = .python) -> String {
        serialized(format, level: 0)
    }

    /// The value as JSON text to be placed `level` deep in an indented
    /// document: its inner lines are indented as they would be there (a
    /// document written a member at a time, not held whole).
    public func serialized(_ format: JSONFormat, level: Int) -> String {
        var writer = ValueWriter(format: format)
        writer.write(self, level: level)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}

/// Walks a `JSONValue` into the one JSON writer; numbers print as Python prints them.
private struct ValueWriter {
    var writer: JSONWriter

    init(format: JSONFormat) {
        writer = JSONWriter(format: .init(itemSeparator: format.itemSeparator, keySeparator: format.keySeparator,
                                               indent: format.indent, escapeNonASCII: format.escapeNonASCII))
    }

    var bytes: [UInt8] { writer.bytes }

    mutating func write(_ value: JSONValue, level: Int) {
        switch value {
        case .null: writer.null()
        case .bool(let b): writer.bool(b)
        case .number(let n): writer.raw(formatNumber(n))
        case .string(let s): writer.string(s)
        case .array(let elements):
            if elements.isEmpty { writer.raw("[]"); return }
            writer.raw(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if i > 0 { writer.separator() }
                writer.newline(level + 1)
                write(element, level: level + 1)
            }
            writer.newline(level)
            writer.raw(UInt8(ascii: "]"))
        case .object(let object):
            if object.isEmpty { writer.raw("{}"); return }
            writer.raw(UInt8(ascii: "{"))
            for (i, (key, member)) in object.entries.enumerated() {
                if i > 0 { writer.separator() }
                writer.newline(level + 1)
                writer.string(key)
                writer.colon()
                write(member, level: level + 1)
            }
            writer.newline(level)
            writer.raw(UInt8(ascii: "}"))
        }
    }
}

/// A number as Python prints it: integral values as integers, others as `repr(float)` does
/// (shortest round-trip digits; exponent notation below 1e-4 and from 1e16 on).
func formatNumber(_ n: Double) -> String {
    if n.isNaN { return "NaN" }
    if n.isInfinite { return n < 0 ? "-Infinity" : "Infinity" }
    if Rounding.isIntegral(n), abs(n) < 9.2e18 { return String(Int64(n)) }
    // Swift's description already has the shortest round-trip digits; only the layout differs.
    let text = n.description
    var negative = false
    var digits: [UInt8] = []
    var pointPosition: Int? = nil
    var exponent = 0
    var utf8 = Substring(text).utf8[...]
    if utf8.first == UInt8(ascii: "-") { negative = true; utf8 = utf8.dropFirst() }
    var mantissaEnd = utf8.endIndex
    if let e = utf8.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
        mantissaEnd = e
        exponent = Int(String(decoding: utf8[utf8.index(after: e)...], as: UTF8.self)) ?? 0
    }
    for c in utf8[..<mantissaEnd] {
        if c == UInt8(ascii: ".") { pointPosition = digits.count } else { digits.append(c) }
    }
    // value = 0.d1d2... × 10^(point), with leading zeros removed.
    var point = (pointPosition ?? digits.count) + exponent
    while digits.first == UInt8(ascii: "0") && digits.count > 1 { digits.removeFirst(); point -= 1 }
    while digits.last == UInt8(ascii: "0") && digits.count > 1 { digits.removeLast() }
    let scientific = point - 1
    var out = negative ? "-" : ""
    if scientific >= -4 && scientific < 16 {
        if point <= 0 {
            out += "0." + String(repeating: "0", count: -point) + String(decoding: digits, as: UTF8.self)
        } else if point >= digits.count {
            out += String(decoding: digits, as: UTF8.self) + String(repeating: "0", count: point - digits.count) + ".0"
        } else {
            out += String(decoding: digits[..<point], as: UTF8.self) + "." + String(decoding: digits[point...], as: UTF8.self)
        }
    } else {
        out += String(decoding: digits[..<1], as: UTF8.self)
        if digits.count > 1 { out += "." + String(decoding: digits[1...], as: UTF8.self) }
        out += scientific < 0 ? "e-" : "e+"
        let magnitude = abs(scientific)
        out += magnitude < 10 ? "0\(magnitude)" : "\(magnitude)"
    }
    return out
}
