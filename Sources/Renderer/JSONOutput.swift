import JMESPath

/// `--output json`: Python's `json.dump(indent=4, ensure_ascii=False)` and a newline;
/// nothing at all for an empty object (a response without a body).
enum JSONOutput {
    static func render(_ document: JSONValue) -> String {
        if case .object(let object) = document, object.isEmpty { return "" }
        return document.serialized(.indented(4)) + "\n"
    }
}
