import Catalog
import Checker
import FuzzSupport
import Syntax

/// A chat message parsed, then checked against the catalog (no files, no references).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzChecker(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let file = SourceFile(name: SourceFile.chatName, bytes: bytes(data, size))
    let (command, diagnostics) = Parser.parseMessage(file)
    checkDiagnostics(diagnostics, in: file)
    guard let command else { return 0 }
    let result = Checker(catalog: .shared).check(command, in: file, context: .chat)
    checkDiagnostics(result.diagnostics, in: file)
    return 0
}

@main
enum FuzzCheckerMain {
    static func main() { runFuzzer(fuzzChecker) }
}
