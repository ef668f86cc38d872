/// Renders diagnostics as compilers do:
///
///     runbook.chat:3:29: error: unterminated double quote
///     @aws ssm-incidents x --title "abc
///                                  ^
///       help: add the closing '"'
public struct DiagnosticRenderer: Sendable {
    public var colors: Bool

    public init(colors: Bool = false) {
        self.colors = colors
    }

    public func render(_ diagnostic: Diagnostic, in file: SourceFile) -> String {
        let start = diagnostic.range.start
        var out = "\(file.name):\(start.line):\(start.column): "
        out += paint(diagnostic.severity.rawValue + ":", severityColor(diagnostic.severity))
        out += " " + diagnostic.message + "\n"

        let line = file.lineBytes(containing: start.offset)
        let lineText = String(decoding: line, as: UTF8.self)
        out += lineText + "\n"

        // The caret line: copy tabs so the caret lines up, one column a scalar.
        let lineStart = line.startIndex
        let caretStart = max(lineStart, min(start.offset, line.endIndex))
        let caretEnd = max(caretStart, min(diagnostic.range.end.offset, line.endIndex))
        var marker = ""
        var i = lineStart
        while i < caretStart {
            let b = file.bytes[i]
            if b & 0xC0 != 0x80 { marker += b == UInt8(ascii: "\t") ? "\t" : " " }
            i += 1
        }
        var width = 0
        while i < caretEnd {
            if file.bytes[i] & 0xC0 != 0x80 { width += 1 }
            i += 1
        }
        marker += "^" + String(repeating: "~", count: max(0, width - 1))
        out += paint(marker, severityColor(diagnostic.severity)) + "\n"
        if let suggestion = diagnostic.suggestion {
            out += "  " + paint("help:", "\u{1B}[36m") + " " + suggestion + "\n"
        }
        return out
    }

    public func render(_ diagnostics: [Diagnostic], in file: SourceFile) -> String {
        diagnostics.map { render($0, in: file) }.joined()
    }

    private func severityColor(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: "\u{1B}[1;31m"
        case .warning: "\u{1B}[1;33m"
        case .note: "\u{1B}[1;36m"
        }
    }

    private func paint(_ text: String, _ color: String) -> String {
        colors ? color + text + "\u{1B}[0m" : text
    }
}
