import Foundation
import Testing
import Text

@Suite("Percent-encoding")
struct PercentEncodingTests {
    @Test func encodesAllButTheUnreservedSet() {
        #expect(PercentEncoding.encode("arn:aws:x/y z~") == "arn%3Aaws%3Ax%2Fy%20z~")
        #expect(PercentEncoding.encode("a/b", keepSlash: true) == "a/b")
        #expect(PercentEncoding.encode("AZaz09-_.~") == "AZaz09-_.~")
        #expect(PercentEncoding.encode("+&=%") == "%2B%26%3D%25")
        // Non-ASCII text: each byte of its UTF-8, upper-case hex.
        #expect(PercentEncoding.encode("é😀") == "%C3%A9%F0%9F%98%80")
        #expect(PercentEncoding.encode("") == "")
    }

    @Test func decodesStrictly() {
        #expect(PercentEncoding.decode("arn%3Aaws%2Fé") == "arn:aws/é")
        #expect(PercentEncoding.decode("%c3%a9") == "é")
        #expect(PercentEncoding.decode("%zz") == nil)
        #expect(PercentEncoding.decode("%C3") == nil)
        #expect(PercentEncoding.decode("%4") == nil)
        #expect(PercentEncoding.decode("a+b") == "a+b")
        #expect(PercentEncoding.decode("a+b", plusIsSpace: true) == "a b")
        #expect(PercentEncoding.queryItems("a=1&b=x+y&a=%20")!.map { "\($0.name)=\($0.value)" } == ["a=1", "b=x y", "a= "])
        #expect(PercentEncoding.queryItems("a=%zz") == nil)
    }

    @Test func decodesLeniently() {
        #expect(PercentEncoding.decode("%zz%41", lenient: true) == "%zzA")
        #expect(PercentEncoding.decode("50%", lenient: true) == "50%")
        #expect(PercentEncoding.decode("%C3", lenient: true) == "\u{FFFD}")
        #expect(PercentEncoding.decode(bytes: Array("a+b%2B%".utf8), plusIsSpace: true, lenient: true) == "a b+%")
    }

    @Test func roundTripsAnyText() {
        for text in ["", "plain", "a b/c?d=e&f", "naïve — “quotes” 😀", "\u{0}\u{7F}%"] {
            #expect(PercentEncoding.decode(PercentEncoding.encode(text)) == text)
            #expect(PercentEncoding.decode(PercentEncoding.encode(text, keepSlash: true)) == text)
        }
    }
}

@Suite("Python numbers")
struct PythonNumbersTests {
    @Test(arguments: [
        (1.0, "1.0"), (-0.0, "-0.0"), (0.0, "0.0"), (0.1, "0.1"), (1.5, "1.5"), (-2.5, "-2.5"),
        (1e16, "1e+16"), (1e15, "1000000000000000.0"), (9_999_999_999_999_998, "9999999999999998.0"),
        (1.2345e17, "1.2345e+17"), (0.0001, "0.0001"), (0.00001, "1e-05"), (1.5e-7, "1.5e-07"),
        (.leastNonzeroMagnitude, "5e-324"), (1.7976931348623157e308, "1.7976931348623157e+308"), (123.456, "123.456"),
        (0.1 + 0.2, "0.30000000000000004"), (1e22, "1e+22"), (1e100, "1e+100"),
    ] as [(Double, String)])
    func printsAsPythonsJSONDumps(_ value: Double, _ text: String) {
        #expect(PythonNumbers.jsonText(value) == text)
    }

    @Test func valuesJSONHasNoNumberFor() {
        #expect(PythonNumbers.jsonText(.nan) == "NaN")
        #expect(PythonNumbers.jsonText(.infinity) == "Infinity")
        #expect(PythonNumbers.jsonText(-.infinity) == "-Infinity")
    }

    @Test func readsBackWhatItPrints() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for _ in 0..<5000 {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            let value = Double(bitPattern: state)
            guard value.isFinite else { continue }
            let text = PythonNumbers.jsonText(value)
            #expect(PythonNumbers.double(text)?.bitPattern == value.bitPattern, "\(text)")
        }
    }

    /// What `JSONText` printed before it called `jsonText`: `%.1f` for whole
    /// values below 1e16, Swift's shortest digits otherwise.
    @Test func agreesWithTheLayoutJSONTextHad() {
        var state: UInt64 = 0x1234_5678_9ABC_DEF1
        for i in 0..<20_000 {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            var value = Double(bitPattern: state)
            if i % 3 == 0 { value = Double(Int64(bitPattern: state) >> Int64(i % 60)) }
            if i % 3 == 1 { value = Double(Int64(bitPattern: state) % 1_000_000_000) / 1000 }
            guard value.isFinite else { continue }
            let old = value == value.rounded() && abs(value) < 1e16 ? String(format: "%.1f", value) : "\(value)"
            #expect(PythonNumbers.jsonText(value) == old)
        }
    }

    @Test func readsAsPythonsFloat() {
        #expect(PythonNumbers.double(" 1_000.5\n") == 1000.5)
        #expect(PythonNumbers.double("-inf") == -.infinity)
        #expect(PythonNumbers.double("Infinity") == .infinity)
        #expect(PythonNumbers.double("nan")?.isNaN == true)
        #expect(PythonNumbers.double("1e3") == 1000)
        for bad in ["", "1__0", "_1", "1_", "0x10", "1.5f", "١٢", "e", "--1"] {
            #expect(PythonNumbers.double(bad) == nil, "\(bad)")
        }
    }

    @Test func readsAsPythonsInt() {
        func value(_ text: String) -> Int64? {
            if case .value(let v) = PythonNumbers.integer(text) { v } else { nil }
        }
        #expect(value("42") == 42)
        #expect(value(" -1_000 ") == -1000)
        #expect(value("007") == 7)
        #expect(value("-9223372036854775808") == .min)
        if case .tooLarge = PythonNumbers.integer("9223372036854775808") {} else { Issue.record("not too large") }
        for bad in ["", "1.0", "1__0", "+", "0x1", "1e3"] {
            if case .invalid = PythonNumbers.integer(bad) {} else { Issue.record("\(bad) taken") }
        }
    }

    @Test func stripsPythonSpace() {
        #expect(" \u{3000}a b\u{85}".trimmingPythonSpace == "a b")
        #expect("\u{200B}a".trimmingPythonSpace == "\u{200B}a")
        #expect(PythonNumbers.isSpace(0x1C))
        #expect(!PythonNumbers.isSpace(0x41))
    }
}
