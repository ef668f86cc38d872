/// A value read from JSON, YAML or the shorthand syntax, before it meets its
/// shape: what Python's `json.loads` or awscli's shorthand parser would hand
/// to botocore. Each node knows its span in the text it came from (UTF-8
/// offsets), so that a diagnostic can point at it.
struct ValueNode: Sendable {
    indirect enum Kind: Sendable {
        case string(String)
        case integer(Int64)
        /// An integer beyond 64 bits (Python keeps it exactly; we cannot).
        case bigInteger(String)
        case double(Double)
        case boolean(Bool)
        case null
        case list([ValueNode])
        case object([Entry])
        /// Raw bytes, from `fileb://`.
        case bytes([UInt8])
    }

    struct Entry: Sendable {
        var key: String
        var keySpan: Range<Int>
        var value: ValueNode
    }

    var kind: Kind
    var span: Range<Int>

    init(_ kind: Kind, _ span: Range<Int>) {
        self.kind = kind
        self.span = span
    }

    /// The type as a person would name it, for messages.
    var typeName: String {
        switch kind {
        case .string: "a string"
        case .integer, .bigInteger: "an integer"
        case .double: "a number"
        case .boolean: "a boolean"
        case .null: "null"
        case .list: "a list"
        case .object: "an object"
        case .bytes: "binary data"
        }
    }
}
