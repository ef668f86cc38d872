import Backend
import Catalog
import Constraints
import OrderedCollections

/// Checks a decoded request against the model's constraints, as the services
/// do before an operation runs: the shared `ConstraintEngine` (required
/// members, lengths and counts, ranges, enums, patterns, unions; the checker
/// uses the same one) decides, this words every violation into one
/// `ValidationException` the way the AWS front ends word it
/// (`1 validation error detected: Value '9' at 'impact' failed to satisfy
/// constraint: Member must have value less than or equal to 5`).
///
/// ssm-contacts answers in its own body shape: `Message`, `Reason`
/// (`FIELD_VALIDATION_FAILED`) and `Fields`, one a violation.
struct ConstraintValidator {
    let service: ServiceModel
    /// The services stop listing after this many violations.
    static let maxReported = 10

    func validate(_ members: OrderedDictionary<String, Value>, shape: Shape) throws(ServiceError) {
        var violations: [(path: ValuePath, sentence: String)] = []
        let engine = ConstraintEngine(service: service)
        engine.validate(members, shape: shape) { path, violation, subject in
            violations.append((path, Self.sentence(violation, at: path, value: Self.shown(subject))))
        }
        guard !violations.isEmpty else { return }
        let count = violations.count
        let listed = violations.prefix(Self.maxReported).map(\.sentence).joined(separator: "; ")
        let message = "\(count) validation error\(count == 1 ? "" : "s") detected: \(listed)"
        guard service.name == .contacts else { throw ServiceError(.validation, message) }
        throw ServiceError(.validation, message, reason: "FIELD_VALIDATION_FAILED",
                           fields: violations.prefix(Self.maxReported).map { .init(name: $0.path.serviceText, message: $0.sentence) },
                           service: .contacts)
    }

    /// `Value 'x' at 'alias' failed to satisfy constraint: Member must ...`
    static func sentence(_ violation: Violation, at path: ValuePath, value shown: String) -> String {
        let at = "at '\(path.serviceText)' failed to satisfy constraint: Member must"
        switch violation {
        case .missing:
            return "Value null \(at) not be null"
        case .length(_, let lo, let hi), .count(_, let lo, let hi):
            if let lo, case .length(let n, _, _) = violation, n < lo { return "Value '\(shown)' \(at) have length greater than or equal to \(lo)" }
            if let lo, case .count(let n, _, _) = violation, Int64(n) < lo { return "Value '\(shown)' \(at) have length greater than or equal to \(lo)" }
            return "Value '\(shown)' \(at) have length less than or equal to \(hi ?? 0)"
        case .range(let number, let lo, let hi):
            if let lo, let d = Double(number), d < Double(lo) { return "Value '\(number)' \(at) have value greater than or equal to \(lo)" }
            return "Value '\(number)' \(at) have value less than or equal to \(hi ?? 0)"
        case .notInEnum(let allowed):
            return "Value '\(shown)' \(at) satisfy enum value set: [\(allowed.joined(separator: ", "))]"
        case .pattern(let source):
            return "Value '\(shown)' \(at) satisfy regular expression pattern: \(source)"
        case .union(let given, _):
            return "Value '\(shown)' \(at) have exactly one member set (\(given.count) given)"
        }
    }

    /// A value as a message shows it: sensitive values never, long ones cut,
    /// lists `[...]`, structures and maps `{...}`.
    static func shown(_ subject: ConstraintEngine.Subject) -> String {
        guard let value = subject.value else { return "null" }
        switch value {
        case .string(let s):
            if subject.shape?.isSensitive == true { return "*** Sensitive Data Redacted ***" }
            return s.count > 100 ? String(s.prefix(100)) + "..." : s
        case .list: return "[...]"
        case .structure, .map: return "{...}"
        case .blob: return "<blob>"
        case .integer(let i): return "\(i)"
        case .double(let d): return "\(d)"
        case .boolean(let b): return "\(b)"
        case .timestamp: return "<timestamp>"
        }
    }
}
