import JSON

/// JSON as the AWS CLI reads it with Python's `json.loads` (the `.python`
/// dialect of the one reader): `NaN`, `Infinity` and `-Infinity` are numbers,
/// a later duplicate key wins, integers and floats stay apart (`1` is an
/// integer, `1.0` a float). The values keep their spans, for diagnostics.
enum JSONInput {
    struct Failure: Error {
        var message: String
        var offset: Int
        var code: DiagnosticCode = .invalidJSON
    }

    static let maxDepth = JSONDialect.python.maxDepth

    /// The value of a whole text (white space around it allowed).
    static func read(_ text: String) -> Result<ValueNode, Failure> {
        var builder = ValueNodeBuilder()
        do throws(JSONError) {
            return .success(try JSONReader.read(text, dialect: .python, into: &builder))
        } catch {
            return .failure(Failure(message: error.message, offset: error.offset,
                                    code: error.kind == .tooDeep ? .nestingTooDeep : .invalidJSON))
        }
    }
}

/// Builds located `ValueNode`s as the reader reads.
struct ValueNodeBuilder: JSONBuilder {
    struct Object {
        var entries: [ValueNode.Entry] = []
        var index: [String: Int] = [:]
    }

    func null(at span: Range<Int>) -> ValueNode { ValueNode(.null, span) }
    func bool(_ value: Bool, at span: Range<Int>) -> ValueNode { ValueNode(.boolean(value), span) }
    func number(_ value: JSONNumber, at span: Range<Int>) -> ValueNode {
        switch value {
        case .integer(let i): ValueNode(.integer(i), span)
        case .bigInteger(let text): ValueNode(.bigInteger(text), span)
        case .double(let d): ValueNode(.double(d), span)
        }
    }
    func string(_ value: String, at span: Range<Int>) -> ValueNode { ValueNode(.string(value), span) }
    func makeArray() -> [ValueNode] { [] }
    func append(_ element: ValueNode, to array: inout [ValueNode]) { array.append(element) }
    func finish(_ array: [ValueNode], at span: Range<Int>) -> ValueNode { ValueNode(.list(array), span) }
    func makeObject() -> Object { Object() }
    func add(_ key: String, at keySpan: Range<Int>, _ value: ValueNode, to object: inout Object) {
        // As with Python's dict: a later duplicate replaces the value, keeping the place.
        if let at = object.index[key] {
            object.entries[at].value = value
        } else {
            object.index[key] = object.entries.count
            object.entries.append(ValueNode.Entry(key: key, keySpan: keySpan, value: value))
        }
    }
    func finish(_ object: Object, at span: Range<Int>) -> ValueNode { ValueNode(.object(object.entries), span) }
}
