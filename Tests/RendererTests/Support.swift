import Foundation
import JMESPath

/// A small deterministic generator (SplitMix64), so that generated documents repeat exactly.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    mutating func pick<T>(_ choices: [T]) -> T { choices[below(choices.count)] }
}

/// Byte equality: `String ==` would also accept canonically equivalent text.
func sameBytes(_ a: String, _ b: String) -> Bool { a.utf8.elementsEqual(b.utf8) }

/// The first line where two texts differ, for a readable failure.
func firstDifference(expected: String, actual: String) -> String {
    let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
    for i in 0..<max(a.count, b.count) {
        let x = i < a.count ? String(a[i]) : "<end>", y = i < b.count ? String(b[i]) : "<end>"
        if !sameBytes(x, y) { return "line \(i + 1): expected \(x.debugDescription), got \(y.debugDescription)" }
    }
    return "same lines, different bytes"
}

enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// Compares text with a golden file, or rewrites it when UPDATE_GOLDEN=1; nil when they agree.
    static func check(_ text: String, _ name: String) throws -> String? {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return nil
        }
        guard let data = try? Data(contentsOf: url) else { return "missing golden file \(name) (run with UPDATE_GOLDEN=1)" }
        let expected = String(decoding: data, as: UTF8.self)
        return sameBytes(expected, text) ? nil : "\(name): " + firstDifference(expected: expected, actual: text)
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
