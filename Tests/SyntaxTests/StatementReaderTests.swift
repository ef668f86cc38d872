import Testing
@testable import Syntax

@Suite("Statement reader")
struct StatementReaderTests {
    func chunks(_ text: String) -> [(firstLine: Int, statements: Int, codes: [String])] {
        var reader = StatementReader(name: "r.chat", bytes: Array(text.utf8))
        var out: [(Int, Int, [String])] = []
        while let (file, script, diagnostics) = reader.next() {
            out.append((file.firstLine, script.statements.count, diagnostics.map(\.code)))
        }
        return out
    }

    @Test func oneStatementALineKeepsLineNumbers() {
        let result = chunks("# c\n@aws s o\n\n@aws s p --x 'a\nb'\n@aws s q \\\n --y 1\n@aws\n")
        #expect(result.map(\.firstLine) == [1, 2, 3, 4, 6, 8])
        #expect(result.map(\.statements) == [0, 1, 0, 1, 1, 0])
        #expect(result.last?.codes == ["missing-service"])
    }

    @Test func diagnosticsPointIntoTheRunbook() throws {
        var reader = StatementReader(name: "r.chat", bytes: Array("@aws s o\n@aws s o --t \"x\n".utf8))
        _ = reader.next()
        let second = reader.next()
        let (file, _, diagnostics) = try #require(second)
        #expect(diagnostics.first?.range.start.line == 2)
        #expect(DiagnosticRenderer().render(diagnostics, in: file).hasPrefix("r.chat:2:14: error: unterminated double quote\n@aws s o --t \"x\n"))
    }

    @Test func evenBackslashesDoNotContinue() {
        #expect(chunks("@aws s o --x a\\\\\n@aws s p\n").map(\.statements) == [1, 1])
    }
}
