@testable import MemoryBackend
import Testing

/// The memory backend's chunked order against a plain sorted array.
@Suite struct SortedKeysTests {
    struct Key: Comparable {
        var time: Int
        var seq: Int
        static func < (a: Self, b: Self) -> Bool { (a.time, a.seq) < (b.time, b.seq) }
    }

    @Test(arguments: [1, 2, 3])
    func agreesWithASortedArray(seed: UInt64) {
        var random = SeededRandom(seed)
        var keys = SortedKeys<Key>()
        var model: [Key] = []
        var seq = 0
        // Enough keys for many chunks; times repeat so that equal keys meet.
        for step in 0..<6_000 {
            if step % 4 == 3, !model.isEmpty {
                let victim = model[Int(random.next() % UInt64(model.count))]
                keys.remove(victim)
                model.remove(at: model.firstIndex(of: victim)!)
            } else {
                seq += 1
                let key = Key(time: Int(random.next() % 300), seq: seq)
                keys.insert(key)
                model.insert(key, at: model.firstIndex { key < $0 } ?? model.count)
            }
        }
        #expect(keys.count == model.count)
        #expect(Array(keys) == model)
        #expect(Array(keys.reversed()) == Array(model.reversed()))
        for _ in 0..<200 {
            let probe = Key(time: Int(random.next() % 310), seq: Int(random.next() % UInt64(seq + 1)))
            let lower = model.firstIndex { !($0 < probe) } ?? model.count
            let upper = model.firstIndex { probe < $0 } ?? model.count
            #expect(keys.distance(from: keys.startIndex, to: keys.lowerBound(probe)) == lower)
            #expect(keys.distance(from: keys.startIndex, to: keys.upperBound(probe)) == upper)
        }
        // Removing a key that is not there changes nothing.
        keys.remove(Key(time: 1_000, seq: 0))
        #expect(keys.count == model.count)
        for key in model { keys.remove(key) }
        #expect(keys.isEmpty && keys.startIndex == keys.endIndex)
    }

    /// A linear congruential generator: reproducible, and enough to shuffle keys.
    struct SeededRandom {
        var state: UInt64
        init(_ seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
    }
}
