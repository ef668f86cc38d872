import Catalog
import Constraints
import OrderedCollections
import Syntax
import Text
import Time

/// Gives a `ValueNode` (from JSON, YAML or shorthand) the types of its shape,
/// the way botocore's validator takes what the AWS CLI hands it: unknown
/// members, missing required members (all at once), wrong types, unions with
/// other than one member; then the model's constraints.
///
/// In shorthand mode it first does what awscli's back-compatibility visitor
/// does: strings become integers, doubles and booleans where the shape says
/// so, and a single value where a list is expected becomes a list of one.
struct ShapeDecoder {
    enum Mode {
        case json
        case shorthand
    }

    let service: ServiceModel
    let constraints: Constraints
    let source: ValueText
    let mode: Mode
    var diagnostics: [Diagnostic] = []

    init(service: ServiceModel, patterns: PatternTable, source: ValueText, mode: Mode) {
        self.service = service
        self.constraints = Constraints(service: service, patterns: patterns)
        self.source = source
        self.mode = mode
    }

    private func range(_ span: Range<Int>) -> SourceRange { source.range(of: span) }

    /// Enough diagnostics gathered: the walk stops (see `Diagnostic.limitPerCommand`).
    private var isFull: Bool { diagnostics.count >= Diagnostic.limitPerCommand }

    private mutating func wrongType(_ node: ValueNode, expected: String, _ path: ValuePath) {
        diagnostics.append(.error(.wrongType, "\(path): expected \(expected), got \(node.typeName)", at: range(node.span)))
    }

    private mutating func timeOutOfRange(_ text: String, _ node: ValueNode, _ path: ValuePath) {
        diagnostics.append(.error(.valueOutOfRange,
            "\(path): \(text) seconds since 1970 is not a time \(InstantRange.description)", at: range(node.span),
            suggestion: "write ISO 8601 (2026-11-24T10:00:00Z) or seconds since 1970 within those years"))
    }

    mutating func decode(_ node: ValueNode, shape id: ShapeID, path: ValuePath) -> Value? {
        let shape = service[id]
        let source = self.source
        switch shape.kind {
        case .structure, .union:
            return structure(node, shape, path)
        case .list:
            return list(node, shape, path)
        case .map:
            return map(node, shape, path)
        case .string:
            guard case .string(let s) = node.kind else {
                wrongType(node, expected: shape.isEnum ? "one of \(shape.enumValues.joined(separator: ", "))" : "a string", path)
                return nil
            }
            constraints.check(string: s, shape: shape, id: id, path: path, range: source.range(of: node.span), into: &diagnostics)
            return .string(s)
        case .integer, .long:
            let value: Int64
            switch node.kind {
            case .integer(let i):
                value = i
            case .bigInteger(let text):
                diagnostics.append(.error(.valueOutOfRange, "\(path): \(text) does not fit in 64 bits", at: range(node.span)))
                return nil
            case .string(let s) where mode == .shorthand:
                switch PythonNumbers.integer(s) {
                case .value(let i): value = i
                case .tooLarge:
                    diagnostics.append(.error(.valueOutOfRange, "\(path): \(s) does not fit in 64 bits", at: range(node.span)))
                    return nil
                case .invalid:
                    diagnostics.append(.error(.invalidInteger, "\(path): \(Constraints.quote(s)) is not an integer", at: range(node.span)))
                    return nil
                }
            default:
                wrongType(node, expected: "an integer", path)
                return nil
            }
            if shape.kind == .integer, Int32(exactly: value) == nil {
                diagnostics.append(.error(.valueOutOfRange,
                    "\(path): \(value) does not fit in a 32-bit integer (\(Int32.min) to \(Int32.max))", at: range(node.span)))
                return nil
            }
            constraints.check(integer: value, shape: shape, path: path, range: source.range(of: node.span), into: &diagnostics)
            return .integer(value)
        case .float, .double:
            let value: Double
            switch node.kind {
            case .integer(let i): value = Double(i)
            case .bigInteger(let text): value = Double(text) ?? .infinity
            case .double(let d): value = d
            case .string(let s) where mode == .shorthand:
                guard let d = PythonNumbers.double(s) else {
                    diagnostics.append(.error(.invalidNumber, "\(path): \(Constraints.quote(s)) is not a number", at: range(node.span)))
                    return nil
                }
                value = d
            default:
                wrongType(node, expected: "a number", path)
                return nil
            }
            constraints.check(double: value, shape: shape, path: path, range: source.range(of: node.span), into: &diagnostics)
            return .double(value)
        case .boolean:
            switch node.kind {
            case .boolean(let b): return .boolean(b)
            case .string(let s) where mode == .shorthand && s.lowercased() == "true": return .boolean(true)
            case .string(let s) where mode == .shorthand && s.lowercased() == "false": return .boolean(false)
            default:
                wrongType(node, expected: "true or false", path)
                return nil
            }
        case .timestamp:
            switch node.kind {
            case .string(let s):
                if let date = TimestampParser.parse(s) { return .timestamp(date) }
                if PythonNumbers.double(s) != nil {
                    timeOutOfRange(s, node, path)
                } else {
                    diagnostics.append(.error(.invalidTimestamp,
                        "\(path): \(Constraints.quote(s)) is not a timestamp",
                        at: range(node.span), suggestion: "write ISO 8601 (2026-11-24T10:00:00Z) or seconds since 1970"))
                }
                return nil
            case .integer, .double, .bigInteger:
                let d: Double
                switch node.kind {
                case .integer(let i): d = Double(i)
                case .double(let x): d = x
                case .bigInteger(let text): d = Double(text) ?? .infinity
                default: d = .nan
                }
                guard let date = EpochSeconds.microsecondDate(d) else {
                    timeOutOfRange(d.isNaN ? "NaN" : "\(d)", node, path)
                    return nil
                }
                return .timestamp(date)
            default:
                wrongType(node, expected: "a timestamp", path)
                return nil
            }
        case .blob:
            let bytes: [UInt8]
            switch node.kind {
            case .string(let s): bytes = Array(s.utf8)
            case .bytes(let b): bytes = b
            default:
                wrongType(node, expected: "a string or file contents", path)
                return nil
            }
            constraints.check(count: bytes.count, of: "byte", plural: "bytes", shape: shape, path: path, range: source.range(of: node.span), into: &diagnostics)
            return .blob(bytes)
        }
    }

