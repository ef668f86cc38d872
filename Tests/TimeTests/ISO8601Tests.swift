import Foundation
import Testing
import Time

@Suite("ISO 8601")
struct ISO8601Tests {
    let noon = Date(timeIntervalSince1970: 1_795_514_400)  // 2026-11-24T10:00:00Z

    @Test func writesEveryVariantTheCallersPrint() {
        let t = noon + 0.25
        #expect(ISO8601.string(noon, rounding: .downToSecond) == "2026-11-24T10:00:00Z")
        #expect(ISO8601.string(t, fraction: .milliseconds, rounding: .toMillisecond) == "2026-11-24T10:00:00.250Z")
        #expect(ISO8601.string(noon, fraction: .milliseconds, rounding: .toMillisecond) == "2026-11-24T10:00:00.000Z")
        #expect(ISO8601.string(t, fraction: .millisecondsWhenNotZero, rounding: .toMillisecond) == "2026-11-24T10:00:00.250Z")
        #expect(ISO8601.string(noon, fraction: .millisecondsWhenNotZero, rounding: .toMillisecond) == "2026-11-24T10:00:00Z")
        #expect(ISO8601.string(noon + 0.000_001, fraction: .microsecondsWhenNotZero, rounding: .toMicrosecond, zone: .numeric)
                == "2026-11-24T10:00:00.000001+00:00")
        #expect(ISO8601.string(noon, fraction: .microsecondsWhenNotZero, rounding: .toMicrosecond, zone: .numeric)
                == "2026-11-24T10:00:00+00:00")
    }

    @Test func roundingIsAParameter() {
        let late = noon + 0.9996
        #expect(ISO8601.string(late, rounding: .downToSecond) == "2026-11-24T10:00:00Z")
        // To the millisecond first (as Foundation's formatter did), then the seconds written.
        #expect(ISO8601.string(late, rounding: .toMillisecond) == "2026-11-24T10:00:01Z")
        #expect(ISO8601.string(late, fraction: .milliseconds, rounding: .toMicrosecond) == "2026-11-24T10:00:00.999Z")
        #expect(ISO8601.string(Date(timeIntervalSince1970: -0.5), fraction: .milliseconds, rounding: .toMillisecond)
                == "1969-12-31T23:59:59.500Z")
        #expect(ISO8601.string(Date(timeIntervalSince1970: -0.0006), fraction: .milliseconds, rounding: .toMillisecond)
                == "1969-12-31T23:59:59.999Z")
        #expect(ISO8601.string(Date(timeIntervalSince1970: 59.999_999_6), fraction: .microsecondsWhenNotZero, rounding: .toMicrosecond)
                == "1970-01-01T00:01:00Z")
    }

    @Test func instantsOutsideTheRangeAreWrittenAsItsEnds() {
        #expect(ISO8601.string(Date(timeIntervalSince1970: -62_135_596_800), rounding: .downToSecond) == "0001-01-01T00:00:00Z")
        #expect(ISO8601.string(Date(timeIntervalSince1970: -1e18), rounding: .downToSecond) == "0001-01-01T00:00:00Z")
        #expect(ISO8601.string(Date(timeIntervalSince1970: 1e18), fraction: .milliseconds, rounding: .toMillisecond)
                == "9999-12-31T23:59:59.999Z")
        #expect(ISO8601.string(Date(timeIntervalSince1970: .nan), rounding: .downToSecond) == "1970-01-01T00:00:00Z")
    }

    @Test func readsTheWireForm() {
        #expect(ISO8601.parse("2026-11-24T10:00:00Z") == noon)
        #expect(ISO8601.parse("2026-11-24t10:00:00z") == noon)
        #expect(ISO8601.parse("2026-11-24T12:00:00.5+02:00")?.timeIntervalSince1970 == 1_795_514_400.5)
        #expect(ISO8601.parse("2026-11-24T08:30:00-0130") == noon)
        #expect(ISO8601.parse("1969-12-31T23:59:59Z")?.timeIntervalSince1970 == -1)
        // The wire's looser calendar: a leap second, any day up to 31.
        #expect(ISO8601.parse("2026-11-24T09:59:60Z") == noon)
        #expect(ISO8601.parse("2026-02-31T00:00:00Z") != nil)
    }

    @Test(arguments: [
        "2026-13-24T10:00:00Z", "2026-11-24 10:00:00", "2026-11-24T10:00:00", "2026-11-24", "2026-11-24T10:00Z",
        "20261124T100000Z", "2026-11-24T10:00:00.Z", "2026-11-24T10:00:00,5Z", "2026-11-24T10:00:00+02",
        "2026-11-24T24:00:00Z", "2026-11-24T10:60:00Z", "2026-11-24T10:00:61Z", "2026-11-24T10:00:00Zjunk",
        " 2026-11-24T10:00:00Z", "2026-1-24T10:00:00Z", "+2026-11-24T10:00:00Z", "2026-11-24T10:00:00GMT", "",
    ])
    func theWireRefuses(_ text: String) {
        #expect(ISO8601.parse(text) == nil)
    }

    @Test func aDateAloneWhereTheDialectTakesIt() {
        #expect(ISO8601.parse("2026-11-24", .wireOrDate)?.timeIntervalSince1970 == 1_795_478_400)
        #expect(ISO8601.parse("2026-11-24T10:00:00Z", .wireOrDate) == noon)
        #expect(ISO8601.parse("2026-11-24junk", .wireOrDate) == nil)
    }

    @Test func readsWhatTheAWSCLITakes() {
        let cli = ISO8601.Dialect.awsCLI
        #expect(ISO8601.parse("2026-11-24 10:00", cli) == noon)
        #expect(ISO8601.parse("20261124T100000Z", cli) == noon)
        #expect(ISO8601.parse("20261124T1000", cli) == noon)
        #expect(ISO8601.parse("2026-11-24T12:00:00+02", cli) == noon)
        #expect(ISO8601.parse("2026-11-24T10:00:00,25", cli) == noon + 0.25)
        // Fractions are cut to the microsecond, as Python's datetime keeps them.
        #expect(ISO8601.parse("2026-11-24T10:00:00.1234569Z", cli)?.timeIntervalSince1970 == 1_795_514_400 + 0.123_456)
        #expect(ISO8601.parse("2024-02-29", cli) != nil)
        #expect(ISO8601.parse("0001-01-01T00:00:00Z", cli)?.timeIntervalSince1970 == -62_135_596_800)
        #expect(ISO8601.parse("9999-12-31T23:59:59Z", cli)?.timeIntervalSince1970 == 253_402_300_799)
    }

    @Test(arguments: [
        "2026-02-29", "2100-02-29", "0000-01-01", "2026-11-24T10:00:60Z", "2026-11-24T10:00:00+24:00",
        "2026-11-24T10:00:00+02:60", "2026-1124", "2026-11-24T10:0000", "2026-11-24T10", "2026-11-24X10:00",
    ])
    func theAWSCLIRefuses(_ text: String) {
        #expect(ISO8601.parse(text, .awsCLI) == nil)
    }

    @Test func roundTripsToTheMillisecond() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let millis = Int64(bitPattern: state >> 1) % 253_402_300_800_000
            let millisInRange = millis - (millis > 126_000_000_000_000 ? 62_135_596_800_000 : 0)
            let date = Date(timeIntervalSince1970: Double(millisInRange) / 1000)
            let text = ISO8601.string(date, fraction: .milliseconds, rounding: .toMillisecond)
            let back = ISO8601.parse(text)
            #expect(back.map { ($0.timeIntervalSince1970 * 1000).rounded() } == Double(millisInRange), "\(text)")
        }
    }

    @Test func sigV4Stamps() {
        #expect(ISO8601.basicString(noon + 0.9) == "20261124T100000Z")
        #expect(ISO8601.basicDay(noon) == "20261124")
        #expect(ISO8601.parseBasic("20261124T100000Z") == noon)
        #expect(ISO8601.parseBasic("00010101T000000Z")?.timeIntervalSince1970 == -62_135_596_800)
        for bad in ["20261124T100000", "2026-11-24T10:00:00Z", "20261324T100000Z", "20261124T240000Z", "20261124t100000Z", "20261124T100000z", "2026112ZT100000Z"] {
            #expect(ISO8601.parseBasic(bad) == nil, "\(bad)")
        }
    }
}

