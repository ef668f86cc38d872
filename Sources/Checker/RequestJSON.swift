import JSON
import Catalog
import Foundation
import Time

/// Typed values as JSON, the way `check --json` shows a request: members in
/// model order, timestamps as ISO 8601 UTC with milliseconds
/// (`2026-11-24T10:00:00.000Z`), blobs in base64.
public enum RequestJSON {
    public static func json(_ value: Value) -> JSON {
        switch value {
        case .string(let s): .string(s)
        case .integer(let i): .integer(i)
        case .double(let d): .double(d)
        case .boolean(let b): .bool(b)
        case .timestamp(let t): .string(timestamp(t))
        case .blob(let bytes): .string(Data(bytes).base64EncodedString())
        case .list(let items): .array(items.map(json))
        case .map(let members), .structure(let members): .object(members.map { ($0.key, json($0.value)) })
        }
    }

    /// The input of a request as a JSON object.
    public static func json(_ request: Request) -> JSON {
        .object(request.input.map { ($0.key, json($0.value)) })
    }

    /// `2026-11-24T10:00:00.000Z`: milliseconds, cut (not rounded) as Python's
    /// microseconds are.
    public static func timestamp(_ date: Date) -> String {
        ISO8601.string(date, fraction: .milliseconds, rounding: .toMicrosecond)
    }
}
