import Checker
import FuzzSupport
import Interpreter
import Syntax

/// A runbook parsed whole, then read and checked a statement at a time as
/// `check` and `run --dry-run` do (bindings taken on trust). Chat origin and
/// no environment: fuzz bytes must not read files or variables.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRunbook(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = bytes(data, size)
    let file = SourceFile(name: "runbook.chat", bytes: input)
    let (script, diagnostics) = Parser.parseScript(file)
    checkDiagnostics(diagnostics, in: file)
    guard !script.statements.isEmpty else { return 0 }
    var start = 0
    let source = RunbookRunner.Source(name: "runbook.chat", size: input.count, baseDirectory: "/nonexistent") {
        guard start < input.count else { return nil }
        let end = input[start...].firstIndex(of: 0x0A).map { $0 + 1 } ?? input.count
        defer { start = end }
        return Array(input[start..<end])
    }
    let check = RunbookCheck([source], environment: nil, origin: .chat)
    while let entry = check.next() {
        checkDiagnostics(entry.diagnostics, in: entry.file)
    }
    return 0
}

@main
enum FuzzRunbookMain {
    static func main() { runFuzzer(fuzzRunbook) }
}
