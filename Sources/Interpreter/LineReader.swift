import Foundation

extension RunbookRunner.Source {
    /// A runbook file (`-`: standard input), read a line at a time through a
    /// buffer, so that a long runbook is never held whole; nil when it cannot be opened.
    public init?(path: String) {
        guard let reader = LineReader(path: path) else { return nil }
        let base = path == "-" ? FileManager.default.currentDirectoryPath : (path as NSString).deletingLastPathComponent
        self.init(name: path == "-" ? "<stdin>" : path, size: reader.size, baseDirectory: base.isEmpty ? "." : base,
                  nextLine: reader.next)
    }
}

/// Reads a file line by line through a buffer, so a long runbook is never held whole.
final class LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    let size: Int?

    init?(path: String) {
        if path == "-" {
            handle = FileHandle.standardInput
            size = nil
        } else {
            guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
            self.handle = handle
            size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        }
    }

    /// The next line with its line break, or nil at the end.
    func next() -> [UInt8]? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                let line = Array(buffer[start...newline])
                start = newline + 1
                return line
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                let line = Array(buffer[start...])
                start = buffer.count
                return line
            }
            buffer.removeSubrange(0..<start)
            start = 0
            let chunk = handle.readData(ofLength: 1 << 16)
            if chunk.isEmpty { atEnd = true } else { buffer += chunk }
        }
    }
}
