import JSON
import Text

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
    if Rounding.isIntegral(n), abs(n) < 9.2e18 { return String(Int64(n)) }
    return PythonNumbers.jsonText(n)
}
