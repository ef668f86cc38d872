import Foundation

/// ISO 8601 date-times in UTC, written and read with calendar arithmetic of
/// our own (no formatter: a formatter loads ICU's time zones on first use,
/// and these are on the path of every timeline event and every request).
public enum ISO8601 {
    /// The digits after the seconds.
    public enum Fraction: Sendable {
        /// `10:00:00`
        case none
        /// `10:00:00.250`, `10:00:00.000`: always three digits.
        case milliseconds
        /// `10:00:00.250` when the instant has milliseconds, else `10:00:00`.
        case millisecondsWhenNotZero
        /// `10:00:00.250000` when the instant has microseconds, else `10:00:00` (Python's `isoformat()`).
        case microsecondsWhenNotZero
    }

    /// How UTC is written after the time.
    public enum Zone: Sendable {
        /// `Z`
        case z
        /// `+00:00` (Python's `isoformat()` of an aware `datetime`).
        case numeric
    }

    /// `2026-11-24T10:00:00Z` and its variants. An instant outside
    /// `InstantRange` is written as the nearest end of the range.
    public static func string(_ date: Date, fraction: Fraction = .none, rounding: InstantRounding, zone: Zone = .z) -> String {
        let f = UTCFields(date, rounding: rounding)
        var out = DigitWriter(capacity: 32)
        out.date(f, separator: UInt8(ascii: "-"))
        out.byte(UInt8(ascii: "T"))
        out.clock(f.secondOfDay, separator: UInt8(ascii: ":"))
        switch fraction {
        case .none: break
        case .milliseconds:
            out.byte(UInt8(ascii: "."))
            out.digits(f.microsecond / 1000, width: 3)
        case .millisecondsWhenNotZero:
            if f.microsecond / 1000 != 0 {
                out.byte(UInt8(ascii: "."))
                out.digits(f.microsecond / 1000, width: 3)
            }
        case .microsecondsWhenNotZero:
            if f.microsecond != 0 {
                out.byte(UInt8(ascii: "."))
                out.digits(f.microsecond, width: 6)
            }
        }
        switch zone {
        case .z: out.byte(UInt8(ascii: "Z"))
        case .numeric: out.text("+00:00")
        }
        return out.string
    }

    /// The basic format of SigV4's `X-Amz-Date`, `yyyyMMdd'T'HHmmss'Z'`:
    /// `20261124T100000Z`, earlier fractions dropped.
    public static func basicString(_ date: Date) -> String {
        let f = UTCFields(date, rounding: .downToSecond)
        var out = DigitWriter(capacity: 16)
        out.date(f, separator: nil)
        out.byte(UInt8(ascii: "T"))
        out.clock(f.secondOfDay, separator: nil)
        out.byte(UInt8(ascii: "Z"))
        return out.string
    }

    /// The day of a basic stamp, `yyyyMMdd` (`20261124`): SigV4's credential scope.
    public static func basicDay(_ date: Date) -> String {
        String(basicString(date).prefix(8))
    }

