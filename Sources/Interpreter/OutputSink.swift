import Foundation

/// Where a session's output goes: standard output and error, or a buffer
/// (golden transcripts, tests).
public protocol OutputSink: AnyObject {
    func output(_ text: String)
    func error(_ text: String)
}

/// Standard output and standard error.
///
/// Buffered, standard output is gathered and written in large blocks: a
/// runbook's results would otherwise cost a `write` system call per command.
/// Standard error is never held back, and
/// what standard output holds is written before it, so the two streams
/// still interleave in the order things happened.
public final class StandardSink: OutputSink {
    /// Whether standard output is held (see `init(buffered:)`); turning it
    /// off writes what is held.
    public var buffered: Bool {
        didSet { if !buffered { flush() } }
    }
    private var pending: [UInt8] = []
    /// Written out once this much is gathered.
    private static let blockSize = 1 << 16

    /// `buffered`: hold standard output until a block is full, an error is
    /// written or `flush()` is called (for output that no one watches live,
    /// such as a runbook's into a file or a pipe).
    public init(buffered: Bool = false) {
        self.buffered = buffered
        if buffered { pending.reserveCapacity(Self.blockSize + 4096) }
    }

    deinit { flush() }

    public func output(_ text: String) {
        guard buffered else { return Self.emit(text, to: 1) }
        pending.append(contentsOf: text.utf8)
        if pending.count >= Self.blockSize { flush() }
    }

    public func error(_ text: String) {
        flush()
        Self.emit(text, to: 2)
    }

    /// Writes what standard output holds.
    public func flush() {
        guard !pending.isEmpty else { return }
        pending.withUnsafeBytes { Self.emit($0, to: 1) }
        pending.removeAll(keepingCapacity: true)
    }

    private static func emit(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { emit(UnsafeRawBufferPointer($0), to: descriptor) }
    }

    /// Writes all of `bytes`, across short writes and interruptions; a
    /// closed stream (EPIPE and the like) drops the rest, as `print` would.
    private static func emit(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) {
        guard var address = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let n = write(descriptor, address, left)
            if n < 0 {
                if errno == EINTR { continue }
                return
            }
            address += n
            left -= n
        }
    }
}

/// Keeps everything in one transcript, errors interleaved where they happened.
public final class TranscriptSink: OutputSink {
    public private(set) var transcript = ""
    public init() {}
    public func output(_ text: String) { transcript += text }
    public func error(_ text: String) { transcript += text }
}

/// Keeps a session's output and its errors apart, so that a chat front end
/// can show a result to the channel and a failure to its author alone.
public final class SplitSink: OutputSink {
    public private(set) var printed = ""
    public private(set) var errors = ""
    public init() {}
    public func output(_ text: String) { printed += text }
    public func error(_ text: String) { errors += text }
}
