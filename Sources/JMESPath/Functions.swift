/// The built-in functions of JMESPath.
enum Function: String, Sendable, CaseIterable {
    case abs, avg, ceil, contains, floor, join, keys, length, map, max, merge, min, reverse
    case sort, sum, type, values
    case endsWith = "ends_with", maxBy = "max_by", minBy = "min_by", notNull = "not_null"
    case sortBy = "sort_by", startsWith = "starts_with", toArray = "to_array"
    case toString = "to_string", toNumber = "to_number"

    /// The function called `name`, if there is one.
    static func named(_ name: String) -> Function? { byName[name] }
    private static let byName = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })

    /// The number of arguments, and whether more may follow.
    var arity: (count: Int, variadic: Bool) {
        switch self {
        case .abs, .avg, .ceil, .floor, .keys, .length, .max, .min, .reverse, .sort, .sum,
             .toArray, .toString, .toNumber, .type, .values: (1, false)
        case .contains, .endsWith, .join, .map, .maxBy, .minBy, .sortBy, .startsWith: (2, false)
        case .merge, .notNull: (1, true)
        }
    }

    /// Why `count` arguments do not fit, or `nil` when they do.
    func checkArity(_ count: Int) -> String? {
        let (expected, variadic) = arity
        if variadic {
            return count >= expected ? nil
                : "\(rawValue)() takes at least \(expected) argument\(expected == 1 ? "" : "s"), got \(count)"
        }
        return count == expected ? nil
            : "\(rawValue)() takes \(expected) argument\(expected == 1 ? "" : "s"), got \(count)"
    }

    func call(_ arguments: [Argument]) throws(JMESPathError) -> JSONValue {
        let a = Arguments(function: self, list: arguments)
        switch self {
        case .abs:
            return .number(Swift.abs(try a.number(0)))
        case .avg:
            let numbers = try a.numbers(0)
            return numbers.isEmpty ? .null : .number(sum(numbers) / Double(numbers.count))
        case .ceil:
            return .number(Rounding.ceil(try a.number(0)))
        case .floor:
            return .number(Rounding.floor(try a.number(0)))
        case .contains:
            let subject = try a.value(0, expecting: "an array or a string")
            let search = try a.any(1)
            switch subject {
            case .array(let elements): return .bool(elements.contains(search))
            case .string(let s):
                guard case .string(let needle) = search else { return .bool(false) }
                return .bool(s.containsScalars(needle))
            case let other: throw a.typeError(0, "an array or a string", other)
            }
        case .endsWith:
            let subject = try a.string(0), suffix = try a.string(1)
            return .bool(subject.utf8.count >= suffix.utf8.count && subject.utf8.reversed().starts(with: suffix.utf8.reversed()))
        case .startsWith:
            let subject = try a.string(0), prefix = try a.string(1)
            return .bool(subject.utf8.starts(with: prefix.utf8))
        case .join:
            let separator = try a.string(0)
            return .string(try a.strings(1).joined(separator: separator))
        case .keys:
            return .array(try a.object(0).keys.map { .string($0) })
        case .values:
            return .array(try a.object(0).values)
        case .length:
            switch try a.value(0, expecting: "a string, an array or an object") {
            case .string(let s): return .number(Double(s.unicodeScalars.count))
            case .array(let elements): return .number(Double(elements.count))
            case .object(let object): return .number(Double(object.count))
            case let other: throw a.typeError(0, "a string, an array or an object", other)
            }
        case .map:
            let expression = try a.expression(0)
            var results: [JSONValue] = []
            for element in try a.array(1) { results.append(try Interpreter.evaluate(expression, element)) }
            return .array(results)
        case .max, .min:
            let elements = try a.numbersOrStrings(0)
            guard var best = elements.first else { return .null }
            for element in elements.dropFirst() where Self.precedes(self == .max ? best : element, self == .max ? element : best) {
                best = element
            }
            return best
        case .maxBy, .minBy:
            let elements = try a.array(0)
            let expression = try a.expression(1)
            guard !elements.isEmpty else { return .null }
            let keys = try sortKeys(elements, expression, argument: 1)
            var best = 0
            for i in keys.indices.dropFirst() where Self.precedes(self == .maxBy ? keys[best] : keys[i], self == .maxBy ? keys[i] : keys[best]) {
                best = i
            }
            return elements[best]
        case .merge:
            var merged = JSONObject()
            for i in arguments.indices {
                for (key, value) in try a.object(i).entries { merged.set(key, value) }
            }
            return .object(merged)
        case .notNull:
            for i in arguments.indices {
                let value = try a.any(i)
                if !value.isNull { return value }
            }
            return .null
        case .reverse:
            switch try a.value(0, expecting: "an array or a string") {
            case .array(let elements): return .array(elements.reversed())
            case .string(let s): return .string(String(String.UnicodeScalarView(s.unicodeScalars.reversed())))
            case let other: throw a.typeError(0, "an array or a string", other)
            }
        case .sort:
            let elements = try a.numbersOrStrings(0)
            return .array(Self.stableSorted(elements, by: elements))
        case .sortBy:
            let elements = try a.array(0)
            let expression = try a.expression(1)
            guard !elements.isEmpty else { return .array(elements) }
            let keys = try sortKeys(elements, expression, argument: 1)
            return .array(Self.stableSorted(elements, by: keys))
        case .sum:
            return .number(sum(try a.numbers(0)))
        case .toArray:
            let value = try a.any(0)
            if case .array = value { return value }
            return .array([value])
        case .toString:
            let value = try a.any(0)
            if case .string = value { return value }
            return .string(value.serialized(.compact))
        case .toNumber:
            switch try a.any(0) {
            case .number(let n): return .number(n)
            case .string(let s): return parsePythonNumber(s).map { .number($0) } ?? .null
            default: return .null
            }
        case .type:
            return .string(try a.any(0).typeName)
        }
    }

    private func sum(_ numbers: [Double]) -> Double {
        var total = 0.0
        for n in numbers { total += n }
        return total
    }

    /// The keys `expression` gives the elements: all numbers or all strings.
    private func sortKeys(_ elements: [JSONValue], _ expression: Node, argument: Int) throws(JMESPathError) -> [JSONValue] {
        var keys: [JSONValue] = []
        keys.reserveCapacity(elements.count)
        for element in elements {
            let key = try Interpreter.evaluate(expression, element)
            switch (key, keys.first) {
            case (.number, nil), (.string, nil), (.number, .number?), (.string, .string?):
                keys.append(key)
            default:
                let expected = keys.first.map { $0.typeName } ?? "number or string"
                throw JMESPathError(.invalidType,
                    "\(rawValue)() expects the expression to give a \(expected) for every element, got \(key.typeName)")
            }
        }
        return keys
    }

    /// Order on two numbers or two strings (by code points).
    static func precedes(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): x < y
        case (.string(let x), .string(let y)): x.precedesByScalars(y)
        default: false
        }
    }

    /// `elements` ordered by `keys`; equal keys keep their order.
    static func stableSorted(_ elements: [JSONValue], by keys: [JSONValue]) -> [JSONValue] {
        var order = Array(elements.indices)
        order.sort { i, j in
            if precedes(keys[i], keys[j]) { return true }
            if precedes(keys[j], keys[i]) { return false }
            return i < j
        }
        return order.map { elements[$0] }
    }
}

