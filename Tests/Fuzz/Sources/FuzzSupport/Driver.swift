import CFuzzer
#if canImport(Glibc)
import Glibc
#endif

/// Runs libFuzzer on one target with the process's arguments (corpus folders,
/// `-max_total_time=...`), then exits with its status.
public func runFuzzer(_ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, test))
}
