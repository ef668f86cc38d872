/// The HTTP request line of an operation. For `rest-json` the URI carries
/// `{label}` placeholders filled from members located in `uri`; for JSON 1.1
/// every operation is `POST /` with an `X-Amz-Target` header.
public struct HTTPBinding: Sendable, Hashable {
    public let method: String
    public let requestURI: String
    /// The status of a successful response, when the model gives one.
    public let responseCode: Int?

    @inline(never)
    public init(method: String, requestURI: String, responseCode: Int? = nil) {
        self.method = method
        self.requestURI = requestURI
        self.responseCode = responseCode
    }

    /// The placeholders of the request URI, without braces; a greedy label keeps its `+`.
    public var uriLabels: [String] {
        var labels: [String] = []
        var rest = Substring(requestURI)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            labels.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return labels
    }
}
