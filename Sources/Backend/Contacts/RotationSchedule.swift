import Catalog
import Foundation
import Time

/// The shifts of a rotation, computed from its start, time zone, recurrence,
/// members and overrides. Pure: the same inputs always give the same shifts.
///
/// - Hand-offs happen at the recurrence's local times in the rotation's time
///   zone (so a daily 09:00 hand-off stays at 09:00 across a daylight-saving
///   change, and that day's shift is an hour shorter or longer). With a
///   multiplier of N, only every Nth day, week or month (counted from the one
///   the rotation starts in) has hand-offs. Weeks start on Monday. A monthly
///   hand-off on a day the month lacks (the 31st in April) happens on the
///   month's last day.
/// - The first shift runs from the rotation's start to the first hand-off
///   after it; shift *i* has members *i·k … i·k+k−1* (k on-calls), wrapping
///   around the member list.
/// - Shift coverages cut each shift down to its covered windows.
/// - An override replaces the members for its window: the covered part of a
///   shift inside it is an OVERRIDDEN shift, the rest stays REGULAR.
struct RotationSchedule {
    struct Override {
        var start: Millis
        var end: Millis
        var members: [String]
    }

    struct Shift: Equatable {
        var contactIds: [String]
        var start: Millis
        var end: Millis
        /// The regular members an override replaced; nil for a REGULAR shift.
        var overridden: [String]?
    }

    let members: [String]
    let start: Millis
    let recurrence: Recurrence
    let overrides: [Override]
    let calendar: Calendar

    /// Longest run of hand-offs computed for one query (about 270 years of daily hand-offs).
    static let maxHandOffs = 100_000

