import Foundation
import Testing
@testable import Wire

@Suite("Wire: timestamps and percent-encoding")
struct JSONTests {
    @Test func timestamps() {
        let date = Timestamps.parseISO8601("2026-11-24T10:00:00Z")!
        #expect(date.timeIntervalSince1970 == 1_795_514_400)
        #expect(Timestamps.iso8601(date) == "2026-11-24T10:00:00Z")
        #expect(Timestamps.rfc822(date) == "Tue, 24 Nov 2026 10:00:00 GMT")
        #expect(Timestamps.parseRFC822("Tue, 24 Nov 2026 10:00:00 GMT") == date)
        #expect(Timestamps.parseISO8601("2026-11-24T12:00:00.5+02:00")!.timeIntervalSince1970 == 1_795_514_400.5)
        #expect(Timestamps.iso8601(date + 0.25) == "2026-11-24T10:00:00.250Z")
        #expect(Timestamps.parseISO8601("2026-13-24T10:00:00Z") == nil)
        #expect(Timestamps.parseISO8601("2026-11-24 10:00:00") == nil)
        #expect(Timestamps.iso8601(Timestamps.parseISO8601("1969-12-31T23:59:59Z")!) == "1969-12-31T23:59:59Z")
    }

    @Test func percentEncoding() {
        #expect(PercentEncoding.encode("arn:aws:x/y z~") == "arn%3Aaws%3Ax%2Fy%20z~")
        #expect(PercentEncoding.encode("a/b", keepSlash: true) == "a/b")
        #expect(PercentEncoding.decode("arn%3Aaws%2Fé") == "arn:aws/é")
        #expect(PercentEncoding.decode("%zz") == nil)
        #expect(PercentEncoding.decode("%C3") == nil)
        #expect(PercentEncoding.queryItems("a=1&b=x+y&a=%20")!.map { "\($0.name)=\($0.value)" } == ["a=1", "b=x y", "a= "])
    }
}
