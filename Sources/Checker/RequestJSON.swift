import Catalog
import Foundation

/// Typed values as JSON, the way `check --json` shows a request: members in
/// model order, timestamps as ISO 8601 UTC with milliseconds
/// (`2026-11-24T10:00:00.000Z`), blobs in base64.
public enum RequestJSON {
    public static func json(_ value: Value) -> JSONText {
        switch value {
        case .string(let s): .string(s)
        case .integer(let i): .integer(i)
        case .double(let d): .double(d)
        case .boolean(let b): .boolean(b)
        case .timestamp(let t): .string(timestamp(t))
        case .blob(let bytes): .string(Data(bytes).base64EncodedString())
        case .list(let items): .array(items.map(json))
        case .map(let members), .structure(let members): .object(members.map { ($0.key, json($0.value)) })
        }
    }

    /// The input of a request as a JSON object.
    public static func json(_ request: Request) -> JSONText {
        .object(request.input.map { ($0.key, json($0.value)) })
    }

    /// `2026-11-24T10:00:00.000Z`: milliseconds, cut (not rounded) as Python's
    /// microseconds are.
    public static func timestamp(_ date: Date) -> String {
        let t = date.timeIntervalSince1970
        var seconds = Int64(t.rounded(.down))
        var micros = Int64(((t - Double(seconds)) * 1_000_000).rounded())
        if micros >= 1_000_000 { seconds += 1; micros -= 1_000_000 }
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        let (y, m, d) = civil(fromDays: days)
        return String(format: "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld.%03lldZ",
                      y, m, d, rest / 3600, rest % 3600 / 60, rest % 60, micros / 1000)
    }

    /// The proleptic Gregorian date of a day count since 1970-01-01.
    static func civil(fromDays z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }
}
