import Backend
import Foundation
import Testing

/// The channel records a chat channel keeps beside the incidents (its
/// aliases, the browser channel's conversation): appended records are
/// numbered once, in order, whichever process sharing the store appends.
@Suite("Conformance: channel records")
struct ChannelDataConformance {
    @Test(arguments: BackendKind.transactional)
    func appendsAreNumberedOnceAcrossProcesses(kind: BackendKind) async throws {
        let h = try kind.make()
        let first = try #require(h.backend as? any ChannelDataStore)
        let second = try h.reopen?() as? any ChannelDataStore ?? first
        // Twenty appends at once, half of them through another process's backend.
        let numbers = try await withThrowingTaskGroup(of: Int.self) { group in
            for i in 0..<20 {
                let store = i.isMultiple(of: 2) ? first : second
                group.addTask { try await store.appendChannelData(kind: "web-messages:ops", account: "111122223333") { "m\($0)" } }
            }
            var all: [Int] = []
            for try await number in group { all.append(number) }
            return all
        }
        #expect(numbers.sorted() == Array(1...20))
        let kept = try await first.channelData(kind: "web-messages:ops", account: "111122223333")
        #expect(kept.count == 20)
        #expect(kept.allSatisfy { Int($0.key).map { "m\($0)" } == $0.value }, "each value is the one made for its number")
        let later = try await second.channelData(kind: "web-messages:ops", account: "111122223333", after: sequenceKey(17))
        #expect(later.keys.sorted() == [18, 19, 20].map(sequenceKey))
        #expect(try await first.appendChannelData(kind: "web-messages:other", account: "111122223333") { _ in "x" } == 1,
                "each kind has numbers of its own")
        #expect(try await first.appendChannelData(kind: "web-messages:ops", account: "444455556666") { _ in "x" } == 1,
                "so does each account")
    }
}
