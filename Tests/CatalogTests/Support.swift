import Foundation
import TestSupport

/// Paths and helpers shared by the catalog tests.
enum Support {
    /// The package's root folder.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let golden: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// Runs python3 with a script; nil when python3 is missing or the script fails.
    static func python(_ script: String, arguments: [String] = []) -> (status: Int32, output: String)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        process.currentDirectoryURL = root
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Whether the pinned botocore can be imported here.
    static let hasPinnedBotocore: Bool = {
        guard let result = python("import botocore; print(botocore.__version__)") else { return false }
        return result.status == 0 && result.output.trimmingCharacters(in: .whitespacesAndNewlines) == "1.43.11"
    }()

    /// Compares text with a golden file, or rewrites the file when UPDATE_GOLDEN=1.
    /// Returns nil when they agree, else a description of the first difference.
    static func checkGolden(_ text: String, _ name: String) throws -> String? {
        try Golden.check(text, at: golden.appendingPathComponent(name))
    }
}
