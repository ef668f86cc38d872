/// An error an operation can return, with the HTTP status it comes with.
public struct ErrorShape: Sendable, Hashable {
    /// The error's name, `ResourceNotFoundException`.
    public let name: String
    /// The code on the wire (`__type` or `x-amzn-ErrorType`); the name unless the model says otherwise.
    public let code: String
    public let shape: ShapeID
    public let httpStatusCode: Int
    /// False when the model gives no status and `httpStatusCode` is the
    /// protocol's default: 400 for a client error, 500 for a fault.
    public let statusIsModeled: Bool
    /// The service's fault rather than the caller's.
    public let isFault: Bool

    @inline(never)
    public init(name: String, code: String, shape: Int, httpStatusCode: Int, statusIsModeled: Bool, fault: Bool) {
        self.name = name
        self.code = code
        self.shape = ShapeID(shape)
        self.httpStatusCode = httpStatusCode
        self.statusIsModeled = statusIsModeled
        self.isFault = fault
    }
}
