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
        var writer = JSONWriter(format: format)
        writer.write(self, level: level)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}

/// Writes JSON text as UTF-8 bytes into one buffer.
private struct JSONWriter {
    let format: JSONFormat
    let itemSeparator: [UInt8]
    let keySeparator: [UInt8]
    var bytes: [UInt8] = []

    init(format: JSONFormat) {
        self.format = format
        itemSeparator = Array(format.itemSeparator.utf8)
        keySeparator = Array(format.keySeparator.utf8)
        bytes.reserveCapacity(256)
    }

    mutating func write(_ value: JSONValue, level: Int) {
        switch value {
        case .null: append("null")
        case .bool(let b): append(b ? "true" : "false")
        case .number(let n): bytes.append(contentsOf: formatNumber(n).utf8)
        case .string(let s): writeString(s)
        case .array(let elements):
            if elements.isEmpty { append("[]"); return }
            bytes.append(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if i > 0 { bytes.append(contentsOf: itemSeparator) }
                newline(level + 1)
                write(element, level: level + 1)
            }
            newline(level)
            bytes.append(UInt8(ascii: "]"))
        case .object(let object):
            if object.isEmpty { append("{}"); return }
            bytes.append(UInt8(ascii: "{"))
            for (i, (key, member)) in object.entries.enumerated() {
                if i > 0 { bytes.append(contentsOf: itemSeparator) }
                newline(level + 1)
                writeString(key)
                bytes.append(contentsOf: keySeparator)
                write(member, level: level + 1)
            }
            newline(level)
            bytes.append(UInt8(ascii: "}"))
        }
    }

    private mutating func append(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func newline(_ level: Int) {
        guard let indent = format.indent else { return }
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(0x20, count: indent * level))
    }

    private mutating func writeString(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        let escapeNonASCII = format.escapeNonASCII
        var s = s
        s.withUTF8 { utf8 in
            var runStart = 0
            var i = 0
            while i < utf8.count {
                let c = utf8[i]
                let plain = c >= 0x20 && c != UInt8(ascii: "\"") && c != UInt8(ascii: "\\") && (c < 0x7F || !escapeNonASCII)
                if plain { i += 1; continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
                if c >= 0x7F {
                    // A whole scalar, escaped as \uXXXX (surrogate pairs beyond the BMP).
                    var length = 1
                    while i + length < utf8.count, utf8[i + length] & 0xC0 == 0x80 { length += 1 }
                    let scalar = String(decoding: UnsafeBufferPointer(rebasing: utf8[i..<(i + length)]), as: UTF8.self)
                        .unicodeScalars.first!.value
                    if scalar > 0xFFFF {
                        let v = scalar - 0x10000
                        appendEscape(0xD800 + (v >> 10))
                        appendEscape(0xDC00 + (v & 0x3FF))
                    } else {
                        appendEscape(scalar)
                    }
                    i += length
                } else {
                    switch c {
                    case UInt8(ascii: "\""): append("\\\"")
                    case UInt8(ascii: "\\"): append("\\\\")
                    case 0x0A: append("\\n")
                    case 0x0D: append("\\r")
                    case 0x09: append("\\t")
                    case 0x08: append("\\b")
                    case 0x0C: append("\\f")
                    default: appendEscape(UInt32(c))
                    }
                    i += 1
                }
                runStart = i
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscape(_ unit: UInt32) {
        append("\\u")
        for shift in stride(from: 12, through: 0, by: -4) {
            bytes.append(hexDigits[Int((unit >> UInt32(shift)) & 0xF)])
        }
    }
}

private let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

/// A number as Python prints it: integral values as integers, others as `repr(float)` does
/// (shortest round-trip digits; exponent notation below 1e-4 and from 1e16 on).
func formatNumber(_ n: Double) -> String {
    if Rounding.isIntegral(n), abs(n) < 9.2e18 { return String(Int64(n)) }
    return PythonNumbers.jsonText(n)
}
