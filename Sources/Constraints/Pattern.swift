/// A compiled regular expression of the subset the service models use:
/// literals, `.`, classes with ranges, `\d \s \w` (and negations), `\p{L}`
/// `\p{Z}` `\p{N}`, groups, `|`, `* + ? {n} {n,} {n,m}` (greedy), `^`, `$`
/// and the lookaheads `(?=...)` `(?!...)`.
///
/// Matching follows Python's `re.search`: the pattern may match anywhere
/// unless it is anchored, `.` stops at a line break, and `$` also matches
/// before a final line break. It runs on UTF-8 without decoding ASCII, and a
/// backtracking state that failed once is not tried again, so no pattern
/// takes exponential time.
public struct Pattern: Sendable {
    /// The pattern as the model writes it.
    public let source: String
    let program: [Instruction]
    let classes: [CharacterClass]
    /// The program starts with `^`: only a match at the start counts.
    let anchored: Bool

    /// A pattern outside the subset.
    public struct SyntaxError: Error, Sendable, CustomStringConvertible {
        public let message: String
        public let offset: Int
        public var description: String { "\(message) at offset \(offset)" }
    }

    public init(_ source: String) throws(SyntaxError) {
        self.source = source
        var parser = PatternParser(Array(source.unicodeScalars))
        let tree = try parser.parse()
        var compiler = PatternCompiler(classes: parser.classes)
        compiler.emit(alternatives: tree)
        compiler.program.append(.match)
        program = compiler.program
        classes = compiler.classes
        if case .lineStart = program.first { anchored = true } else { anchored = false }
    }

    /// Whether the pattern matches somewhere in `text` (Python's `re.search`).
    public func matches(_ text: String) -> Bool {
        search(text, stepLimit: .max).matched
    }

    /// The search, with the steps it took; past `stepLimit` it gives up
    /// (`exhausted`), for tests that bound the work a pattern may take.
    func search(_ text: String, stepLimit: Int) -> (matched: Bool, steps: Int, exhausted: Bool) {
        if let result = text.utf8.withContiguousStorageIfAvailable({ search(UnsafeBufferPointer(rebasing: $0[...]), stepLimit: stepLimit) }) {
            return result
        }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { search($0, stepLimit: stepLimit) }
    }

    private func search(_ bytes: UnsafeBufferPointer<UInt8>, stepLimit: Int) -> (matched: Bool, steps: Int, exhausted: Bool) {
        var matcher = PatternMatcher(program: program, classes: classes, bytes: bytes)
        matcher.stepLimit = stepLimit
        // Room for the backtracking states of a model pattern at once: an
        // empty stack would grow one reallocation at a time.
        matcher.reserveStack(16)
        func result(_ matched: Bool) -> (matched: Bool, steps: Int, exhausted: Bool) {
            let exhausted = matcher.totalSteps > stepLimit
            return (matched && !exhausted, matcher.totalSteps, exhausted)
        }
        if anchored { return result(matcher.run(at: 0)) }
        var start = 0
        while true {
            if matcher.run(at: start) { return result(true) }
            if start >= bytes.count || matcher.totalSteps > stepLimit { return result(false) }
            start += PatternMatcher.scalarLength(bytes[start])
        }
    }
}

/// One step of a compiled pattern.
enum Instruction: Sendable {
    /// Consume one scalar of the class.
    case scalar(Int)
    /// Consume between `min` and `max` scalars of the class, as many as
    /// possible first, giving them back one by one when what follows fails.
    case run(Int, min: Int, max: Int)
    /// Try `first`; when it fails, `second`.
    case split(Int, Int)
    case jump(Int)
    case lineStart
    case lineEnd
    /// Run the sub-program that follows; go on at `end` when it matched
    /// (or, `negative`, when it did not).
    case lookahead(negative: Bool, end: Int)
    case match
}

/// The syntax tree of a pattern, before compiling.
indirect enum PatternNode {
    case set(Int)
    case lineStart
    case lineEnd
    case group([[PatternNode]])
    case repeated(PatternNode, min: Int, max: Int?)
    case lookahead([[PatternNode]], negative: Bool)
}

/// Turns the tree into instructions; a counted repeat is unrolled.
struct PatternCompiler {
    var classes: [CharacterClass]
    var program: [Instruction] = []

    mutating func emit(alternatives: [[PatternNode]]) {
        if alternatives.count == 1 { return emit(sequence: alternatives[0]) }
        var jumps: [Int] = []
        for (i, sequence) in alternatives.enumerated() {
            if i < alternatives.count - 1 {
                let split = program.count
                program.append(.split(split + 1, -1))
                emit(sequence: sequence)
                jumps.append(program.count)
                program.append(.jump(-1))
                program[split] = .split(split + 1, program.count)
            } else {
                emit(sequence: sequence)
            }
        }
        for j in jumps { program[j] = .jump(program.count) }
    }

    mutating func emit(sequence: [PatternNode]) {
        for node in sequence { emit(node) }
    }

    mutating func emit(_ node: PatternNode) {
        switch node {
        case .set(let c):
            program.append(.scalar(c))
        case .lineStart:
            program.append(.lineStart)
        case .lineEnd:
            program.append(.lineEnd)
        case .group(let alternatives):
            emit(alternatives: alternatives)
        case .lookahead(let alternatives, let negative):
            let at = program.count
            program.append(.lookahead(negative: negative, end: -1))
            emit(alternatives: alternatives)
            program.append(.match)
            program[at] = .lookahead(negative: negative, end: program.count)
        case .repeated(let inner, let min, let max):
            if case .set(let c) = inner {
                program.append(.run(c, min: min, max: max ?? Int.max))
                return
            }
            for _ in 0..<min { emit(inner) }
            if let max {
                var splits: [Int] = []
                for _ in min..<max {
                    splits.append(program.count)
                    program.append(.split(program.count + 1, -1))
                    emit(inner)
                }
                for s in splits { program[s] = .split(s + 1, program.count) }
            } else {
                let loop = program.count
                program.append(.split(loop + 1, -1))
                emit(inner)
                program.append(.jump(loop))
                program[loop] = .split(loop + 1, program.count)
            }
        }
    }
}
