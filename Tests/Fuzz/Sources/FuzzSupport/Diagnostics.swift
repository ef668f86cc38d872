import Syntax

/// Renders every diagnostic and stops the fuzzer when one points outside the
/// input, has its end before its start, or names a line and column that are
/// not those of its offset.
public func checkDiagnostics(_ diagnostics: [Diagnostic], in file: SourceFile) {
    let renderer = DiagnosticRenderer()
    for diagnostic in diagnostics {
        let range = diagnostic.range
        guard 0 <= range.start.offset, range.start.offset <= range.end.offset, range.end.offset <= file.bytes.count else {
            fatalError("diagnostic \(diagnostic.code) at \(range.start.offset)..<\(range.end.offset) outside 0..<\(file.bytes.count)")
        }
        for location in [range.start, range.end] where location != file.location(of: location.offset) {
            fatalError("diagnostic \(diagnostic.code): \(location) is not the line and column of offset \(location.offset) (\(file.location(of: location.offset)))")
        }
        let text = renderer.render(diagnostic, in: file)
        guard text.hasPrefix("\(file.name):\(range.start.line):\(range.start.column): ") else {
            fatalError("diagnostic \(diagnostic.code) rendered as \(text.debugDescription)")
        }
    }
}

/// libFuzzer's input as bytes.
public func bytes(_ data: UnsafePointer<UInt8>?, _ count: Int) -> [UInt8] {
    guard let data, count > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: count))
}
