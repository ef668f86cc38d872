/// Binary search over an array kept in ascending order.
extension Array where Element: Comparable {
    /// The first index whose element is not less than `key`.
    func lowerBound(_ key: Element) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if self[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The first index whose element is greater than `key`.
    func upperBound(_ key: Element) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if key < self[mid] { high = mid } else { low = mid + 1 }
        }
        return low
    }

    mutating func insertSorted(_ key: Element) { insert(key, at: upperBound(key)) }

    mutating func removeSorted(_ key: Element) {
        let i = lowerBound(key)
        if i < count, self[i] == key { remove(at: i) }
    }
}
