import Catalog
import Foundation
import JMESPath

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
        let micros = Int64((date.timeIntervalSince1970 * 1_000_000).rounded(.toNearestOrEven))
        let (seconds, fraction) = floorDivide(micros, 1_000_000)
        let (days, secondOfDay) = floorDivide(seconds, 86_400)
        let (year, month, day) = CivilDate.date(fromDays: Int(days))
        var text: [UInt8] = []
        text.reserveCapacity(32)
        if year < 0 { text.append(UInt8(ascii: "-")) }
        appendDigits(Int64(year), width: 4, to: &text)
        appendDigits(Int64(month), width: 2, after: UInt8(ascii: "-"), to: &text)
        appendDigits(Int64(day), width: 2, after: UInt8(ascii: "-"), to: &text)
        appendDigits(secondOfDay / 3600, width: 2, after: UInt8(ascii: "T"), to: &text)
        appendDigits(secondOfDay / 60 % 60, width: 2, after: UInt8(ascii: ":"), to: &text)
        appendDigits(secondOfDay % 60, width: 2, after: UInt8(ascii: ":"), to: &text)
        if fraction != 0 { appendDigits(fraction, width: 6, after: UInt8(ascii: "."), to: &text) }
        text += "+00:00".utf8
        return String(decoding: text, as: UTF8.self)
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

/// The decimal digits of `n`'s magnitude, zero-padded to `width`, after `separator`.
private func appendDigits(_ n: Int64, width: Int, after separator: UInt8? = nil, to text: inout [UInt8]) {
    if let separator { text.append(separator) }
    let start = text.count
    var n = n.magnitude
    repeat {
        text.append(UInt8(ascii: "0") + UInt8(n % 10))
        n /= 10
    } while n > 0 || text.count - start < width
    text[start...].reverse()
}
