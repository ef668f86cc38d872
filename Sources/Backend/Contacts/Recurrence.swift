import Catalog

/// A rotation's `RecurrenceSettings`, checked and in a form the schedule can
/// compute with. Times of day are minutes after local midnight; days of the
/// week are ISO numbers (1 Monday … 7 Sunday).
struct Recurrence {
    enum Pattern {
        /// Hand-offs every day at these times.
        case daily([Int])
        /// Hand-offs every week on these days at these times.
        case weekly([(day: Int, minutes: Int)])
        /// Hand-offs every month on these days (clamped to the month's last day) at these times.
        case monthly([(day: Int, minutes: Int)])
    }

    var pattern: Pattern
    /// How many members are on call at once.
    var numberOfOnCalls: Int
    /// How many days, weeks or months one shift lasts.
    var multiplier: Int
    /// When set, shifts hold only within these windows (minutes; an end of 1440 is midnight).
    var coverage: [Int: [(start: Int, end: Int)]]?

    static let weekdays = ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"]

    /// Reads and checks `RecurrenceSettings`; a recurrence that can't produce
    /// a shift is a `ValidationException` that says why.
    init(_ value: Value, field: String = "Recurrence") throws {
        let daily = value["DailySettings"]?.list ?? []
        let weekly = value["WeeklySettings"]?.list ?? []
        let monthly = value["MonthlySettings"]?.list ?? []
        let given = [("DailySettings", daily), ("WeeklySettings", weekly), ("MonthlySettings", monthly)].filter { !$0.1.isEmpty }
        guard !given.isEmpty else {
            throw ContactsError.invalid(field, "The recurrence can't produce a shift: give DailySettings, WeeklySettings or MonthlySettings with at least one hand-off time.")
        }
        guard given.count == 1 else {
            throw ContactsError.invalid(field, "Give one of DailySettings, WeeklySettings and MonthlySettings, not \(given.map(\.0).joined(separator: " and ")).")
        }
        if !daily.isEmpty {
            let times = try daily.map { try Self.handOff($0, "\(field).DailySettings") }
            guard Set(times).count == times.count else {
                throw ContactsError.invalid("\(field).DailySettings", "DailySettings lists the same hand-off time twice.")
            }
            pattern = .daily(times.sorted())
        } else if !weekly.isEmpty {
            let entries = try weekly.map { setting -> (day: Int, minutes: Int) in
                let name = setting["DayOfWeek"]?.string ?? ""
                guard let index = Self.weekdays.firstIndex(of: name) else {
                    throw ContactsError.invalid("\(field).WeeklySettings", "DayOfWeek must be one of \(Self.weekdays.joined(separator: ", ")); got \(name).")
                }
                return (index + 1, try Self.handOff(setting["HandOffTime"] ?? .structure([:]), "\(field).WeeklySettings"))
            }
            guard Set(entries.map { $0.day * 1440 + $0.minutes }).count == entries.count else {
                throw ContactsError.invalid("\(field).WeeklySettings", "WeeklySettings lists the same day and hand-off time twice.")
            }
            pattern = .weekly(entries.sorted { ($0.day, $0.minutes) < ($1.day, $1.minutes) })
        } else {
            let entries = try monthly.map { setting -> (day: Int, minutes: Int) in
                let day = Int(setting["DayOfMonth"]?.integer ?? 0)
                guard (1...31).contains(day) else {
                    throw ContactsError.invalid("\(field).MonthlySettings", "DayOfMonth must be between 1 and 31; got \(day).")
                }
                return (day, try Self.handOff(setting["HandOffTime"] ?? .structure([:]), "\(field).MonthlySettings"))
            }
            guard Set(entries.map { $0.day * 1440 + $0.minutes }).count == entries.count else {
                throw ContactsError.invalid("\(field).MonthlySettings", "MonthlySettings lists the same day and hand-off time twice.")
            }
            pattern = .monthly(entries.sorted { ($0.day, $0.minutes) < ($1.day, $1.minutes) })
        }
        numberOfOnCalls = Int(value["NumberOfOnCalls"]?.integer ?? 0)
        guard numberOfOnCalls >= 1 else {
            throw ContactsError.invalid("\(field).NumberOfOnCalls", "NumberOfOnCalls must be at least 1; got \(numberOfOnCalls).")
        }
        multiplier = Int(value["RecurrenceMultiplier"]?.integer ?? 0)
        guard (1...100).contains(multiplier) else {
            throw ContactsError.invalid("\(field).RecurrenceMultiplier", "RecurrenceMultiplier must be between 1 and 100; got \(multiplier).")
        }
        if let map = value["ShiftCoverages"]?.members {
            var coverage: [Int: [(start: Int, end: Int)]] = [:]
            for (name, times) in map {
                guard let index = Self.weekdays.firstIndex(of: name) else {
                    throw ContactsError.invalid("\(field).ShiftCoverages", "ShiftCoverages keys are days of the week (\(Self.weekdays.joined(separator: ", "))); got \(name).")
                }
                var windows: [(start: Int, end: Int)] = []
                for time in times.list ?? [] {
                    guard let s = time["Start"], let e = time["End"] else {
                        throw ContactsError.invalid("\(field).ShiftCoverages", "Every coverage time on \(name) needs a Start and an End.")
                    }
                    let start = try Self.handOff(s, "\(field).ShiftCoverages")
                    var end = try Self.handOff(e, "\(field).ShiftCoverages")
                    if end == 0 { end = 1440 }
                    guard end > start else {
                        throw ContactsError.invalid("\(field).ShiftCoverages", "The coverage time \(Self.clock(start))–\(Self.clock(end)) on \(name) covers no time: it must end after it starts, on the same day (an End of 00:00 is midnight).")
                    }
                    windows.append((start, end))
                }
                windows.sort { $0.start < $1.start }
                for (a, b) in zip(windows, windows.dropFirst()) where b.start < a.end {
                    throw ContactsError.invalid("\(field).ShiftCoverages", "The coverage times \(Self.clock(a.start))–\(Self.clock(a.end)) and \(Self.clock(b.start))–\(Self.clock(b.end)) on \(name) overlap.")
                }
                coverage[index + 1] = windows
            }
            guard coverage.values.contains(where: { !$0.isEmpty }) else {
                throw ContactsError.invalid("\(field).ShiftCoverages", "The recurrence can't produce a shift: ShiftCoverages covers no time on any day.")
            }
            self.coverage = coverage
        }
    }

    private static func handOff(_ value: Value, _ field: String) throws -> Int {
        guard let hour = value["HourOfDay"]?.integer, let minute = value["MinuteOfHour"]?.integer,
              (0...23).contains(hour), (0...59).contains(minute) else {
            throw ContactsError.invalid(field, "A hand-off time needs HourOfDay (0 to 23) and MinuteOfHour (0 to 59).")
        }
        return Int(hour * 60 + minute)
    }

    /// `HH:MM`, for messages.
    static func clock(_ minutes: Int) -> String {
        let h = minutes / 60, m = minutes % 60
        return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }
}