/// Argument access with the type checks of the specification.
private struct Arguments {
    let function: Function
    let list: [Argument]

    func typeError(_ i: Int, _ expected: String, _ actual: JSONValue) -> JMESPathError {
        JMESPathError(.invalidType,
            "\(function.rawValue)() expects argument \(i + 1) to be \(expected), got \(actual.typeName)")
    }

    /// Any value (not an expression reference).
    func any(_ i: Int) throws(JMESPathError) -> JSONValue {
        guard case .value(let value) = list[i] else {
            throw JMESPathError(.invalidType,
                "\(function.rawValue)() expects argument \(i + 1) to be a value, got an expression reference")
        }
        return value
    }

    func value(_ i: Int, expecting expected: String) throws(JMESPathError) -> JSONValue {
        guard case .value(let value) = list[i] else {
            throw JMESPathError(.invalidType,
                "\(function.rawValue)() expects argument \(i + 1) to be \(expected), got an expression reference")
        }
        return value
    }

    func number(_ i: Int) throws(JMESPathError) -> Double {
        let v = try value(i, expecting: "a number")
        guard case .number(let n) = v else { throw typeError(i, "a number", v) }
        return n
    }

    func string(_ i: Int) throws(JMESPathError) -> String {
        let v = try value(i, expecting: "a string")
        guard case .string(let s) = v else { throw typeError(i, "a string", v) }
        return s
    }

    func array(_ i: Int) throws(JMESPathError) -> [JSONValue] {
        let v = try value(i, expecting: "an array")
        guard case .array(let a) = v else { throw typeError(i, "an array", v) }
        return a
    }

    func object(_ i: Int) throws(JMESPathError) -> JSONObject {
        let v = try value(i, expecting: "an object")
        guard case .object(let o) = v else { throw typeError(i, "an object", v) }
        return o
    }

    func expression(_ i: Int) throws(JMESPathError) -> Node {
        guard case .expression(let node) = list[i] else {
            if case .value(let v) = list[i] { throw typeError(i, "an expression reference (&expr)", v) }
            throw typeError(i, "an expression reference (&expr)", .null)
        }
        return node
    }

