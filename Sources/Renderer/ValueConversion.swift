import Catalog
import Foundation
import JMESPath
import Time

extension Value {
    /// The value as the AWS CLI v2 presents a response: timestamps as ISO 8601 text
    /// (`cli_timestamp_format = iso8601`), blobs as base64, members in order.
    public var jsonValue: JSONValue {
        switch self {
        case .string(let s): .string(s)
        case .integer(let i): .number(Double(i))
        case .double(let d): .number(d)
        case .boolean(let b): .bool(b)
        case .timestamp(let date): .string(Value.isoformat(date))
        case .blob(let bytes): .string(Value.base64(bytes))
        case .list(let elements): .array(elements.map(\.jsonValue))
        case .map(let members), .structure(let members):
            .object(JSONObject(distinctKeys: members.keys.elements, values: members.values.map(\.jsonValue)))
        }
    }

    /// A UTC instant as Python's `datetime.isoformat()` prints it:
    /// `2026-11-24T10:00:00+00:00`, with `.123000` only when the microseconds are not zero.
    public static func isoformat(_ date: Date) -> String {
        ISO8601.string(date, fraction: .microsecondsWhenNotZero, rounding: .toMicrosecond, zone: .numeric)
    }

    /// Bytes as standard base64 with padding, as the CLI prints blobs.
    public static func base64(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
    }
}

private func floorDivide(_ a: Int64, _ b: Int64) -> (quotient: Int64, remainder: Int64) {
    let q = a >= 0 ? a / b : -((-a + b - 1) / b)
    return (q, a - q * b)
}

/// Writes bytes into a buffer large enough for them.
private struct DigitWriter {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    var count = 0

    mutating func byte(_ byte: UInt8) {
        buffer[count] = byte
        count += 1
    }

    /// The decimal digits of `n`, zero-padded to `width`.
    mutating func digits(_ n: UInt, width: Int) {
        var length = 1
        var rest = n / 10
        while rest > 0 { length += 1; rest /= 10 }
        length = max(length, width)
        var n = n
        for i in stride(from: count + length - 1, through: count, by: -1) {
            buffer[i] = UInt8(ascii: "0") + UInt8(n % 10)
            n /= 10
        }
        count += length
    }
}
