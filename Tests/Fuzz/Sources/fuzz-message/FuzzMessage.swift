import FuzzSupport
import Syntax

/// One chat message: lexer and parser; every diagnostic rendered and inside the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMessage(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let file = SourceFile(name: SourceFile.chatName, bytes: bytes(data, size))
    let (command, diagnostics) = Parser.parseMessage(file)
    checkDiagnostics(diagnostics, in: file)
    if let command {
        _ = Printer.print(command)
        _ = TreeDump(ranges: true).text(command)
    }
    return 0
}

@main
enum FuzzMessageMain {
    static func main() { runFuzzer(fuzzMessage) }
}
