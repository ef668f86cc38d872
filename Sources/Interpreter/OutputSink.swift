import Foundation

/// Where a session's output goes: standard output and error, or a buffer
/// (golden transcripts, tests).
public protocol OutputSink: AnyObject {
    func output(_ text: String)
    func error(_ text: String)
}

/// Standard output and standard error.
public final class StandardSink: OutputSink {
    public init() {}
    public func output(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }
    public func error(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}

/// Keeps everything in one transcript, errors interleaved where they happened.
public final class TranscriptSink: OutputSink {
    public private(set) var transcript = ""
    public init() {}
    public func output(_ text: String) { transcript += text }
    public func error(_ text: String) { transcript += text }
}
