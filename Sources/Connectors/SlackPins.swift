import JSON
import Backend
import Catalog
import Wire

/// Which Slack messages are pinned to an incident's timeline, and by whom:
/// a message is one `Note` however many 📌 reactions and pins it gets, and
/// leaves the timeline when the last of them is taken off. A pinned
/// message is kept in the store's channel data (`slack-pins:C…`, the last
/// `capacity` messages), so that it can be unpinned after a restart; a pin
/// whose Note is still being created is kept in memory only. One change is
/// made at a time (each reads and writes the store).
actor SlackPins {
    private let gate = AsyncGate()
    /// Messages whose Note is being created, and who pinned them meanwhile.
    private var pending: [String: Set<String>] = [:]
    /// Message → `{"incident":…,"event":…,"by":[…]}`.
    let pinned: StoredRecords

    init(records: StoredRecords) {
        pinned = records
    }

    struct Pinned {
        var incident: String
        var eventId: String
        var by: Set<String>

        init(incident: String, eventId: String, by: Set<String>) {
            self.incident = incident
            self.eventId = eventId
            self.by = by
        }

        init?(_ text: String) {
            guard let json = try? JSON(reading: Array(text.utf8)), case .string(let incident)? = json["incident"],
                  case .string(let eventId)? = json["event"], case .array(let by)? = json["by"] else { return nil }
            self.init(incident: incident, eventId: eventId, by: Set(by.compactMap { if case .string(let s) = $0 { s } else { nil } }))
        }

        var text: String {
            JSON.object([("incident", .string(incident)), ("event", .string(eventId)),
                             ("by", .array(by.sorted().map { .string($0) }))]).compact
        }
    }

    private func stored(_ key: String) async -> Pinned? {
        await pinned.value(key).flatMap(Pinned.init)
    }

    /// `pinner` pins message `key`; true when this is the first pin, whose Note the caller creates.
    func claim(_ key: String, by pinner: String) async -> Bool {
        await gate.enter()
        defer { gate.leave() }
        if pending[key] != nil {
            pending[key]?.insert(pinner)
            return false
        }
        if var note = await stored(key) {
            if note.by.insert(pinner).inserted { await pinned.set(key, note.text) }
            return false
        }
        pending[key] = [pinner]
        return true
    }

    /// The Note was created; if everyone took their pin off meanwhile, it is to be deleted now.
    func created(_ key: String, incident: String, eventId: String) async -> Bool {
        await gate.enter()
        defer { gate.leave() }
        guard let by = pending.removeValue(forKey: key) else { return false }
        if by.isEmpty { return true }
        await pinned.set(key, Pinned(incident: incident, eventId: eventId, by: by).text)
        return false
    }

    /// The Note could not be created: the message is not pinned.
    func failed(_ key: String) async {
        await gate.enter()
        defer { gate.leave() }
        pending[key] = nil
    }

    /// `pinner` takes their pin off; the Note to delete when it was the last one.
    func release(_ key: String, by pinner: String) async -> (incident: String, eventId: String)? {
        await gate.enter()
        defer { gate.leave() }
        if pending[key] != nil {
            pending[key]?.remove(pinner)
            return nil
        }
        guard var note = await stored(key), note.by.remove(pinner) != nil else { return nil }
        guard note.by.isEmpty else {
            await pinned.set(key, note.text)
            return nil
        }
        await pinned.set(key, nil)
        return (note.incident, note.eventId)
    }
}
