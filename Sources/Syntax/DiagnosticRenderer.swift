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
        out += " " + Self.shortened(diagnostic.message) + "\n"

        // A long line is shown as a window around the range, so that many
        // diagnostics on one long line cost what they show, not the line each.
        let whole = file.lineBytes(containing: start.offset)
        let caretStart = max(whole.startIndex, min(start.offset, whole.endIndex))
        let caretEnd = max(caretStart, min(diagnostic.range.end.offset, whole.endIndex))
        var from = whole.startIndex, to = whole.endIndex
        if to - from > Self.longLineBytes {
            from = max(from, caretStart - Self.windowBytes / 3)
            to = min(to, max(from + Self.windowBytes, min(caretEnd, caretStart + Self.windowBytes / 2)))
            from = boundary(from, in: file.bytes, lowerLimit: whole.startIndex)
            to = boundary(to, in: file.bytes, lowerLimit: from)
        }
        let openEllipsis = from > whole.startIndex ? "…" : ""
        out += openEllipsis + String(decoding: file.bytes[from..<to], as: UTF8.self) + (to < whole.endIndex ? "…" : "") + "\n"

        // The caret line: copy tabs so the caret lines up, one column a scalar.
        var marker = openEllipsis.isEmpty ? "" : " "
        var i = from
        while i < min(caretStart, to) {
            let b = file.bytes[i]
            if b & 0xC0 != 0x80 { marker += b == UInt8(ascii: "\t") ? "\t" : " " }
            i += 1
        }
        var width = 0
        while i < min(caretEnd, to) {
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

    /// The diagnostics of one text, the first `maximumShown` of them in full
    /// and a count of the rest: a message that repeats a mistake ten thousand
    /// times gets an answer of the same size as one that makes it twenty times.
    public func render(_ diagnostics: [Diagnostic], in file: SourceFile) -> String {
        var out = diagnostics.prefix(Self.maximumShown).map { render($0, in: file) }.joined()
        if diagnostics.count > Self.maximumShown {
            let errors = diagnostics.dropFirst(Self.maximumShown).filter { $0.severity == .error }.count
            let rest = diagnostics.count - Self.maximumShown
            out += "\(file.name): " + paint("note:", severityColor(.note))
                + " \(rest) more diagnostic\(rest == 1 ? "" : "s") (\(errors) error\(errors == 1 ? "" : "s")) not shown\n"
        }
        return out
    }

    /// A message as shown: one that quotes a long word of the input is cut,
    /// since the source line below shows where it is.
    static func shortened(_ message: String) -> String {
        guard message.utf8.count > Self.messageBytes else { return message }
        var kept = String.UnicodeScalarView()
        var bytes = 0
        for scalar in message.unicodeScalars {
            bytes += UTF8.width(scalar)
            if bytes > Self.messageBytes { break }
            kept.append(scalar)
        }
        return String(kept) + "…"
    }

    static let messageBytes = 300

    /// How many diagnostics `render(_:in:)` shows in full.
    public static let maximumShown = 20
    /// A line longer than this is shown as a window of `windowBytes` around the range.
    static let longLineBytes = 480
    static let windowBytes = 240

    /// `offset` moved back to the start of a UTF-8 scalar, not below `lowerLimit`.
    private func boundary(_ offset: Int, in bytes: [UInt8], lowerLimit: Int) -> Int {
        var o = offset
        while o > lowerLimit, o < bytes.count, bytes[o] & 0xC0 == 0x80 { o -= 1 }
        return o
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
