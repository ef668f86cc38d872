import Catalog
import OrderedCollections

/// One way a value breaks its shape's constraints. The checker words it as a
/// located diagnostic, the wire as the services word it.
public enum Violation: Sendable, Hashable {
    /// A required member is absent.
    case missing(member: String)
    /// A string's length in characters (Unicode scalars) is out of bounds.
    case length(Int64, min: Int64?, max: Int64?)
    /// A list's or map's item count, or a blob's byte count, is out of bounds.
    case count(Int, min: Int64?, max: Int64?)
    /// A number is out of range; the number as written.
    case range(String, min: Int64?, max: Int64?)
    /// A string that is none of the enum's values.
    case notInEnum(allowed: [String])
    /// A string that does not match the model's pattern (its source).
    case pattern(String)
    /// A union with other than one member set: the members given, the union's members.
    case union(given: [String], members: [String])
}

/// The model's constraints on values: required members, lengths and counts,
/// ranges, enums, patterns and unions. One engine for the checker (which
/// decodes and checks in one walk, and asks about each value as it goes) and
/// for the wire (which checks a decoded request with `validate`).
public struct ConstraintEngine: Sendable {
    public let service: ServiceModel
    public let patterns: PatternTable

    public init(service: ServiceModel, patterns: PatternTable) {
        self.service = service
        self.patterns = patterns
    }

    public init(service: ServiceModel) {
        self.init(service: service, patterns: PatternTable.of(service.name))
    }

    // MARK: One value

    /// A string (or a map key) of the string shape `id`: length, enum, pattern, in that order.
    @inline(__always)
    public func check(string: String, shape: Shape, id: ShapeID, _ report: (Violation) -> Void) {
        if shape.min != nil || shape.max != nil {
            let bytes = string.utf8.count
            let lo = shape.min ?? 0, hi = shape.max ?? Int64.max
            // Bytes bound the scalar count from above; count scalars only when it matters.
            if Int64(bytes) < lo || Int64(bytes) > hi || Int64(bytes / 4) < lo {
                let count = Int64(string.unicodeScalars.count)
                if count < lo || count > hi { report(.length(count, min: shape.min, max: shape.max)) }
            }
        }
        if shape.isEnum && !shape.allows(enumValue: string) {
            report(.notInEnum(allowed: shape.enumValues))
        }
        if let pattern = patterns[id], !pattern.matches(string) {
            report(.pattern(pattern.source))
        }
    }

    @inline(__always)
    public func check(integer: Int64, shape: Shape, _ report: (Violation) -> Void) {
        if let lo = shape.min, integer < lo { report(.range("\(integer)", min: shape.min, max: shape.max)) }
        else if let hi = shape.max, integer > hi { report(.range("\(integer)", min: shape.min, max: shape.max)) }
    }

    @inline(__always)
    public func check(double: Double, shape: Shape, _ report: (Violation) -> Void) {
        if let lo = shape.min, double < Double(lo) { report(.range("\(double)", min: shape.min, max: shape.max)) }
        else if let hi = shape.max, double > Double(hi) { report(.range("\(double)", min: shape.min, max: shape.max)) }
    }

    /// Item counts of lists and maps, byte counts of blobs.
    @inline(__always)
    public func check(count: Int, shape: Shape, _ report: (Violation) -> Void) {
        let n = Int64(count)
        if (shape.min.map { n < $0 } ?? false) || (shape.max.map { n > $0 } ?? false) {
            report(.count(count, min: shape.min, max: shape.max))
        }
    }

    /// The required members of a structure that `has` says are absent.
    public func missingMembers(of shape: Shape, has: (String) -> Bool) -> [String] {
        var out: [String] = []
        for i in shape.requiredMembers where !has(shape.members[i].name) { out.append(shape.members[i].name) }
        return out
    }

    /// A union must have exactly one member set.
    public func check(union shape: Shape, given: [String], _ report: (Violation) -> Void) {
        if shape.kind == .union && given.count != 1 {
            report(.union(given: given, members: shape.members.map(\.name)))
        }
    }

    // MARK: A decoded request

    /// What a violation of a decoded request is about: the value (a map key
    /// as a string) and its shape, for the message.
    public struct Subject {
        public let value: Value?
        public let shape: Shape?
    }

    /// Every violation in a decoded structure, in model order, each with its place.
    public func validate(_ members: OrderedDictionary<String, Value>, shape: Shape, path: ValuePath = ValuePath(),
                         _ report: (ValuePath, Violation, Subject) -> Void) {
        for name in missingMembers(of: shape, has: { members[$0] != nil }) {
            report(path.member(name), .missing(member: name), Subject(value: nil, shape: nil))
        }
        check(union: shape, given: Array(members.keys)) { report(path, $0, Subject(value: .structure(members), shape: shape)) }
        for member in shape.members {
            guard let value = members[member.name] else { continue }
            validate(value, shape: member.shape, path: path.member(member.name), report)
        }
    }

    /// Every violation in a decoded value of the shape `id`.
    public func validate(_ value: Value, shape id: ShapeID, path: ValuePath, _ report: (ValuePath, Violation, Subject) -> Void) {
        let shape = service[id]
        let subject = Subject(value: value, shape: shape)
        switch value {
        case .structure(let members) where shape.hasMembers:
            validate(members, shape: shape, path: path, report)
        case .structure(let entries), .map(let entries):
            check(count: entries.count, shape: shape) { report(path, $0, subject) }
            for (key, item) in entries {
                if let keyID = shape.key {
                    let keyShape = service[keyID]
                    check(string: key, shape: keyShape, id: keyID) { report(path.key(key), $0, Subject(value: .string(key), shape: keyShape)) }
                }
                if let valueID = shape.value { validate(item, shape: valueID, path: path.key(key), report) }
            }
        case .list(let elements):
            check(count: elements.count, shape: shape) { report(path, $0, subject) }
            if let element = shape.element {
                for (i, item) in elements.enumerated() { validate(item, shape: element, path: path.index(i), report) }
            }
        case .string(let s):
            // A JSON document member is a string of a structure-less shape: only string shapes have patterns.
            if shape.kind == .string { check(string: s, shape: shape, id: id) { report(path, $0, subject) } }
        case .integer(let i):
            check(integer: i, shape: shape) { report(path, $0, subject) }
        case .double(let d):
            check(double: d, shape: shape) { report(path, $0, subject) }
        case .blob(let bytes):
            check(count: bytes.count, shape: shape) { report(path, $0, subject) }
        case .boolean, .timestamp:
            break
        }
    }
}
