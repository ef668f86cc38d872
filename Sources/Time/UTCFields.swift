import Foundation

/// An instant in UTC as calendar fields, the step every writer shares: the
/// instant is brought into `InstantRange`, rounded to the precision the
/// format needs, then split into date, second of the day and microseconds.
struct UTCFields {
    var year: Int, month: Int, day: Int
    var secondOfDay: Int
    /// 0..<1,000,000.
    var microsecond: Int
    /// Days since 1970-01-01 (for the weekday).
    var days: Int

    init(_ date: Date, rounding: InstantRounding) {
        let t = InstantRange.clampedSeconds(date)
        let micros: Int64
        switch rounding {
        case .downToSecond: micros = Int64(t.rounded(.down)) * 1_000_000
        case .toMillisecond: micros = Int64((t * 1000).rounded()) * 1000
        case .toMicrosecond: micros = Int64((t * 1_000_000).rounded(.toNearestOrEven))
        }
        let seconds = micros >= 0 ? micros / 1_000_000 : -((-micros + 999_999) / 1_000_000)
        microsecond = Int(micros - seconds * 1_000_000)
        (days, secondOfDay) = CivilDate.split(seconds: Int(seconds))
        (year, month, day) = CivilDate.date(fromDays: days)
    }
}

/// How an instant is brought to the precision a format writes.
public enum InstantRounding: Sendable {
    /// Earlier fractions of a second dropped (IAM's `aws:CurrentTime`, SigV4 stamps).
    case downToSecond
    /// To the nearest millisecond, halves away from zero (what the stores keep;
    /// what Foundation's `ISO8601DateFormatter` did before printing).
    case toMillisecond
    /// To the nearest microsecond, halves to even (Python's `datetime`).
    case toMicrosecond
}

/// ASCII bytes written in place: the writers' common buffer.
struct DigitWriter {
    var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    mutating func byte(_ b: UInt8) { bytes.append(b) }

    mutating func text(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// `value` in decimal, zero-padded to at least `width` digits; a sign for negative values.
    mutating func digits(_ value: Int, width: Int) {
        if value < 0 { byte(UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        var count = 1
        var rest = magnitude / 10
        while rest > 0 { count += 1; rest /= 10 }
        let total = Swift.max(count, width)
        let end = bytes.count + total
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: total))
        var m = magnitude
        var i = end - 1
        while m > 0 {
            bytes[i] = UInt8(ascii: "0") + UInt8(m % 10)
            m /= 10
            i -= 1
        }
    }

    /// `HH:mm:ss` of a second of the day, with `separator` between the fields (none: `HHmmss`).
    mutating func clock(_ secondOfDay: Int, separator: UInt8?) {
        digits(secondOfDay / 3600, width: 2)
        if let separator { byte(separator) }
        digits(secondOfDay / 60 % 60, width: 2)
        if let separator { byte(separator) }
        digits(secondOfDay % 60, width: 2)
    }

    /// `yyyy-MM-dd` with `separator` between the fields (none: `yyyyMMdd`).
    mutating func date(_ f: UTCFields, separator: UInt8?) {
        digits(f.year, width: 4)
        if let separator { byte(separator) }
        digits(f.month, width: 2)
        if let separator { byte(separator) }
        digits(f.day, width: 2)
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}

/// Reads fixed-width decimal fields from ASCII bytes: the readers' common cursor.
struct FieldCursor {
    let bytes: [UInt8]
    var index = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    var atEnd: Bool { index == bytes.count }
    var next: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// Exactly `count` digits, or nil (the cursor then stays where it was).
    mutating func number(_ count: Int) -> Int? {
        guard index + count <= bytes.count else { return nil }
        var n = 0
        for k in 0..<count {
            let c = bytes[index + k]
            guard Self.isDigit(c) else { return nil }
            n = n * 10 + Int(c - 0x30)
        }
        index += count
        return n
    }

    /// Takes `c` when it is next.
    mutating func eat(_ c: UInt8) -> Bool {
        guard next == c else { return false }
        index += 1
        return true
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
}