    /// Reads exactly `yyyyMMdd'T'HHmmss'Z'` (SigV4's `X-Amz-Date`); months
    /// 1 to 12, days 1 to 31, a leap second taken.
    public static func parseBasic(_ text: String) -> Date? {
        var c = FieldCursor(text)
        guard c.bytes.count == 16, let y = c.number(4), let mo = c.number(2), let d = c.number(2), c.eat(UInt8(ascii: "T")),
              let h = c.number(2), let mi = c.number(2), let s = c.number(2), c.eat(UInt8(ascii: "Z")),
              (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, s < 61 else { return nil }
        return Date(timeIntervalSince1970: Double(CivilDate.days(year: y, month: mo, day: d) * 86400 + h * 3600 + mi * 60 + s))
    }

    /// What a reader takes beyond `2026-11-24T10:00:00Z` (extended form, `T` or
    /// `t`, `Z`, `z` or an offset `+02:00` / `+0200`, any fraction after `.`).
    public struct Dialect: Sendable {
        /// The basic form too: `20261124`, `T1000`, `T100000` (each part on its own).
        public var basicForm = false
        /// A date alone (midnight UTC).
        public var dateOnly = false
        /// A space between date and time, as well as `T`.
        public var spaceSeparator = false
        /// `10:00` without seconds.
        public var optionalSeconds = false
        /// `,` as well as `.` before the fraction.
        public var commaFraction = false
        /// No zone at all: UTC.
        public var optionalZone = false
        /// `+02`: an offset in hours alone.
        public var hourOffset = false
        /// The fraction cut to microseconds (Python's `datetime`) instead of kept as a double.
        public var microsecondFraction = false
        /// The calendar checked exactly: a day the month has, year 0001 on, no
        /// leap second, offsets below 24:00 and minutes below 60. Otherwise
        /// any day 1 to 31 and second 60 are taken and offsets are not checked.
        public var exactCalendar = false

        public init() {}

        /// The services' wire (`timestampFormat: iso8601`), as botocore writes and the services read.
        public static let wire = Dialect()

        /// The wire's form, or a date alone: IAM's date conditions.
        public static let wireOrDate: Dialect = {
            var d = Dialect()
            d.dateOnly = true
            return d
        }()

        /// What the AWS CLI (dateutil, then Python's `datetime`) takes: a date,
        /// or a date and time with optional seconds, fraction and zone
        /// (`Z`, `+02:00`, `+0200`, `+02`), separated by `T` or a space; the basic form too.
        public static let awsCLI: Dialect = {
            var d = Dialect()
            d.basicForm = true
            d.dateOnly = true
            d.spaceSeparator = true
            d.optionalSeconds = true
            d.commaFraction = true
            d.optionalZone = true
            d.hourOffset = true
            d.microsecondFraction = true
            d.exactCalendar = true
            return d
        }()
    }

    /// The instant `text` names in `dialect`, or nil. The instant is not
    /// checked against `InstantRange`: the caller decides what a refusal says.
    public static func parse(_ text: String, _ dialect: Dialect = .wire) -> Date? {
        var c = FieldCursor(text)
        let dash = UInt8(ascii: "-"), colon = UInt8(ascii: ":")
        guard let year = c.number(4) else { return nil }
        let extended = c.eat(dash)
        guard extended || dialect.basicForm, let month = c.number(2) else { return nil }
        if extended && !c.eat(dash) { return nil }
        guard let day = c.number(2) else { return nil }
        var hour = 0, minute = 0, second = 0, offset = 0
        var fraction = 0.0, micros = 0
        if c.atEnd {
            guard dialect.dateOnly else { return nil }
        } else {
            guard c.eat(UInt8(ascii: "T")) || c.eat(UInt8(ascii: "t")) || (dialect.spaceSeparator && c.eat(UInt8(ascii: " "))),
                  let h = c.number(2) else { return nil }
            hour = h
            let colonTime = c.eat(colon)
            guard colonTime || dialect.basicForm, let m = c.number(2) else { return nil }
            minute = m
            if let next = c.next, FieldCursor.isDigit(next) || next == colon || !dialect.optionalSeconds {
                if colonTime && !c.eat(colon) { return nil }
                guard let s = c.number(2) else { return nil }
                second = s
                if c.eat(UInt8(ascii: ".")) || (dialect.commaFraction && c.eat(UInt8(ascii: ","))) {
                    let start = c.index
                    if dialect.microsecondFraction {
                        var scale = 100_000
                        while let d = c.next, FieldCursor.isDigit(d) {
                            if scale > 0 { micros += Int(d - 0x30) * scale; scale /= 10 }
                            c.index += 1
                        }
                    } else {
                        var scale = 0.1
                        while let d = c.next, FieldCursor.isDigit(d) {
                            fraction += Double(d - 0x30) * scale
                            scale /= 10
                            c.index += 1
                        }
                    }
                    if c.index == start { return nil }
                }
            } else if !dialect.optionalSeconds {
                return nil
            }
            if c.atEnd {
                guard dialect.optionalZone else { return nil }
            } else if c.eat(UInt8(ascii: "Z")) || c.eat(UInt8(ascii: "z")) {
            } else if let sign = c.next, sign == UInt8(ascii: "+") || sign == dash {
                c.index += 1
                guard let oh = c.number(2) else { return nil }
                var om = 0
                if !c.atEnd || !dialect.hourOffset {
                    _ = c.eat(colon)
                    guard let m = c.number(2) else { return nil }
                    om = m
                }
                if dialect.exactCalendar { guard oh < 24, om < 60 else { return nil } }
                offset = (sign == dash ? -1 : 1) * (oh * 3600 + om * 60)
            } else {
                return nil
            }
            guard c.atEnd else { return nil }
        }
        if dialect.exactCalendar {
            guard year >= 1, (1...12).contains(month), (1...CivilDate.daysIn(month: month, year: year)).contains(day),
                  hour < 24, minute < 60, second < 60 else { return nil }
        } else {
            guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        }
        let whole = Double(CivilDate.days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second - offset)
        return Date(timeIntervalSince1970: dialect.microsecondFraction ? whole + Double(micros) / 1_000_000 : whole + fraction)
    }
}
