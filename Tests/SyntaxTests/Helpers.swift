@testable import Syntax

/// Parses one chat message.
func parseMessage(_ text: String) -> (command: Command?, diagnostics: [Diagnostic]) {
    Parser.parseMessage(SourceFile(name: SourceFile.chatName, text: text))
}

/// Parses a runbook.
func parseScript(_ text: String) -> (script: Script, diagnostics: [Diagnostic]) {
    Parser.parseScript(SourceFile(name: "test.chat", text: text))
}

/// The words and options a message lexes into, as text: options as `--name`
/// (`--name=value` when inline), words as their text.
func lex(_ text: String, mode: Lexer.Mode = .message) -> [String] {
    var lexer = Lexer(bytes: Array(text.utf8), mode: mode)
    return lexer.tokenize().compactMap { token in
        switch token {
        case .word(let w): w.text
        case .option(let o): "--" + o.name + (o.inlineValue.map { "=" + $0.text } ?? "")
        case .newline: "⏎"
        case .comment(let c): c.text
        case .end: nil
        }
    }
}

/// The codes of the diagnostics of a message.
func codes(_ text: String) -> [String] {
    parseMessage(text).diagnostics.map(\.code)
}

/// The tree of a message, without ranges, for comparing structure.
func shape(_ text: String) -> String? {
    parseMessage(text).command.map { TreeDump(ranges: false).text($0) }
}
