import Completion
import CEditLine
import Foundation

/// Line editing with libedit: a prompt, emacs keys, history kept in a file,
/// TAB completion, and Ctrl-C that abandons the line being typed.
public final class LineEditor {
    public enum Input: Equatable {
        case line(String)
        /// Ctrl-C: the line was abandoned.
        case interrupted
        /// Ctrl-D on an empty line, or the end of the input.
        case end
    }

    private let editor: OpaquePointer
    private let historyPath: String?

    /// The editor whose TAB handler runs now (libedit calls back through C).
    nonisolated(unsafe) private static var current: LineEditor?
    private let completer: Completer

    public init(program: String, historyPath: String?, completer: Completer) throws {
        guard let editor = ce_open(program, 1000) else {
            throw EditorError("cannot start line editing on this terminal")
        }
        self.editor = editor
        self.historyPath = historyPath
        self.completer = completer
        if let historyPath {
            try? FileManager.default.createDirectory(atPath: (historyPath as NSString).deletingLastPathComponent,
                                                     withIntermediateDirectories: true)
            _ = ce_history_load(editor, historyPath)
        }
        LineEditor.current = self
        ce_bind(editor, "ic-complete", "Complete the word", "^I") { editor, _ in
            guard let editor, let current = LineEditor.current else { return UInt8(CC_ERROR) }
            return current.complete(editor)
        }
        // libedit's raw mode delivers Ctrl-C as a key: end the line, marked as abandoned.
        ce_bind(editor, "ic-interrupt", "Abandon the line", "^C") { editor, _ in
            guard let editor, let current = LineEditor.current else { return UInt8(CC_ERROR) }
            current.interrupted = true
            // Show ^C where the line was abandoned, as shells do, and end the line.
            ce_show_interrupt(editor)
            return UInt8(CC_NEWLINE)
        }
        Self.installInterruptHandler()
    }

    /// Set by the Ctrl-C key handler for the line being read.
    private var interrupted = false

    deinit {
        ce_close(editor)
    }

    /// Reads one line (without its line break).
    public func read(prompt: String) -> Input {
        ce_set_prompt(editor, prompt)
        var count: Int32 = 0
        interrupted = false
        guard let raw = ce_gets(editor, &count) else {
            if count == -1 { print("^C"); return .interrupted }
            return .end
        }
        if interrupted { return .interrupted }
        var line = String(cString: raw)
        if line.hasSuffix("\n") { line.removeLast() }
        return .line(line)
    }

    /// Adds a line to the history and saves the history file.
    public func remember(_ line: String) {
        guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        ce_history_enter(editor, line)
        if let historyPath { _ = ce_history_save(editor, historyPath) }
    }

    /// The history, oldest first.
    public var history: [String] {
        final class Box { var lines: [String] = [] }
        let box = Box()
        ce_history_each(editor, { line, context in
            guard let line, let context else { return }
            Unmanaged<Box>.fromOpaque(context).takeUnretainedValue().lines.append(String(cString: line))
        }, Unmanaged.passUnretained(box).toOpaque())
        return box.lines
    }

    private func complete(_ editor: OpaquePointer) -> UInt8 {
        var length: Int32 = 0
        var cursor: Int32 = 0
        guard let buffer = ce_line(editor, &length, &cursor) else { return UInt8(CC_ERROR) }
        let bytes = UnsafeRawBufferPointer(start: buffer, count: Int(length))
        let line = String(decoding: bytes, as: UTF8.self)
        let completion = completer.complete(line, cursor: Int(cursor))
        let typed = String(decoding: bytes[completion.start..<Int(cursor)], as: UTF8.self)
        switch completion.candidates.count {
        case 0:
            return UInt8(CC_REFRESH_BEEP)
        case 1:
            replace(typed, with: completion.candidates[0] + (completion.candidates[0].hasSuffix("=") ? "" : " "))
            return UInt8(CC_REFRESH)
        default:
            let common = Self.commonPrefix(completion.candidates)
            if common.count > typed.count, common.hasPrefix(typed) {
                replace(typed, with: common)
                return UInt8(CC_REFRESH)
            }
            print("")
            print(Self.columns(completion.candidates))
            return UInt8(CC_REDISPLAY)
        }
    }

    private func replace(_ typed: String, with text: String) {
        if !typed.isEmpty { ce_delete_before_cursor(editor, Int32(typed.utf8.count)) }
        _ = ce_insert(editor, text)
    }

    static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first else { return "" }
        for word in words.dropFirst() {
            while !word.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }

    /// Candidates laid out in columns of the terminal's width.
    static func columns(_ words: [String], width: Int = terminalWidth()) -> String {
        let cell = (words.map(\.count).max() ?? 0) + 2
        let perRow = max(1, width / max(cell, 1))
        var rows: [String] = []
        var row = ""
        for (i, word) in words.enumerated() {
            row += word.padding(toLength: cell, withPad: " ", startingAt: 0)
            if (i + 1) % perRow == 0 { rows.append(row); row = "" }
        }
        if !row.isEmpty { rows.append(row) }
        return rows.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "\n")
    }

    static func terminalWidth() -> Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    /// SIGINT interrupts the read (no SA_RESTART), so Ctrl-C abandons the line
    /// instead of ending the program.
    private static func installInterruptHandler() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }
}

public struct EditorError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
