import Foundation
import TestSupport

/// Paths and helpers shared by the channel tests.
enum Support {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let golden = here.appendingPathComponent("Golden")

    /// Compares text with a golden file, or rewrites the file when UPDATE_GOLDEN=1.
    /// Returns nil when they agree, else a description of the first difference.
    static func checkGolden(_ text: String, _ name: String) throws -> String? {
        try Golden.check(text, at: golden.appendingPathComponent(name))
    }

    /// A fresh temporary folder.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("channel-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
