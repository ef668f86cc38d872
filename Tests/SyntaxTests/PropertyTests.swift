import PropertyBased
import Testing
@testable import Syntax
import TestSupport

/// Sentences generated from `Grammar/*.ebnf` parse without errors, and the
/// canonical printer gives text that parses to the same tree.
@Suite("Grammar properties")
struct GrammarPropertyTests {
    static let chat = try! Repository.grammar("chat-command.ebnf")
    static let script = try! Repository.grammar("chat-command.ebnf", "script.ebnf")

    @Test func generatedMessagesParseAndRoundTrip() async {
        await propertyCheck(count: 400, input: Gen.int(in: 0...Int.max)) { seed in
            var generator = SentenceGenerator(grammar: Self.chat, seed: UInt64(seed))
            let text = generator.generate("message")
            let (command, diagnostics) = parseMessage(text)
            #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message)) in \(text.debugDescription)")
            guard let command else { Issue.record("no command from \(text.debugDescription)"); return }
            let printed = Printer.print(command)
            let (again, againDiagnostics) = parseMessage(printed)
            #expect(againDiagnostics.isEmpty, "\(againDiagnostics.map(\.message)) in \(printed.debugDescription)")
            let dump = TreeDump(ranges: false)
            #expect(again.map { dump.text($0) } == dump.text(command), "\(text.debugDescription) printed as \(printed.debugDescription)")
            // Printing is idempotent.
            #expect(again.map(Printer.print) == printed)
        }
    }

    @Test func generatedScriptsParseAndRoundTrip() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...Int.max)) { seed in
            var generator = SentenceGenerator(grammar: Self.script, seed: UInt64(seed))
            let text = generator.generate("script")
            let (script, diagnostics) = parseScript(text)
            #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message)) in \(text.debugDescription)")
            let printed = Printer.print(script)
            let (again, againDiagnostics) = parseScript(printed)
            #expect(againDiagnostics.isEmpty, "\(againDiagnostics.map(\.message)) in \(printed.debugDescription)")
            let dump = TreeDump(ranges: false)
            #expect(dump.text(again) == dump.text(script), "\(text.debugDescription) printed as \(printed.debugDescription)")
        }
    }

    /// `run` reads a runbook a statement at a time: a generated runbook read
    /// that way gives the statements that parsing it whole gives.
    @Test func generatedScriptsReadStatementByStatement() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...Int.max)) { seed in
            var generator = SentenceGenerator(grammar: Self.script, seed: UInt64(seed))
            let text = generator.generate("script")
            let whole = parseScript(text).script.statements.map(Printer.print)
            var reader = StatementReader(name: "runbook.chat", bytes: Array(text.utf8))
            var read: [String] = []
            while let (_, script, diagnostics) = reader.next() {
                #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message)) in \(text.debugDescription)")
                read += script.statements.map(Printer.print)
            }
            #expect(read == whole, "\(text.debugDescription)")
        }
    }

    @Test(arguments: [("message", false), ("script", true)])
    func everyProductionIsReachable(start: String, isScript: Bool) {
        // A production nothing refers to is dead grammar; one referred to must exist.
        let grammar = isScript ? Self.script : Self.chat
        var reached: Set<String> = []
        var missing: Set<String> = []
        func walk(_ e: EBNF.Expr) {
            switch e {
            case .reference(let n):
                guard reached.insert(n).inserted else { return }
                if let body = grammar.productions[n] { walk(body) } else { missing.insert(n) }
            case .sequence(let items), .choice(let items): items.forEach(walk)
            case .optional(let i), .repeated(let i), .except(let i, _): walk(i)
            case .terminal, .special: break
            }
        }
        walk(.reference(start))
        #expect(missing.isEmpty, "undefined productions: \(missing.sorted())")
        if !isScript {
            let unreached = Set(grammar.productions.keys).subtracting(reached)
            #expect(unreached.isEmpty, "unreachable productions: \(unreached.sorted())")
        }
    }
}

