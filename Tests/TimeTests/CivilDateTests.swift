import Foundation
import Testing
@testable import Time

@Suite("Civil dates")
struct CivilDateTests {
    @Test(arguments: [
        (1970, 1, 1, 0), (1969, 12, 31, -1), (2000, 2, 29, 11_016), (2000, 3, 1, 11_017),
        (2026, 11, 24, 20_781), (1900, 3, 1, -25_508), (9999, 12, 31, 2_932_896), (1, 1, 1, -719_162),
    ])
    func knownDays(year: Int, month: Int, day: Int, days: Int) {
        #expect(CivilDate.days(year: year, month: month, day: day) == days)
        let back = CivilDate.date(fromDays: days)
        #expect([back.year, back.month, back.day] as [Int] == [year, month, day])
    }

    @Test func everyDayOfFourCenturiesRoundTripsAndAgreesWithFoundation() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        // 1800-01-01 to 2200-01-01: four hundred years, every leap-year rule.
        for days in stride(from: -62_091, through: 84_006, by: 1) {
            let date = CivilDate.date(fromDays: days)
            #expect(CivilDate.days(year: date.year, month: date.month, day: date.day) == days)
            #expect((1...CivilDate.daysIn(month: date.month, year: date.year)).contains(date.day))
            if days % 97 == 0 {
                let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(days) * 86_400))
                #expect([parts.year, parts.month, parts.day] as [Int?] == [date.year, date.month, date.day])
            }
        }
    }

    @Test func monthLengths() {
        #expect(CivilDate.daysIn(month: 2, year: 2024) == 29)
        #expect(CivilDate.daysIn(month: 2, year: 2100) == 28)
        #expect(CivilDate.daysIn(month: 2, year: 2000) == 29)
        #expect(CivilDate.daysIn(month: 4, year: 2026) == 30)
        #expect(CivilDate.daysIn(month: 12, year: 2026) == 31)
    }

    private func parts(_ seconds: Int) -> [Int] {
        let split = CivilDate.split(seconds: seconds)
        return [split.days, split.secondOfDay]
    }

    @Test func splitRoundsTowardsThePast() {
        #expect(parts(0) == [0, 0])
        #expect(parts(86_399) == [0, 86_399])
        #expect(parts(-1) == [-1, 86_399])
        #expect(parts(-86_400) == [-1, 0])
    }
}
