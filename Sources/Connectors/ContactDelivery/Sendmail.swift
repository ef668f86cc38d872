import Foundation

/// Hands one e-mail to the system's `sendmail` interface, as cron does:
/// `sendmail -t` with the message on its standard input, the recipients read
/// from its `To:` header. A program that does not exit within the time limit
/// is killed; exit status 0 is delivered, anything else a failure with the
/// status and the start of what it wrote to its standard error.
struct Sendmail: Sendable {
    let path: String

    /// Runs the program; throws `WebhookUnreachable` (the reason) when it fails or hangs.
    func send(_ message: String, timeout: Duration) async throws(WebhookUnreachable) {
        _ = Self.ignoreBrokenPipes
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-t"]
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        let box = ProcessBox(process)
        let exited = AsyncStream<Int32>.makeStream()
        process.terminationHandler = { exited.continuation.yield($0.terminationStatus); exited.continuation.finish() }
        do {
            try process.run()
        } catch {
            throw WebhookUnreachable("cannot run \(path): \(error.localizedDescription)")
        }
        // The message is small (a page), so it fits the pipe; a program that
        // does not read it still gets killed at the time limit.
        let writing = Task.detached {
            try? input.fileHandleForWriting.write(contentsOf: Data(message.utf8))
            try? input.fileHandleForWriting.close()
        }
        let killer = Task {
            try? await Task.sleep(for: timeout)
            if !Task.isCancelled { box.kill() }
        }
        var status: Int32 = -1
        for await code in exited.stream { status = code }
        killer.cancel()
        writing.cancel()
        let stderr = Self.excerpt(of: errors.fileHandleForReading.fileDescriptor)
        if box.killed { throw WebhookUnreachable("\(path) did not finish within \(timeout) and was killed") }
        guard status == 0 else {
            throw WebhookUnreachable("\(path) -t exited with status \(status)\(stderr.isEmpty ? "" : ": \(stderr)")")
        }
    }
}

extension Sendmail {
    /// A program that exits without reading its input must not stop this
    /// process with SIGPIPE: the write fails instead.
    static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// The start of what is in a pipe now, without waiting for more (a
    /// program's child may hold the pipe open after the program exits).
    static func excerpt(of fd: Int32) -> String {
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        var buffer = [UInt8](repeating: 0, count: 300)
        let n = read(fd, &buffer, buffer.count)
        return String(decoding: buffer.prefix(max(n, 0)), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// The running program, for the task that kills it at the time limit.
private final class ProcessBox: @unchecked Sendable {
    private let process: Process
    private let lock = NSLock()
    private var wasKilled = false

    init(_ process: Process) { self.process = process }

    var killed: Bool { lock.withLock { wasKilled } }

    func kill() {
        lock.withLock {
            guard process.isRunning else { return }
            wasKilled = true
            // Its children too, when it leads a process group of its own.
            let pid = process.processIdentifier
            if getpgid(pid) == pid { Foundation.kill(-pid, SIGKILL) } else { Foundation.kill(pid, SIGKILL) }
        }
    }
}