    func numbers(_ i: Int) throws(JMESPathError) -> [Double] {
        let elements = try array(i)
        var numbers: [Double] = []
        numbers.reserveCapacity(elements.count)
        for element in elements {
            guard case .number(let n) = element else {
                throw JMESPathError(.invalidType,
                    "\(function.rawValue)() expects argument \(i + 1) to be an array of numbers, found a \(element.typeName)")
            }
            numbers.append(n)
        }
        return numbers
    }

    func strings(_ i: Int) throws(JMESPathError) -> [String] {
        let elements = try array(i)
        var strings: [String] = []
        strings.reserveCapacity(elements.count)
        for element in elements {
            guard case .string(let s) = element else {
                throw JMESPathError(.invalidType,
                    "\(function.rawValue)() expects argument \(i + 1) to be an array of strings, found a \(element.typeName)")
            }
            strings.append(s)
        }
        return strings
    }

    /// An array of numbers or an array of strings (the first element decides).
    func numbersOrStrings(_ i: Int) throws(JMESPathError) -> [JSONValue] {
        let elements = try array(i)
        guard let first = elements.first else { return elements }
        let isNumber: Bool
        switch first {
        case .number: isNumber = true
        case .string: isNumber = false
        default:
            throw JMESPathError(.invalidType,
                "\(function.rawValue)() expects argument \(i + 1) to be an array of numbers or of strings, found a \(first.typeName)")
        }
        for element in elements {
            switch (element, isNumber) {
            case (.number, true), (.string, false): continue
            default:
                throw JMESPathError(.invalidType,
                    "\(function.rawValue)() expects argument \(i + 1) to be an array of \(isNumber ? "numbers" : "strings"), found a \(element.typeName)")
            }
        }
        return elements
    }
}

extension String {
    /// Substring search by code points (UTF-8 bytes).
    func containsScalars(_ needle: String) -> Bool {
        if needle.isEmpty { return true }
        let haystack = Array(utf8), pattern = Array(needle.utf8)
        guard pattern.count <= haystack.count else { return false }
        for start in 0...(haystack.count - pattern.count) where haystack[start] == pattern[0] {
            if haystack[start..<(start + pattern.count)].elementsEqual(pattern) { return true }
        }
        return false
    }
}

/// `to_number` of a string, as Python's `int(s)` then `float(s)` read it; `nil` when neither does.
func parsePythonNumber(_ text: String) -> Double? {
    var scalars = Substring(text).unicodeScalars[...]
    func isSpace(_ s: Unicode.Scalar) -> Bool {
        s.properties.isWhitespace || (0x1C...0x1F).contains(s.value)
    }
    while let first = scalars.first, isSpace(first) { scalars = scalars.dropFirst() }
    while let last = scalars.last, isSpace(last) { scalars = scalars.dropLast() }
    var body = String(String.UnicodeScalarView(scalars))
    guard !body.isEmpty, body.unicodeScalars.allSatisfy({ $0.isASCII }) else { return nil }
    var sign = ""
    if body.hasPrefix("+") || body.hasPrefix("-") {
        sign = String(body.removeFirst())
    }
    switch body.lowercased() {
    case "inf", "infinity": return sign == "-" ? -.infinity : .infinity
    case "nan": return .nan
    default: break
    }
    // Digits, an optional fraction, an optional exponent; `_` only between digits.
    let bytes = Array(body.utf8)
    var cleaned: [UInt8] = []
    var i = 0
    func digits() -> Int {
        var count = 0
        while i < bytes.count {
            let c = bytes[i]
            if c >= 48 && c <= 57 {
                cleaned.append(c); count += 1; i += 1
            } else if c == UInt8(ascii: "_"), count > 0, i + 1 < bytes.count, bytes[i + 1] >= 48 && bytes[i + 1] <= 57 {
                i += 1
            } else {
                break
            }
        }
        return count
    }
    var mantissaDigits = digits()
    if i < bytes.count && bytes[i] == UInt8(ascii: ".") {
        cleaned.append(UInt8(ascii: "."))
        i += 1
        mantissaDigits += digits()
    }
    guard mantissaDigits > 0 else { return nil }
    if i < bytes.count && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) {
        cleaned.append(UInt8(ascii: "e"))
        i += 1
        if i < bytes.count && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) {
            cleaned.append(bytes[i]); i += 1
        }
        guard digits() > 0 else { return nil }
    }
    guard i == bytes.count else { return nil }
    if cleaned.first == UInt8(ascii: ".") { cleaned.insert(UInt8(ascii: "0"), at: 0) }
    if let dot = cleaned.firstIndex(of: UInt8(ascii: ".")), dot + 1 == cleaned.count || cleaned[dot + 1] == UInt8(ascii: "e") {
        cleaned.insert(UInt8(ascii: "0"), at: dot + 1)
    }
    return Double(sign + String(decoding: cleaned, as: UTF8.self))
}
