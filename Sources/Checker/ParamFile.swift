import Foundation

/// `file://PATH` (the file's text) and `fileb://PATH` (its bytes), as the AWS
/// CLI reads them: `~` and `$VARIABLES` in the path are expanded, text is
/// UTF-8 with line endings made `\n`. Relative paths start at the context's
/// base folder; a message from a chat channel may not read files at all.
enum ParamFile {
    enum Contents {
        case text(String)
        case bytes([UInt8])
    }

    struct Failure: Error {
        var code: DiagnosticCode
        var message: String
        var suggestion: String?
    }

    /// Whether a value names a file.
    static func isReference(_ value: String) -> Bool {
        value.hasPrefix("file://") || value.hasPrefix("fileb://")
    }

    /// The contents of the file a value names, or nil when it names none.
    static func load(_ value: String, origin: CheckContext.Origin) throws(Failure) -> Contents? {
        let binary: Bool
        let path: String
        if value.hasPrefix("fileb://") {
            binary = true
            path = String(value.dropFirst(8))
        } else if value.hasPrefix("file://") {
            binary = false
            path = String(value.dropFirst(7))
        } else {
            return nil
        }
        guard let base = origin.baseDirectory else {
            throw Failure(code: .fileNotAllowed,
                          message: "a message from a chat channel cannot read local files (\(binary ? "fileb" : "file")://)",
                          suggestion: "write the value itself in the message, or run the command from a runbook or the REPL")
        }
        let full = resolve(expand(path), base: base)
        guard let data = FileManager.default.contents(atPath: full) else {
            throw Failure(code: .fileUnreadable, message: "cannot read \(full): no such file or not readable")
        }
        let bytes = [UInt8](data)
        if binary { return .bytes(bytes) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw Failure(code: .fileNotText, message: "\(full) is not UTF-8 text",
                          suggestion: "use fileb:// for a binary file")
        }
        return .text(universalNewlines(text))
    }

    /// `~` at the start, then `$NAME` and `${NAME}` (unknown ones stay, as in Python).
    static func expand(_ path: String) -> String {
        var p = path
        let environment = ProcessInfo.processInfo.environment
        if p == "~" || p.hasPrefix("~/"), let home = environment["HOME"] {
            p = home + p.dropFirst()
        }
        guard p.contains("$") else { return p }
        var out = ""
        var i = p.startIndex
        while i < p.endIndex {
            let c = p[i]
            guard c == "$" else {
                out.append(c)
                i = p.index(after: i)
                continue
            }
            var j = p.index(after: i)
            var braced = false
            if j < p.endIndex, p[j] == "{" {
                braced = true
                j = p.index(after: j)
            }
            let nameStart = j
            while j < p.endIndex, p[j].isLetter || p[j].isNumber || p[j] == "_" { j = p.index(after: j) }
            let name = String(p[nameStart..<j])
            var end = j
            if braced {
                guard j < p.endIndex, p[j] == "}" else { out.append(c); i = p.index(after: i); continue }
                end = p.index(after: j)
            }
            if !name.isEmpty, let value = environment[name] {
                out += value
            } else {
                out += p[i..<end]
            }
            i = end
        }
        return out
    }

    static func resolve(_ path: String, base: String) -> String {
        if path.hasPrefix("/") || base.isEmpty { return path }
        return base.hasSuffix("/") ? base + path : base + "/" + path
    }

    /// Python's text mode: `\r\n` and `\r` read as `\n`.
    static func universalNewlines(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
