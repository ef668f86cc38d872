import Testing
@testable import Syntax

/// Inputs the fuzz targets (Tests/Fuzz) found, kept as they were found.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    /// Every diagnostic's start and end name the line and column of their offsets.
    func expectConsistentLocations(_ bytes: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let file = SourceFile(name: SourceFile.chatName, bytes: bytes)
        for d in Parser.parseMessage(file).diagnostics + Parser.parseScript(file).diagnostics {
            #expect(d.range.start == file.location(of: d.range.start.offset), "\(d.code) start", sourceLocation: sourceLocation)
            #expect(d.range.end == file.location(of: d.range.end.offset), "\(d.code) end", sourceLocation: sourceLocation)
        }
    }

    /// fuzz-message: the end column of an option name was counted in the
    /// name's text, which quotes and invalid UTF-8 make shorter or longer
    /// than its source (`bad-option-name` at 1:51 for offset 54, column 55).
    @Test func optionNameColumnsCountSourceBytes() {
        expectConsistentLocations([
            64, 97, 119, 115, 32, 115, 115, 109, 45, 105, 110, 99, 105, 100, 101, 110, 116, 115, 32, 225, 120, 32, 45, 45,
            116, 105, 116, 108, 34, 0, 101, 32, 112, 59, 114, 101, 39, 102, 105, 120, 32, 39, 109, 105, 100, 34, 100, 108,
            101, 34, 112, 111, 115, 116,
        ])
        expectConsistentLocations([
            64, 97, 119, 115, 32, 115, 115, 109, 45, 105, 110, 99, 105, 100, 101, 110, 116, 115, 32, 120, 32, 45, 45, 116,
            105, 116, 157, 154, 223, 216, 219, 145, 144, 196, 0, 97, 95, 114, 101, 102, 101, 114, 101, 110, 99, 101, 32,
            92, 110, 32, 34, 113, 117, 111, 116, 101, 100, 34, 39,
        ])
        // The same, readable: a quoted part inside the name.
        let file = SourceFile(name: SourceFile.chatName, text: "@aws ssm-incidents x --ti\"t;\"le=v")
        let option = Parser.parseMessage(file).command?.options.first
        #expect(option?.nameRange.end == file.location(of: 31))
        #expect(option?.values.first?.range.start == file.location(of: 32))
    }

    /// fuzz-message, fuzz-script: a reference in an option's name (`--a$b=c`)
    /// stayed in the inline value with a negative offset, and printing the
    /// command trapped (Negative Array index is out of range).
    @Test func referenceInOptionNameIsNotTheInlineValues() {
        for text in ["@aws ssm-incidents x --a$b=c", "@aws ssm-incidents x --a${B}=c$d", "@aws ssm-incidents x --related$o=\"v\""] {
            let file = SourceFile(name: SourceFile.chatName, text: text)
            guard let command = Parser.parseMessage(file).command else {
                Issue.record("no command from \(text)")
                continue
            }
            for value in command.options.flatMap(\.values) {
                #expect(value.interpolations.allSatisfy { 0 <= $0.offset && $0.offset <= value.text.utf8.count }, "\(text)")
            }
            _ = Printer.print(command)
        }
        #expect(Parser.parseMessage(SourceFile(name: SourceFile.chatName, text: "@aws ssm-incidents x --a$b=c$d"))
            .command?.options.first?.values.first?.interpolations.map(\.offset) == [1])
        // The input as found (fuzz-message): `--related...` with `$o` before its `=`.
        let found: [UInt8] = [
            64, 97, 119, 115, 32, 115, 115, 148, 210, 105, 110, 99, 105, 223, 0, 0, 0, 115, 32, 120, 91, 32, 45, 45,
            114, 101, 108, 97, 116, 101, 100, 96, 105, 116, 101, 64, 245, 245, 245, 245, 101, 97, 45, 105, 116, 101, 64, 245,
            245, 245, 245, 245, 245, 245, 245, 245, 245, 245, 245, 245, 245, 245, 0, 0, 0, 0, 0, 0, 0, 117, 101, 115,
            34, 58, 32, 123, 34, 97, 114, 110, 34, 58, 32, 34, 36, 111, 253, 245, 245, 61, 245, 245, 245, 245, 245, 245,
            245, 245, 245, 245, 67, 73, 68, 69, 78, 84, 34, 44, 32, 34, 118, 97, 108, 117, 101, 34, 58, 32, 123, 34,
            97, 114, 110, 34, 58, 32, 34, 36, 111, 116, 104, 101, 114, 46, 97, 114, 110, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 101, 110, 116, 115, 32, 120, 91, 32, 45, 45, 114, 101, 116,
            100, 108, 101, 97, 45, 105, 116, 101, 64, 245, 245, 245, 245, 245, 245, 245, 245, 245, 245, 245, 245, 245, 245, 245,
            0, 0, 0, 0, 0, 0, 0, 117, 101, 115, 34, 58, 32, 123, 34, 97, 114, 110, 34, 58, 32, 34, 36, 111,
            116, 104, 101, 114, 46, 0, 245, 245, 245, 245, 245, 245, 245, 110, 0, 245, 245, 245, 245, 245, 245, 245, 245, 245,
            245, 11, 10, 10, 10, 10, 10, 10, 14, 245, 245, 245, 245, 245, 245, 245, 97, 119, 115, 32, 9, 64, 97, 119,
            9, 115, 32, 115, 115,
        ]
        let file = SourceFile(name: SourceFile.chatName, bytes: found)
        if let command = Parser.parseMessage(file).command { _ = Printer.print(command) }
        _ = Printer.print(Parser.parseScript(file).script)
    }
}
