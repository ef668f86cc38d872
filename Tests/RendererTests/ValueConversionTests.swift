import Catalog
import Foundation
import JMESPath
import Renderer
import Testing

@Suite struct ValueConversionTests {
    @Test func timestampsAsPythonIsoformat() {
        #expect(Value.isoformat(Date(timeIntervalSince1970: 1_795_514_400)) == "2026-11-24T10:00:00+00:00")
        #expect(Value.isoformat(Date(timeIntervalSince1970: 1_795_514_400.123)) == "2026-11-24T10:00:00.123000+00:00")
        #expect(Value.isoformat(Date(timeIntervalSince1970: 1_795_514_400.000_001)) == "2026-11-24T10:00:00.000001+00:00")
        #expect(Value.isoformat(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00+00:00")
        #expect(Value.isoformat(Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59.500000+00:00")
        #expect(Value.isoformat(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00+00:00")
        #expect(Value.isoformat(Date(timeIntervalSince1970: 253_402_300_799)) == "9999-12-31T23:59:59+00:00")
    }

    /// Whole seconds from 1583 (Foundation's calendar is Julian before the
    /// Gregorian reform; Python's is proleptic) to 9999 against Foundation.
    @Test func timestampsAgreeWithFoundation() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let seconds = Int64.random(in: -12_212_553_600...253_402_300_799, using: &generator)
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            let expected = String(format: "%04d-%02d-%02dT%02d:%02d:%02d+00:00", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
            #expect(Value.isoformat(date) == expected, "\(seconds)")
        }
    }

    @Test func timestampsRoundToTheMicrosecond() {
        // 0.9999996 s rounds up into the next second, as datetime.fromtimestamp does.
        #expect(Value.isoformat(Date(timeIntervalSince1970: 59.999_999_6)) == "1970-01-01T00:01:00+00:00")
    }

    @Test func blobsAsBase64() {
        #expect(Value.base64([]) == "")
        #expect(Value.base64(Array("f".utf8)) == "Zg==")
        #expect(Value.base64(Array("fo".utf8)) == "Zm8=")
        #expect(Value.base64(Array("foo".utf8)) == "Zm9v")
        #expect(Value.base64([0xFF, 0xFE, 0x00]) == "//4A")
        #expect(Value.blob([1, 2, 3]).jsonValue == .string("AQID"))
    }

    @Test func integersStayIntegral() {
        #expect(Value.integer(5).jsonValue.serialized() == "5")
        #expect(Value.integer(-9_007_199_254_740_991).jsonValue.serialized() == "-9007199254740991")
        #expect(Value.double(0.5).jsonValue.serialized() == "0.5")
    }

    @Test func structuresKeepMemberOrder() {
        let v = Value.structure(["zeta": .string("z"), "alpha": .boolean(true),
                                 "when": .timestamp(Date(timeIntervalSince1970: 1_795_514_400)),
                                 "items": .list([.map(["k": .integer(1)])])])
        #expect(v.jsonValue.object?.keys == ["zeta", "alpha", "when", "items"])
        #expect(Renderer(format: .json).render(v, title: "T") == """
            {
                "zeta": "z",
                "alpha": true,
                "when": "2026-11-24T10:00:00+00:00",
                "items": [
                    {
                        "k": 1
                    }
                ]
            }

            """)
    }
}
