import Syntax
import YAMLBounds
import Yams

extension SourceFile {
    /// The location of a 1-based line and a 1-based column counted in Unicode
    /// scalars (as libyaml counts them), clamped to the file.
    func location(line: Int, column: Int) -> SourceLocation {
        let offset = YAMLBounds.offset(line: line, column: column, in: bytes)
        // The line and column of that offset as every diagnostic counts them (a stray
        // continuation byte is no column of its own there; a mark past the last line,
        // libyaml's at the end of a file without a final newline, is the file's end).
        return location(of: offset)
    }

    /// The range a YAML node covers as far as a diagnostic needs: a scalar's
    /// text on its line, or an empty range at a collection's start.
    func range(of node: Node) -> SourceRange {
        guard let mark = node.mark else { return SourceRange(at: location(line: 1, column: 1)) }
        let start = location(line: mark.line, column: mark.column)
        guard case .scalar(let scalar) = node else { return SourceRange(at: start) }
        // Stop at the end of the line: multi-line scalars point at their first line.
        var end = start.offset
        var width = scalar.string.unicodeScalars.count
        if scalar.style == .singleQuoted || scalar.style == .doubleQuoted { width += 2 }
        while width > 0 && end < bytes.count && bytes[end] != UInt8(ascii: "\n") {
            end += 1
            while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
            width -= 1
        }
        return SourceRange(start: start, end: location(of: end))
    }
}
