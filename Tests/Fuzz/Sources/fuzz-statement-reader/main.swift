import FuzzSupport
import Syntax

/// A runbook read as `incident-chat run` reads it: line by line, a statement
/// at a time. The chunks put back together are the input, each starts on the
/// line it says, its diagnostics are inside it; and a runbook that parses
/// whole without an error reads into the same statements.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStatementReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = bytes(data, size)
    var reader = StatementReader(name: "runbook.chat", bytes: input)
    var joined: [UInt8] = []
    var statements: [String] = []
    var readerHasErrors = false
    while let (file, script, diagnostics) = reader.next() {
        let linesBefore = joined.lazy.filter { $0 == 0x0A }.count
        guard file.firstLine == linesBefore + 1 else {
            fatalError("a chunk says it starts on line \(file.firstLine), but \(linesBefore) lines came before it")
        }
        checkDiagnostics(diagnostics, in: file)
        readerHasErrors = readerHasErrors || diagnostics.hasErrors
        statements += script.statements.map { Printer.print($0) }
        joined += file.bytes
    }
    guard joined == input else { fatalError("the chunks are not the input: \(joined.count) bytes of \(input.count)") }
    let whole = Parser.parseScript(SourceFile(name: "runbook.chat", bytes: input))
    if !whole.diagnostics.hasErrors {
        guard !readerHasErrors else { fatalError("the runbook parses whole, but not statement by statement") }
        let expected = whole.script.statements.map { Printer.print($0) }
        guard statements == expected else { fatalError("read \(statements), parsed whole \(expected)") }
    }
    return 0
}

@main
enum FuzzStatementReaderMain {
    static func main() { runFuzzer(fuzzStatementReader) }
}
