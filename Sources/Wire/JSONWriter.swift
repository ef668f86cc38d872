import Foundation

/// Writes compact JSON straight into a byte buffer, the way the services send it.
public struct JSONWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    @inline(__always) public mutating func raw(_ byte: UInt8) { bytes.append(byte) }
    @inline(__always) public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    public mutating func null() { raw("null") }
    public mutating func bool(_ value: Bool) { value ? raw("true") : raw("false") }
    public mutating func integer(_ value: Int64) { bytes.append(contentsOf: String(value).utf8) }

    /// Non-finite numbers become the strings the AWS JSON protocols use.
    public mutating func double(_ value: Double) {
        if value.isNaN { string("NaN"); return }
        if value.isInfinite { string(value < 0 ? "-Infinity" : "Infinity"); return }
        if value == value.rounded(), abs(value) < 1e15 {
            integer(Int64(value))
        } else {
            bytes.append(contentsOf: "\(value)".utf8)
        }
    }

    public mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var utf8 = value.utf8
        // Most strings need no escapes: copy them whole.
        let clean = utf8.withContiguousStorageIfAvailable { buffer in
            !buffer.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
        }
        if clean == true {
            bytes.append(contentsOf: utf8)
        } else {
            if clean == nil { var copy = value; copy.makeContiguousUTF8(); utf8 = copy.utf8 }
            for byte in utf8 {
                switch byte {
                case 0x22: raw("\\\"")
                case 0x5C: raw("\\\\")
                case 0x0A: raw("\\n")
                case 0x0D: raw("\\r")
                case 0x09: raw("\\t")
                case 0x08: raw("\\b")
                case 0x0C: raw("\\f")
                case ..<0x20:
                    raw("\\u00")
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    bytes.append(hex[Int(byte >> 4)])
                    bytes.append(hex[Int(byte & 0xF)])
                default: bytes.append(byte)
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// A whole `JSON` tree.
    public mutating func json(_ value: JSON) {
        switch value {
        case .null: null()
        case .bool(let b): bool(b)
        case .integer(let i): integer(i)
        case .double(let d): double(d)
        case .string(let s): string(s)
        case .array(let elements):
            raw(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if i > 0 { raw(UInt8(ascii: ",")) }
                json(element)
            }
            raw(UInt8(ascii: "]"))
        case .object(let members):
            raw(UInt8(ascii: "{"))
            for (i, member) in members.enumerated() {
                if i > 0 { raw(UInt8(ascii: ",")) }
                string(member.key)
                raw(UInt8(ascii: ":"))
                json(member.value)
            }
            raw(UInt8(ascii: "}"))
        }
    }

    /// The bytes of one JSON tree.
    public static func encode(_ value: JSON) -> [UInt8] {
        var writer = JSONWriter()
        writer.json(value)
        return writer.bytes
    }
}
