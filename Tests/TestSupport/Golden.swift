import Foundation

/// Golden files: text compared byte for byte with a file in the repository,
/// or written to it when `UPDATE_GOLDEN=1` (`make golden`; `git diff` then
/// shows what changed).
public enum Golden {
    /// Whether this run rewrites golden files instead of comparing.
    public static var isUpdating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" }

    /// nil when `text` is the file's content (or the file was rewritten), else
    /// the first line that differs.
    public static func check(_ text: String, at url: URL) throws -> String? {
        let name = url.lastPathComponent
        if isUpdating {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return nil
        }
        guard let data = try? Data(contentsOf: url) else { return "missing golden file \(name) (run with UPDATE_GOLDEN=1)" }
        let expected = String(decoding: data, as: UTF8.self)
        if Array(expected.utf8) == Array(text.utf8) { return nil }
        return "\(name): " + firstDifference(expected: expected, actual: text)
    }

    /// The first line where two texts differ, bytes compared (a string's `==`
    /// takes canonically equivalent text as equal; golden files do not).
    public static func firstDifference(expected: String, actual: String) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(a.count, b.count) {
            let x = i < a.count ? String(a[i]) : "<end>", y = i < b.count ? String(b[i]) : "<end>"
            if Array(x.utf8) != Array(y.utf8) { return "line \(i + 1): expected \(x.debugDescription), got \(y.debugDescription)" }
        }
        return "same lines, different bytes"
    }
}
