/// Collects one page from a store scan: up to `limit` items that pass
/// `include`, and whether at least one more would follow.
struct Page<Item> {
    var items: [Item] = []
    var hasMore = false

    init(limit: Int, include: (Item) throws -> Bool = { _ in true },
         scan: ((Item) throws -> Bool) throws -> Void) throws {
        var items: [Item] = []
        var hasMore = false
        items.reserveCapacity(min(limit, 128))
        try withoutActuallyEscaping(include) { include in
            try scan { item in
                guard try include(item) else { return true }
                if items.count == limit {
                    hasMore = true
                    return false
                }
                items.append(item)
                return true
            }
        }
        self.items = items
        self.hasMore = hasMore
    }
}