@Suite("HTTP dates and epoch seconds")
struct HTTPDateTests {
    let noon = Date(timeIntervalSince1970: 1_795_514_400)

    @Test func writesAndReads() {
        #expect(HTTPDate.string(noon) == "Tue, 24 Nov 2026 10:00:00 GMT")
        #expect(HTTPDate.string(Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 00:00:00 GMT")
        #expect(HTTPDate.string(Date(timeIntervalSince1970: -86_400)) == "Wed, 31 Dec 1969 00:00:00 GMT")
        #expect(HTTPDate.parse("Tue, 24 Nov 2026 10:00:00 GMT") == noon)
        #expect(HTTPDate.parse("Tue, 24 Nov 2026 10:00:00 UTC") == noon)
    }

    @Test func strictAndLenient() {
        for text in ["Tue, 24 Nov 2026 10:00:00 PST", "Tue, 24 Nov 26 10:00:00 GMT", "Tue, 24 Nov 2026 10:0:00 GMT", "Tue, 124 Nov 2026 10:00:00 GMT"] {
            #expect(HTTPDate.parse(text) == nil, "\(text)")
            #expect(HTTPDate.parse(text, strict: false) != nil, "\(text)")
        }
        for text in ["Tue, 24 Now 2026 10:00:00 GMT", "24 Nov 2026 10:00:00 GMT", "Tue, 24 Nov 2026 10:00 GMT",
                     "Tue, 24 Nov 9223372036854775807 10:00:00 GMT", "Tue, 24 Nov 2026 10:00:9223372036854775807 GMT"] {
            #expect(HTTPDate.parse(text, strict: false) == nil, "\(text)")
        }
    }

    @Test func epochSeconds() {
        #expect(EpochSeconds.value(noon) == 1_795_514_400)
        #expect(EpochSeconds.value(noon + 0.2504) == 1_795_514_400.25)
        #expect(EpochSeconds.microsecondDate(1.000_000_4)?.timeIntervalSince1970 == 1)
        #expect(EpochSeconds.microsecondDate(-62_135_596_800) != nil)
        #expect(EpochSeconds.microsecondDate(-62_135_596_801) == nil)
        #expect(EpochSeconds.microsecondDate(253_402_300_800) == nil)
        #expect(EpochSeconds.microsecondDate(.nan) == nil)
        #expect(Date(checkedEpochSeconds: .infinity) == nil)
        #expect(InstantRange.contains(Date(timeIntervalSince1970: 253_402_300_799.999)))
    }
}
