import Foundation
import JMESPath
import TestSupport

enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// Compares text with a golden file, or rewrites it when UPDATE_GOLDEN=1; nil when they agree.
    static func check(_ text: String, _ name: String) throws -> String? {
        try TestSupport.Golden.check(text, at: directory.appendingPathComponent(name))
    }
}

/// The installed AWS CLI's formatters, run in one python3 process for a batch of cases.
enum AWSCLIReference {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scripts/awscli-output-reference.py")

    static let isAvailable: Bool = {
        let available = (try? python(["-c", "import awscli.formatter, awscli.table, colorama, jmespath"]).status) == 0
        if !available { print("notice: python3 or its awscli package is missing; the AWS CLI differential tests are skipped") }
        return available
    }()

    struct Case: Sendable {
        var name: String
        var document: JSONValue
        var title: String
        var format: String
        var color = false
        var width = 80
    }

    /// The CLI's output for each case, or the error it failed with.
    static func run(_ cases: [Case]) throws -> [Result<String, ReferenceError>] {
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("renderer-differential-\(UInt64.random(in: 0...UInt64.max)).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        var lines = ""
        for c in cases {
            let line: JSONValue = ["document": c.document, "title": .string(c.title), "format": .string(c.format),
                                   "color": c.color ? "on" : "off", "width": .number(Double(c.width))]
            lines += line.serialized(.compact) + "\n"
        }
        try lines.write(to: file, atomically: true, encoding: .utf8)
        let (status, output) = try python([script.path, file.path])
        guard status == 0 else { throw ReferenceError(message: "python exited with status \(status)") }
        return try String(decoding: output, as: UTF8.self).split(separator: "\n").map { line in
            let answer = try JSONValue(parsing: String(line))
            if let text = answer["output"]?.string { return .success(text) }
            return .failure(ReferenceError(message: answer["error"]?.string ?? "no answer"))
        }
    }

    static func python(_ arguments: [String]) throws -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}

struct ReferenceError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
