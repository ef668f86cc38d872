/// Text from the store as text in each format: markup in an event comes out
/// as the characters it is made of, never interpreted.
public enum Escaping {
    /// For HTML and SVG (XML) text and attribute values.
    public static func markup(_ text: String) -> String {
        let bytes = text.utf8
        // Most text has nothing to escape: it is returned as it is.
        guard bytes.contains(where: needsMarkupEscape) else { return text }
        // Everything replaced is ASCII, so the text is rewritten a byte at a
        // time; the bytes of other characters are copied as they are.
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "<"): out += "&lt;".utf8
            case UInt8(ascii: ">"): out += "&gt;".utf8
            case UInt8(ascii: "\""): out += "&quot;".utf8
            case UInt8(ascii: "'"): out += "&#39;".utf8
            case UInt8(ascii: "\n"), UInt8(ascii: "\t"): out.append(byte)
            // Control characters are not XML; they are shown by their code.
            case ..<0x20, 0x7F: out += code(Unicode.Scalar(byte)).utf8
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func needsMarkupEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    /// For Markdown, on one line (a table cell, a list item): every character
    /// Markdown gives a meaning is escaped, `<`, `>` and `&` as entities, and
    /// line breaks become spaces.
    public static func markdown(_ text: String) -> String {
        escaped(text) { scalar, index in
            switch scalar {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\n", "\r", "\t": " "
            case "\\", "`", "*", "_", "{", "}", "[", "]", "!", "|", "~", "@": "\\" + String(scalar)
            // What starts a heading or a list, only at the start of the text.
            case "#", "+", "-", ".", "=": index == 0 ? "\\" + String(scalar) : nil
            default: scalar.value < 0x20 || scalar.value == 0x7F ? "\\" + code(scalar) : nil
            }
        }
    }

    /// For a terminal, on one line: control characters (escape sequences
    /// among them) are shown by their code, line breaks as `⏎`.
    public static func terminal(_ text: String) -> String {
        escaped(text) { scalar, _ in
            if scalar == "\n" { return " ⏎ " }
            return scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) ? code(scalar) : nil
        }
    }

    /// `\u{1b}`.
    static func code(_ scalar: Unicode.Scalar) -> String { "\\u{\(String(scalar.value, radix: 16))}" }

    /// `text` with each scalar that `replace` gives a replacement for replaced.
    static func escaped(_ text: String, _ replace: (Unicode.Scalar, Int) -> String?) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for (index, scalar) in text.unicodeScalars.enumerated() {
            if let replacement = replace(scalar, index) { out += replacement } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
