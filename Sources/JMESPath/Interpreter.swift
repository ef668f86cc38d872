/// Evaluates a syntax tree against a JSON value.
///
/// Recursion follows the tree, whose depth the parser bounds, so evaluation cannot
/// exhaust the stack either.
enum Interpreter {
    static func evaluate(_ node: Node, _ value: JSONValue) throws(JMESPathError) -> JSONValue {
        switch node {
        case .current:
            return value
        case .field(let name):
            if case .object(let object) = value { return object[name] ?? .null }
            return .null
        case .chain(let steps):
            var result = value
            for step in steps { result = try evaluate(step, result) }
            return result
        case .index(let i):
            guard case .array(let elements) = value else { return .null }
            let position = i < 0 ? elements.count + i : i
            return position >= 0 && position < elements.count ? elements[position] : .null
        case .slice(let start, let stop, let step):
            guard case .array(let elements) = value else { return .null }
            return .array(try slice(elements, start: start, stop: stop, step: step))
        case .literal(let literal):
            return literal
        case .listProjection(let left, let right):
            guard case .array(let elements) = try evaluate(left, value) else { return .null }
            return .array(try project(elements, right))
        case .objectProjection(let left, let right):
            guard case .object(let object) = try evaluate(left, value) else { return .null }
            return .array(try project(object.values, right))
        case .filterProjection(let left, let right, let condition):
            guard case .array(let elements) = try evaluate(left, value) else { return .null }
            var kept: [JSONValue] = []
            for element in elements where try evaluate(condition, element).isTruthy {
                let projected = try evaluate(right, element)
                if !projected.isNull { kept.append(projected) }
            }
            return .array(kept)
        case .flatten(let inner):
            guard case .array(let elements) = try evaluate(inner, value) else { return .null }
            return .array(flatten(elements))
        case .multiSelectList(let nodes):
            if case .null = value { return .null }
            var results: [JSONValue] = []
            results.reserveCapacity(nodes.count)
            for node in nodes { results.append(try evaluate(node, value)) }
            return .array(results)
        case .multiSelectHash(let pairs):
            if case .null = value { return .null }
            var object = JSONObject(minimumCapacity: pairs.count)
            for pair in pairs { object.set(pair.key, try evaluate(pair.node, value)) }
            return .object(object)
        case .or(let left, let right):
            let result = try evaluate(left, value)
            return result.isTruthy ? result : try evaluate(right, value)
        case .and(let left, let right):
            let result = try evaluate(left, value)
            return result.isTruthy ? try evaluate(right, value) : result
        case .not(let operand):
            return .bool(!(try evaluate(operand, value).isTruthy))
        case .compare(let comparator, let left, let right):
            return compare(comparator, try evaluate(left, value), try evaluate(right, value))
        case .function(let function, let arguments):
            var resolved: [Argument] = []
            resolved.reserveCapacity(arguments.count)
            for argument in arguments {
                if case .expressionReference(let expression) = argument {
                    resolved.append(.expression(expression))
                } else {
                    resolved.append(.value(try evaluate(argument, value)))
                }
            }
            return try function.call(resolved)
        case .expressionReference:
            // An expression reference means something only as a function's argument.
            return .null
        }
    }

    /// `right` applied to each element, dropping nulls.
    private static func project(_ elements: [JSONValue], _ right: Node) throws(JMESPathError) -> [JSONValue] {
        if case .current = right { return elements.filter { !$0.isNull } }
        var results: [JSONValue] = []
        results.reserveCapacity(elements.count)
        for element in elements {
            let projected = try evaluate(right, element)
            if !projected.isNull { results.append(projected) }
        }
        return results
    }

    private static func flatten(_ elements: [JSONValue]) -> [JSONValue] {
        var results: [JSONValue] = []
        results.reserveCapacity(elements.count)
        for element in elements {
            if case .array(let inner) = element { results.append(contentsOf: inner) } else { results.append(element) }
        }
        return results
    }

    /// Python's slice semantics: negative positions count from the end; a negative step walks back.
    static func slice(_ elements: [JSONValue], start: Int?, stop: Int?, step: Int?) throws(JMESPathError) -> [JSONValue] {
        let step = step ?? 1
        guard step != 0 else { throw JMESPathError(.invalidValue, "slice step cannot be 0") }
        let count = elements.count
        let lower = step < 0 ? -1 : 0
        let upper = step < 0 ? count - 1 : count
        func clamp(_ position: Int?, default fallback: Int) -> Int {
            guard var position else { return fallback }
            if position < 0 {
                position = position &+ count
                return max(position, lower)
            }
            return min(position, upper)
        }
        let first = clamp(start, default: step < 0 ? upper : lower)
        let last = clamp(stop, default: step < 0 ? lower : upper)
        var results: [JSONValue] = []
        var i = first
        if step > 0 {
            while i < last {
                results.append(elements[i])
                let (next, overflow) = i.addingReportingOverflow(step)
                if overflow { break }
                i = next
            }
        } else {
            while i > last {
                results.append(elements[i])
                let (next, overflow) = i.addingReportingOverflow(step)
                if overflow { break }
                i = next
            }
        }
        return results
    }

    /// `==` and `!=` on any values; ordering on two numbers or two strings, otherwise null.
    static func compare(_ comparator: Comparator, _ left: JSONValue, _ right: JSONValue) -> JSONValue {
        switch comparator {
        case .equal: return .bool(left == right)
        case .notEqual: return .bool(left != right)
        default: break
        }
        let order: Int
        switch (left, right) {
        case (.number(let a), .number(let b)): order = a < b ? -1 : (a == b ? 0 : 1)
        case (.string(let a), .string(let b)):
            order = a.hasSameScalars(as: b) ? 0 : (a.precedesByScalars(b) ? -1 : 1)
        default: return .null
        }
        switch comparator {
        case .less: return .bool(order < 0)
        case .lessOrEqual: return .bool(order <= 0)
        case .greater: return .bool(order > 0)
        default: return .bool(order >= 0)
        }
    }
}

/// A function's argument: a value, or the expression of an `&expr` reference.
enum Argument {
    case value(JSONValue)
    case expression(Node)
}
