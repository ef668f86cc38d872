import FuzzSupport
@testable import Checker

/// The checker's JSON reader (Python's `json.loads` rules). Error offsets lie inside the text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONChecker(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: bytes(data, size), as: UTF8.self)
    if case .failure(let failure) = JSONInput.read(text) {
        guard 0 <= failure.offset, failure.offset <= text.utf8.count else {
            fatalError("JSON error at \(failure.offset), outside 0...\(text.utf8.count): \(failure.message)")
        }
    }
    return 0
}

@main
enum FuzzJSONCheckerMain {
    static func main() { runFuzzer(fuzzJSONChecker) }
}
