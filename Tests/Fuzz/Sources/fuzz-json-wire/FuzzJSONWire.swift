import FuzzSupport
import Wire

/// The wire layer's JSON parser; what it reads, its writer writes back to the same value.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONWire(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = bytes(data, size)
    do {
        let value = try JSONParser.parse(input)
        let written = JSONWriter.encode(value)
        guard let again = try? JSONParser.parse(written), again == value else {
            fatalError("\(String(decoding: input, as: UTF8.self).debugDescription) written as \(String(decoding: written, as: UTF8.self).debugDescription) reads differently")
        }
    } catch {
        guard 0 <= error.offset, error.offset <= input.count else {
            fatalError("JSON error at \(error.offset), outside 0...\(input.count): \(error.message)")
        }
    }
    return 0
}

@main
enum FuzzJSONWireMain {
    static func main() { runFuzzer(fuzzJSONWire) }
}
