import Catalog

/// Pages of ssm-contacts lists. The engine has the whole (small) list in
/// order; a token carries the sort key of the last item returned, so the next
/// page starts right after it even when items were added or removed meanwhile.
extension ContactsCommand {
    /// `MaxResults` (0 to 1024 in the model; 0 or absent: the default).
    func pageSize(default size: Int = 100) throws -> Int {
        guard let n = try input.integer("MaxResults"), n != 0 else { return size }
        guard (1...1024).contains(n) else {
            throw ContactsError.invalid("MaxResults", "MaxResults must be between 0 and 1024; got \(n).")
        }
        return Int(n)
    }

    /// One page of `items`, whose `key`s ascend in list order and are unique.
    func paginate<Item>(_ items: [Item], size: Int, key: (Item) -> String) throws -> (items: [Item], nextToken: Value?) {
        var rest = items[...]
        if let token = try input.string("NextToken") {
            let after: String
            do { after = try PageToken.read(token, scope: queryScope, count: 1)[0] } catch {
                throw ContactsError.invalid("NextToken", "The NextToken is not valid: pass the token of the previous page of the same request, unchanged.")
            }
            rest = rest.drop { key($0) <= after }
        }
        let page = Array(rest.prefix(size))
        guard rest.count > size, let last = page.last else { return (page, nil) }
        return (page, .string(PageToken.make(scope: queryScope, [key(last)])))
    }
}

/// Sort keys that compare as text in the order of the numbers they stand for.
enum SortKey {
    static func ascending(_ n: Int64) -> String {
        let s = String(UInt64(bitPattern: n ^ Int64.min), radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    static func descending(_ n: Int64) -> String { ascending(~n) }
}
