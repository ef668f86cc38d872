import Catalog
import Constraints
import Syntax

/// The model's constraints on a decoded value, worded as located
/// diagnostics: the shared `ConstraintEngine` (which the wire uses too)
/// decides, this words. botocore checks only minimums; the services check
/// the rest, and so do we, before anything is sent.
struct Constraints {
    let engine: ConstraintEngine

    init(service: ServiceModel, patterns: PatternTable) {
        engine = ConstraintEngine(service: service, patterns: patterns)
    }

    /// Checks a string (or a map key); the problems go into `diagnostics`.
    @inline(__always)
    func check(string: String, shape: Shape, id: ShapeID, path: ValuePath, range: @autoclosure () -> SourceRange,
               into diagnostics: inout [Diagnostic]) {
        engine.check(string: string, shape: shape, id: id) { violation in
            diagnostics.append(Self.diagnostic(violation, value: string, path: path, range: range()))
        }
    }

    func check(integer: Int64, shape: Shape, path: ValuePath, range: @autoclosure () -> SourceRange,
               into diagnostics: inout [Diagnostic]) {
        engine.check(integer: integer, shape: shape) { diagnostics.append(Self.diagnostic($0, value: "", path: path, range: range())) }
    }

    func check(double: Double, shape: Shape, path: ValuePath, range: @autoclosure () -> SourceRange,
               into diagnostics: inout [Diagnostic]) {
        engine.check(double: double, shape: shape) { diagnostics.append(Self.diagnostic($0, value: "", path: path, range: range())) }
    }

    /// Item counts of lists and maps, byte counts of blobs.
    func check(count: Int, of what: String, plural: String, shape: Shape, path: ValuePath, range: @autoclosure () -> SourceRange,
               into diagnostics: inout [Diagnostic]) {
        engine.check(count: count, shape: shape) { violation in
            guard case .count(let n, let lo, let hi) = violation else { return }
            diagnostics.append(.error(.lengthOutOfRange,
                "\(path): has \(n) \(n == 1 ? what : plural); \(Self.bounds(lo: lo, hi: hi, unit: plural))",
                at: range()))
        }
    }

    /// The required members of `shape` that `has` says are absent, as one diagnostic.
    func checkRequired(_ shape: Shape, path: ValuePath, range: @autoclosure () -> SourceRange, has: (String) -> Bool,
                       into diagnostics: inout [Diagnostic]) -> Bool {
        let names = engine.missingMembers(of: shape, has: has)
        guard !names.isEmpty else { return true }
        diagnostics.append(.error(.missingMember,
            "\(path): missing required member\(names.count == 1 ? "" : "s") \(names.joined(separator: ", "))",
            at: range()))
        return false
    }

    /// A union with other than one member set.
    func checkUnion(_ shape: Shape, given: [String], path: ValuePath, range: @autoclosure () -> SourceRange,
                    into diagnostics: inout [Diagnostic]) -> Bool {
        var ok = true
        engine.check(union: shape, given: given) { violation in
            guard case .union(let given, let members) = violation else { return }
            diagnostics.append(.error(.unionMembers,
                "\(path): set exactly one of \(members.joined(separator: ", ")) (\(given.count) given)",
                at: range()))
            ok = false
        }
        return ok
    }

    /// A violation of one value as a diagnostic at `range`.
    static func diagnostic(_ violation: Violation, value: String, path: ValuePath, range: SourceRange) -> Diagnostic {
        switch violation {
        case .length(let count, let lo, let hi):
            return .error(.lengthOutOfRange,
                "\(path): \(quote(value)) has \(count) character\(count == 1 ? "" : "s"); \(bounds(lo: lo, hi: hi, unit: "characters"))",
                at: range)
        case .notInEnum(let allowed):
            let suggestions = DidYouMean.candidates(for: value, among: allowed)
            return .error(.invalidEnum, "\(path): \(quote(value)) is not one of: \(allowed.joined(separator: ", "))",
                          at: range, suggestion: suggestions.first.map { "did you mean \($0)?" })
        case .pattern(let source):
            return .error(.patternMismatch, "\(path): \(quote(value)) does not match the pattern \(source)", at: range)
        case .range(let number, let lo, let hi):
            return .error(.valueOutOfRange, "\(path): \(number) is out of range; \(bounds(lo: lo, hi: hi, unit: nil))", at: range)
        case .count(let n, let lo, let hi):
            return .error(.lengthOutOfRange, "\(path): has \(n); \(bounds(lo: lo, hi: hi, unit: nil))", at: range)
        case .missing(let member):
            return .error(.missingMember, "\(path): missing required member \(member)", at: range)
        case .union(let given, let members):
            return .error(.unionMembers, "\(path): set exactly one of \(members.joined(separator: ", ")) (\(given.count) given)", at: range)
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
