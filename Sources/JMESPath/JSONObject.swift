/// A JSON object that keeps its keys in insertion order.
///
/// Small objects are searched linearly; larger ones keep a hash index from key to
/// position. Setting an existing key replaces its value in place, as Python's `dict` does.
public struct JSONObject: Sendable {
    public private(set) var keys: [String] = []
    public private(set) var values: [JSONValue] = []
    private var index: [ScalarKey: Int]? = nil

    private static let indexThreshold = 12

    public init() {}

    public init(minimumCapacity: Int) {
        keys.reserveCapacity(minimumCapacity)
        values.reserveCapacity(minimumCapacity)
    }

    /// An object from keys known to be distinct (a typed structure's members),
    /// without looking for each key among the earlier ones.
    public init(distinctKeys keys: [String], values: [JSONValue]) {
        precondition(keys.count == values.count, "one value a key")
        self.keys = keys
        self.values = values
        if keys.count > Self.indexThreshold {
            index = Self.makeIndex(keys)
        }
    }

    private static func makeIndex(_ keys: [String]) -> [ScalarKey: Int] {
        var built = [ScalarKey: Int](minimumCapacity: keys.count * 2)
        for (i, k) in keys.enumerated() { built[ScalarKey(k)] = i }
        return built
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    /// The key-value pairs in insertion order.
    public var entries: Zip2Sequence<[String], [JSONValue]> { zip(keys, values) }

    /// The position of `key`, if present.
    public func position(of key: String) -> Int? {
        if let index { return index[ScalarKey(key)] }
        for i in keys.indices where keys[i].hasSameScalars(as: key) { return i }
        return nil
    }

    public subscript(key: String) -> JSONValue? {
        get { position(of: key).map { values[$0] } }
        set {
            if let newValue { set(key, newValue) } else { remove(key) }
        }
    }

    /// Sets `key` to `value`: replaces the value of an existing key, appends a new one.
    public mutating func set(_ key: String, _ value: JSONValue) {
        if let i = position(of: key) {
            values[i] = value
            return
        }
        keys.append(key)
        values.append(value)
        if index != nil {
            index![ScalarKey(key)] = keys.count - 1
        } else if keys.count > Self.indexThreshold {
            index = Self.makeIndex(keys)
        }
    }

    /// Removes `key` and its value, keeping the order of the others.
    public mutating func remove(_ key: String) {
        guard let i = position(of: key) else { return }
        keys.remove(at: i)
        values.remove(at: i)
        if index != nil {
            index = Self.makeIndex(keys)
        }
    }
}

extension JSONObject: Equatable {
    /// Equal when both hold the same keys with equal values, in any order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for (key, value) in lhs.entries {
            guard let other = rhs[key], other == value else { return false }
        }
        return true
    }
}

extension JSONObject: Hashable {
    public func hash(into hasher: inout Hasher) {
        // Order-independent: combine the entries' hashes commutatively.
        var sum = 0
        for (key, value) in entries {
            var entry = Hasher()
            ScalarKey(key).hash(into: &entry)
            value.hash(into: &entry)
            sum &+= entry.finalize()
        }
        hasher.combine(count)
        hasher.combine(sum)
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(minimumCapacity: elements.count)
        for (key, value) in elements { set(key, value) }
    }
}
