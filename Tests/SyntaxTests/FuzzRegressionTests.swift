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
}
