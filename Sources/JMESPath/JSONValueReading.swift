import JSON

extension JSONValue {
    /// Arrays and objects nested deeper than this are rejected rather than risk the stack.
    public static let maximumNestingDepth = JSONDialect.jmespath.maxDepth

    /// Reads one JSON value (RFC 8259, the one reader's `.jmespath` dialect);
    /// white space may surround it, nothing else may follow.
    public init(parsing text: String) throws(JSONError) {
        var builder = JSONValueBuilder()
        self = try JSONReader.read(text, dialect: .jmespath, into: &builder)
    }

    /// Reads one JSON value from UTF-8 bytes.
    public init(parsing bytes: [UInt8]) throws(JSONError) {
        var builder = JSONValueBuilder()
        // Through the buffer, so that the reader is specialized for this builder.
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONError) in try JSONReader.read(buffer, dialect: .jmespath, into: &builder) }
        }
        self = try result.get()
    }
}

/// Builds `JSONValue`s: every number a double, a later duplicate key replacing the earlier value.
struct JSONValueBuilder: JSONBuilder {
    func null(at span: Range<Int>) -> JSONValue { .null }
    func bool(_ value: Bool, at span: Range<Int>) -> JSONValue { .bool(value) }
    func number(_ value: JSONNumber, at span: Range<Int>) -> JSONValue {
        switch value {
        case .integer(let i): .number(Double(i))
        case .bigInteger(let text): .number(Double(text) ?? .infinity)
        case .double(let d): .number(d)
        }
    }
    func string(_ value: String, at span: Range<Int>) -> JSONValue { .string(value) }
    func makeArray() -> [JSONValue] { [] }
    func append(_ element: JSONValue, to array: inout [JSONValue]) { array.append(element) }
    func finish(_ array: [JSONValue], at span: Range<Int>) -> JSONValue { .array(array) }
    func makeObject() -> JSONObject { JSONObject() }
    func add(_ key: String, at keySpan: Range<Int>, _ value: JSONValue, to object: inout JSONObject) { object.set(key, value) }
    func finish(_ object: JSONObject, at span: Range<Int>) -> JSONValue { .object(object) }
}
