/// Describes shapes to a person: a type name, the constraints in words, and
/// skeletons of the shorthand and JSON a value is written in.
public struct ShapeSyntax: Sendable {
    public let service: ServiceModel

    public init(service: ServiceModel) { self.service = service }

    // MARK: type names

    /// `string`, `list of string`, `map of string to string`, `structure`, `union`.
    public func typeName(_ id: ShapeID) -> String {
        let shape = service[id]
        switch shape.kind {
        case .list: return "list of " + typeName(shape.element!)
        case .map: return "map of \(typeName(shape.key!)) to \(typeName(shape.value!))"
        default: return shape.kind.rawValue
        }
    }

    // MARK: constraints

    /// The constraints of a shape in words, one phrase each; for lists and
    /// maps the constraints of their elements, keys and values follow.
    public func constraints(_ id: ShapeID) -> [String] {
        let shape = service[id]
        var out: [String] = []
        switch shape.kind {
        case .string, .blob:
            if let range = Self.range(shape.min.flatMap { $0 > 0 ? $0 : nil }, shape.max) {
                out.append("length " + range)
            }
        case .integer, .long, .float, .double:
            if let range = Self.range(shape.min, shape.max) { out.append("value " + range) }
        case .list:
            if let range = Self.range(shape.min.flatMap { $0 > 0 ? $0 : nil }, shape.max) {
                out.append(range + " items")
            }
        case .map:
            if let range = Self.range(shape.min.flatMap { $0 > 0 ? $0 : nil }, shape.max) {
                out.append(range + " entries")
            }
        case .union:
            out.append("exactly one of: " + shape.members.map(\.name).joined(separator: ", "))
        case .timestamp:
            out.append("ISO 8601 (2026-11-24T10:00:00Z) or seconds since 1970")
        case .structure, .boolean:
            break
        }
        if shape.isEnum { out.append("one of: " + shape.enumValues.joined(separator: ", ")) }
        if let pattern = shape.pattern { out.append("pattern: " + pattern) }
        if shape.isSensitive { out.append("sensitive") }
        if shape.isJSONValue { out.append("a JSON document") }
        if shape.kind == .list, let element = shape.element {
            let inner = constraints(element)
            if !inner.isEmpty, service[element].isScalar { out.append("each item: " + inner.joined(separator: "; ")) }
        }
        if shape.kind == .map, let key = shape.key, let value = shape.value {
            let keys = constraints(key), values = constraints(value)
            if !keys.isEmpty { out.append("keys: " + keys.joined(separator: "; ")) }
            if !values.isEmpty, service[value].isScalar { out.append("values: " + values.joined(separator: "; ")) }
        }
        return out
    }

    /// `1 to 10`, `at least 1`, `at most 10`, or nil when unbounded.
    static func range(_ min: Int64?, _ max: Int64?) -> String? {
        switch (min, max) {
        case let (lo?, hi?): lo == hi ? "exactly \(lo)" : "\(lo) to \(hi)"
        case let (lo?, nil): "at least \(lo)"
        case let (nil, hi?): "at most \(hi)"
        case (nil, nil): nil
        }
    }

    // MARK: shorthand

    /// Whether the AWS CLI takes the shorthand syntax for a value of this shape:
    /// structures, unions, maps, and lists of those.
    public func takesShorthand(_ id: ShapeID) -> Bool {
        let shape = service[id]
        switch shape.kind {
        case .structure, .union, .map: return true
        case .list: return !service[shape.element!].isScalar
        default: return false
        }
    }

    /// A skeleton of the shorthand syntax for an option of this shape, with
    /// members in model order: `key=string,condition={before=timestamp,...}`;
    /// a list of structures ends in ` ...` (one word per element).
    public func shorthand(_ id: ShapeID) -> String? {
        guard takesShorthand(id) else { return nil }
        let shape = service[id]
        var stack: [ShapeID] = []
        if shape.kind == .list, let element = shape.element {
            return shorthandValue(element, nested: false, stack: &stack) + " ..."
        }
        return shorthandValue(id, nested: false, stack: &stack)
    }

    private func shorthandValue(_ id: ShapeID, nested: Bool, stack: inout [ShapeID]) -> String {
        if stack.contains(id) { return "( ... recursive ... )" }
        stack.append(id)
        defer { stack.removeLast() }
        let shape = service[id]
        switch shape.kind {
        case .structure, .union:
            let inner = shape.members.map { "\($0.name)=" + shorthandValue($0.shape, nested: true, stack: &stack) }
                .joined(separator: ",")
            return nested ? "{\(inner)}" : inner
        case .list:
            let item = shorthandValue(shape.element!, nested: true, stack: &stack)
            return nested ? "[\(item),\(item)]" : "\(item),\(item)"
        case .map:
            let value = shorthandValue(shape.value!, nested: true, stack: &stack)
            let inner = "KeyName1=\(value),KeyName2=\(value)"
            return nested ? "{\(inner)}" : inner
        default:
            return shape.kind.rawValue
        }
    }

    // MARK: JSON

    /// A skeleton of the JSON for a value of this shape, members in model
    /// order, indented by two spaces a level.
    public func jsonSkeleton(_ id: ShapeID) -> String {
        var stack: [ShapeID] = []
        return json(id, indent: "", stack: &stack)
    }

    private func json(_ id: ShapeID, indent: String, stack: inout [ShapeID]) -> String {
        if stack.contains(id) { return "{ ... recursive ... }" }
        stack.append(id)
        defer { stack.removeLast() }
        let shape = service[id]
        let inner = indent + "  "
        switch shape.kind {
        case .structure, .union:
            if shape.members.isEmpty { return "{}" }
            let lines = shape.members.map { inner + "\"\($0.name)\": " + json($0.shape, indent: inner, stack: &stack) }
            return "{\n" + lines.joined(separator: ",\n") + "\n" + indent + "}"
        case .list:
            let element = shape.element!
            if service[element].isScalar { return "[" + json(element, indent: inner, stack: &stack) + ", ...]" }
            return "[\n" + inner + json(element, indent: inner, stack: &stack) + "\n" + inner + "...\n" + indent + "]"
        case .map:
            let value = shape.value!
            if service[value].isScalar { return "{\"string\": " + json(value, indent: inner, stack: &stack) + ", ...}" }
            return "{\n" + inner + "\"string\": " + json(value, indent: inner, stack: &stack) + ",\n"
                + inner + "...\n" + indent + "}"
        case .string:
            return shape.isEnum ? shape.enumValues.map { "\"\($0)\"" }.joined(separator: "|") : "\"string\""
        case .boolean:
            return "true|false"
        default:
            return shape.kind.rawValue
        }
    }
}