    private mutating func structure(_ node: ValueNode, _ shape: Shape, _ path: ValuePath) -> Value? {
        guard case .object(let entries) = node.kind else {
            wrongType(node, expected: shape.kind == .union ? "a structure with one member" : "a structure", path)
            return nil
        }
        var values = [Value?](repeating: nil, count: shape.members.count)
        var failed = false
        for entry in entries {
            if isFull { return nil }
            guard let i = shape.memberIndex(of: entry.key) else {
                let suggestions = service.suggestMembers(for: entry.key, in: shape)
                diagnostics.append(.error(.unknownMember,
                    "\(path): unknown member '\(entry.key)'; the members are \(shape.members.map(\.name).joined(separator: ", "))",
                    at: range(entry.keySpan), suggestion: suggestions.first.map { "did you mean \($0)?" }))
                failed = true
                continue
            }
            let member = shape.members[i]
            if let value = decode(entry.value, shape: member.shape, path: path.member(member.name)) {
                values[i] = value
            } else {
                failed = true
            }
        }
        let source = self.source
        if !constraints.checkRequired(shape, path: path, range: source.range(of: node.span), has: { name in entries.contains { $0.key == name } },
                                      into: &diagnostics) {
            failed = true
        }
        if shape.kind == .union,
           !constraints.checkUnion(shape, given: entries.map(\.key), path: path, range: source.range(of: node.span), into: &diagnostics) {
            failed = true
        }
        if failed { return nil }
        var out = OrderedDictionary<String, Value>(minimumCapacity: entries.count)
        for (i, value) in values.enumerated() {
            if let value { out[shape.members[i].name] = value }
        }
        return .structure(out)
    }

    private mutating func list(_ node: ValueNode, _ shape: Shape, _ path: ValuePath) -> Value? {
        let source = self.source
        let items: [ValueNode]
        switch node.kind {
        case .list(let l):
            items = l
        case .null:
            wrongType(node, expected: "a list", path)
            return nil
        default:
            guard mode == .shorthand else {
                wrongType(node, expected: "a list", path)
                return nil
            }
            items = [node]
        }
        var out: [Value] = []
        out.reserveCapacity(items.count)
        var failed = false
        for (i, item) in items.enumerated() {
            if isFull { return nil }
            if let v = decode(item, shape: shape.element!, path: path.index(i)) { out.append(v) } else { failed = true }
        }
        constraints.check(count: items.count, of: "item", plural: "items", shape: shape, path: path, range: source.range(of: node.span), into: &diagnostics)
        return failed ? nil : .list(out)
    }

    private mutating func map(_ node: ValueNode, _ shape: Shape, _ path: ValuePath) -> Value? {
        let source = self.source
        guard case .object(let entries) = node.kind else {
            wrongType(node, expected: "a map", path)
            return nil
        }
        var out = OrderedDictionary<String, Value>(minimumCapacity: entries.count)
        var failed = false
        let keyShape = service[shape.key!]
        for entry in entries {
            if isFull { return nil }
            let before = diagnostics.count
            constraints.check(string: entry.key, shape: keyShape, id: shape.key!, path: path.key(entry.key),
                              range: source.range(of: entry.keySpan), into: &diagnostics)
            if diagnostics.count > before { failed = true }
            if let v = decode(entry.value, shape: shape.value!, path: path.key(entry.key)) {
                out[entry.key] = v
            } else {
                failed = true
            }
        }
        constraints.check(count: entries.count, of: "entry", plural: "entries", shape: shape, path: path, range: source.range(of: node.span), into: &diagnostics)
        return failed ? nil : .map(out)
    }
}
