@testable import JMESPath
import TestSupport

/// Random documents and random expressions that walk the JMESPath grammar, from a seed.
struct ExpressionGenerator {
    var random: SeededRandom

    init(seed: UInt64) { random = SeededRandom(seed: seed) }

    static let keys = ["a", "b", "c", "foo", "bar"]
    static let strings = ["", "a", "b", "foo", "Bar", "é", "a b", "10"]

    // MARK: Documents

    /// A JSON document. Numbers avoid 0 and 1, which Python compares equal to booleans
    /// inside arrays and objects (a known difference, see DifferentialTests).
    mutating func document(depth: Int = 0) -> JSONValue {
        let leaf = depth >= 3 || random.chance(35)
        if leaf {
            switch random.next(below: 10) {
            case 0: return .null
            case 1: return .bool(random.chance(50))
            case 2, 3, 4: return .number(number())
            case 5: return .array([])
            default: return .string(random.pick(Self.strings))
            }
        }
        if random.chance(45) {
            return .array((0..<random.next(below: 5)).map { _ in document(depth: depth + 1) })
        }
        var object = JSONObject()
        for _ in 0..<random.next(below: 5) { object[random.pick(Self.keys)] = document(depth: depth + 1) }
        return .object(object)
    }

    mutating func number() -> Double {
        let n = Double(random.next(below: 16) - 5)
        let value = random.chance(20) ? n + 0.5 : n
        return value == 0 || value == 1 ? 2 : value
    }

    // MARK: Expressions

    mutating func expression(depth: Int = 0) -> String {
        if depth >= 4 || random.chance(25) { return leaf() }
        let d = depth + 1
        switch random.next(below: 22) {
        case 0, 1: return "\(expression(depth: d)).\(identifier())"
        case 2: return "\(expression(depth: d))[\(random.next(below: 7) - 3)]"
        case 3: return "\(expression(depth: d))[\(slice())]"
        case 4: return "\(expression(depth: d))[*].\(identifier())"
        case 5: return "\(expression(depth: d)).*"
        case 6: return "\(expression(depth: d))[]"
        case 7, 8: return "\(expression(depth: d))[?\(condition(depth: d))]"
        case 9: return "[\(expression(depth: d)), \(expression(depth: d))]"
        case 10: return "{\(identifier()): \(expression(depth: d)), k2: \(expression(depth: d))}"
        case 11: return "\(expression(depth: d)) | \(expression(depth: d))"
        case 12: return "\(expression(depth: d)) || \(expression(depth: d))"
        case 13: return "\(expression(depth: d)) && \(expression(depth: d))"
        case 14: return "!\(expression(depth: d))"
        case 15: return condition(depth: d)
        case 16: return "(\(expression(depth: d)))"
        case 17, 18: return functionCall(depth: d)
        case 19: return "\(identifier()).\(identifier())"
        case 20: return "\(expression(depth: d)).[\(identifier()), \(expression(depth: d))]"
        default: return "\(expression(depth: d))[*]"
        }
    }

    mutating func identifier() -> String {
        random.chance(10) ? "\"\(random.pick(Self.keys))\"" : random.pick(Self.keys + ["missing"])
    }

    mutating func slice() -> String {
        func part(_ g: inout ExpressionGenerator) -> String {
            g.random.chance(40) ? "" : String(g.random.next(below: 9) - 4)
        }
        var text = part(&self) + ":" + part(&self)
        if random.chance(50) {
            let step = random.chance(5) ? 0 : random.pick([-2, -1, 1, 2, 3])
            text += ":\(step)"
        }
        return text
    }

    mutating func leaf() -> String {
        switch random.next(below: 10) {
        case 0: return "@"
        case 1: return "`\(literalJSON())`"
        case 2: return "'\(random.pick(Self.strings))'"
        default: return identifier()
        }
    }

    mutating func literalJSON() -> String {
        switch random.next(below: 7) {
        case 0: return "null"
        case 1: return random.chance(50) ? "true" : "false"
        case 2: return "\"\(random.pick(Self.strings))\""
        case 3: return "[\(formatNumber(number())), \"a\"]"
        case 4: return "{\"a\": \(formatNumber(number()))}"
        default: return formatNumber(number())
        }
    }

    mutating func condition(depth: Int) -> String {
        let op = random.pick(["==", "!=", "<", "<=", ">", ">="])
        switch random.next(below: 4) {
        case 0: return expression(depth: depth)
        case 1: return "\(identifier()) \(op) `\(literalJSON())`"
        default: return "\(expression(depth: depth)) \(op) \(expression(depth: depth))"
        }
    }

    /// A call with the right number of arguments, mostly of the right types.
    mutating func functionCall(depth: Int) -> String {
        let name = random.pick(Function.allCases.map(\.rawValue))
        func arg(_ g: inout ExpressionGenerator) -> String { g.expression(depth: depth) }
        func ref(_ g: inout ExpressionGenerator) -> String { "&" + g.expression(depth: depth + 1) }
        var arguments: [String]
        switch name {
        case "map": arguments = [ref(&self), arg(&self)]
        case "sort_by", "min_by", "max_by": arguments = [arg(&self), ref(&self)]
        case "merge", "not_null": arguments = (0..<(1 + random.next(below: 3))).map { _ in arg(&self) }
        case "contains", "ends_with", "starts_with", "join": arguments = [arg(&self), arg(&self)]
        default: arguments = [arg(&self)]
        }
        // Now and then a wrong argument count.
        if random.chance(3) { arguments.removeLast() }
        return "\(name)(\(arguments.joined(separator: ", ")))"
    }

    /// An expression, sometimes made invalid by a small edit.
    mutating func testExpression() -> String {
        let text = expression()
        guard random.chance(8) else { return text }
        switch random.next(below: 3) {
        case 0: return text + random.pick([".", "[", "(", "||", "==", "=", "'", "`", "-", "]", "{", "&&"])
        case 1: return String(text.dropLast())
        default: return random.pick(["[", "{", ".", "|", "]"]) + text
        }
    }
}
