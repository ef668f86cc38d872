import Syntax

/// Whether the text typed so far is a whole statement, or goes on on the next
/// line: an open quote or bracket, or a backslash at the end.
public enum InputState {
    public static func needsMore(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        if end > 0, bytes[end - 1] == UInt8(ascii: "\\") {
            // An even run of backslashes is escaped backslashes.
            var run = 0
            var i = end - 1
            while i >= 0, bytes[i] == UInt8(ascii: "\\") { run += 1; i -= 1 }
            if run % 2 == 1 { return true }
        }
        let (_, diagnostics) = Parser.parseScript(SourceFile(name: "<repl>", bytes: bytes))
        return diagnostics.contains { $0.code == "unterminated-quote" || $0.code == "unclosed-bracket" }
    }
}
