import FuzzSupport
import Constraints

/// The service models' regular expressions: the text before the first NUL is
/// the pattern, the rest the subject. Matching must finish (no exponential
/// backtracking) and never read outside the subject.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPattern(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = bytes(data, size)
    let split = input.firstIndex(of: 0) ?? input.count
    let source = String(decoding: input[..<split], as: UTF8.self)
    let subject = String(decoding: input[min(split + 1, input.count)...], as: UTF8.self)
    guard let pattern = try? Pattern(source) else { return 0 }
    _ = pattern.matches(subject)
    return 0
}

@main
enum FuzzPatternMain {
    static func main() { runFuzzer(fuzzPattern) }
}
