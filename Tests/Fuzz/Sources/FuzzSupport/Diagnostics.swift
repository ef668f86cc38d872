import Syntax

/// Renders every diagnostic and stops the fuzzer when one points outside the
/// input, has its end before its start, or names a line and column that are
/// not those of its offset.
public func checkDiagnostics(_ diagnostics: [Diagnostic], in file: SourceFile) {
    guard !diagnostics.isEmpty else { return }
    let renderer = DiagnosticRenderer()
    // The location of every offset, counted once as `SourceFile.location(of:)`
    // counts (which is linear: hundreds of diagnostics made it the fuzzer's
    // bottleneck); the first diagnostic is checked against it too.
    var locations: [SourceLocation] = []
    locations.reserveCapacity(file.bytes.count + 1)
    var line = file.firstLine, column = 1
    for (offset, byte) in file.bytes.enumerated() {
        locations.append(SourceLocation(offset: offset, line: line, column: column))
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }
    locations.append(SourceLocation(offset: file.bytes.count, line: line, column: column))
    let first = diagnostics[0].range.start.offset
    if 0 <= first, first <= file.bytes.count, file.location(of: first) != locations[first] {
        fatalError("SourceFile.location(of: \(first)) is \(file.location(of: first)), counted \(locations[first])")
    }
    for diagnostic in diagnostics {
        let range = diagnostic.range
        guard 0 <= range.start.offset, range.start.offset <= range.end.offset, range.end.offset <= file.bytes.count else {
            fatalError("diagnostic \(diagnostic.code) at \(range.start.offset)..<\(range.end.offset) outside 0..<\(file.bytes.count)")
        }
        for location in [range.start, range.end] where location != locations[location.offset] {
            fatalError("diagnostic \(diagnostic.code): \(location) is not the line and column of offset \(location.offset) (\(locations[location.offset]))")
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
