import FuzzSupport
import JMESPath

/// JMESPath's JSON parser; serializing what it read and reading that again gives the same text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONJMESPath(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = bytes(data, size)
    do {
        let value = try JSONValue(parsing: input)
        let text = value.serialized(.compact)
        guard let again = try? JSONValue(parsing: text), again.serialized(.compact) == text else {
            fatalError("\(String(decoding: input, as: UTF8.self).debugDescription) serialized as \(text.debugDescription) reads differently")
        }
    } catch {
        guard 0 <= error.offset, error.offset <= input.count else {
            fatalError("JSON error at \(error.offset), outside 0...\(input.count): \(error.message)")
        }
    }
    return 0
}

@main
enum FuzzJSONJMESPathMain {
    static func main() { runFuzzer(fuzzJSONJMESPath) }
}
