/// The text a diagnostic points into: a name (a file path, `<chat>` for a chat
/// message, `<stdin>`), its bytes, and where its lines start.
public struct SourceFile: Sendable {
    public let name: String
    public let bytes: [UInt8]
    /// The line number of the first byte: a statement read from the middle of
    /// a runbook keeps the runbook's line numbers.
    public let firstLine: Int

    public init(name: String, bytes: [UInt8], firstLine: Int = 1) {
        self.name = name
        self.bytes = bytes
        self.firstLine = firstLine
    }

    public init(name: String, text: String, firstLine: Int = 1) {
        self.init(name: name, bytes: Array(text.utf8), firstLine: firstLine)
    }

    /// The name used for a message that came from a chat channel.
    public static let chatName = "<chat>"

    /// The bytes of the line that holds `offset`, without its line break.
    public func lineBytes(containing offset: Int) -> ArraySlice<UInt8> {
        let clamped = max(0, min(offset, bytes.count))
        var start = clamped
        while start > 0 && bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
        var end = clamped
        while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
        if end > start && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return bytes[start..<end]
    }

    /// The location of a byte offset, counted from the start of the file.
    /// Linear in the offset: for diagnostics and tools, not for the lexer's hot path.
    public func location(of offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, bytes.count))
        var line = firstLine
        var column = 1
        var i = 0
        while i < clamped {
            let b = bytes[i]
            if b == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return SourceLocation(offset: clamped, line: line, column: column)
    }

    /// The text of a range, lossy where the bytes are not UTF-8.
    public func text(of range: SourceRange) -> String {
        let lower = max(0, min(range.start.offset, bytes.count))
        let upper = max(lower, min(range.end.offset, bytes.count))
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }
}
