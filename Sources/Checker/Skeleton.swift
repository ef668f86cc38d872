import JSON
import Catalog

/// What `--generate-cli-skeleton` prints: a sample of an operation's input
/// (or output) with placeholder values, as botocore's argument generator
/// makes it: `""` for strings (an enum's first value), `0`, `0.0`, `true`,
/// `1970-01-01T00:00:00` for timestamps, one element per list, one
/// `KeyName` entry per map, and `{}` where a structure recurs.
public enum Skeleton {
    public static func input(of operation: Operation, in service: ServiceModel) -> JSON {
        guard let input = operation.input else { return .object([]) }
        var stack: [Int] = []
        return value(input, service, &stack, memberName: nil, useNames: false)
    }

    /// The output sample, with member names as string values.
    public static func output(of operation: Operation, in service: ServiceModel) -> JSON {
        guard let output = operation.output else { return .object([]) }
        var stack: [Int] = []
        return value(output, service, &stack, memberName: nil, useNames: true)
    }

    private static func value(_ id: ShapeID, _ service: ServiceModel, _ stack: inout [Int],
                              memberName: String?, useNames: Bool) -> JSON {
        stack.append(id.index)
        defer { stack.removeLast() }
        let shape = service[id]
        switch shape.kind {
        case .structure, .union:
            if stack.filter({ $0 == id.index }).count > 1 { return .object([]) }
            return .object(shape.members.map { ($0.name, value($0.shape, service, &stack, memberName: $0.name, useNames: useNames)) })
        case .list:
            return .array([value(shape.element!, service, &stack, memberName: useNames ? service[shape.element!].name : nil, useNames: useNames)])
        case .map:
            return .object([("KeyName", value(shape.value!, service, &stack, memberName: nil, useNames: useNames))])
        case .string:
            if useNames { return .string(memberName ?? "") }
            return .string(shape.enumValues.first ?? "")
        case .integer, .long: return .integer(0)
        case .float, .double: return .double(0)
        case .boolean: return .bool(true)
        case .timestamp: return .string("1970-01-01T00:00:00")
        case .blob: return .null
        }
    }
}
