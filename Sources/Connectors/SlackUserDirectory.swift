import Channel

/// Who a Slack user is in the channel: the member name the channel file
/// maps their ID to (`slack: {users: {U…: alice}}`), else their Slack name
/// from `users.info` (asked once, then cached), else, with no API or no
/// answer, the ID itself (which no `members` list names, so a channel with
/// members refuses them).
public actor SlackUserDirectory {
    let mapped: [String: String]
    let api: SlackWebAPI?
    /// The most names kept; past it the cache starts again.
    let capacity: Int
    private var cache: [String: String] = [:]
    /// Lookups asked of Slack (tests count them).
    public private(set) var lookups = 0

    public init(settings: SlackSettings, api: SlackWebAPI?, capacity: Int = 10_000) {
        self.mapped = settings.users
        self.api = api
        self.capacity = capacity
    }

    public func name(of id: String) async -> String {
        if let name = mapped[id] ?? cache[id] { return name }
        guard let api else { return id }
        lookups += 1
        guard let name = await api.userName(id) else { return id }
        if cache.count >= capacity { cache.removeAll(keepingCapacity: true) }
        cache[id] = name
        return name
    }
}
