import Checker
import FuzzSupport
import Interpreter
import MemoryBackend
import Syntax

/// Discards a session's output.
final class NullSink: OutputSink {
    func output(_ text: String) {}
    func error(_ text: String) {}
}

/// A runbook parsed, then each statement checked as `run --dry-run` does
/// (bindings taken on trust). Chat origin: fuzz bytes must not read files.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRunbook(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let file = SourceFile(name: "runbook.chat", bytes: bytes(data, size))
    let (script, diagnostics) = Parser.parseScript(file)
    checkDiagnostics(diagnostics, in: file)
    guard !script.statements.isEmpty else { return 0 }
    let session = try! Session(backend: MemoryBackend(), settings: SessionSettings(), sink: NullSink(), environment: ["HOME": "/home/fuzz"])
    for statement in script.statements {
        _ = session.check(statement, in: file, origin: .chat)
    }
    return 0
}

@main
enum FuzzRunbookMain {
    static func main() { runFuzzer(fuzzRunbook) }
}
