import Catalog
@testable import Checker
import Foundation
import Syntax
import TestSupport

/// Helpers shared by the checker tests.
enum Support {
    static let golden: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// Parses one chat message and checks it.
    static func check(_ message: String, context: CheckContext = .chat) -> (result: CheckResult, file: SourceFile) {
        let file = SourceFile(name: SourceFile.chatName, text: message)
        let (command, parseDiagnostics) = Parser.parseMessage(file)
        guard let command else { return (CheckResult(command: nil, diagnostics: parseDiagnostics), file) }
        var result = Checker().check(command, in: file, context: context)
        result.diagnostics = parseDiagnostics + result.diagnostics
        return (result, file)
    }

    /// The request's input as compact JSON, or nil when the command did not check.
    static func input(_ message: String, context: CheckContext = .chat) -> String? {
        check(message, context: context).result.command.map { RequestJSON.json($0.request).compact }
    }

    /// The codes of the diagnostics, in order.
    static func codes(_ message: String, context: CheckContext = .chat) -> [String] {
        check(message, context: context).result.diagnostics.map(\.code)
    }

    /// A script context whose files are relative to `base`.
    static func script(_ base: String = NSTemporaryDirectory()) -> CheckContext {
        CheckContext(origin: .script(baseDirectory: base))
    }

    /// Writes a temporary file and returns its path.
    static func temporaryFile(_ contents: [UInt8], name: String = UUID().uuidString) throws -> String {
        let path = NSTemporaryDirectory() + "/checker-test-" + name
        try Data(contents).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Runs python3 with a script and standard input; nil when python3 or a module is missing.
    static func python(_ script: String, input: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try? stdin.fileHandleForWriting.close()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }

    /// Compares text with a golden file, or rewrites it when UPDATE_GOLDEN=1;
    /// nil when they agree, else the first differing line.
    static func checkGolden(_ text: String, _ name: String) throws -> String? {
        try Golden.check(text, at: golden.appendingPathComponent(name))
    }
}

let arn = "arn:aws:ssm-incidents::111122223333:incident-record/db/6cc4"