/// Any bytes get diagnostics, never a crash or a hang, and every diagnostic
/// points inside the input, at the line and column of its offsets.
@Suite("Bad input")
struct BadInputTests {
    func check(_ bytes: [UInt8]) {
        for parse in [{ Parser.parseMessage($0).diagnostics }, { Parser.parseScript($0).diagnostics }] as [(SourceFile) -> [Diagnostic]] {
            let file = SourceFile(name: "<test>", bytes: bytes)
            for d in parse(file) {
                #expect(d.range.start.offset >= 0 && d.range.end.offset <= bytes.count && d.range.start.offset <= d.range.end.offset)
                // The line and column it names are those of its offsets.
                #expect(d.range.start == file.location(of: d.range.start.offset) && d.range.end == file.location(of: d.range.end.offset),
                        "\(d.code) at \(d.range) in \(bytes)")
                _ = DiagnosticRenderer().render(d, in: file)
            }
        }
    }

    @Test func randomBytes() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...255).array(of: 0...200)) { ints in
            check(ints.map { UInt8($0) })
        }
    }

    @Test func mutatedSentences() async {
        let grammar = GrammarPropertyTests.chat
        await propertyCheck(count: 300, input: Gen.int(in: 0...Int.max), Gen.int(in: 0...Int.max)) { seed, flip in
            var generator = SentenceGenerator(grammar: grammar, seed: UInt64(seed))
            var bytes = Array(generator.generate("message").utf8)
            guard !bytes.isEmpty else { return }
            var random = SeededRandom(seed: UInt64(flip))
            for _ in 0..<3 {
                let i = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: bytes[i] = UInt8.random(in: 0...255, using: &random)
                case 1: bytes.remove(at: i)
                default: bytes.insert([UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "{"), UInt8(ascii: "[")].randomElement(using: &random)!, at: i)
                }
                if bytes.isEmpty { break }
            }
            check(bytes)
        }
    }

    /// Runbooks from the script grammar, broken the ways hand-edited files
    /// break: a byte flipped, a quote dropped, a bracket left unbalanced, a
    /// line continuation cut (its line break gone, the file ending after the
    /// backslash, the backslash gone).
    @Test func mutatedRunbooks() async {
        let grammar = GrammarPropertyTests.script
        await propertyCheck(count: 300, input: Gen.int(in: 0...Int.max), Gen.int(in: 0...Int.max)) { seed, flip in
            var generator = SentenceGenerator(grammar: grammar, seed: UInt64(seed))
            var random = SeededRandom(seed: UInt64(flip))
            var bytes = Self.mutate(Array(generator.generate("script").utf8), using: &random)
            // Half the time more than one break.
            if Bool.random(using: &random) { bytes = Self.mutate(bytes, using: &random) }
            check(bytes)
        }
    }

    static func mutate(_ input: [UInt8], using random: inout SeededRandom) -> [UInt8] {
        var bytes = input
        func positions(of set: String) -> [Int] {
            bytes.indices.filter { set.utf8.contains(bytes[$0]) }
        }
        let backslash = UInt8(ascii: "\\"), newline = UInt8(ascii: "\n")
        switch Int.random(in: 0..<4, using: &random) {
        case 0:
            guard !bytes.isEmpty else { return [UInt8.random(in: 0...255, using: &random)] }
            bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
        case 1:
            if let i = positions(of: "\"'").randomElement(using: &random) {
                bytes.remove(at: i)
            } else {
                bytes.insert(Array("\"'".utf8).randomElement(using: &random)!, at: Int.random(in: 0...bytes.count, using: &random))
            }
        case 2:
            if Bool.random(using: &random), let i = positions(of: "{}[]").randomElement(using: &random) {
                bytes.remove(at: i)
            } else {
                bytes.insert(Array("{}[]".utf8).randomElement(using: &random)!, at: Int.random(in: 0...bytes.count, using: &random))
            }
        default:
            let continuations = bytes.indices.filter { $0 + 1 < bytes.count && bytes[$0] == backslash && bytes[$0 + 1] == newline }
            guard let i = continuations.randomElement(using: &random) else {
                // None to cut: end the runbook with a dangling one.
                return bytes + [backslash]
            }
            switch Int.random(in: 0..<3, using: &random) {
            case 0: bytes.remove(at: i + 1)
            case 1: bytes.removeSubrange((i + 1)...)
            default: bytes.remove(at: i)
            }
        }
        return bytes
    }

    @Test func invalidUTF8() {
        let (_, diagnostics) = Parser.parseMessage(SourceFile(name: "<chat>", bytes: Array("@aws s o --t ".utf8) + [0xC3, 0x28, 0xFF, 0xED, 0xA0, 0x80]))
        #expect(diagnostics.map(\.code) == ["invalid-utf8", "invalid-utf8", "invalid-utf8", "invalid-utf8", "invalid-utf8"])
    }

    @Test func nulBytes() {
        #expect(codes("@aws s o --t a\u{0}b") == ["nul-byte"])
        #expect(codes("@aws s o --t 'a\u{0}b'") == ["nul-byte"])
    }

    @Test func oneMebibyteLine() throws {
        let value = String(repeating: "x", count: 1 << 20)
        let (command, diagnostics) = parseMessage("@aws ssm-incidents x --title \(value)")
        #expect(diagnostics.isEmpty)
        #expect(command?.options.first?.values.first?.text.utf8.count == 1 << 20)
        let quoted = parseMessage("@aws ssm-incidents x --title '\(value)")
        #expect(quoted.diagnostics.map(\.code) == ["unterminated-quote"])
    }

    @Test func tenThousandNestedBrackets() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(codes("@aws s o --v \(deep)") == ["nesting-too-deep"])
        #expect(codes("@aws s o --v \(String(repeating: "{", count: 10_000))") == ["nesting-too-deep"])
        // Quoted, it is just text.
        #expect(codes("@aws s o --v '\(deep)'") == [])
    }

    @Test func manyWordsAndLines() {
        let words = Array(repeating: "w", count: 100_000).joined(separator: " ")
        #expect(parseMessage("@aws s o --v \(words)").command?.options.first?.values.count == 100_000)
        let lines = Array(repeating: "@aws s o --v 1", count: 10_000).joined(separator: "\n")
        #expect(parseScript(lines).script.statements.count == 10_000)
    }
}
