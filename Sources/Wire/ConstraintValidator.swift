import Backend
import Catalog
import OrderedCollections

/// Checks a decoded request against the model's constraints, as the services
/// do before an operation runs: required members, enum values, lengths,
/// counts and ranges. Every violation is collected into one
/// `ValidationException` worded the way the AWS front ends word it
/// (`1 validation error detected: Value '9' at 'impact' failed to satisfy
/// constraint: Member must have value less than or equal to 5`).
///
/// Patterns are left to the backend: the checker module owns the
/// regular-expression engine, and the wire must not depend on chat syntax.
struct ConstraintValidator {
    let service: ServiceModel
    /// The services stop listing after this many violations.
    static let maxReported = 10

    func validate(_ members: OrderedDictionary<String, Value>, shape: Shape) throws(ServiceError) {
        var violations: [String] = []
        structure(members, shape: shape, path: ValuePath(), into: &violations)
        guard !violations.isEmpty else { return }
        let count = violations.count
        let listed = violations.prefix(Self.maxReported).joined(separator: "; ")
        throw ServiceError(.validation, "\(count) validation error\(count == 1 ? "" : "s") detected: \(listed)")
    }

    private func structure(_ members: OrderedDictionary<String, Value>, shape: Shape, path: ValuePath, into out: inout [String]) {
        for index in shape.requiredMembers {
            let member = shape.members[index]
            if members[member.name] == nil {
                out.append("Value null at '\(path.appending(member: member.name))' failed to satisfy constraint: Member must not be null")
            }
        }
        for member in shape.members {
            guard let value = members[member.name] else { continue }
            check(value, shape: service.shape(of: member), path: path.appending(member: member.name), into: &out)
        }
    }

    private func check(_ value: Value, shape: Shape, path: ValuePath, into out: inout [String]) {
        switch value {
        case .structure(let members) where shape.hasMembers:
            structure(members, shape: shape, path: path, into: &out)
        case .structure(let entries), .map(let entries):
            count(entries.count, value: "{...}", shape: shape, path: path, into: &out)
            let keyShape = shape.key.map { service[$0] }
            let valueShape = shape.value.map { service[$0] }
            for (key, item) in entries {
                if let keyShape { string(key, shape: keyShape, path: path.appending(key: key), into: &out) }
                if let valueShape { check(item, shape: valueShape, path: path.appending(key: key), into: &out) }
            }
        case .list(let elements):
            count(elements.count, value: "[...]", shape: shape, path: path, into: &out)
            if let element = shape.element.map({ service[$0] }) {
                for (i, item) in elements.enumerated() { check(item, shape: element, path: path.appending(index: i), into: &out) }
            }
        case .string(let s):
            string(s, shape: shape, path: path, into: &out)
        case .integer(let i):
            if let lo = shape.min, i < lo {
                out.append("Value '\(i)' at '\(path)' failed to satisfy constraint: Member must have value greater than or equal to \(lo)")
            } else if let hi = shape.max, i > hi {
                out.append("Value '\(i)' at '\(path)' failed to satisfy constraint: Member must have value less than or equal to \(hi)")
            }
        case .double(let d):
            if let lo = shape.min, d < Double(lo) {
                out.append("Value '\(d)' at '\(path)' failed to satisfy constraint: Member must have value greater than or equal to \(lo)")
            } else if let hi = shape.max, d > Double(hi) {
                out.append("Value '\(d)' at '\(path)' failed to satisfy constraint: Member must have value less than or equal to \(hi)")
            }
        case .blob(let bytes):
            count(bytes.count, value: "<blob>", shape: shape, path: path, into: &out)
        case .boolean, .timestamp:
            break
        }
    }

    private func string(_ s: String, shape: Shape, path: ValuePath, into out: inout [String]) {
        if shape.min != nil || shape.max != nil {
            let length = s.unicodeScalars.count
            if let lo = shape.min, length < lo {
                out.append("Value '\(Self.quoted(s, shape))' at '\(path)' failed to satisfy constraint: Member must have length greater than or equal to \(lo)")
            } else if let hi = shape.max, length > hi {
                out.append("Value '\(Self.quoted(s, shape))' at '\(path)' failed to satisfy constraint: Member must have length less than or equal to \(hi)")
            }
        }
        if shape.isEnum && !shape.allows(enumValue: s) {
            out.append("Value '\(Self.quoted(s, shape))' at '\(path)' failed to satisfy constraint: Member must satisfy enum value set: [\(shape.enumValues.joined(separator: ", "))]")
        }
    }

    private func count(_ n: Int, value: String, shape: Shape, path: ValuePath, into out: inout [String]) {
        if let lo = shape.min, n < lo {
            out.append("Value '\(value)' at '\(path)' failed to satisfy constraint: Member must have length greater than or equal to \(lo)")
        } else if let hi = shape.max, n > hi {
            out.append("Value '\(value)' at '\(path)' failed to satisfy constraint: Member must have length less than or equal to \(hi)")
        }
    }

    /// Sensitive values are never echoed; long ones are cut.
    private static func quoted(_ s: String, _ shape: Shape) -> String {
        if shape.isSensitive { return "*** Sensitive Data Redacted ***" }
        return s.count > 100 ? String(s.prefix(100)) + "..." : s
    }
}
