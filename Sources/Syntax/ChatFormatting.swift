/// Removes the chat formatting around a message: a code fence
/// (```` ``` ````, optionally with a language tag on its first line) or a
/// code span (`` ` ``). Backticks inside the command stay (JMESPath literals
/// use them).
enum ChatFormatting {
    /// The byte range of `bytes` that holds the command, and the byte offset
    /// of an opening fence or span that is never closed.
    static func unwrap(_ bytes: [UInt8]) -> (content: Range<Int>, unclosed: Range<Int>?) {

        var lower = 0
        var upper = bytes.count
        // White space, the non-breaking space (C2 A0) included.
        while lower < upper {
            if isSpace(bytes[lower]) { lower += 1 } else if bytes[lower] == 0xC2, lower + 1 < upper, bytes[lower + 1] == 0xA0 { lower += 2 } else { break }
        }
        while upper > lower {
            if isSpace(bytes[upper - 1]) { upper -= 1 } else if bytes[upper - 1] == 0xA0, upper - 2 >= lower, bytes[upper - 2] == 0xC2 { upper -= 2 } else { break }
        }
        let tick = UInt8(ascii: "`")
        func ticks(at i: Int) -> Int {
            var n = 0
            while i + n < upper, bytes[i + n] == tick { n += 1 }
            return n
        }
        func ticksBefore(_ i: Int) -> Int {
            var n = 0
            while i - n - 1 >= lower, bytes[i - n - 1] == tick { n += 1 }
            return n
        }
        let open = ticks(at: lower)
        if open == upper - lower { return (upper..<upper, nil) }  // nothing but backticks
        guard open == 1 || open == 3 else { return (lower..<upper, nil) }
        let close = ticksBefore(upper)
        let closed = close >= open && upper - lower >= 2 * open
        var contentStart = lower + open
        // Opened and never closed: reported, and what follows the ticks is read.
        let contentEnd = closed ? upper - open : upper
        if open == 3 {
            // A language tag alone on the fence's line: ```bash
            var i = contentStart
            while i < contentEnd, isTagByte(bytes[i]) { i += 1 }
            if i < contentEnd, bytes[i] == UInt8(ascii: "\n") || bytes[i] == UInt8(ascii: "\r") {
                contentStart = i
            }
        }
        guard contentStart <= contentEnd else { return (lower..<upper, nil) }
        return (contentStart..<contentEnd, closed ? nil : lower..<(lower + open))
    }

    private static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
    }

    private static func isTagByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x5F
    }
}
