import Foundation

/// One line of the table: our throughput beside the anchor's (the reference tool doing the
/// same work in the same run).
struct Figure {
    var name: String
    /// Operations per second here.
    var ours: Double
    /// Operations per second of the anchor, when it could be measured.
    var anchor: Double?
    /// What the anchor is (`python jmespath 1.1.0`).
    var anchorName: String
    /// What one "operation" is: `ops/s` by default, `B/s` for throughput in bytes.
    var unit: String = "ops/s"

    /// How many times faster than the anchor.
    var ratio: Double? { anchor.map { ours / $0 } }
}

extension Figure {
    /// A figure measured as a latency (seconds per operation), printed in ms.
    init(name: String, seconds: Double, anchorSeconds: Double?, anchorName: String) {
        self.init(name: name, ours: 1 / seconds, anchor: anchorSeconds.map { 1 / $0 }, anchorName: anchorName, unit: "ms")
    }
}

/// Seconds per call of `body`, measured over batches for about `budget` seconds.
func secondsPerOperation(budget: Double = 0.2, _ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    var batch = 1
    var total = 0.0
    var operations = 0
    for _ in 0..<10 { try body() }  // warm up
    while total < budget {
        let start = clock.now
        for _ in 0..<batch { try body() }
        let elapsed = start.duration(to: clock.now)
        total += Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        operations += batch
        batch = min(batch * 2, 1 << 20)
    }
    return total / Double(operations)
}

/// Keeps a result alive so that the optimizer cannot drop the work that made it.
@inline(never)
func consume<T>(_ value: T) {
    withExtendedLifetime(value) {}
}

/// The package's root folder (where Package.swift is), found from this source file.
let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Runs `python3` with `arguments` and returns its standard output; throws on failure.
func runPython(_ arguments: [String]) throws -> Data {
    try runProgram("python3", arguments)
}

/// Runs a program found on the PATH and returns its standard output; throws on failure.
func runProgram(_ name: String, _ arguments: [String]) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [name] + arguments
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw BenchmarkError("\(name) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
    }
    return data
}

struct BenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

func formatRate(_ opsPerSecond: Double, unit: String = "ops/s") -> String {
    if unit == "ms" { return String(format: "%.3f ms", 1000 / opsPerSecond) }
    return switch opsPerSecond {
    case 1e6...: String(format: "%.2f M \(unit)", opsPerSecond / 1e6)
    case 1e3...: String(format: "%.1f k \(unit)", opsPerSecond / 1e3)
    default: String(format: "%.1f \(unit)", opsPerSecond)
    }
}

func printTable(_ figures: [Figure]) {
    let rows = [["figure", "ours", "anchor", "ratio"]] + figures.map { figure in
        [
            figure.name,
            formatRate(figure.ours, unit: figure.unit),
            figure.anchor.map { "\(figure.anchorName): \(formatRate($0, unit: figure.unit))" } ?? "\(figure.anchorName): n/a",
            figure.ratio.map { String(format: "%.1f×", $0) } ?? "n/a",
        ]
    }
    let widths = (0..<4).map { column in rows.map { $0[column].count }.max() ?? 0 }
    for (i, row) in rows.enumerated() {
        let cells = row.enumerated().map { column, cell in
            column == 0 ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                : String(repeating: " ", count: widths[column] - cell.count) + cell
        }
        print(cells.joined(separator: "  "))
        if i == 0 { print(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
    }
}
