import FuzzSupport
import JSON

/// The one JSON reader in its wire dialect; what it reads, its writer writes back to the
/// same value. Numbers compare by value: the writer writes a whole double as
/// an integer and a non-finite one as the string the AWS protocols use, and
/// the model, not the text, gives them their type.
func same(_ a: JSON, _ b: JSON) -> Bool {
    switch (a, b) {
    case let (.integer(x), .double(y)), let (.double(y), .integer(x)): return Double(x) == y
    case let (.double(x), .string(y)) where !x.isFinite: return y == (x.isNaN ? "NaN" : x < 0 ? "-Infinity" : "Infinity")
    case let (.array(x), .array(y)): return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
    case let (.object(x), .object(y)):
        return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && same($0.value, $1.value) }
    default: return a == b
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONWire(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = bytes(data, size)
    do {
        let value = try JSON(reading: input)
        let written = JSONWriter.encode(value)
        guard let again = try? JSON(reading: written), same(value, again) else {
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
