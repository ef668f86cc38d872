/// Reads the regular-expression subset of `Pattern` into a tree.
struct PatternParser {
    private let scalars: [Unicode.Scalar]
    private var i = 0
    private(set) var classes: [CharacterClass] = []

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    private var current: Unicode.Scalar? { i < scalars.count ? scalars[i] : nil }

    private func fail(_ message: String) -> Pattern.SyntaxError {
        Pattern.SyntaxError(message: message, offset: i)
    }

    mutating func parse() throws(Pattern.SyntaxError) -> [[PatternNode]] {
        let tree = try alternatives()
        if i < scalars.count { throw fail("unexpected '\(scalars[i])'") }
        return tree
    }

    private mutating func alternatives() throws(Pattern.SyntaxError) -> [[PatternNode]] {
        var result = [try sequence()]
        while current == "|" {
            i += 1
            result.append(try sequence())
        }
        return result
    }

    private mutating func sequence() throws(Pattern.SyntaxError) -> [PatternNode] {
        var nodes: [PatternNode] = []
        while let c = current, c != "|", c != ")" {
            var node = try atom()
            while let q = try quantifier() {
                if case .lineStart = node { throw fail("nothing to repeat") }
                node = .repeated(node, min: q.min, max: q.max)
            }
            nodes.append(node)
        }
        return nodes
    }

    private mutating func add(_ c: CharacterClass) -> PatternNode {
        classes.append(c)
        return .set(classes.count - 1)
    }

    private mutating func atom() throws(Pattern.SyntaxError) -> PatternNode {
        let c = scalars[i]
        i += 1
        switch c {
        case "(":
            var negative: Bool? = nil
            if current == "?" {
                i += 1
                switch current {
                case ":": i += 1
                case "!": i += 1; negative = true
                case "=": i += 1; negative = false
                default: throw fail("unsupported group")
                }
            }
            let inner = try alternatives()
            guard current == ")" else { throw fail("missing ')'") }
            i += 1
            if let negative { return .lookahead(inner, negative: negative) }
            return .group(inner)
        case "[":
            return add(try bracket())
        case ".":
            return add(.dot)
        case "^":
            return .lineStart
        case "$":
            return .lineEnd
        case "\\":
            return add(try escape(inClass: false))
        case "*", "+", "?", ")":
            throw fail("nothing to repeat")
        default:
            return add(.literal(c.value))
        }
    }

    /// `\d \D \s \S \w \W \p{L} \P{L}`, or an escaped literal.
    private mutating func escape(inClass: Bool) throws(Pattern.SyntaxError) -> CharacterClass {
        guard let c = current else { throw fail("trailing backslash") }
        i += 1
        switch c {
        case "d": return .category(.digit)
        case "D": return .category(.digit, negated: true)
        case "s": return .category(.space)
        case "S": return .category(.space, negated: true)
        case "w": return .category(.word)
        case "W": return .category(.word, negated: true)
        case "p", "P":
            guard current == "{", i + 2 < scalars.count, scalars[i + 2] == "}" else { throw fail("unsupported property") }
            let name = scalars[i + 1]
            i += 3
            let category: CharacterClass.Category
            switch name {
            case "L": category = .letter
            case "Z": category = .separator
            case "N": category = .number
            default: throw fail("unsupported property \\p{\(name)}")
            }
            return .category(category, negated: c == "P")
        case "n": return .literal(0x0A)
        case "t": return .literal(0x09)
        case "r": return .literal(0x0D)
        default:
            if c.properties.isAlphabetic || ("0"..."9").contains(c) { throw fail("unsupported escape \\\(c)") }
            return .literal(c.value)
        }
    }

    /// The inside of `[...]`; a `]` first is a literal, as is a `-` first or last.
    private mutating func bracket() throws(Pattern.SyntaxError) -> CharacterClass {
        var set = CharacterClass()
        if current == "^" {
            set.negated = true
            i += 1
        }
        var first = true
        while true {
            guard let c = current else { throw fail("missing ']'") }
            if c == "]" && !first {
                i += 1
                return set
            }
            first = false
            i += 1
            var low: UInt32
            if c == "\\" {
                let escaped = try escape(inClass: true)
                guard let single = escaped.singleScalar else {
                    set.formUnion(escaped)
                    continue
                }
                low = single
            } else {
                low = c.value
            }
            // A range, unless the '-' is last.
            if current == "-", i + 1 < scalars.count, scalars[i + 1] != "]" {
                i += 1
                var high = scalars[i].value
                i += 1
                if high == 0x5C {
                    let escaped = try escape(inClass: true)
                    guard let single = escaped.singleScalar else { throw fail("bad range") }
                    high = single
                }
                guard low <= high else { throw fail("bad range") }
                set.insert(low...high)
            } else {
                set.insert(low...low)
            }
        }
    }

    private mutating func quantifier() throws(Pattern.SyntaxError) -> (min: Int, max: Int?)? {
        guard let c = current else { return nil }
        let result: (min: Int, max: Int?)
        switch c {
        case "*": i += 1; result = (0, nil)
        case "+": i += 1; result = (1, nil)
        case "?": i += 1; result = (0, 1)
        case "{":
            let save = i
            i += 1
            guard let low = number() else { i = save; return nil }
            var high: Int? = low
            if current == "," {
                i += 1
                high = number()
            }
            guard current == "}" else { i = save; return nil }
            i += 1
            if let high, high < low { throw fail("bad repeat range") }
            result = (low, high)
        default:
            return nil
        }
        if current == "?" || current == "+" { throw fail("lazy and possessive repeats are not supported") }
        return result
    }

    private mutating func number() -> Int? {
        var value = 0
        var digits = 0
        while let c = current, ("0"..."9").contains(c), digits < 6 {
            value = value * 10 + Int(c.value - 48)
            digits += 1
            i += 1
        }
        return digits == 0 ? nil : value
    }
}

extension CharacterClass {
    /// The one scalar a literal class holds, if it is one.
    var singleScalar: UInt32? {
        guard !negated, categories.isEmpty else { return nil }
        if ranges.isEmpty {
            let bits = low.nonzeroBitCount + high.nonzeroBitCount
            guard bits == 1 else { return nil }
            return low != 0 ? UInt32(low.trailingZeroBitCount) : UInt32(64 + high.trailingZeroBitCount)
        }
        if low == 0, high == 0, ranges.count == 1, ranges[0].count == 1 { return ranges[0].lowerBound }
        return nil
    }
}