    init(members: [String], start: Millis, timeZone: TimeZone, recurrence: Recurrence, overrides: [Override]) {
        self.members = members
        self.start = start
        self.recurrence = recurrence
        self.overrides = overrides.sorted { $0.start < $1.start }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// The schedule of a stored rotation (whose settings were checked when it was saved).
    init(rotation: RotationRecord, overrides: [RotationOverrideRecord]) throws {
        guard let zone = Self.timeZone(rotation.timeZoneId) else {
            throw ServiceError.store("Rotation \(rotation.arn) has an unknown time zone \(rotation.timeZoneId).")
        }
        self.init(members: rotation.contactIds, start: rotation.startTime, timeZone: zone,
                  recurrence: try Recurrence(rotation.recurrence),
                  overrides: overrides.map { Override(start: $0.startTime, end: $0.endTime, members: $0.newContactIds) })
    }

    /// An IANA time zone (`America/New_York`, `UTC`); nil for names that are not
    /// IANA identifiers, abbreviations such as `PST` included.
    static func timeZone(_ id: String) -> TimeZone? {
        guard id == "UTC" || TimeZone.knownTimeZoneIdentifiers.contains(id) else { return nil }
        return TimeZone(identifier: id)
    }

    /// Every shift (or part of one) that overlaps `[from, to)`, in time order.
    func shifts(from: Millis, to: Millis) -> [Shift] {
        guard to > from, to > start else { return [] }
        let boundaries = [start] + handOffs(until: to)
        var out: [Shift] = []
        for i in 0..<boundaries.count {
            let shiftStart = boundaries[i]
            let shiftEnd = i + 1 < boundaries.count ? boundaries[i + 1] : Millis.max
            guard shiftEnd > from else { continue }
            guard shiftStart < to else { break }
            let team = (0..<recurrence.numberOfOnCalls).map { members[(i * recurrence.numberOfOnCalls + $0) % members.count] }
            for (s, e) in covered(shiftStart, shiftEnd, until: to) {
                for piece in overridden(Shift(contactIds: team, start: s, end: e, overridden: nil))
                where piece.end > from && piece.start < to {
                    out.append(piece)
                }
            }
        }
        return out
    }

    /// Who is on call at `time` (nobody outside coverage or before the start).
    func onCall(at time: Millis) -> [String] {
        shifts(from: time, to: time + 1).first { $0.start <= time && time < $0.end }?.contactIds ?? []
    }

    // MARK: Hand-offs

    /// The hand-off instants after the rotation's start, up to and including
    /// the first one at or after `limit`.
    private func handOffs(until limit: Millis) -> [Millis] {
        var out: [Millis] = []
        let origin = Date(millis: start)
        let local = calendar.dateComponents([.year, .month, .day, .weekday], from: origin)
        let (year, month, day) = (local.year!, local.month!, local.day!)
        var period = 0
        var emptyPeriods = 0
        while out.count < Self.maxHandOffs {
            defer { period += 1 }
            guard period % recurrence.multiplier == 0 else { continue }
            var produced = false
            for instant in instants(period: period, year: year, month: month, day: day, weekday: local.weekday!)
            where instant > start && instant > (out.last ?? .min) {
                out.append(instant)
                produced = true
                if instant >= limit { return out }
            }
            emptyPeriods = produced ? 0 : emptyPeriods + 1
            if emptyPeriods > 400 { return out }
        }
        return out
    }

    /// The hand-offs of one period (a day, week or month after the start's), in order.
    private func instants(period: Int, year: Int, month: Int, day: Int, weekday: Int) -> [Millis] {
        switch recurrence.pattern {
        case .daily(let times):
            let (y, m, d) = shiftDays(year, month, day, by: period)
            return times.map { at(y, m, d, $0) }
        case .weekly(let entries):
            let iso = (weekday + 5) % 7 + 1
            return entries.map { entry in
                let (y, m, d) = shiftDays(year, month, day, by: period * 7 + entry.day - iso)
                return at(y, m, d, entry.minutes)
            }
        case .monthly(let entries):
            let total = (year * 12 + month - 1) + period
            let (y, m) = (total / 12, total % 12 + 1)
            let days = CivilDate.daysIn(month: m, year: y)
            return entries.map { at(y, m, min($0.day, days), $0.minutes) }.sorted()
        }
    }

    // MARK: Coverage and overrides

    /// The parts of `[s, e)` inside the coverage windows (all of it without coverage).
    private func covered(_ s: Millis, _ e: Millis, until limit: Millis) -> [(Millis, Millis)] {
        guard let coverage = recurrence.coverage else { return [(s, e)] }
        var out: [(Millis, Millis)] = []
        let first = calendar.dateComponents([.year, .month, .day], from: Date(millis: s))
        var offset = 0
        while true {
            let (y, m, d) = shiftDays(first.year!, first.month!, first.day!, by: offset)
            offset += 1
            let dayStart = at(y, m, d, 0)
            if dayStart >= min(e, limit) || offset > 40_000 { break }
            let weekday = calendar.component(.weekday, from: Date(millis: dayStart))
            for window in coverage[(weekday + 5) % 7 + 1] ?? [] {
                let ws = at(y, m, d, window.start)
                let we = window.end == 1440 ? at(shiftDays(y, m, d, by: 1), 0) : at(y, m, d, window.end)
                let (a, b) = (max(ws, s), min(we, e))
                if a < b { out.append((a, b)) }
            }
        }
        return out
    }

    /// A shift split by the overrides that overlap it.
    private func overridden(_ shift: Shift) -> [Shift] {
        var out: [Shift] = []
        var cursor = shift.start
        for o in overrides where o.end > cursor && o.start < shift.end {
            if o.start > cursor {
                out.append(Shift(contactIds: shift.contactIds, start: cursor, end: o.start, overridden: nil))
            }
            let end = min(o.end, shift.end)
            out.append(Shift(contactIds: o.members, start: max(cursor, o.start), end: end, overridden: shift.contactIds))
            cursor = end
        }
        if cursor < shift.end {
            out.append(Shift(contactIds: shift.contactIds, start: cursor, end: shift.end, overridden: nil))
        }
        return out
    }

    // MARK: Calendar arithmetic

    /// A local wall-clock time as an instant. A time that the clocks skip
    /// (02:30 when daylight saving starts) comes out as the instant after the gap.
    private func at(_ y: Int, _ m: Int, _ d: Int, _ minutes: Int) -> Millis {
        let components = DateComponents(year: y, month: m, day: d, hour: minutes / 60, minute: minutes % 60)
        return (calendar.date(from: components) ?? Date(millis: start)).millis
    }

    private func at(_ ymd: (Int, Int, Int), _ minutes: Int) -> Millis { at(ymd.0, ymd.1, ymd.2, minutes) }

    /// A calendar date `n` days after another (proleptic Gregorian, no time zone involved).
    private func shiftDays(_ y: Int, _ m: Int, _ d: Int, by n: Int) -> (Int, Int, Int) {
        let date = CivilDate.date(fromDays: CivilDate.days(year: y, month: m, day: d) + n)
        return (date.year, date.month, date.day)
    }
}
