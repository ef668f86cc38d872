/// A pattern with IAM's wildcards: `*` (any run of characters) and `?` (any
/// one character), compiled once and matched many times.
///
/// Three flavours cover every place a policy matches text:
/// - `.action`: case-insensitive (`ssm-incidents:get*` matches `GetIncidentRecord`);
/// - `.string`: case-sensitive (`StringLike`);
/// - `.arn`: case-sensitive, and a wildcard stays inside one colon-separated
///   segment unless `*` is the last character of its segment, in which case
///   it may run past colons (IAM's rule for the `Resource` element).
public struct Wildcard: Sendable, Hashable, CustomStringConvertible {
    public enum Flavor: Sendable, Hashable {
        case action, string, arn
    }

    /// One element of a compiled pattern.
    enum Element: Sendable, Hashable {
        case literal(Character)
        /// `*`; `crossesColons` only in `.arn` patterns, where the star ends a segment.
        case star(crossesColons: Bool)
        case any
    }

    public let text: String
    public let flavor: Flavor
    let elements: [Element]

    /// Compiles `text`, reading `*` and `?` as wildcards.
    public init(_ text: String, flavor: Flavor) {
        self.init(text: text, flavor: flavor, pieces: [.pattern(text)])
    }

    /// A piece of pattern text: wildcards are live in `.pattern` and plain
    /// characters in `.literal` (the value of a policy variable such as `${*}`).
    enum Piece: Sendable, Hashable {
        case pattern(String)
        case literal(String)
    }

    init(text: String, flavor: Flavor, pieces: [Piece]) {
        self.text = text
        self.flavor = flavor
        var elements: [Element] = []
        for piece in pieces {
            switch piece {
            case .literal(let s):
                elements.append(contentsOf: s.map { Element.literal($0) })
            case .pattern(let s):
                for c in s {
                    switch c {
                    case "*": elements.append(.star(crossesColons: flavor != .arn))
                    case "?": elements.append(.any)
                    default: elements.append(.literal(c))
                    }
                }
            }
        }
        if flavor == .arn {
            // A star that ends its segment (before a colon or at the end) may cross colons.
            for i in elements.indices {
                guard case .star = elements[i] else { continue }
                let next = elements.index(after: i)
                let endsSegment = next == elements.endIndex || elements[next] == .literal(":")
                elements[i] = .star(crossesColons: endsSegment)
            }
        }
        self.elements = elements
    }

    /// Whether the pattern has any wildcard at all.
    public var hasWildcards: Bool {
        elements.contains { if case .literal = $0 { false } else { true } }
    }

    public var description: String { text }

    /// Whether `subject` matches the whole pattern.
    public func matches(_ subject: String) -> Bool {
        let chars = Array(subject)
        let ignoreCase = flavor == .action
        let colonBound = flavor == .arn
        // reachable[j]: the pattern prefix read so far can match chars[0..<j].
        var reachable = [Bool](repeating: false, count: chars.count + 1)
        reachable[0] = true
        for element in elements {
            var next = [Bool](repeating: false, count: chars.count + 1)
            switch element {
            case .literal(let c):
                for j in 0..<chars.count where reachable[j] {
                    if equal(chars[j], c, ignoreCase: ignoreCase) { next[j + 1] = true }
                }
            case .any:
                for j in 0..<chars.count where reachable[j] {
                    if !(colonBound && chars[j] == ":") { next[j + 1] = true }
                }
            case .star(let crossesColons):
                var open = false
                for j in 0...chars.count {
                    if reachable[j] { open = true }
                    if open { next[j] = true }
                    if j < chars.count && colonBound && !crossesColons && chars[j] == ":" { open = false }
                }
            }
            reachable = next
            if !reachable.contains(true) { return false }
        }
        return reachable[chars.count]
    }

    private func equal(_ a: Character, _ b: Character, ignoreCase: Bool) -> Bool {
        if a == b { return true }
        return ignoreCase && a.lowercased() == b.lowercased()
    }
}
