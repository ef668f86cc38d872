import Catalog

/// One `Filter` of a list request: a key and its condition. Filters are
/// combined with AND; the values of one `equals` with OR.
struct ListFilter {
    enum Kind { case time, string, integer }
    enum Condition {
        case before(Millis)
        case after(Millis)
        case strings(Set<String>)
        case integers(Set<Int64>)
    }

    var key: String
    var condition: Condition

    /// Reads `filters` and checks each key and condition against `keys`.
    static func parse(_ input: Input, keys: KeyValuePairs<String, Kind>) throws -> [ListFilter] {
        guard let list = try input.list("filters") else { return [] }
        let known = Dictionary(uniqueKeysWithValues: keys.map { ($0.key, $0.value) })
        let names = keys.map(\.key).joined(separator: ", ")
        return try list.map { filter in
            guard let key = filter["key"]?.string, let condition = filter["condition"]?.members, condition.count == 1 else {
                throw ServiceError.validation("Each filter needs a key and a condition with one of after, before or equals.")
            }
            guard let kind = known[key] else {
                throw ServiceError.validation("Can't filter on \(key); the keys are \(names).")
            }
            let (name, value) = (condition.keys[0], condition.values[0])
            switch (name, kind) {
            case ("before", .time):
                guard let t = value.timestamp else { break }
                return ListFilter(key: key, condition: .before(t.millis))
            case ("after", .time):
                guard let t = value.timestamp else { break }
                return ListFilter(key: key, condition: .after(t.millis))
            case ("equals", .string):
                guard let strings = value["stringValues"]?.list?.compactMap(\.string) else {
                    throw ServiceError.validation("Filter \(key) compares strings: use equals with stringValues.")
                }
                return ListFilter(key: key, condition: .strings(Set(strings)))
            case ("equals", .integer):
                guard let ints = value["integerValues"]?.list?.compactMap(\.integer) else {
                    throw ServiceError.validation("Filter \(key) compares integers: use equals with integerValues.")
                }
                return ListFilter(key: key, condition: .integers(Set(ints)))
            default: break
            }
            let expected = kind == .time ? "before or after (a timestamp)" : "equals"
            throw ServiceError.validation("Filter \(key) takes \(expected), not \(name).")
        }
    }

    func matches(time: Millis?) -> Bool {
        switch condition {
        case .before(let t): if let time { return time < t } else { return false }
        case .after(let t): if let time { return time > t } else { return false }
        default: return false
        }
    }

    func matches(string: String?) -> Bool {
        if case .strings(let set) = condition, let string { return set.contains(string) }
        return false
    }

    func matches(anyOf strings: [String]) -> Bool {
        if case .strings(let set) = condition { return strings.contains(where: set.contains) }
        return false
    }

    func matches(integer: Int64) -> Bool {
        if case .integers(let set) = condition { return set.contains(integer) }
        return false
    }
}
