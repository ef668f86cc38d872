/// Text from the store as text in each format: markup in an event comes out
/// as the characters it is made of, never interpreted.
public enum Escaping {
    /// For HTML and SVG (XML) text and attribute values.
    public static func markup(_ text: String) -> String {
        // Most text has nothing to escape: it is returned as it is.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<")
            || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }) {
            return text
        }
        return escaped(text) { scalar, _ in
            switch scalar {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": "&quot;"
            case "'": "&#39;"
            // Control characters are not XML; they are shown by their code.
            case "\n", "\t": nil
            default: scalar.value < 0x20 || scalar.value == 0x7F ? code(scalar) : nil
            }
        }
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
