/// Reads a runbook one statement at a time, so that a long runbook runs in
/// constant memory: it gathers lines until the statement is whole (no open
/// quote or bracket, no `\` at the end), then parses just that.
///
/// Each statement comes with its own `SourceFile` that keeps the runbook's
/// name and line numbers, so diagnostics point into the runbook.
public struct StatementReader {
    private let name: String
    private var nextLine: () -> [UInt8]?
    private var lineNumber = 1

    /// `nextLine` returns the next line of the runbook with its line break, or nil at the end.
    public init(name: String, nextLine: @escaping () -> [UInt8]?) {
        self.name = name
        self.nextLine = nextLine
    }

    /// Reads statements from lines held in memory.
    public init(name: String, bytes: [UInt8]) {
        var start = 0
        self.init(name: name) {
            guard start < bytes.count else { return nil }
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            if end < bytes.count { end += 1 }
            defer { start = end }
            return Array(bytes[start..<end])
        }
    }

    /// The next chunk of the runbook that holds statements (usually one), its
    /// syntax and diagnostics; nil at the end.
    public mutating func next() -> (file: SourceFile, script: Script, diagnostics: [Diagnostic])? {
        var chunk: [UInt8] = []
        let firstLine = lineNumber
        var open = false
        while let line = nextLine() {
            chunk += line
            lineNumber += 1
            if Self.endsWithBackslash(chunk) { continue }
            // A line with no quote, no closing bracket and nothing non-ASCII
            // closes nothing: a statement left open stays open, and is not
            // read again (a forgotten quote before a long runbook costs one
            // pass, not one pass a line).
            if open && !Self.mayClose(line) && chunk.count < Self.gatherLimit { continue }
            guard Self.mayOpen(chunk) else { break }
            // A statement that parses without an error is whole; only one
            // with errors is lexed again to see whether a quote or a bracket
            // is still open.
            let parsed = parse(chunk, firstLine: firstLine)
            if !parsed.diagnostics.hasErrors || !Self.leavesOpen(chunk) { return parsed }
            // Past the limit the statement ends here, its open quote or bracket reported.
            if chunk.count >= Self.gatherLimit { return parsed }
            open = true
        }
        guard !chunk.isEmpty else { return nil }
        return parse(chunk, firstLine: firstLine)
    }

    /// The most a statement left open gathers (1 MiB): past it, it is read
    /// as it is and its open quote or bracket is the error.
    static let gatherLimit = 1 << 20

    /// Whether `line` has anything that can close a quote or a bracket.
    private static func mayClose(_ line: [UInt8]) -> Bool {
        line.contains { $0 == UInt8(ascii: "'") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "}")
                        || $0 == UInt8(ascii: "]") || $0 == UInt8(ascii: "`") || $0 >= 0x80 }
    }

    private func parse(_ chunk: [UInt8], firstLine: Int) -> (file: SourceFile, script: Script, diagnostics: [Diagnostic]) {
        let file = SourceFile(name: name, bytes: chunk, firstLine: firstLine)
        let (script, diagnostics) = Parser.parseScript(file)
        return (file, script, diagnostics)
    }

    /// A backslash before the final line break: the statement goes on.
    private static func endsWithBackslash(_ chunk: [UInt8]) -> Bool {
        var end = chunk.count
        if end > 0, chunk[end - 1] == 0x0A { end -= 1 }
        if end > 0, chunk[end - 1] == 0x0D { end -= 1 }
        var backslashes = 0
        while end - backslashes > 0, chunk[end - backslashes - 1] == UInt8(ascii: "\\") { backslashes += 1 }
        return backslashes % 2 == 1
    }

    /// Whether `chunk` has anything that opens a quote or a bracket.
    private static func mayOpen(_ chunk: [UInt8]) -> Bool {
        chunk.contains { $0 == UInt8(ascii: "'") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "{")
                         || $0 == UInt8(ascii: "[") || $0 >= 0x80 }
    }

    /// Whether `chunk` ends inside a quote or a bracket, so the statement goes on.
    private static func leavesOpen(_ chunk: [UInt8]) -> Bool {
        var lexer = Lexer(bytes: chunk, mode: .script)
        _ = lexer.tokenize()
        return lexer.diagnostics.contains(where: \.leavesStatementOpen)
    }

    /// Whether the text typed so far goes on on the next line (a `\` at its
    /// end, an open quote or bracket): the REPL's question, answered as `run`
    /// answers it when it gathers a statement's lines.
    public static func needsMore(_ text: String) -> Bool {
        var bytes = Array(text.utf8)
        while let last = bytes.last, last == 0x0A || last == 0x0D { bytes.removeLast() }
        return endsWithBackslash(bytes) || (mayOpen(bytes) && leavesOpen(bytes))
    }
}
