/// Keys in ascending order, for the orders that lists walk (a timeline's
/// events, an account's incidents and plans).
///
/// The keys are kept in chunks of at most `chunkLimit`, so an insert or a
/// removal anywhere moves at most one chunk: a plain sorted array moved every
/// later key, and a runbook that adds events before the system events of an
/// incident made each insert cost the length of the timeline.
struct SortedKeys<Key: Comparable> {
    private var chunks: [[Key]] = []
    private(set) var count = 0
    static var chunkLimit: Int { 512 }

    init() {}

    /// Adds `key` after any keys equal to it.
    mutating func insert(_ key: Key) {
        count += 1
        let place = upperBound(key)
        if place == endIndex {
            if chunks.isEmpty || chunks[chunks.count - 1].count >= Self.chunkLimit {
                chunks.append([key])
            } else {
                chunks[chunks.count - 1].append(key)
            }
            return
        }
        chunks[place.chunk].insert(key, at: place.offset)
        if chunks[place.chunk].count > Self.chunkLimit {
            let half = chunks[place.chunk].count / 2
            let upper = Array(chunks[place.chunk][half...])
            chunks[place.chunk].removeSubrange(half...)
            chunks.insert(upper, at: place.chunk + 1)
        }
    }

    /// Removes one key equal to `key`, if there is one.
    mutating func remove(_ key: Key) {
        let place = lowerBound(key)
        guard place != endIndex, self[place] == key else { return }
        count -= 1
        chunks[place.chunk].remove(at: place.offset)
        if chunks[place.chunk].isEmpty { chunks.remove(at: place.chunk) }
    }

    /// The first position whose key is not less than `key`.
    func lowerBound(_ key: Key) -> Index {
        position { !($0 < key) }
    }

    /// The first position whose key is greater than `key`.
    func upperBound(_ key: Key) -> Index {
        position { key < $0 }
    }

    /// The first position whose key satisfies `isAfter`, which must be false
    /// for a prefix of the keys and true for the rest.
    private func position(_ isAfter: (Key) -> Bool) -> Index {
        var low = 0, high = chunks.count
        while low < high {
            let mid = (low + high) / 2
            if isAfter(chunks[mid][chunks[mid].count - 1]) { high = mid } else { low = mid + 1 }
        }
        guard low < chunks.count else { return endIndex }
        let chunk = chunks[low]
        var first = 0, last = chunk.count
        while first < last {
            let mid = (first + last) / 2
            if isAfter(chunk[mid]) { last = mid } else { first = mid + 1 }
        }
        return Index(chunk: low, offset: first)
    }
}

extension SortedKeys: BidirectionalCollection {
    /// A key's place: its chunk and its offset there. `endIndex` is one chunk past the last.
    struct Index: Comparable {
        var chunk: Int
        var offset: Int
        static func < (a: Self, b: Self) -> Bool { (a.chunk, a.offset) < (b.chunk, b.offset) }
    }

    var startIndex: Index { Index(chunk: 0, offset: 0) }
    var endIndex: Index { Index(chunk: chunks.count, offset: 0) }
    var isEmpty: Bool { count == 0 }

    subscript(position: Index) -> Key { chunks[position.chunk][position.offset] }

    func index(after i: Index) -> Index {
        i.offset + 1 < chunks[i.chunk].count ? Index(chunk: i.chunk, offset: i.offset + 1) : Index(chunk: i.chunk + 1, offset: 0)
    }

    func index(before i: Index) -> Index {
        i.offset > 0 ? Index(chunk: i.chunk, offset: i.offset - 1) : Index(chunk: i.chunk - 1, offset: chunks[i.chunk - 1].count - 1)
    }
}
