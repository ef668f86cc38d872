import Backend
import Catalog
import Foundation
import Time

/// Values bound to the URI, the query string or headers travel as text: this
/// writes them and reads them back with the model's timestamp formats.
struct StringValueCoding {
    let service: ServiceModel

    /// The text of a scalar (`nil` for structures, maps and lists).
    func text(of value: Value, format: TimestampFormat) -> String? {
        switch value {
        case .string(let s): return s
        case .integer(let i): return String(i)
        case .double(let d):
            if d.isNaN { return "NaN" }
            if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
            return d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        case .boolean(let b): return b ? "true" : "false"
        case .timestamp(let date):
            switch format {
            case .iso8601: return ISO8601.string(date, fraction: .millisecondsWhenNotZero, rounding: .toMillisecond)
            case .rfc822: return HTTPDate.string(date)
            case .unixTimestamp:
                let seconds = EpochSeconds.value(date)
                return seconds == seconds.rounded() ? String(Int64(seconds)) : String(seconds)
            }
        case .blob(let bytes): return Data(bytes).base64EncodedString()
        case .list, .map, .structure: return nil
        }
    }

    /// Reads the text of a scalar member; a wrong type is a `ValidationException`
    /// (these bindings exist only in rest-json).
    func value(of text: String, shape: Shape, format: TimestampFormat, where place: String) throws(ServiceError) -> Value {
        func bad(_ what: String) -> ServiceError {
            ServiceError(.validation, "The value '\(text)' of \(place) is not \(what).")
        }
        switch shape.kind {
        case .string: return .string(text)
        case .integer, .long:
            guard let i = Int64(text) else { throw bad("an integer") }
            if shape.kind == .integer, i < Int64(Int32.min) || i > Int64(Int32.max) { throw bad("a 32-bit integer") }
            return .integer(i)
        case .float, .double:
            switch text {
            case "NaN": return .double(.nan)
            case "Infinity": return .double(.infinity)
            case "-Infinity": return .double(-.infinity)
            default:
                guard let d = Double(text), d.isFinite else { throw bad("a number") }
                return .double(d)
            }
        case .boolean:
            switch text {
            case "true": return .boolean(true)
            case "false": return .boolean(false)
            default: throw bad("a boolean")
            }
        case .timestamp:
            let date: Date?
            switch format {
            case .iso8601: date = ISO8601.parse(text)
            case .rfc822: date = HTTPDate.parse(text)
            case .unixTimestamp: date = Double(text).flatMap { Date(checkedEpochSeconds: $0) }
            }
            guard let date, InstantRange.contains(date) else { throw bad("a timestamp \(InstantRange.description)") }
            return .timestamp(date)
        case .blob:
            guard let data = Data(base64Encoded: text) else { throw bad("base64") }
            return .blob(Array(data))
        case .structure, .union, .list, .map:
            throw bad("a scalar")
        }
    }
}
