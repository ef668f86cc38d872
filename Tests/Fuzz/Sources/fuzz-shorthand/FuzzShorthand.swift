import FuzzSupport
@testable import Checker

/// The AWS CLI shorthand syntax (`key=value,list=[a,b],nested={k=v}`); `@=`
/// file values are refused, never read. Error offsets lie inside the text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzShorthand(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: bytes(data, size), as: UTF8.self)
    do {
        _ = try ShorthandParser.parse(text) { _ in nil }
    } catch let failure as ShorthandParser.Failure {
        guard 0 <= failure.offset, failure.offset <= text.utf8.count else {
            fatalError("shorthand error at \(failure.offset), outside 0...\(text.utf8.count): \(failure.message)")
        }
    } catch {}
    return 0
}

@main
enum FuzzShorthandMain {
    static func main() { runFuzzer(fuzzShorthand) }
}
