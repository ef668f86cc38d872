import Text

/// A set of Unicode scalars as the models' patterns write them: `[a-z0-9-]`,
/// `\s`, `\p{L}`, `.`, or one literal character.
///
/// ASCII membership is a bit test; scalars beyond ASCII go through the ranges
/// and the Unicode categories the class names.
public struct CharacterClass: Sendable, Hashable {
    /// Unicode categories a class can name, with Python's meaning of `\d \s \w`.
    enum Category: Sendable, Hashable {
        case letter       // \p{L}
        case separator    // \p{Z}
        case number       // \p{N}
        case digit        // \d
        case space        // \s
        case word         // \w
    }

    private(set) var low: UInt64 = 0
    private(set) var high: UInt64 = 0
    private(set) var ranges: [ClosedRange<UInt32>] = []
    private(set) var categories: [(Category, Bool)] = []   // (category, negated)
    var negated = false

    public static func == (a: CharacterClass, b: CharacterClass) -> Bool {
        a.low == b.low && a.high == b.high && a.ranges == b.ranges && a.negated == b.negated
            && a.categories.count == b.categories.count
            && zip(a.categories, b.categories).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(low)
        hasher.combine(high)
        hasher.combine(negated)
    }

    init() {}

    /// Any scalar but a line break (`.` without flags).
    static var dot: CharacterClass {
        var c = CharacterClass()
        c.insert(0x0A...0x0A)
        c.negated = true
        return c
    }

    static func literal(_ scalar: UInt32) -> CharacterClass {
        var c = CharacterClass()
        c.insert(scalar...scalar)
        return c
    }

    static func category(_ category: Category, negated: Bool = false) -> CharacterClass {
        var c = CharacterClass()
        c.insert(category, negated: negated)
        return c
    }

    mutating func insert(_ range: ClosedRange<UInt32>) {
        var lower = range.lowerBound
        while lower <= range.upperBound && lower < 128 {
            if lower < 64 { low |= 1 << UInt64(lower) } else { high |= 1 << UInt64(lower - 64) }
            lower += 1
        }
        if lower <= range.upperBound { ranges.append(lower...range.upperBound) }
    }

    /// Adds a category; its ASCII members go into the bitmap.
    mutating func insert(_ category: Category, negated: Bool = false) {
        for b in UInt32(0)..<128 where Self.belongs(b, to: category) != negated {
            insert(b...b)
        }
        categories.append((category, negated))
    }

    /// Adds every member of another class (used for `\s` inside brackets).
    mutating func formUnion(_ other: CharacterClass) {
        precondition(!other.negated)
        low |= other.low
        high |= other.high
        ranges += other.ranges
        categories += other.categories
    }

    @inline(__always)
    func contains(_ scalar: UInt32) -> Bool {
        if scalar < 128 {
            let bit = scalar < 64 ? (low >> UInt64(scalar)) & 1 : (high >> UInt64(scalar - 64)) & 1
            return (bit == 1) != negated
        }
        return containsNonASCII(scalar) != negated
    }

    private func containsNonASCII(_ scalar: UInt32) -> Bool {
        for r in ranges where r.contains(scalar) { return true }
        for (category, negated) in categories where Self.belongs(scalar, to: category) != negated { return true }
        return false
    }

    /// Category membership as Python's `re`/`regex` modules see it for `str` patterns.
    static func belongs(_ value: UInt32, to category: Category) -> Bool {
        guard let scalar = Unicode.Scalar(value) else { return false }
        let c = scalar.properties.generalCategory
        switch category {
        case .letter:
            switch c {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
            default: return false
            }
        case .separator:
            switch c {
            case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
            default: return false
            }
        case .number:
            switch c {
            case .decimalNumber, .letterNumber, .otherNumber: return true
            default: return false
            }
        case .digit:
            return c == .decimalNumber
        case .space:
            return PythonNumbers.isSpace(value)
        case .word:
            if value == 0x5F { return true }
            switch c {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber: return true
            default: return scalar.properties.numericType != nil
            }
        }
    }
}
