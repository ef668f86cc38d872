import Catalog
import Syntax

/// The model's constraints on a decoded value: lengths and sizes, numeric
/// ranges, enum values and patterns. botocore checks only minimums; the
/// services check the rest, and so do we, before anything is sent.
struct Constraints {
    let service: ServiceModel
    let patterns: PatternTable

    /// Checks a string (or a map key); the problems go into `diagnostics`.
    @inline(__always)
    func check(string: String, shape: Shape, id: ShapeID, path: ValuePath, range: @autoclosure () -> SourceRange,
               into diagnostics: inout [Diagnostic]) {
        if shape.min != nil || shape.max != nil {
            let bytes = string.utf8.count
            let lo = shape.min ?? 0, hi = shape.max ?? Int64.max
            // Bytes bound the scalar count from above; count scalars only when it matters.
            if Int64(bytes) < lo || Int64(bytes) > hi || Int64(bytes / 4) < lo {
                let count = Int64(string.unicodeScalars.count)
                if count < lo || count > hi {
                    diagnostics.append(.error(.lengthOutOfRange,
                        "\(path): \(Self.quote(string)) has \(count) character\(count == 1 ? "" : "s"); \(Self.bounds(lo: shape.min, hi: shape.max, unit: "characters"))",
                        at: range()))
                }
            }
        }
        if shape.isEnum && !shape.allows(enumValue: string) {
            let suggestions = DidYouMean.candidates(for: string, among: shape.enumValues)
            diagnostics.append(.error(.invalidEnum,
                "\(path): \(Self.quote(string)) is not one of: \(shape.enumValues.joined(separator: ", "))",
                at: range(), suggestion: suggestions.first.map { "did you mean \($0)?" }))
        }
        if let pattern = patterns[id], !pattern.matches(string) {
            diagnostics.append(.error(.patternMismatch,
                "\(path): \(Self.quote(string)) does not match the pattern \(pattern.source)",
                at: range()))
        }
    }

    func check(integer: Int64, shape: Shape, path: ValuePath, range: @autoclosure () -> SourceRange,
               into diagnostics: inout [Diagnostic]) {
        if let lo = shape.min, integer < lo { outOfRange("\(integer)", shape, path, range(), &diagnostics) }
        else if let hi = shape.max, integer > hi { outOfRange("\(integer)", shape, path, range(), &diagnostics) }
    }

    func check(double: Double, shape: Shape, path: ValuePath, range: @autoclosure () -> SourceRange,
               into diagnostics: inout [Diagnostic]) {
        if let lo = shape.min, double < Double(lo) { outOfRange("\(double)", shape, path, range(), &diagnostics) }
        else if let hi = shape.max, double > Double(hi) { outOfRange("\(double)", shape, path, range(), &diagnostics) }
    }

    private func outOfRange(_ value: String, _ shape: Shape, _ path: ValuePath, _ range: SourceRange, _ diagnostics: inout [Diagnostic]) {
        diagnostics.append(.error(.valueOutOfRange,
            "\(path): \(value) is out of range; \(Self.bounds(lo: shape.min, hi: shape.max, unit: nil))", at: range))
    }

    /// Item counts of lists and maps, byte counts of blobs.
    func check(count: Int, of what: String, plural: String, shape: Shape, path: ValuePath, range: @autoclosure () -> SourceRange,
               into diagnostics: inout [Diagnostic]) {
        let n = Int64(count)
        if (shape.min.map { n < $0 } ?? false) || (shape.max.map { n > $0 } ?? false) {
            diagnostics.append(.error(.lengthOutOfRange,
                "\(path): has \(count) \(count == 1 ? what : plural); \(Self.bounds(lo: shape.min, hi: shape.max, unit: plural))",
                at: range()))
        }
    }

    static func bounds(lo: Int64?, hi: Int64?, unit: String?) -> String {
        let u = unit.map { " " + $0 } ?? ""
        switch (lo, hi) {
        case let (l?, h?): return l == h ? "it must have exactly \(l)\(u)" : "the model allows \(l) to \(h)\(u)"
        case let (l?, nil): return "the model allows at least \(l)\(u)"
        case let (nil, h?): return "the model allows at most \(h)\(u)"
        default: return ""
        }
    }

    /// A value quoted for a message, cut short when long.
    static func quote(_ s: String) -> String {
        let limit = 60
        var out = ""
        for (i, scalar) in s.unicodeScalars.enumerated() {
            if i == limit { out += "…"; break }
            switch scalar {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return "'" + out + "'"
    }
}
