/// How an operation's results come in pages, and which members carry the
/// token, the page size and the results.
public struct Paginator: Sendable, Hashable {
    /// Input members that take the token of the next page.
    public let inputToken: [String]
    /// Output paths that give the token of the next page.
    public let outputToken: [String]
    /// The input member that limits the size of a page, if any.
    public let limitKey: String?
    /// Output paths of the results that are joined across pages.
    public let resultKey: [String]
    public let moreResults: String?

    @inline(never)
    public init(inputToken: [String], outputToken: [String], limitKey: String? = nil,
                resultKey: [String], moreResults: String? = nil) {
        self.inputToken = inputToken
        self.outputToken = outputToken
        self.limitKey = limitKey
        self.resultKey = resultKey
        self.moreResults = moreResults
    }

    /// Input members the AWS CLI hides behind `--starting-token` and `--page-size`.
    public var inputMembers: [String] { inputToken + (limitKey.map { [$0] } ?? []) }
}
