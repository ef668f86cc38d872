import Catalog
import Foundation

/// Reads a timestamp as the AWS CLI accepts one: seconds since 1970 (any
/// number Python's `float()` reads), or ISO 8601: a date, or a date and time
/// with optional seconds, fraction and zone (`Z`, `+02:00`, `+0200`, `+02`),
/// separated by `T` or a space; the basic form `20261124T100000Z` too.
/// A time without a zone is UTC. Fractions keep microseconds, as Python does.
enum TimestampParser {
    /// The instant `text` names, or nil when it names none or one outside
    /// `InstantRange` (as `datetime` refuses it in the AWS CLI).
    static func parse(_ text: String) -> Date? {
        if let date = iso8601(text) { return date }
        return PythonNumbers.double(text).flatMap(epoch)
    }

    /// Seconds since 1970 from a number, kept to the microsecond; nil outside `InstantRange`.
    static func epoch(_ seconds: Double) -> Date? {
        guard InstantRange.contains(seconds: seconds) else { return nil }
        return Date(timeIntervalSince1970: (seconds * 1_000_000).rounded(.toNearestOrEven) / 1_000_000)
    }

    private static func iso8601(_ text: String) -> Date? {
        let b = Array(text.trimmingPythonSpace.utf8)
        var i = 0
        func digits(_ n: Int) -> Int? {
            guard i + n <= b.count else { return nil }
            var v = 0
            for k in 0..<n {
                let c = b[i + k]
                guard c >= 0x30 && c <= 0x39 else { return nil }
                v = v * 10 + Int(c - 0x30)
            }
            i += n
            return v
        }
        func eat(_ c: Character) -> Bool {
            if i < b.count && b[i] == c.asciiValue! { i += 1; return true }
            return false
        }
        guard let year = digits(4) else { return nil }
        let extended = eat("-")
        guard let month = digits(2) else { return nil }
        if extended && !eat("-") { return nil }
        guard let day = digits(2) else { return nil }
        var hour = 0, minute = 0, second = 0, micros = 0, offset = 0
        if i < b.count {
            guard eat("T") || eat("t") || eat(" ") else { return nil }
            guard let h = digits(2) else { return nil }
            hour = h
            let colon = eat(":")
            guard let m = digits(2) else { return nil }
            minute = m
            if i < b.count, b[i] >= 0x30 && b[i] <= 0x39 || b[i] == UInt8(ascii: ":") {
                if colon && !eat(":") { return nil }
                guard let s = digits(2) else { return nil }
                second = s
                if eat(".") || eat(",") {
                    var scale = 100_000
                    var count = 0
                    while i < b.count, b[i] >= 0x30 && b[i] <= 0x39 {
                        if scale > 0 { micros += Int(b[i] - 0x30) * scale; scale /= 10 }
                        i += 1
                        count += 1
                    }
                    if count == 0 { return nil }
                }
            }
            if i < b.count {
                if eat("Z") || eat("z") {
                } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
                    let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
                    i += 1
                    guard let oh = digits(2) else { return nil }
                    var om = 0
                    if i < b.count {
                        _ = eat(":")
                        guard let m = digits(2) else { return nil }
                        om = m
                    }
                    guard oh < 24, om < 60 else { return nil }
                    offset = sign * (oh * 3600 + om * 60)
                } else {
                    return nil
                }
            }
            if i != b.count { return nil }
        }
        guard year >= 1, (1...12).contains(month), (1...CivilDate.daysIn(month: month, year: year)).contains(day),
              hour < 24, minute < 60, second < 60 else { return nil }
        let days = CivilDate.days(year: year, month: month, day: day)
        let seconds = Double(days * 86_400 + hour * 3600 + minute * 60 + second - offset) + Double(micros) / 1_000_000
        return Date(timeIntervalSince1970: seconds)
    }
}
