import Foundation

/// Paths and helpers shared by the channel tests.
enum Support {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let golden = here.appendingPathComponent("Golden")

    /// Compares text with a golden file, or rewrites the file when UPDATE_GOLDEN=1.
    /// Returns nil when they agree, else a description of the first difference.
    static func checkGolden(_ text: String, _ name: String) throws -> String? {
        let url = golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return nil
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return "missing golden file \(name) (run with UPDATE_GOLDEN=1)"
        }
        if expected == text { return nil }
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = text.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(a.count, b.count) {
            let x = i < a.count ? String(a[i]) : "<end>", y = i < b.count ? String(b[i]) : "<end>"
            if x != y { return "\(name):\(i + 1): expected \(x.debugDescription), got \(y.debugDescription)" }
        }
        return "\(name) differs"
    }

    /// A fresh temporary folder.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("channel-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
