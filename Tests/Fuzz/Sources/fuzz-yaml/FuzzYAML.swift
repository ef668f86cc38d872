import Channel
import FuzzSupport
import Syntax
@testable import Checker

/// YAML from a command and from a channel file. The same bytes are read as a
/// `--cli-input-yaml` document (through the checker's input-document reader:
/// anchors and aliases refused, nesting bounded) and as a channel file
/// (through the channel configuration loader: aliases bounded by the nodes
/// they expand to). Neither may crash, exhaust the stack or the memory, or
/// hang; every error points inside the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = bytes(data, size)
    let text = String(decoding: input, as: UTF8.self)
    if case .failure(let failure) = InputDocument.yaml(text), let offset = failure.offset {
        guard 0 <= offset, offset <= text.utf8.count else {
            fatalError("--cli-input-yaml error at \(offset), outside 0...\(text.utf8.count): \(failure.message)")
        }
    }
    // `file://` policies would read this machine's files (a channel file is the
    // operator's, who may name any): not the fuzzer's business.
    guard !input.contains(subsequence: Array("file:".utf8)) else { return 0 }
    let file = SourceFile(name: "fuzz.yaml", bytes: input)
    do {
        _ = try ChannelConfiguration.parse(file)
    } catch {
        if error.file.name == file.name { checkDiagnostics([error.diagnostic], in: error.file) }
    }
    return 0
}

extension Array where Element == UInt8 {
    /// Whether the bytes hold `needle` (a plain loop over the buffer: the fuzzer calls it on every input).
    func contains(subsequence needle: [UInt8]) -> Bool {
        guard let first = needle.first, count >= needle.count else { return false }
        return withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { needle in
                var i = 0
                while i + needle.count <= haystack.count {
                    if haystack[i] == first {
                        var k = 1
                        while k < needle.count && haystack[i + k] == needle[k] { k += 1 }
                        if k == needle.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}

@main
enum FuzzYAMLMain {
    static func main() { runFuzzer(fuzzYAML) }
}
