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
        var out = ""
        write(to: &out, format: format, level: 0)
        return out
    }

    private func write(to out: inout String, format: JSONFormat, level: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += formatNumber(n)
        case .string(let s): writeString(s, to: &out, escapeNonASCII: format.escapeNonASCII)
        case .array(let elements):
            if elements.isEmpty { out += "[]"; return }
            out += "["
            for (i, element) in elements.enumerated() {
                if i > 0 { out += format.itemSeparator }
                newline(&out, format, level + 1)
                element.write(to: &out, format: format, level: level + 1)
            }
            newline(&out, format, level)
            out += "]"
        case .object(let object):
            if object.isEmpty { out += "{}"; return }
            out += "{"
            for (i, (key, value)) in object.entries.enumerated() {
                if i > 0 { out += format.itemSeparator }
                newline(&out, format, level + 1)
                writeString(key, to: &out, escapeNonASCII: format.escapeNonASCII)
                out += format.keySeparator
                value.write(to: &out, format: format, level: level + 1)
            }
            newline(&out, format, level)
            out += "}"
        }
    }

    private func newline(_ out: inout String, _ format: JSONFormat, _ level: Int) {
        guard let indent = format.indent else { return }
        out += "\n"
        out += String(repeating: " ", count: indent * level)
    }
}

private let hexDigits: [Character] = Array("0123456789abcdef")

private func writeString(_ s: String, to out: inout String, escapeNonASCII: Bool) {
    out += "\""
    let needsEscaping = s.utf8.contains { c in
        c < 0x20 || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") || (escapeNonASCII && c >= 0x7F)
    }
    guard needsEscaping else {
        out += s
        out += "\""
        return
    }
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "\u{08}": out += "\\b"
        case "\u{0C}": out += "\\f"
        default:
            if scalar.value < 0x20 || (escapeNonASCII && scalar.value >= 0x7F) {
                if scalar.value > 0xFFFF {
                    let v = scalar.value - 0x10000
                    appendEscape(0xD800 + (v >> 10), to: &out)
                    appendEscape(0xDC00 + (v & 0x3FF), to: &out)
                } else {
                    appendEscape(scalar.value, to: &out)
                }
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    out += "\""
}

private func appendEscape(_ unit: UInt32, to out: inout String) {
    out += "\\u"
    for shift in stride(from: 12, through: 0, by: -4) {
        out.append(hexDigits[Int((unit >> UInt32(shift)) & 0xF)])
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
