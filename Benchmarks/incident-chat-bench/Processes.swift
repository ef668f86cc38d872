import Foundation

/// The release build of the executable, beside this benchmark.
let incidentChat = packageRoot.appendingPathComponent(".build/release/incident-chat").path

/// Runs a program to its end; returns the wall time in seconds. Output is discarded.
@discardableResult
func timeProcess(_ path: String, _ arguments: [String], environment: [String: String]? = nil,
                 standardInput: FileHandle? = nil) throws -> Double {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    if let environment { process.environment = environment }
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    process.standardInput = standardInput ?? FileHandle.nullDevice
    let start = ContinuousClock.now
    try process.run()
    process.waitUntilExit()
    let elapsed = start.duration(to: .now)
    guard process.terminationStatus == 0 else {
        throw BenchmarkError("\(path) \(arguments.prefix(3).joined(separator: " ")) exited with \(process.terminationStatus)")
    }
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
}

/// The largest resident set of any child process waited for so far, in bytes.
func childrenPeakMemory() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    return usage.ru_maxrss * 1024
}

/// The median of several runs.
func median(_ runs: Int, _ body: () throws -> Double) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<runs { times.append(try body()) }
    return times.sorted()[times.count / 2]
}

/// Holds the result of async work for the thread that waits for it.
private final class ResultBox<T>: @unchecked Sendable {
    var result: Result<T, Error>?
}

/// Runs async work from the synchronous benchmark harness.
func blocking<T>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
        done.signal()
    }
    done.wait()
    return try box.result!.get()
}

/// A temporary folder for one benchmark.
func temporaryFolder(_ name: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("incident-chat-bench-\(name)-\(getpid())")
    try? FileManager.default.removeItem(at: url)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
