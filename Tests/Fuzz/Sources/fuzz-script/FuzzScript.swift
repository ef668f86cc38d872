import FuzzSupport
import Syntax

/// A runbook: lexer and parser in script mode; every diagnostic rendered and inside the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScript(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let file = SourceFile(name: "runbook.chat", bytes: bytes(data, size))
    let (script, diagnostics) = Parser.parseScript(file)
    checkDiagnostics(diagnostics, in: file)
    for statement in script.statements {
        let range = statement.range
        guard 0 <= range.start.offset, range.start.offset <= range.end.offset, range.end.offset <= file.bytes.count else {
            fatalError("statement at \(range.start.offset)..<\(range.end.offset) outside 0..<\(file.bytes.count)")
        }
    }
    _ = Printer.print(script)
    return 0
}

@main
enum FuzzScriptMain {
    static func main() { runFuzzer(fuzzScript) }
}
