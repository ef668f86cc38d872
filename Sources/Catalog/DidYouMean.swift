/// Suggestions for a mistyped name: the known names within a small edit
/// distance, closest first.
public enum DidYouMean {
    /// The optimal-string-alignment distance: insertions, deletions,
    /// substitutions and swaps of two neighbours each cost one. Letters are
    /// compared without case, and `_` counts as `-`.
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = normalized(a), y = normalized(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var before = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    best = min(best, before[j - 2] + 1)
                }
                current[j] = best
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[y.count]
    }

    /// The largest distance still worth a suggestion for a word of this length.
    public static func threshold(for word: String) -> Int {
        switch word.count {
        case ...3: 1
        case ...8: 2
        default: 3
        }
    }

    /// The names within `threshold(for:)` of `word`, closest first (then in
    /// the order given), at most `limit`.
    public static func candidates(for word: String, among names: [String], limit: Int = 3) -> [String] {
        let limitDistance = threshold(for: word)
        let length = word.count
        var scored: [(distance: Int, order: Int, name: String)] = []
        for (order, name) in names.enumerated() {
            // The distance is at least the difference in length: a long word is not compared at all.
            guard abs(length - name.count) <= limitDistance else { continue }
            let d = distance(word, name)
            if d <= limitDistance, d < max(word.count, name.count) {
                scored.append((d, order, name))
            }
        }
        scored.sort { ($0.distance, $0.order) < ($1.distance, $1.order) }
        var seen = Set<String>()
        return scored.map(\.name).filter { seen.insert($0).inserted }.prefix(limit).map { $0 }
    }

    private static func normalized(_ s: String) -> [Unicode.Scalar] {
        s.lowercased().unicodeScalars.map { $0 == "_" ? "-" : $0 }
    }
}
