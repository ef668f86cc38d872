import FuzzSupport
import JMESPath

/// Whether a value holds a number too large for a double: read as infinity and
/// written `Infinity`, as Python's `json` module (and so the AWS CLI) does,
/// which no JSON parser reads back.
func holdsInfinity(_ value: JSONValue) -> Bool {
    switch value {
    case .number(let n): !n.isFinite
    case .array(let items): items.contains(where: holdsInfinity)
    case .object(let object): object.entries.contains { holdsInfinity($0.1) }
    default: false
    }
}

/// JMESPath's JSON parser; serializing what it read and reading that again
/// gives the same text (unless a number overflowed, see `holdsInfinity`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONJMESPath(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = bytes(data, size)
    do {
        let value = try JSONValue(parsing: input)
        let text = value.serialized(.compact)
        if holdsInfinity(value) { return 0 }
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
