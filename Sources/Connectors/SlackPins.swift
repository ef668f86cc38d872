/// Which Slack messages are pinned to an incident's timeline, and by whom:
/// a message is one `Note` however many 📌 reactions and pins it gets, and
/// leaves the timeline when the last of them is taken off. Kept in memory
/// (the last `capacity` messages): after a restart, a message pinned before
/// can be pinned again but not unpinned.
actor SlackPins {
    enum State {
        /// Its Note is being created.
        case pending(Set<String>)
        case pinned(incident: String, eventId: String, by: Set<String>)
    }

    let capacity: Int
    private var states: [String: State] = [:]
    private var order: [String] = []

    init(capacity: Int = 10_000) {
        self.capacity = capacity
    }

    /// `pinner` pins message `key`; true when this is the first pin, whose Note the caller creates.
    func claim(_ key: String, by pinner: String) -> Bool {
        switch states[key] {
        case .pending(var by):
            by.insert(pinner)
            states[key] = .pending(by)
            return false
        case .pinned(let incident, let eventId, var by):
            by.insert(pinner)
            states[key] = .pinned(incident: incident, eventId: eventId, by: by)
            return false
        case nil:
            if order.count >= capacity { states[order.removeFirst()] = nil }
            order.append(key)
            states[key] = .pending([pinner])
            return true
        }
    }

    /// The Note was created; if everyone took their pin off meanwhile, it is to be deleted now.
    func created(_ key: String, incident: String, eventId: String) -> Bool {
        guard case .pending(let by)? = states[key] else { return false }
        if by.isEmpty {
            states[key] = nil
            return true
        }
        states[key] = .pinned(incident: incident, eventId: eventId, by: by)
        return false
    }

    /// The Note could not be created: the message is not pinned.
    func failed(_ key: String) {
        states[key] = nil
    }

    /// `pinner` takes their pin off; the Note to delete when it was the last one.
    func release(_ key: String, by pinner: String) -> (incident: String, eventId: String)? {
        switch states[key] {
        case .pending(var by):
            by.remove(pinner)
            states[key] = .pending(by)
            return nil
        case .pinned(let incident, let eventId, var by):
            by.remove(pinner)
            guard by.isEmpty else {
                states[key] = .pinned(incident: incident, eventId: eventId, by: by)
                return nil
            }
            states[key] = nil
            return (incident, eventId)
        case nil:
            return nil
        }
    }
}
