/// Runs a compiled `Pattern` over UTF-8 bytes by backtracking.
///
/// Once many steps have been taken, every (instruction, position) state that
/// is entered is remembered: a state seen before has already failed (there
/// are no captures or back-references), so the search stays polynomial. A
/// lookahead is a search of its own, with its own remembered states, and its
/// outcome at a position is worked out once.
struct PatternMatcher {
    let program: [Instruction]
    let classes: [CharacterClass]
    let bytes: UnsafeBufferPointer<UInt8>

    private struct Backtrack {
        var pc: Int
        var pos: Int
        /// For a run: the lowest position it may give back to; -1 otherwise.
        var floor: Int
    }

    private var stack: [Backtrack] = []
    private var steps = 0
    private var visited: [UInt64] = []
    /// Lookahead outcomes by (instruction, position).
    private var lookaheads: [Int: Bool] = [:]
    /// Every step of the search, lookaheads included; past `stepLimit` the
    /// search gives up (tests bound the work that way; matching never does).
    private(set) var totalSteps = 0
    var stepLimit = Int.max

    /// Steps before states are remembered.
    private static let memoAfter = 2_000

    init(program: [Instruction], classes: [CharacterClass], bytes: UnsafeBufferPointer<UInt8>) {
        self.program = program
        self.classes = classes
        self.bytes = bytes
    }

    @inline(__always)
    static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// The scalar at `pos` and its length in bytes.
    @inline(__always)
    private func scalar(at pos: Int) -> (UInt32, Int) {
        let b0 = bytes[pos]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        let n = Self.scalarLength(b0)
        guard pos + n <= bytes.count else { return (0xFFFD, 1) }
        var value: UInt32
        switch n {
        case 2: value = UInt32(b0 & 0x1F)
        case 3: value = UInt32(b0 & 0x0F)
        default: value = UInt32(b0 & 0x07)
        }
        for k in 1..<n { value = value << 6 | UInt32(bytes[pos + k] & 0x3F) }
        return (value, n)
    }

    /// The start of the scalar before `pos`.
    @inline(__always)
    private func previous(_ pos: Int) -> Int {
        var p = pos - 1
        while p > 0 && bytes[p] & 0xC0 == 0x80 { p -= 1 }
        return p
    }

    mutating func reserveStack(_ capacity: Int) {
        stack.reserveCapacity(capacity)
    }

    /// Whether the program matches starting at `start`.
    mutating func run(at start: Int) -> Bool {
        stack.removeAll(keepingCapacity: true)
        return execute(pc: 0, pos: start, base: 0)
    }

    /// Remembers a state; false when it was seen before.
    private mutating func firstVisit(_ pc: Int, _ pos: Int) -> Bool {
        if visited.isEmpty {
            visited = [UInt64](repeating: 0, count: (program.count * (bytes.count + 1) + 63) / 64)
        }
        let key = pc * (bytes.count + 1) + pos
        let mask: UInt64 = 1 << UInt64(key & 63)
        if visited[key >> 6] & mask != 0 { return false }
        visited[key >> 6] |= mask
        return true
    }

    /// Whether the body of the lookahead at `pc` matches at `pos`. Each search
    /// of a body remembers states of its own: a state on the way to a body's
    /// match did not fail, and a search of the same body from another
    /// position must not skip it. Without remembering, an empty repetition
    /// in a body (`(?=(a|)*)`) looped for ever.
    private mutating func lookahead(at pc: Int, _ pos: Int) -> Bool {
        let key = pc * (bytes.count + 1) + pos
        if let known = lookaheads[key] { return known }
        let (outerVisited, outerSteps) = (visited, steps)
        (visited, steps) = ([], 0)
        let depth = stack.count
        let found = execute(pc: pc + 1, pos: pos, base: depth)
        stack.removeSubrange(depth...)
        (visited, steps) = (outerVisited, outerSteps + steps)
        lookaheads[key] = found
        return found
    }

    /// Runs from `pc` until a `match`; backtracks through the stack entries above `base`.
    private mutating func execute(pc startPC: Int, pos startPos: Int, base: Int) -> Bool {
        var pc = startPC
        var pos = startPos
        while true {
            steps += 1
            totalSteps += 1
            if totalSteps > stepLimit { return false }
            var ok = true
            if steps > Self.memoAfter && !firstVisit(pc, pos) {
                ok = false
            } else {
                switch program[pc] {
                case .match:
                    stack.removeSubrange(base...)
                    return true
                case .scalar(let c):
                    if pos < bytes.count {
                        let (value, n) = scalar(at: pos)
                        if classes[c].contains(value) {
                            pos += n
                            pc += 1
                        } else { ok = false }
                    } else { ok = false }
                case .run(let c, let min, let max):
                    let set = classes[c]
                    var count = 0
                    var floor = -1
                    if min == 0 { floor = pos }
                    while count < max && pos < bytes.count {
                        let b = bytes[pos]
                        if b < 0x80 {
                            // ASCII, nearly every byte of a model value: a bit test, no decoding.
                            guard set.contains(UInt32(b)) else { break }
                            pos += 1
                        } else {
                            let (value, n) = scalar(at: pos)
                            guard set.contains(value) else { break }
                            pos += n
                        }
                        count += 1
                        if count == min { floor = pos }
                    }
                    if count < min {
                        ok = false
                    } else {
                        if pos > floor { stack.append(Backtrack(pc: pc + 1, pos: pos, floor: floor)) }
                        pc += 1
                    }
                case .split(let first, let second):
                    stack.append(Backtrack(pc: second, pos: pos, floor: -1))
                    pc = first
                case .jump(let target):
                    pc = target
                case .lineStart:
                    if pos == 0 { pc += 1 } else { ok = false }
                case .lineEnd:
                    if pos == bytes.count || (pos == bytes.count - 1 && bytes[pos] == 0x0A) { pc += 1 } else { ok = false }
                case .lookahead(let negative, let end):
                    if lookahead(at: pc, pos) != negative { pc = end } else { ok = false }
                }
            }
            if ok { continue }
            // Backtrack.
            guard stack.count > base else { return false }
            var entry = stack.removeLast()
            if entry.floor >= 0 {
                // A run gives back one scalar.
                entry.pos = previous(entry.pos)
                if entry.pos > entry.floor { stack.append(entry) }
            }
            pc = entry.pc
            pos = entry.pos
        }
    }
}
