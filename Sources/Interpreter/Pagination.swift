import Backend
import Catalog
import Foundation
import OrderedCollections

/// Runs a paginated operation the way the AWS CLI does: every page fetched and
/// the result lists joined, `--page-size` as the page limit, `--max-items`
/// cutting the joined result (with a `NextToken` to go on from), and
/// `--starting-token` taking such a token back.
struct Pagination {
    let paginator: Paginator
    var pageSize: Int?
    var maxItems: Int?
    var startingToken: String?

    /// The CLI's resume token: base64 of `{"nextToken": ..., "boto_truncate_amount": n}`,
    /// as botocore's TokenEncoder writes it.
    struct ResumeToken: Equatable {
        var serviceToken: String?
        var truncateAmount: Int

        func encoded(inputToken: String) -> String {
            var object: [String: Any] = [:]
            object[inputToken] = serviceToken ?? NSNull()
            if truncateAmount > 0 { object["boto_truncate_amount"] = truncateAmount }
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
            return data.base64EncodedString()
        }

        static func decode(_ text: String, inputToken: String) -> ResumeToken? {
            guard let data = Data(base64Encoded: text),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
            let amount = object["boto_truncate_amount"] as? Int ?? 0
            guard amount >= 0, amount <= Int(Int32.max) else { return nil }
            return ResumeToken(serviceToken: object[inputToken] as? String, truncateAmount: amount)
        }
    }

    struct InvalidStartingToken: Error {}

    /// Fetches pages with `send` and returns the joined result.
    func run(_ request: Request, send: (Request) async throws(ServiceError) -> Value) async throws -> Value {
        guard let inputToken = paginator.inputToken.first, let outputToken = paginator.outputToken.first else {
            return try await send(request)
        }
        var request = request
        var skip = 0
        if let startingToken {
            guard let resume = ResumeToken.decode(startingToken, inputToken: inputToken) else { throw InvalidStartingToken() }
            if let token = resume.serviceToken { request.input[inputToken] = .string(token) }
            skip = resume.truncateAmount
        }
        if let limit = paginator.limitKey, let pageSize { request.input[limit] = .integer(Int64(pageSize)) }

        var joined: OrderedDictionary<String, Value> = [:]
        var collected = 0
        var resume: ResumeToken? = nil
        pages: while true {
            let page = try await send(request)
            let members = page.members ?? [:]
            let pageToken = members[outputToken]?.string
            for key in paginator.resultKey {
                guard var items = members[key]?.list else { continue }
                if skip > 0 {
                    items = Array(items.dropFirst(skip))
                }
                let consumedBefore = skip
                skip = 0
                if let maxItems, collected + items.count > maxItems {
                    let keep = maxItems - collected
                    append(Array(items.prefix(keep)), to: key, in: &joined)
                    resume = ResumeToken(serviceToken: request.input[inputToken]?.string,
                                         truncateAmount: consumedBefore + keep)
                    break pages
                }
                append(items, to: key, in: &joined)
                collected += items.count
            }
            guard let pageToken, !pageToken.isEmpty else { break }
            if let maxItems, collected >= maxItems {
                resume = ResumeToken(serviceToken: pageToken, truncateAmount: 0)
                break
            }
            request.input[inputToken] = .string(pageToken)
        }
        if let resume { joined["NextToken"] = .string(resume.encoded(inputToken: inputToken)) }
        return .structure(joined)
    }

    private func append(_ items: [Value], to key: String, in joined: inout OrderedDictionary<String, Value>) {
        if case .list(let existing) = joined[key] {
            joined[key] = .list(existing + items)
        } else {
            joined[key] = .list(items)
        }
    }
}
