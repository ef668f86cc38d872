import Foundation

/// The release build of the executable, beside this benchmark.
let incidentChat = packageRoot.appendingPathComponent(".build/release/incident-chat").path

/// Runs a program to its end; returns the wall time in seconds. Output goes
/// to /dev/null. (posix_spawn and waitpid: Foundation's `Process` polls for the
/// child's end in steps of tens of milliseconds, which would swamp a start-up figure.)
@discardableResult
func timeProcess(_ path: String, _ arguments: [String], environment: [String: String]? = nil) throws -> Double {
    try measureProcess(path, arguments, environment: environment).seconds
}

/// Runs a program to its end, as `timeProcess` does; returns the wall time in
/// seconds and the child's own peak resident memory in bytes (from `wait4`,
/// so that each run's peak is its own, not the largest of every child so far).
func measureProcess(_ path: String, _ arguments: [String], environment: [String: String]? = nil) throws
    -> (seconds: Double, peakBytes: Int) {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    for fd: Int32 in [0, 1, 2] {
        posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
    }
    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    let env = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { env.forEach { free($0) } }
    var pid = pid_t()
    let start = ContinuousClock.now
    let spawned = posix_spawn(&pid, path, &actions, nil, argv, env)
    guard spawned == 0 else { throw BenchmarkError("cannot start \(path): error \(spawned)") }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
    let elapsed = start.duration(to: .now)
    guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
        throw BenchmarkError("\(path) \(arguments.prefix(3).joined(separator: " ")) failed (status \(status))")
    }
    return (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18, usage.ru_maxrss * 1024)
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
